import { describe, expect, it } from 'vitest';
import type { Contact } from '../../data/contact';
import { flowSettingsSchema } from '../../graph/settings';
import { triggerInactivity } from './trigger-inactivity';

const settings = flowSettingsSchema.parse({});
if (triggerInactivity.behavior.kind !== 'scheduleTrigger') throw new Error('trigger.inactivity must be a schedule trigger');
const { nextFireAt } = triggerInactivity.behavior;
const contact = (over: Partial<Contact> = {}): Contact => ({ id: 'c1', tags: [], ...over });
const at = (iso: string) => new Date(iso);

describe('trigger.inactivity nextFireAt', () => {
  const config = triggerInactivity.configSchema.parse({ activity: 'order', days: 90 });
  const facts = { contact: contact({ lastOrderAt: '2025-01-01T10:00:00Z', lastLoginAt: '2025-03-01T10:00:00+01:00' }) };

  it('fires the given number of days after the last order', () => {
    expect(nextFireAt(config, facts, at('2025-02-01T00:00:00Z'), settings)).toEqual(at('2025-04-01T10:00:00Z'));
    expect(nextFireAt(config, facts, at('2025-04-01T09:59:59Z'), settings)).toEqual(at('2025-04-01T10:00:00Z'));
  });

  it('does not fire once that moment has passed', () => {
    expect(nextFireAt(config, facts, at('2025-04-01T10:00:00Z'), settings)).toBeUndefined();
  });

  it('measures logins from the last login', () => {
    const logins = triggerInactivity.configSchema.parse({ activity: 'login', days: 30 });
    expect(nextFireAt(logins, facts, at('2025-03-01T00:00:00Z'), settings)).toEqual(at('2025-03-31T09:00:00Z'));
  });

  it('does not fire for a contact with no recorded activity', () => {
    expect(nextFireAt(config, { contact: contact({ lastLoginAt: '2025-03-01T10:00:00Z' }) }, at('2025-01-01T00:00:00Z'), settings)).toBeUndefined();
  });

  it('summarises', () => {
    expect(triggerInactivity.summary(config)).toBe('When not ordered for 90 days');
    expect(triggerInactivity.summary(triggerInactivity.configSchema.parse({ activity: 'login', days: 1 }))).toBe('When not logged in for 1 day');
  });
});
