const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const existingPreview = /<mj-preview\b[^>]*>[\s\S]*?<\/mj-preview>/i;
const headOpen = /<mj-head\b[^>]*>/i;
const rootOpen = /<mjml\b[^>]*>/i;

/**
 * The node's preheader as the MJML's <mj-preview> (the hidden line inboxes show after the
 * subject). It replaces a preview the template has, since the preheader field is the one the
 * marketer set for this node. A blank preheader leaves the MJML as it is.
 */
export function withPreheader(mjml: string, preheader: string | undefined): string {
  const text = preheader?.trim();
  if (!text) return mjml;
  const preview = `<mj-preview>${escapeText(text)}</mj-preview>`;
  if (existingPreview.test(mjml)) return mjml.replace(existingPreview, () => preview);
  if (headOpen.test(mjml)) return mjml.replace(headOpen, (tag) => `${tag}${preview}`);
  return mjml.replace(rootOpen, (tag) => `${tag}<mj-head>${preview}</mj-head>`);
}
