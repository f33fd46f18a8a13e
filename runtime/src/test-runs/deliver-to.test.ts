import type { RunRef } from '@nudgeflow/workflows/contract';
import { describe, expect, it } from 'vitest';
import type { Channels, EmailMessage, MessageChannel, SmsMessage } from '../channels/types';
import { testRecipient, testRunChannels } from './deliver-to';

function recording<M>(provider: string, sent: M[]): MessageChannel<M> {
  return {
    provider,
    idempotent: false,
    send: async (message) => {
      sent.push(message);
      return { providerId: `${provider}-1` };
    },
  };
}

function channels(provider: string) {
  const emails: EmailMessage[] = [];
  const sms: SmsMessage[] = [];
  const set: Channels = { email: recording(provider, emails), sms: recording(provider, sms) };
  return { set, emails, sms };
}

const run = (deliverTo?: RunRef['deliverTo']): RunRef => ({ runId: 'tr_1', workflowId: 'test-run/tr_1', flowId: 'f', flowVersion: 0, contactId: 'test-tr_1', test: true, ...(deliverTo ? { deliverTo } : {}) });
const email: EmailMessage = { id: 'm1', idempotencyKey: 'k1', to: ['orders@example.com'], subject: 'Hi', text: 'Hi', marketing: false };
const sms: SmsMessage = { id: 'm2', idempotencyKey: 'k2', to: '+420777123456', body: 'Hi', marketing: true };

describe('testRunChannels', () => {
  it('sends through the outbox when the admin gave no address', async () => {
    const real = channels('smtp');
    const outbox = channels('outbox');
    const picked = testRunChannels(run(), real.set, outbox.set);
    await picked.email.send(email);
    await picked.sms.send(sms);
    expect([real.emails, real.sms]).toEqual([[], []]);
    expect([outbox.emails, outbox.sms]).toEqual([[email], [sms]]);
  });

  it('sends for real to the admin only, whoever the message was for', async () => {
    const real = channels('twilio');
    const outbox = channels('outbox');
    const picked = testRunChannels(run({ email: 'admin@shop.example', phone: '+420606000111' }), real.set, outbox.set);
    expect(picked.sms.provider).toBe('twilio');
    await picked.email.send(email);
    await picked.sms.send(sms);
    expect(real.emails).toEqual([{ ...email, to: ['admin@shop.example'] }]);
    expect(real.sms).toEqual([{ ...sms, to: '+420606000111' }]);
    expect([outbox.emails, outbox.sms]).toEqual([[], []]);
  });

  it('picks per channel: email to the admin, SMS to the outbox', async () => {
    const real = channels('smtp');
    const outbox = channels('outbox');
    const picked = testRunChannels(run({ email: 'admin@shop.example' }), real.set, outbox.set);
    await picked.sms.send(sms);
    expect([real.sms, outbox.sms]).toEqual([[], [sms]]);
  });
});

describe('testRecipient', () => {
  const contact = { id: 'test-tr_1', email: 'jana@example.com', phone: '+420777123456', tags: [] };

  it("puts the admin's address and number in place of the contact's", () => {
    expect(testRecipient(run({ email: 'admin@shop.example', phone: '+420606000111' }), contact)).toEqual({ ...contact, email: 'admin@shop.example', phone: '+420606000111' });
    expect(testRecipient(run({ phone: '+420606000111' }), contact)).toEqual({ ...contact, phone: '+420606000111' });
  });

  it('leaves the contact as it is without deliverTo (the outbox gets it)', () => {
    expect(testRecipient(run(), contact)).toEqual(contact);
  });
});
