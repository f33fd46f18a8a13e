import { describe, expect, it } from 'vitest';
import { GIVE_UP_AFTER_ATTEMPTS, isOutage, shouldGiveUp } from './dispatch-failure';

const grpc = (code: number) => Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code });
/** The Temporal client's ServiceError keeps the gRPC error as its cause. */
const wrapped = (cause: unknown) => new Error('Failed to signalWithStart Workflow', { cause });

describe('dispatch failures', () => {
  it('treats an unreachable Temporal or database as an outage', () => {
    expect(isOutage(wrapped(grpc(14)))).toBe(true);
    expect(isOutage(wrapped(grpc(4)))).toBe(true);
    expect(isOutage(Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' }))).toBe(true);
    expect(isOutage(Object.assign(new Error('the database system is shutting down'), { code: '57P01' }))).toBe(true);
    expect(isOutage(wrapped(grpc(3)))).toBe(false);
    expect(isOutage(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isOutage(new Error('boom'))).toBe(false);
  });

  it('never gives up during an outage; other failures after repeated attempts', () => {
    expect(shouldGiveUp(GIVE_UP_AFTER_ATTEMPTS + 50, wrapped(grpc(14)))).toBe(false);
    expect(shouldGiveUp(GIVE_UP_AFTER_ATTEMPTS - 1, new Error('boom'))).toBe(false);
    expect(shouldGiveUp(GIVE_UP_AFTER_ATTEMPTS, new Error('boom'))).toBe(true);
  });
});
