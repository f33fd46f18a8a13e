import type { FlowStats, MessageCounts } from '@nudgeflow/shared/api';
import { describe, expect, it } from 'vitest';
import { formatFlowStats } from './format-stats';

const none: MessageCounts = { queued: 0, sent: 0, delivered: 0, failed: 0, bounced: 0, skipped: 0, opened: 0, clicked: 0 };

const stats = (nodes: FlowStats['nodes'], messages: MessageCounts = none): FlowStats => ({
  flowId: 'flow_1',
  days: 1,
  from: '2026-03-09T12:00:00.000Z',
  to: '2026-03-10T12:00:00.000Z',
  runs: { started: 1204, active: 0, completed: 1204, goal: 0, exited: 0, failed: 0, cancelled: 0 },
  inFlowNow: 0,
  messages,
  conversions: { windowDays: 1, orders: 0, revenue: [] },
  nodes,
});

describe('formatting the stats', () => {
  it('names the flow by its id when it could not be read, and gives a node gone from the draft its rates when opened', () => {
    const gone = { ...none, sent: 4, opened: 1 };
    const text = formatFlowStats(stats([{ nodeId: 'old_email', reached: 4, waitingNow: 0, outcomes: { sent: 4 }, messages: gone }], gone), undefined);
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Flow flow_1', 'Last 1 day: 2026-03-09 12:00 – 2026-03-10 12:00 UTC']);
    expect(lines).toContain('  started           1,204');
    // Emails of no email node in the draft: the flow's rates are unknown, the node's are its own.
    expect(lines).toContain('  opened     1');
    expect(lines).toContain('Orders within 1 day after a message');
    expect(lines.at(-1)).toBe('  old_email        4            0  sent 4    sent 4 · opened 25 % · clicked 0 %');
  });
});
