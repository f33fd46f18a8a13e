import { formatCount, formatMoney, formatRate } from '@nudgeflow/shared';
import type { MessageChannel } from '@nudgeflow/shared/api';
import type { FlowStats, MessageCounts, NodeStats } from './stats-api';

/* Every number the Stats panel and the canvas show, as text (counts, rates and money as `nudgeflow stats` writes them). */
export { formatCount, formatMoney, formatRate };

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
