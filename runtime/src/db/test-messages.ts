import type { NewMessage } from './messages';

/** A sent SMS of run r1 / flow f1 to contact "ann", for tests that need message rows. */
export function testSms(key: string, extra: Partial<NewMessage> = {}): NewMessage {
  return {
    idempotencyKey: key,
    runId: 'r1',
    flowId: 'f1',
    nodeId: 'sms',
    contactId: 'ann',
    channel: 'sms',
    marketing: false,
    to: '+420777000111',
    body: 'Order 1001 is still waiting for payment.',
    status: 'sent',
    sentAt: '2026-03-03T10:00:00.000Z',
    ...extra,
  };
}
