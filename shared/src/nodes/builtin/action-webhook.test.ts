import { describe, expect, it } from 'vitest';
import { actionWebhook } from './action-webhook';

const parse = (config: object) => actionWebhook.configSchema.parse({ url: 'https://crm.example.com/hook', ...config });

describe('action.webhook check', () => {
  it('accepts http(s) URLs and URLs made entirely of Liquid', () => {
    expect(actionWebhook.check?.(parse({}))).toEqual([]);
    expect(actionWebhook.check?.(parse({ url: 'HTTP://crm.local/hook' }))).toEqual([]);
    expect(actionWebhook.check?.(parse({ url: '{{ contact.attributes.hookUrl }}' }))).toEqual([]);
  });

  it('reports a URL without http(s)', () => {
    expect(actionWebhook.check?.(parse({ url: 'crm.example.com/{{ contact.id }}' }))).toEqual([
      { field: 'url', message: 'the URL must start with https:// or http://' },
    ]);
  });

  it('reports a header name HTTP does not allow, at that header', () => {
    expect(actionWebhook.check?.(parse({ headers: { 'X-Shop': 'a', 'Bad Header': 'b' } }))).toEqual([
      { field: 'headers.Bad Header', message: '"Bad Header" is not a valid header name' },
    ]);
  });

  it('rejects timeouts outside 1..60 seconds', () => {
    const result = actionWebhook.configSchema.safeParse({ url: 'https://x.test', timeoutSeconds: 61 });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(['timeoutSeconds']);
  });
});

describe('action.webhook templates', () => {
  it('lists the URL, each header value and the body', () => {
    const config = parse({ headers: { Authorization: 'Bearer {{ flow.name }}' }, body: '{"id": "{{ contact.id }}"}' });
    expect(actionWebhook.templates?.(config)).toEqual([
      { field: 'url', source: 'https://crm.example.com/hook', kind: 'liquid' },
      { field: 'headers.Authorization', source: 'Bearer {{ flow.name }}', kind: 'liquid' },
      { field: 'body', source: '{"id": "{{ contact.id }}"}', kind: 'liquid' },
    ]);
  });

  it('has a failed output and a short summary', () => {
    expect(actionWebhook.outputs(parse({})).map((o) => o.id)).toEqual(['next', 'failed']);
    expect(actionWebhook.summary(parse({ method: 'PUT' }))).toBe('PUT https://crm.example.com/hook');
  });
});
