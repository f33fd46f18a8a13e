import { describe, expect, it } from 'vitest';
import { actionSendEmail } from './action-send-email';

const base = { subject: 'Hi {{ contact.firstName }}', mjml: '<mjml><mj-body></mj-body></mjml>' };
const fromProblems = (from: string) => {
  const result = actionSendEmail.configSchema.safeParse({ ...base, from });
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('action.sendEmail', () => {
  it('accepts an address, a named address or nothing as sender', () => {
    expect([fromProblems('shop@example.com'), fromProblems('Shop Team <shop@example.com>'), fromProblems('')]).toEqual([[], [], []]);
  });

  it('rejects a sender that is no address', () => {
    expect(fromProblems('Shop Team')).toEqual([['from', 'a sender looks like "shop@example.com" or "Shop <shop@example.com>"']]);
  });

  it('lists its templates, the preheader only when there is one', () => {
    expect(actionSendEmail.templates?.(actionSendEmail.configSchema.parse(base))).toEqual([
      { field: 'subject', source: base.subject, kind: 'liquid' },
      { field: 'mjml', source: base.mjml, kind: 'mjml' },
    ]);
    expect(actionSendEmail.templates?.(actionSendEmail.configSchema.parse({ ...base, preheader: 'Just for you' }))?.map((t) => t.field)).toEqual([
      'subject',
      'preheader',
      'mjml',
    ]);
  });

  it('is a marketing email unless transactional', () => {
    if (actionSendEmail.behavior.kind !== 'effect') throw new Error('action.sendEmail must be an effect');
    const { message } = actionSendEmail.behavior;
    expect(message?.(actionSendEmail.configSchema.parse(base))).toEqual({ channel: 'email', marketing: true });
    expect(message?.(actionSendEmail.configSchema.parse({ ...base, transactional: true }))).toEqual({ channel: 'email', marketing: false });
  });

  it('takes a send window of its own, which shows in the summary', () => {
    if (actionSendEmail.behavior.kind !== 'effect') throw new Error('action.sendEmail must be an effect');
    const config = actionSendEmail.configSchema.parse({ ...base, sendWindow: { mode: 'own', days: ['sat', 'sun'], from: '10:00', to: '12:00' } });
    expect(actionSendEmail.behavior.message?.(config)).toEqual({
      channel: 'email',
      marketing: true,
      sendWindow: { days: ['sat', 'sun'], from: '10:00', to: '12:00', timezone: 'contact' },
    });
    expect(actionSendEmail.summary(config)).toBe('Email · weekends 10:00–12:00: “Hi {{ contact.firstName }}”');
    expect(actionSendEmail.summary(actionSendEmail.configSchema.parse({ ...base, sendWindow: { mode: 'anyTime' } }))).toBe('Email · any time: “Hi {{ contact.firstName }}”');
  });
});
