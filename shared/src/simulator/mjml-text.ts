const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Rendered MJML as the words a reader sees: head, styles and tags gone, whitespace collapsed. */
export function mjmlToText(mjml: string): string {
  return mjml
    .replace(/<mj-head[\s\S]*?<\/mj-head>/gi, ' ')
    .replace(/<(style|mj-style|script)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => entities[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
