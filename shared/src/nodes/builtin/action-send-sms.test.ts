import { describe, expect, it } from 'vitest';
import { reminderWith } from '../../validator/test-graph';
import { validate } from '../../validator/validate';
import { actionSendSms } from './action-send-sms';

const base = { body: 'Hi {{ contact.firstName }}' };
const parse = (sendWindow?: unknown) => actionSendSms.configSchema.parse(sendWindow === undefined ? base : { ...base, sendWindow });
const traits = (config: ReturnType<typeof parse>) => {
  if (actionSendSms.behavior.kind !== 'effect') throw new Error('action.sendSms must be an effect');
  return actionSendSms.behavior.message?.(config);
};

describe('action.sendSms send windows', () => {
  it('follows the flow’s window when the field is left out: nothing is added to the config or the message traits', () => {
    expect(parse()).toEqual({ body: base.body, transactional: false });
    expect(traits(parse())).toEqual({ channel: 'sms', marketing: true });
    expect(traits(parse({ mode: 'flow' }))).toEqual({ channel: 'sms', marketing: true });
  });

  it('passes "any time" and its own window (with defaults filled in) to the interpreter, transactional or not', () => {
    expect(traits(parse({ mode: 'anyTime' }))).toEqual({ channel: 'sms', marketing: true, sendWindow: 'anyTime' });
    expect(traits(actionSendSms.configSchema.parse({ ...base, transactional: true, sendWindow: { mode: 'own', days: ['sat', 'sun'], from: '10:00' } }))).toEqual({
      channel: 'sms',
      marketing: false,
      sendWindow: { days: ['sat', 'sun'], from: '10:00', to: '20:00', timezone: 'contact' },
    });
  });

  it('mentions a window of its own in the summary', () => {
    const summary = (sendWindow?: unknown) => actionSendSms.summary(parse(sendWindow));
    expect(summary()).toBe('SMS: “Hi {{ contact.firstName }}”');
    expect(summary({ mode: 'flow' })).toBe('SMS: “Hi {{ contact.firstName }}”');
    expect(summary({ mode: 'anyTime' })).toBe('SMS · any time: “Hi {{ contact.firstName }}”');
    expect(summary({ mode: 'own' })).toBe('SMS · 09:00–20:00: “Hi {{ contact.firstName }}”');
    expect(summary({ mode: 'own', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:30', to: '18:00', timezone: 'Europe/Prague' })).toBe(
      'SMS · weekdays 08:30–18:00 Europe/Prague: “Hi {{ contact.firstName }}”',
    );
    expect(summary({ mode: 'own', days: ['sun', 'wed'] })).toBe('SMS · Wed/Sun 09:00–20:00: “Hi {{ contact.firstName }}”');
  });

  it('reports a window that closes before it opens, has no days or names an unknown zone, at the field', () => {
    const problems = (sendWindow: unknown) =>
      validate(reminderWith('s', { config: { ...base, sendWindow } })).problems.map((p) => [p.severity, p.nodeId, p.field, p.message]);
    expect(problems({ mode: 'own', from: '20:00', to: '09:00' })).toEqual([['error', 's', 'sendWindow.to', 'the window must open ("from") before it closes ("to")']]);
    expect(problems({ mode: 'own', days: [] })).toEqual([['error', 's', 'sendWindow.days', 'pick at least one day']]);
    expect(problems({ mode: 'own', timezone: 'Mars/Olympus' })).toEqual([
      ['error', 's', 'sendWindow.timezone', '"Mars/Olympus" is not a known time zone; use an IANA name such as "Europe/Prague", or "contact"'],
    ]);
    expect(problems({ mode: 'sometimes' }).map(([, , field]) => field)).toEqual(['sendWindow.mode']);
    expect(problems({ mode: 'anyTime' })).toEqual([]);
  });
});
