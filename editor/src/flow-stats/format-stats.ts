import type { MessageChannel } from '@nudgeflow/shared/api';
import type { FlowStats, MessageCounts, NodeStats } from './stats-api';

/*
 * Every number the Stats panel and the canvas show, as text. A fixed locale: the editor is in
 * English, and "1,204" must not turn into "1 204" on a Czech machine half-way through a sentence.
 */
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1,204". */
export function formatCount(n: number): string {
  return counts.format(n);
}

/**
 * "38 %" of `whole`, or "—" when there is no whole (nothing sent). Never rounds a few to none or
 * most to all: 1 of 300 is "<1 %", 299 of 300 is ">99 %".
 */
export function formatRate(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const percent = Math.round((part / whole) * 100);
  if (part > 0 && percent === 0) return '<1 %';
  if (part < whole && percent === 100) return '>99 %';
  return `${percent} %`;
}

/** "12,480 CZK", with cents only where there are any ("1,249.50 EUR"). */
export function formatMoney(total: number, currency: string): string {
  const amount = Number.isInteger(total) ? counts.format(total) : money.format(total);
  return `${amount} ${currency}`;
}

/** Every currency's total, "12,480 CZK · 310 EUR"; undefined when there was no revenue. */
export function formatRevenue(revenue: FlowStats['conversions']['revenue']): string | undefined {
  return revenue.length > 0 ? revenue.map((r) => formatMoney(r.total, r.currency)).join(' · ') : undefined;
}

const channelsByType: ReadonlyMap<string, MessageChannel> = new Map([
  ['action.sendEmail', 'email'],
  ['action.sendSms', 'sms'],
  ['action.webhook', 'webhook'],
  ['action.notify', 'internal'],
]);

/** The channel a node type sends on; undefined for nodes that send nothing (and unknown types). */
export function nodeChannel(type: string | undefined): MessageChannel | undefined {
  return type === undefined ? undefined : channelsByType.get(type);
}

/** Whether opens and clicks mean anything for these messages: emails (or, channel unknown, any that were opened). */
function tracksEngagement(messages: MessageCounts, channel: MessageChannel | undefined): boolean {
  return channel === undefined ? messages.opened + messages.clicked > 0 : channel === 'email';
}

/**
 * The badge on a node: "1,204 reached · 38 % opened · 6 % clicked" for an email, "812 reached · 790
 * sent" for an SMS, "812 reached · 5 waiting" for a wait with contacts in it now.
 */
export function nodeBadgeText(node: NodeStats, channel: MessageChannel | undefined): string {
  const parts = [`${formatCount(node.reached)} reached`];
  const { messages } = node;
  if (messages) {
    if (messages.sent > 0 && tracksEngagement(messages, channel)) parts.push(`${formatRate(messages.opened, messages.sent)} opened`, `${formatRate(messages.clicked, messages.sent)} clicked`);
    else parts.push(`${formatCount(messages.sent)} sent`);
  }
  if (node.waitingNow > 0) parts.push(`${formatCount(node.waitingNow)} waiting`);
  return parts.join(' · ');
}

/** The count on a connection: the runs that left its node through its output, if the node counts by output. */
export function edgeCountText(node: NodeStats | undefined, output: string | null | undefined): string | undefined {
  // Own keys only: an output named like an Object method ("constructor") must not find one.
  if (!node || !output || !Object.hasOwn(node.outcomes, output)) return undefined;
  return formatCount(node.outcomes[output] ?? 0);
}
