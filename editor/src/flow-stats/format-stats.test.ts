import { describe, expect, it } from 'vitest';
import { edgeCountText, formatRevenue, nodeBadgeText, nodeChannel } from './format-stats';
import { messageCounts, nodeStats } from './test-fixtures';

describe('revenue', () => {
  it('lists every currency’s total', () => {
    expect(formatRevenue([{ currency: 'CZK', total: 12480 }, { currency: 'EUR', total: 310 }])).toBe('12,480 CZK · 310 EUR');
    expect(formatRevenue([])).toBeUndefined();
  });
});

describe('the badge on a node', () => {
  it('gives an email its open and click rates', () => {
    const email = nodeStats('mail', { reached: 1204, messages: messageCounts({ sent: 1000, opened: 380, clicked: 60 }) });
    expect(nodeBadgeText(email, 'email')).toBe('1,204 reached · 38 % opened · 6 % clicked');
  });

  it('says an email with nothing sent sent nothing, rather than rates of nothing', () => {
    expect(nodeBadgeText(nodeStats('mail', { reached: 3, messages: messageCounts({ skipped: 3 }) }), 'email')).toBe('3 reached · 0 sent');
  });

  it('counts what other channels sent', () => {
    expect(nodeBadgeText(nodeStats('sms', { reached: 812, messages: messageCounts({ sent: 790, skipped: 22 }) }), 'sms')).toBe('812 reached · 790 sent');
    expect(nodeBadgeText(nodeStats('hook', { reached: 4, messages: messageCounts({ sent: 4 }) }), 'webhook')).toBe('4 reached · 4 sent');
  });

  it('counts the contacts waiting at a node now', () => {
    expect(nodeBadgeText(nodeStats('wait', { reached: 812, waitingNow: 5 }), undefined)).toBe('812 reached · 5 waiting');
    expect(nodeBadgeText(nodeStats('wait', { reached: 812 }), undefined)).toBe('812 reached');
  });

  it('treats the opened messages of a node of unknown channel as emails', () => {
    expect(nodeBadgeText(nodeStats('gone', { reached: 2, messages: messageCounts({ sent: 2, opened: 1 }) }), undefined)).toBe('2 reached · 50 % opened · 0 % clicked');
    expect(nodeBadgeText(nodeStats('gone', { reached: 2, messages: messageCounts({ sent: 2 }) }), undefined)).toBe('2 reached · 2 sent');
  });
});

describe('node channels and connection counts', () => {
  it('knows the channel of each sending node type', () => {
    expect(['action.sendEmail', 'action.sendSms', 'action.webhook', 'action.notify', 'wait.delay', 'constructor', undefined].map(nodeChannel)).toEqual([
      'email',
      'sms',
      'webhook',
      'internal',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('counts a connection by its output, where the node counts by output', () => {
    const condition = nodeStats('is_ebook', { outcomes: { yes: 1812, no: 0 } });
    expect(edgeCountText(condition, 'yes')).toBe('1,812');
    expect(edgeCountText(condition, 'no')).toBe('0');
    // A send counts by what happened ("sent"), not by its output: no number on its connection.
    expect(edgeCountText(nodeStats('sms', { outcomes: { sent: 3 } }), 'next')).toBeUndefined();
    expect(edgeCountText(condition, 'constructor')).toBeUndefined();
    expect(edgeCountText(undefined, 'yes')).toBeUndefined();
    expect(edgeCountText(condition, null)).toBeUndefined();
  });
});
