import type { Page } from 'playwright-core';

/** Roles a person operates: each needs an accessible name for screen reader and voice-control users. */
const INTERACTIVE_ROLES = new Set([
  'button',
  'checkbox',
  'combobox',
  'link',
  'listbox',
  'menuitem',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
]);

interface AxValue {
  value?: unknown;
}
interface AxNode {
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  backendDOMNodeId?: number;
}

/**
 * The interactive elements of the page that have no accessible name, each as the start of its
 * HTML. Chromium's own accessibility tree computes the names (labels, aria-label, aria-labelledby,
 * text content, title), exactly what a screen reader would announce.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const unnamed: string[] = [];
    for (const node of nodes) {
      const role = String(node.role?.value ?? '');
      if (node.ignored || !INTERACTIVE_ROLES.has(role) || String(node.name?.value ?? '').trim() !== '') continue;
      let html = '(no DOM node)';
      if (node.backendDOMNodeId !== undefined) {
        const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { backendNodeId: node.backendDOMNodeId })) as { outerHTML: string };
        html = outerHTML.slice(0, 160);
      }
      unnamed.push(`${role}: ${html}`);
    }
    return unnamed;
  } finally {
    await cdp.detach();
  }
}
