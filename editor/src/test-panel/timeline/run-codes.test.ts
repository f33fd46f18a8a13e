import type { SimAction } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { emailSamples } from './run-codes';

const base = { contact: { firstName: 'Jana' } };
const pools: Record<string, string> = { licence: 'ebook_licence', gift: 'gift' };
const poolOf = (nodeId: string) => pools[nodeId];
const email = (nodeId: string): SimAction => ({ atSeconds: 0, nodeId, type: 'action.sendEmail', channel: 'email', status: 'sent' });
const code = (nodeId: string, body: string, status = 'done'): SimAction => ({ atSeconds: 0, nodeId, type: 'action.assignCode', status, body });

describe('the codes each email of a run is previewed with', () => {
  it('gives each email the codes handed out before it, by pool', () => {
    const first = email('welcome');
    const second = email('thanks');
    const samples = emailSamples([first, code('licence', 'EBK-1'), second, code('gift', 'G-9')], base, poolOf);
    expect(samples.get(first)).toBe(base);
    expect(samples.get(second)).toEqual({ contact: { firstName: 'Jana' }, codes: { ebook_licence: 'EBK-1' } });
    expect(samples.size).toBe(2);
  });

  it('ignores codes that were not handed out and nodes it cannot place', () => {
    const last = email('thanks');
    const samples = emailSamples([code('licence', '', 'skipped'), code('removed-node', 'X-1'), last], base, poolOf);
    expect(samples.get(last)).toBe(base);
  });

  it('keeps the latest code of a pool assigned twice', () => {
    const last = email('thanks');
    expect(emailSamples([code('licence', 'EBK-1'), code('licence', 'EBK-2'), last], base, poolOf).get(last)?.codes).toEqual({ ebook_licence: 'EBK-2' });
  });
});
