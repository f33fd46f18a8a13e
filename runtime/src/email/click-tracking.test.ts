import { describe, expect, it } from 'vitest';
import { trackClicks, withOpenPixel } from './click-tracking';

const track = (url: string) => (url.startsWith('https://own.example/') ? undefined : `https://own.example/c?u=${encodeURIComponent(url)}&x=1`);

describe('trackClicks', () => {
  it('rewrites the http(s) links of <a> and <area>, decoding entities in the original address', () => {
    const html = [
      '<a href="https://shop.example/p?a=1&amp;b=2" target="_blank">Shop</a>',
      "<a\n   class=\"btn\" href='http://shop.example/x'>X</a>",
      '<area shape="rect" href="https://shop.example/map">',
    ].join('\n');
    expect(trackClicks(html, track)).toBe(
      [
        '<a href="https://own.example/c?u=https%3A%2F%2Fshop.example%2Fp%3Fa%3D1%26b%3D2&amp;x=1" target="_blank">Shop</a>',
        '<a\n   class="btn" href="https://own.example/c?u=http%3A%2F%2Fshop.example%2Fx&amp;x=1">X</a>',
        '<area shape="rect" href="https://own.example/c?u=https%3A%2F%2Fshop.example%2Fmap&amp;x=1">',
      ].join('\n'),
    );
  });

  it('leaves our own links, mailto:, tel:, anchors and stylesheet links alone', () => {
    const html = [
      '<link href="https://fonts.example/css" rel="stylesheet">',
      '<a href="https://own.example/api/unsubscribe/t">Unsubscribe</a>',
      '<a href="mailto:shop@example.com">Write</a>',
      '<a href="tel:+420777123456">Call</a>',
      '<a href="#top">Top</a>',
      '<a name="x">No link</a>',
    ].join('\n');
    expect(trackClicks(html, track)).toBe(html);
  });
});

describe('withOpenPixel', () => {
  it('puts a 1x1 image just before the closing body tag', () => {
    expect(withOpenPixel('<html><body><p>Hi</p></BODY></html>', 'https://own.example/o?a&b')).toBe(
      '<html><body><p>Hi</p><img src="https://own.example/o?a&amp;b" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px;overflow:hidden" /></BODY></html>',
    );
  });

  it('appends it to HTML without a body tag', () => {
    expect(withOpenPixel('<p>Hi</p>', 'https://own.example/o')).toMatch(/^<p>Hi<\/p><img src="https:\/\/own.example\/o" /);
  });
});
