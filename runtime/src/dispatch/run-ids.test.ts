import { describe, expect, it } from 'vitest';
import { fireDay, runIdFor, runWorkflowId } from './run-ids';

describe('run ids', () => {
  it('derive the run id from flow, key and cause: the same cause gives the same id', () => {
    const id = runIdFor('f1', 'c1', { kind: 'event', eventId: 'e1' });
    expect(id).toMatch(/^run_[A-Za-z0-9_-]{22}$/);
    expect(runIdFor('f1', 'c1', { kind: 'event', eventId: 'e1' })).toBe(id);
    const others = [
      runIdFor('f2', 'c1', { kind: 'event', eventId: 'e1' }),
      runIdFor('f1', 'c2', { kind: 'event', eventId: 'e1' }),
      runIdFor('f1', 'c1', { kind: 'event', eventId: 'e2' }),
      runIdFor('f1', 'c1', { kind: 'fire', fireAt: new Date('2026-05-01T09:00:00Z') }),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
  });

  it('give a scheduled entry one id per UTC day of its fire time', () => {
    const morning = runIdFor('f1', 'c1', { kind: 'fire', fireAt: new Date('2026-05-01T07:00:00Z') });
    expect(runIdFor('f1', 'c1', { kind: 'fire', fireAt: new Date('2026-05-01T21:30:00Z') })).toBe(morning);
    expect(runIdFor('f1', 'c1', { kind: 'fire', fireAt: new Date('2026-05-02T07:00:00Z') })).not.toBe(morning);
    expect(fireDay(new Date('2026-05-01T23:59:59Z'))).toBe('2026-05-01');
  });

  it('use one workflow id per flow and key for events, and add the fire date for scheduled entries', () => {
    expect(runWorkflowId('f1', 'o-9', { kind: 'event', eventId: 'e1' })).toBe('flow/f1/o-9');
    expect(runWorkflowId('f1', 'o-9', { kind: 'event', eventId: 'e2' })).toBe('flow/f1/o-9');
    expect(runWorkflowId('f1', 'c1', { kind: 'fire', fireAt: new Date('2026-05-01T09:00:00Z') })).toBe('flow/f1/c1/2026-05-01');
  });
});
