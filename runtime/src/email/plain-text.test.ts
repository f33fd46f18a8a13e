import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text';

const link = (url: string) => (url.startsWith('https://') ? `${url}#tracked` : url);

describe('plainText', () => {
  it('writes blocks as paragraphs, breaks as lines, and links with their addresses', () => {
    const mjml = `<mjml>
  <mj-head><mj-title>Title</mj-title><mj-style>.a { color: red }</mj-style><mj-preview>Preview</mj-preview></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text>Hello
        <b>Ann</b>,<br/>thanks &amp; welcome.</mj-text>
      <!-- a comment -->
      <mj-text><p>See <a href="https://shop.example/new?a=1&amp;b=2">what is new</a> or <a href="mailto:shop@example.com">write us</a>.</p><p>Visit <a href="https://shop.example/">https://shop.example/</a></p></mj-text>
      <mj-button href="https://shop.example/cart">Finish your order</mj-button>
      <mj-divider />
      <mj-text><ul><li>One</li><li>Two</li></ul></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
    expect(plainText(mjml, link)).toBe(
      [
        'Hello Ann,',
        'thanks & welcome.',
        '',
        'See what is new (https://shop.example/new?a=1&b=2#tracked) or write us (mailto:shop@example.com).',
        '',
        'Visit https://shop.example/#tracked',
        '',
        'Finish your order: https://shop.example/cart#tracked',
        '',
        '- One',
        '- Two',
      ].join('\n'),
    );
  });

  it('writes a table row per line with its cells separated', () => {
    const mjml = '<mjml><mj-body><mj-table><tr><th>Item</th><th>Qty</th></tr><tr><td><img src="x.jpg" alt=""/></td><td>Tea</td><td>2</td></tr></mj-table><mj-text>Total</mj-text></mj-body></mjml>';
    expect(plainText(mjml, link)).toBe('Item | Qty\nTea | 2\n\nTotal');
  });
});
