import { decodeEntities, escapeAttribute } from './html-entities';

/** Links a reader can click: <a> and image-map <area> elements (not <link> in the head). */
const clickable = /<(?:a|area)\b[^>]*>/gi;
const hrefAttribute = /(\shref\s*=\s*)(?:"([^"]*)"|'([^']*)')/i;
const web = /^https?:\/\//i;

/**
 * Sends every clicked http(s) link of the HTML through `track` (which gives the tracking URL, or
 * undefined to leave a link alone: the unsubscribe and "view in browser" links). mailto:, tel:
 * and anchors stay as written.
 */
export function trackClicks(html: string, track: (url: string) => string | undefined): string {
  return html.replace(clickable, (tag) =>
    tag.replace(hrefAttribute, (whole, prefix: string, doubleQuoted: string | undefined, singleQuoted: string | undefined) => {
      const url = decodeEntities((doubleQuoted ?? singleQuoted ?? '').trim());
      if (!web.test(url)) return whole;
      const tracked = track(url);
      return tracked === undefined ? whole : `${prefix}"${escapeAttribute(tracked)}"`;
    }),
  );
}

/** The open pixel: a 1x1 image just before </body>, so it loads once the email is shown. */
export function withOpenPixel(html: string, pixelUrl: string): string {
  const pixel = `<img src="${escapeAttribute(pixelUrl)}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px;overflow:hidden" />`;
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end < 0 ? `${html}${pixel}` : `${html.slice(0, end)}${pixel}${html.slice(end)}`;
}
