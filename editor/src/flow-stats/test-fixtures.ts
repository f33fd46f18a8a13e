import type { FlowStats, MessageCounts, NodeStats } from './stats-api';

/** Message counts, all zero but those given. */
export function messageCounts(counts: Partial<MessageCounts> = {}): MessageCounts {
  return { queued: 0, sent: 0, delivered: 0, failed: 0, bounced: 0, skipped: 0, opened: 0, clicked: 0, ...counts };
}

export function nodeStats(nodeId: string, stats: Partial<Omit<NodeStats, 'nodeId'>> = {}): NodeStats {
  return { nodeId, reached: 0, waitingNow: 0, outcomes: {}, ...stats };
}

/**
 * A month of an order follow-up flow: 1,204 orders, e-books wait for payment and get an email,
 * the rest an SMS.
 */
export function monthOfStats(): FlowStats {
  return {
    flowId: 'flow-1',
    days: 30,
    from: '2026-02-01T10:00:00.000Z',
    to: '2026-03-03T10:00:00.000Z',
    runs: { started: 1204, active: 5, completed: 1100, goal: 60, exited: 30, failed: 4, cancelled: 5 },
    inFlowNow: 7,
    messages: messageCounts({ sent: 1190, delivered: 380, opened: 310, clicked: 48, skipped: 9, failed: 2, bounced: 1 }),
    conversions: { windowDays: 5, orders: 37, revenue: [{ currency: 'CZK', total: 12480 }, { currency: 'EUR', total: 310.5 }] },
    nodes: [
      nodeStats('trigger', { reached: 1204, outcomes: { started: 1204 } }),
      nodeStats('is_ebook', { reached: 1204, outcomes: { yes: 812, no: 392 } }),
      nodeStats('wait_paid', { reached: 812, waitingNow: 5, outcomes: { event: 800, timeout: 7 } }),
      nodeStats('email_licence', { reached: 800, outcomes: { sent: 800 }, messages: messageCounts({ sent: 800, opened: 304, clicked: 48, skipped: 0 }) }),
      nodeStats('sms_thanks', { reached: 392, outcomes: { sent: 390, skipped: 2 }, messages: messageCounts({ sent: 390, delivered: 380, skipped: 2, failed: 2, bounced: 1 }) }),
      nodeStats('old_email', { reached: 6, outcomes: { sent: 6 }, messages: messageCounts({ sent: 6, opened: 6 }) }),
    ],
  };
}
