import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatRate } from './stats-numbers';

describe('analytics numbers as text', () => {
  it('writes counts with thousands separators', () => {
    expect([0, 7, 1204, 1234567].map(formatCount)).toEqual(['0', '7', '1,204', '1,234,567']);
  });

  it('writes rates in whole percent, "—" when nothing was sent, and never rounds some to none or most to all', () => {
    expect([formatRate(38, 100), formatRate(304, 800), formatRate(0, 12), formatRate(12, 12), formatRate(0, 0), formatRate(1, 300), formatRate(299, 300)]).toEqual([
      '38 %',
      '38 %',
      '0 %',
      '100 %',
      '—',
      '<1 %',
      '>99 %',
    ]);
  });

  it('writes money with its currency, cents only where there are any', () => {
    expect([formatMoney(12480, 'CZK'), formatMoney(1249.5, 'EUR')]).toEqual(['12,480 CZK', '1,249.50 EUR']);
  });
});
