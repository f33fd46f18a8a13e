import type { MessageChannel } from '@nudgeflow/shared/api';
import { describe, expect, it } from 'vitest';
import { isEmptyPeriod, messageRows, summaryItems } from './stats-summary';
import { messageCounts, monthOfStats } from './test-fixtures';

// The draft has the e-book email and the SMS; "old_email" was deleted after it had sent.
const channels: Record<string, MessageChannel> = { email_licence: 'email', sms_thanks: 'sms' };
const channelOf = (id: string) => channels[id];

describe('the summary of a period', () => {
  it('lists runs, messages, rates of the emails and the orders after them', () => {
    expect(summaryItems(monthOfStats(), channelOf)).toEqual([
      { label: 'Started', value: '1,204' },
      { label: 'In flow now', value: '7' },
      { label: 'Completed', value: '1,100' },
      { label: 'Reached the goal', value: '60' },
      { label: 'Messages sent', value: '1,190' },
      // Of the 800 emails of the draft's email node: the SMS are not opened, the removed node's channel is unknown.
      { label: 'Open rate', value: '38 %' },
      { label: 'Click rate', value: '6 %' },
      { label: 'Orders after a message', value: '37', detail: '12,480 CZK · 310.50 EUR within 5 days of a message' },
    ]);
  });

  it('shows no rates without emails, and no revenue without orders', () => {
    const stats = { ...monthOfStats(), conversions: { windowDays: 1, orders: 0, revenue: [] } };
    const items = summaryItems(stats, () => 'sms');
    expect(items.filter((i) => i.label.endsWith('rate')).map((i) => i.value)).toEqual(['—', '—']);
    expect(items.at(-1)).toEqual({ label: 'Orders after a message', value: '0', detail: 'within 1 day of a message' });
  });

  it('is empty when nothing started, nobody is in the flow and no node has numbers', () => {
    const quiet = { ...monthOfStats(), runs: { started: 0, active: 0, completed: 0, goal: 0, exited: 0, failed: 0, cancelled: 0 }, inFlowNow: 0, nodes: [] };
    expect(isEmptyPeriod(quiet)).toBe(true);
    expect(isEmptyPeriod({ ...quiet, inFlowNow: 2 })).toBe(false);
    expect(isEmptyPeriod(monthOfStats())).toBe(false);
  });
});

describe('the per-message table', () => {
  it('has a row per sending node, with delivery for SMS and engagement for email', () => {
    expect(messageRows(monthOfStats(), channelOf)).toEqual([
      { nodeId: 'email_licence', channel: 'Email', sent: '800', delivered: '—', opened: '38 %', clicked: '6 %', failedSkipped: '0 / 0' },
      { nodeId: 'sms_thanks', channel: 'SMS', sent: '390', delivered: '380', opened: '—', clicked: '—', failedSkipped: '3 / 2' },
      { nodeId: 'old_email', channel: '—', sent: '6', delivered: '0', opened: '100 %', clicked: '0 %', failedSkipped: '0 / 0' },
    ]);
  });

  it('shows "—" for the rates of a node that sent nothing', () => {
    const stats = { ...monthOfStats(), nodes: [{ nodeId: 'mail', reached: 2, waitingNow: 0, outcomes: { skipped: 2 }, messages: messageCounts({ skipped: 2 }) }] };
    expect(messageRows(stats, () => 'email')).toEqual([{ nodeId: 'mail', channel: 'Email', sent: '0', delivered: '—', opened: '—', clicked: '—', failedSkipped: '0 / 2' }]);
  });
});
