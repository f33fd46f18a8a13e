import { afterEach, describe, expect, it, vi } from 'vitest';
import { leaveTo, setLeaveGuard } from './leave-guard';

const location = { hash: '#/flows/f1' };
vi.stubGlobal('window', { location });
afterEach(() => {
  location.hash = '#/flows/f1';
});

describe('leaveTo', () => {
  it('goes at once without a guard', async () => {
    await leaveTo('#/flows');
    expect(location.hash).toBe('#/flows');
  });

  it('stays when the guard says no, goes when it says yes', async () => {
    let allow = false;
    const remove = setLeaveGuard(async () => allow);
    await leaveTo('#/flows');
    expect(location.hash).toBe('#/flows/f1');
    allow = true;
    await leaveTo('#/flows');
    expect(location.hash).toBe('#/flows');
    remove();
  });

  it('forgets a removed guard', async () => {
    setLeaveGuard(async () => false)();
    await leaveTo('#/flows');
    expect(location.hash).toBe('#/flows');
  });
});
