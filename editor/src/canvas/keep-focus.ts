/**
 * Deleting or undoing can remove the focused node from the page, which drops focus to <body>
 * and with it every canvas shortcut. After React has rendered, focus returns to the canvas.
 */
export function keepCanvasFocus(from: Element): void {
  const canvas = from.closest<HTMLElement>('.nf-canvas');
  if (!canvas) return;
  requestAnimationFrame(() => {
    if (!canvas.contains(document.activeElement)) canvas.focus({ preventScroll: true });
  });
}
