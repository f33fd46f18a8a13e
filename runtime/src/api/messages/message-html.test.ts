import { beforeEach, describe, expect, it } from 'vitest';
import { createFlow, createRun, insertMessage, publishFlow, resolveContact } from '../../db';
import { testSms } from '../../db/test-messages';
import { paymentReminder } from '../../temporal/test-flows';
import { useTestApi } from '../test-api';

const api = useTestApi();

const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi Ann, order 1001 is on its way: <a href="https://shop.example.com/o/1001">track it</a></mj-text></mj-column></mj-section></mj-body></mjml>';

describe('GET /api/messages/{id}/html', () => {
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    await api.db.sql.begin((tx) => resolveContact(tx, { id: 'ann' }));
    await createFlow(api.db.sql, { id: 'f1', graph: paymentReminder() });
    await publishFlow(api.db.sql, 'f1');
    await createRun(api.db.sql, { id: 'r1', flowId: 'f1', flowVersion: 1, contactId: 'ann', workflowId: 'flow/f1/ann', startedAt: '2026-03-02T10:00:00.000Z' });
    const rows = {
      email: testSms('k-email', { channel: 'email', to: 'ann@example.com', subject: 'On its way', body: mjml }),
      sms: testSms('k-sms'),
      broken: testSms('k-broken', { channel: 'email', to: 'ann@example.com', subject: 'Broken', body: 'just text' }),
      empty: testSms('k-empty', { channel: 'email', to: 'ann@example.com', subject: 'Skipped', body: undefined, status: 'skipped', reason: 'no email consent', sentAt: undefined }),
    };
    for (const [name, row] of Object.entries(rows)) ids[name] = (await insertMessage(api.db.sql, row)).message.id;
  });

  it("renders a stored email's MJML as HTML, its links left as they were written", async () => {
    const response = await api.request('GET', `/api/messages/${ids.email}/html`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['html']);
    expect(response.body.html).toMatch(/^<!doctype html>/i);
    expect(response.body.html).toContain('Hi Ann, order 1001 is on its way');
    expect(response.body.html).toContain('href="https://shop.example.com/o/1001"');
  });

  it('names what is missing for messages without HTML', async () => {
    expect(await api.request('GET', '/api/messages/msg_nope/html')).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'message "msg_nope" does not exist' } } });
    expect(await api.request('GET', `/api/messages/${ids.sms}/html`)).toMatchObject({
      status: 404,
      body: { error: { code: 'no_html', message: `message "${ids.sms}" is a message on the sms channel: it has no HTML` } },
    });
    expect(await api.request('GET', `/api/messages/${ids.empty}/html`)).toMatchObject({ status: 404, body: { error: { code: 'no_html', message: `message "${ids.empty}" is an email without a stored body: it has no HTML` } } });
    expect(await api.request('GET', `/api/messages/${ids.broken}/html`)).toMatchObject({
      status: 422,
      body: { error: { code: 'unreadable_email', message: `message "${ids.broken}": the email could not be read as MJML: Parsing failed. Check your mjml.` } },
    });
  });

  it('needs the admin token', async () => {
    expect((await api.request('GET', `/api/messages/${ids.email}/html`, { as: 'shop' })).status).toBe(401);
  });
});
