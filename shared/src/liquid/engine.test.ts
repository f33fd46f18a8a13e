import { describe, expect, it } from 'vitest';
import { renderTemplate } from './engine';

const scope = { contact: { firstName: '<b>Tom</b> & "Jerry"' } };

describe('renderTemplate', () => {
  it('outputs values as they are in plain text (SMS, subjects, webhook bodies)', () => {
    expect(renderTemplate('Hi {{ contact.firstName }}', scope)).toBe('Hi <b>Tom</b> & "Jerry"');
  });

  it('escapes every output in markup, so customer data cannot inject HTML into an email', () => {
    expect(renderTemplate('<mj-text>Hi {{ contact.firstName }}</mj-text>', scope, { markup: true })).toBe('<mj-text>Hi &lt;b&gt;Tom&lt;/b&gt; &amp; &#34;Jerry&#34;</mj-text>');
  });

  it('lets a template opt out with | raw', () => {
    expect(renderTemplate('{{ contact.firstName | raw }}', scope, { markup: true })).toBe('<b>Tom</b> & "Jerry"');
  });
});
