import { describe, expect, it } from 'vitest';
import { withPreheader } from './preheader';

describe('withPreheader', () => {
  it('adds a head with the preview to MJML without one, escaping the text', () => {
    expect(withPreheader('<mjml><mj-body></mj-body></mjml>', ' Tea & <cakes> ')).toBe('<mjml><mj-head><mj-preview>Tea &amp; &lt;cakes&gt;</mj-preview></mj-head><mj-body></mj-body></mjml>');
  });

  it('puts the preview into an existing head', () => {
    expect(withPreheader('<mjml lang="cs">\n<mj-head><mj-title>T</mj-title></mj-head><mj-body/></mjml>', 'Hi')).toBe(
      '<mjml lang="cs">\n<mj-head><mj-preview>Hi</mj-preview><mj-title>T</mj-title></mj-head><mj-body/></mjml>',
    );
  });

  it('replaces a preview the template has: the node’s preheader is the one set for this email', () => {
    expect(withPreheader('<mjml><mj-head><mj-preview>Old $1</mj-preview></mj-head></mjml>', 'New $&')).toBe('<mjml><mj-head><mj-preview>New $&amp;</mj-preview></mj-head></mjml>');
  });

  it('leaves the MJML alone without a preheader', () => {
    expect(withPreheader('<mjml></mjml>', undefined)).toBe('<mjml></mjml>');
    expect(withPreheader('<mjml></mjml>', '  ')).toBe('<mjml></mjml>');
  });
});
