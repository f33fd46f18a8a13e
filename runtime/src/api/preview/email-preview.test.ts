import { builtinRegistry } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testCredentials } from '../test-api';
import { previewRoutes } from './index';

const up = async () => ({ ok: true as const });
// Previews touch no database: the app is built with this group alone.
const app = createApp({ credentials: testCredentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } }, [
  { path: '/api/preview', routes: previewRoutes(), auth: 'admin' },
]);

async function preview(body: unknown, token = testCredentials.adminToken) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await app.request('/api/preview/email', { method: 'POST', headers, body: JSON.stringify(body) });
  // Tests read whatever shape the route answers with.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}

const email = (text: string) => ['<mjml>', '<mj-body>', '<mj-section>', '<mj-column>', text, '</mj-column>', '</mj-section>', '</mj-body>', '</mjml>'].join('\n');

describe('POST /api/preview/email', () => {
  it('renders Liquid with the sample customer and order, then MJML to HTML', async () => {
    const res = await preview({
      subject: 'Order {{ order.number }} for {{ contact.firstName }}',
      body: email('<mj-text>Dobrý den, {{ contact.firstName }} {{ contact.lastName }}: {{ items.first.name }} za {{ order.total }} {{ order.currency }}</mj-text>'),
    });
    expect(res.status).toBe(200);
    expect(res.body.subject).toBe('Order 2025-1042 for Jana');
    expect(res.body.errors).toEqual([]);
    expect(res.body.html).toContain('<!doctype html>');
    expect(res.body.html).toContain('Dobrý den, Jana Nováková: Pražské procházky (e-kniha) za 349 CZK');
    expect(res.body.text).toBe('Dobrý den, Jana Nováková: Pražské procházky (e-kniha) za 349 CZK');
    // The default font must not pull in a third-party stylesheet.
    expect(res.body.html).not.toContain('fonts.googleapis.com');
  });

  it('has a cart with the same e-book for abandoned-cart emails', async () => {
    const res = await preview({ body: email('<mj-text>{{ cart.items.first.name }}: {{ cart.total }} {{ cart.currency }}, {{ cart.url }}</mj-text>') });
    expect(res.body.text).toBe('Pražské procházky (e-kniha): 349 CZK, https://shop.example.cz/kosik');
  });

  it('lays the caller’s sample fields over the built-in ones', async () => {
    const res = await preview({ body: email('<mj-text>{{ contact.firstName }} {{ contact.lastName }}</mj-text>'), sample: { contact: { firstName: 'Petr' } } });
    expect(res.body.text).toBe('Petr Nováková');
    expect(res.body.subject).toBe('');
  });

  it('shows the codes the caller gives, keeping the sample discount code', async () => {
    const res = await preview({ body: email('<mj-text>{{ codes.ebook_licence }} / {{ codes.discount }}</mj-text>'), sample: { codes: { ebook_licence: 'EBK-7Q4M-22XD' } } });
    expect(res.body.text).toBe('EBK-7Q4M-22XD / JARO-7Q2K');
  });

  it('refuses a code that is not text, naming the field', async () => {
    const res = await preview({ body: email('<mj-text>x</mj-text>'), sample: { codes: { ebook_licence: 7 } } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('sample.codes.ebook_licence');
  });

  it('reports a Liquid syntax error with its line and renders nothing', async () => {
    const res = await preview({ subject: 'Hi', body: email('<mj-text>{% if contact.firstName %}Hi</mj-text>') });
    expect(res.status).toBe(200);
    expect(res.body.html).toBe('');
    expect(res.body.errors).toEqual([{ field: 'body', line: 5, message: '{% if contact.firstName %} is never closed: add {% endif %}' }]);
  });

  it('reports subject errors separately from body errors', async () => {
    const res = await preview({ subject: 'Hi {{ contact.frstName }}', body: email('<mj-text>ok</mj-text>') });
    expect(res.body.errors).toEqual([{ field: 'subject', line: 1, message: 'unknown variable "contact.frstName" (did you mean contact.firstName?)' }]);
    expect(res.body.subject).toBe('Hi');
    expect(res.body.text).toBe('ok');
  });

  it('reports MJML errors with the marketer’s line numbers and still renders what it can', async () => {
    const res = await preview({ body: email('<mj-text colr="red">Hi {{ contact.firstName }}</mj-text>\n<mj-bogus>x</mj-bogus>') });
    expect(res.body.errors).toEqual([
      { field: 'body', line: 5, message: '<mj-text>: Attribute colr is illegal' },
      { field: 'body', line: 6, message: "<mj-bogus>: Element mj-bogus doesn't exist or is not registered" },
    ]);
    expect(res.body.html).toContain('Hi Jana');
  });

  it('says when an MJML line is counted after Liquid changed the number of lines', async () => {
    const items = [
      { sku: 'A', name: 'First' },
      { sku: 'B', name: 'Second' },
    ];
    const res = await preview({ body: email('{% for item in items %}\n<mj-text colr="red">{{ item.name }}</mj-text>\n{% endfor %}'), sample: { order: { items } } });
    expect(res.body.errors).toEqual([
      { field: 'body', message: 'line 6 of the email after Liquid, <mj-text>: Attribute colr is illegal' },
      { field: 'body', message: 'line 8 of the email after Liquid, <mj-text>: Attribute colr is illegal' },
    ]);
    expect(res.body.text).toBe('First Second');
  });

  it('refuses a body that is not an MJML document', async () => {
    const res = await preview({ body: '<p>Hello</p>' });
    expect(res.body.html).toBe('');
    expect(res.body.errors).toEqual([{ field: 'body', line: 1, message: 'the email is not an MJML document: it must start with <mjml> and end with </mjml>' }]);
  });

  it('does not let templates load files from the server', async () => {
    const res = await preview({ body: email("<mj-text>{% render 'package.json' %}</mj-text>") });
    expect(res.body.html).toBe('');
    expect(res.body.errors).toEqual([{ field: 'body', line: 5, message: '{% render %} is not available: flow templates cannot load other template files' }]);
  });

  it('requires the admin token and a body', async () => {
    expect((await preview({ body: email('x') }, '')).status).toBe(401);
    const missing = await preview({ subject: 'Hi' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid_request');
  });
});
