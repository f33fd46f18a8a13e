import { decodeEntities } from './html-entities';

const CELL = '\u0001';

function href(attributes: string): string | undefined {
  const m = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
  const value = m?.[1] ?? m?.[2];
  return value === undefined ? undefined : decodeEntities(value.trim());
}

/** The words inside an element, for a link's label (entities are decoded with the rest of the text). */
const words = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/**
 * The plain-text part, from the MJML after Liquid: the words a reader sees, a blank line between
 * blocks, table cells separated by " | ", and every link written out as "label (address)" with
 * its address passed through `link` (so the text part's clicks are tracked like the HTML's).
 */
export function plainText(mjml: string, link: (url: string) => string): string {
  const labelled = (label: string, url: string | undefined, separator: (l: string, u: string) => string) => {
    const shown = words(label);
    if (url === undefined || url === '' || url.startsWith('#')) return shown;
    const target = link(url);
    return shown === '' || decodeEntities(shown) === url ? target : separator(shown, target);
  };
  const text = mjml
    .replace(/<mj-head\b[\s\S]*?<\/mj-head>/gi, '')
    .replace(/<(style|mj-style|script|title)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Line breaks in the source are spaces in the email; only the markup below breaks lines.
    .replace(/\s+/g, ' ')
    .replace(/<mj-button\b([^>]*)>([\s\S]*?)<\/mj-button>/gi, (_, attributes: string, label: string) => `\n\n${labelled(label, href(attributes), (l, u) => `${l}: ${u}`)}\n\n`)
    .replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi, (_, attributes: string, label: string) => labelled(label, href(attributes), (l, u) => `${l} (${u})`))
    .replace(/<\/(?:mj-text|mj-section|mj-wrapper|mj-hero|mj-table|table|p|h[1-6]|blockquote|ul|ol)>|<(?:mj-divider|mj-spacer|hr)\b[^>]*>/gi, '\n\n')
    .replace(/<br\s*\/?>|<\/(?:tr|li|div)>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<\/(?:td|th)>/gi, CELL)
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) =>
      line
        .split(CELL)
        .map((cell) => cell.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter((cell) => cell !== '')
        .join(' | '),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
