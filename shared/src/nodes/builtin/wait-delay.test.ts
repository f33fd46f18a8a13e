import { describe, expect, it } from 'vitest';
import { flowSettingsSchema } from '../../graph/settings';
import type { RunContext } from '../context';
import { waitDelay } from './wait-delay';

if (waitDelay.behavior.kind !== 'wait') throw new Error('wait.delay must wait');
const { plan } = waitDelay.behavior;
const ctx: RunContext = { flow: { id: 'f1', name: 'Flow' }, runId: 'r1', contact: { id: 'c1', tags: [] }, codes: {} };
const settings = flowSettingsSchema.parse({});

describe('wait.delay', () => {
  it('sleeps for the duration from now', () => {
    const config = waitDelay.configSchema.parse({ duration: 'P1DT12H' });
    expect(plan(config, ctx, new Date('2025-03-29T12:00:00Z'), settings)).toEqual({ kind: 'sleep', until: new Date('2025-03-31T00:00:00Z') });
  });

  it('summarises in the units written', () => {
    expect(waitDelay.summary(waitDelay.configSchema.parse(waitDelay.defaults))).toBe('Wait 24 h');
    expect(waitDelay.summary(waitDelay.configSchema.parse({ duration: 'P3D' }))).toBe('Wait 3 days');
    expect(waitDelay.summary(waitDelay.configSchema.parse({ duration: 'PT90M' }))).toBe('Wait 1 h 30 min');
  });

  it('rejects a zero duration', () => {
    const result = waitDelay.configSchema.safeParse({ duration: 'PT0S' });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['duration', 'a duration must be longer than zero'],
    ]);
  });
});
