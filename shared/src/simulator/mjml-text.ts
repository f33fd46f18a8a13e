const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

// Numeric ones too: escaped Liquid output writes quotes as &#34; and &#39;.
const decode = (_: string, name: string): string => {
  if (!name.startsWith('#')) return entities[name] ?? '';
  const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
};

/** Rendered MJML as the words a reader sees: head, styles and tags gone, whitespace collapsed. */
export function mjmlToText(mjml: string): string {
  return mjml
    .replace(/<mj-head[\s\S]*?<\/mj-head>/gi, ' ')
    .replace(/<(style|mj-style|script)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});/g, decode)
    .replace(/\s+/g, ' ')
    .trim();
}
