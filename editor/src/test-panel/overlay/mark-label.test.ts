import { describe, expect, it } from 'vitest';
import { markLabel, outcomeWords } from './mark-label';

describe('markLabel', () => {
  it('says when the node was reached and what it did, and when, if later', () => {
    expect(markLabel({ state: 'reached', reachedAt: 86400, lastAt: 86400, outcome: 'sent' }, 'sent')).toBe('+24 h · sent');
    expect(markLabel({ state: 'reached', reachedAt: 0, lastAt: 86400, outcome: 'timeout' }, 'timed out')).toBe('+0 h · timed out +24 h');
    expect(markLabel({ state: 'current', reachedAt: 7200.4, lastAt: 7200.4, outcome: 'waiting' }, 'waiting')).toBe('+2 h · waiting');
  });
});

describe('outcomeWords', () => {
  it("uses the output's label when the outcome is an output", () => {
    expect(outcomeWords('timeout', 'Timed out')).toBe('timed out');
    expect(outcomeWords('b', 'B 50%')).toBe('B 50%');
    expect(outcomeWords('yes', 'Yes')).toBe('yes');
    expect(outcomeWords('sent', undefined)).toBe('sent');
  });
});
