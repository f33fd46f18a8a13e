import type { MessageChannel } from '@nudgeflow/shared/api';
import { channelLabel } from '../pages/messages/message-format';
import { formatCount, formatRate, formatRevenue } from './format-stats';
import type { FlowStats, MessageCounts } from './stats-api';

export interface SummaryItem {
  label: string;
  value: string;
  /** A second line under the value ("12,480 CZK within 5 days of a message"). */
  detail?: string;
}

/** The channel of each node of the flow; undefined for a node the draft no longer has. */
export type ChannelOf = (nodeId: string) => MessageChannel | undefined;

/**
 * The emails' own counts: open and click rates are of emails sent, not of every message (an
 * SMS cannot be opened). Emails are the email nodes' messages.
 */
function emailCounts(stats: FlowStats, channelOf: ChannelOf): { sent: number; opened: number; clicked: number } {
  const totals = { sent: 0, opened: 0, clicked: 0 };
  for (const node of stats.nodes) {
    if (!node.messages || channelOf(node.nodeId) !== 'email') continue;
    totals.sent += node.messages.sent;
    totals.opened += node.messages.opened;
    totals.clicked += node.messages.clicked;
  }
  return totals;
}

/** The summary at the top of the panel, in the order it shows. */
export function summaryItems(stats: FlowStats, channelOf: ChannelOf): SummaryItem[] {
  const emails = emailCounts(stats, channelOf);
  const { conversions } = stats;
  const revenue = formatRevenue(conversions.revenue);
  const within = `within ${conversions.windowDays} day${conversions.windowDays === 1 ? '' : 's'} of a message`;
  return [
    { label: 'Started', value: formatCount(stats.runs.started) },
    { label: 'In flow now', value: formatCount(stats.inFlowNow) },
    { label: 'Completed', value: formatCount(stats.runs.completed) },
    { label: 'Reached the goal', value: formatCount(stats.runs.goal) },
    { label: 'Messages sent', value: formatCount(stats.messages.sent) },
    { label: 'Open rate', value: formatRate(emails.opened, emails.sent) },
    { label: 'Click rate', value: formatRate(emails.clicked, emails.sent) },
    { label: 'Orders after a message', value: formatCount(conversions.orders), detail: revenue ? `${revenue} ${within}` : within },
  ];
}

/** Nothing happened in the period: no run started, nobody is in the flow, no node has a number. */
export function isEmptyPeriod(stats: FlowStats): boolean {
  return stats.runs.started === 0 && stats.inFlowNow === 0 && stats.nodes.length === 0;
}

/** One row of the per-message table, as text. */
export interface MessageRow {
  nodeId: string;
  channel: string;
  sent: string;
  /** Only SMS providers report delivery; "—" elsewhere. */
  delivered: string;
  opened: string;
  clicked: string;
  /** "failed (bounced included) / skipped". */
  failedSkipped: string;
}

function messageRow(nodeId: string, m: MessageCounts, channel: MessageChannel | undefined): MessageRow {
  // Without a channel (the node is gone from the draft) every count is shown as it is.
  const engagement = channel === undefined || channel === 'email';
  return {
    nodeId,
    channel: channel ? channelLabel(channel) : '—',
    sent: formatCount(m.sent),
    delivered: channel === undefined || channel === 'sms' ? formatCount(m.delivered) : '—',
    opened: engagement ? formatRate(m.opened, m.sent) : '—',
    clicked: engagement ? formatRate(m.clicked, m.sent) : '—',
    failedSkipped: `${formatCount(m.failed + m.bounced)} / ${formatCount(m.skipped)}`,
  };
}

/** A row per node that sent anything in the period, in the API's order (the graph's). */
export function messageRows(stats: FlowStats, channelOf: ChannelOf): MessageRow[] {
  return stats.nodes.flatMap((node) => (node.messages ? [messageRow(node.nodeId, node.messages, channelOf(node.nodeId))] : []));
}
