import { describe, expect, it } from 'vitest';
import { channelLabel, messageHeadline } from './message-format';
import { messagesQuery, type MessageItem } from './messages-api';

const base: MessageItem = { id: 'msg_1', idempotencyKey: 'k', contactId: 'c1', channel: 'sms', marketing: false, status: 'sent', test: false, createdAt: '2026-03-02T10:00:00.000Z' };

describe('messageHeadline', () => {
  it('shows what identifies each kind of message', () => {
    expect(messageHeadline({ ...base, channel: 'email', subject: 'Order 1001 is waiting', body: '<mjml>…</mjml>' })).toBe('Order 1001 is waiting');
    expect(messageHeadline({ ...base, body: '\n  Hi Jana, order 1001 is waiting.\nPay at https://shop.example.com' })).toBe('Hi Jana, order 1001 is waiting.');
    expect(messageHeadline({ ...base, body: 'x'.repeat(120) })).toBe(`${'x'.repeat(89)}…`);
    expect(messageHeadline({ ...base, channel: 'webhook', to: 'POST https://shop.example.com/api/orders/o1/cancel', body: '{}' })).toBe('POST https://shop.example.com/api/orders/o1/cancel');
    expect(messageHeadline({ ...base, channel: 'internal', subject: 'Please cancel order 1001' })).toBe('Please cancel order 1001');
    expect(messageHeadline(base)).toBe('(empty)');
  });

  it('names channels in words', () => {
    expect(['email', 'sms', 'webhook', 'internal'].map((c) => channelLabel(c as MessageItem['channel']))).toEqual(['Email', 'SMS', 'Webhook', 'Staff alert']);
  });
});

describe('messagesQuery', () => {
  it('sends the filters set and the cursor of the next page', () => {
    expect(messagesQuery({})).toBe('limit=50');
    expect(messagesQuery({ channel: 'sms', flowId: 'flow_1' }, 'abc')).toBe('limit=50&channel=sms&flowId=flow_1&cursor=abc');
  });
});
