import { formatCount, formatMoney, formatRate } from '@nudgeflow/shared';
import type { FlowStats, MessageCounts, NodeStats } from '@nudgeflow/shared/api';
import { alignRows, type Align } from './text-table';

/*
 * `nudgeflow stats` as text: the numbers the editor's Stats panel shows, with the same meaning
 * (open and click rates are of the email nodes' emails sent, failed includes bounced). A fixed
 * locale, so "1,204" reads the same on every machine.
 */

/** What the report knows of the flow besides its stats (GET /api/flows/:id), when it could be read. */
export interface FlowFacts {
  name: string;
  /** The draft's node types by node id; a node removed since has none. */
  nodeTypes: ReadonlyMap<string, string>;
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "2026-03-10 12:00", in UTC. */
const minuteUtc = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');

type Channel = 'email' | 'sms' | 'other';

/** The channel a node sends on, from its draft type; undefined for a node the draft no longer has. */
function channelOf(nodeId: string, flow: FlowFacts | undefined): Channel | undefined {
  const type = flow?.nodeTypes.get(nodeId);
  if (type === undefined) return undefined;
  return type === 'action.sendEmail' ? 'email' : type === 'action.sendSms' ? 'sms' : 'other';
}

/** The email nodes' own counts: an SMS cannot be opened, so rates are of emails only. */
function emailTotals(stats: FlowStats, flow: FlowFacts | undefined): { sent: number; opened: number; clicked: number } {
  const totals = { sent: 0, opened: 0, clicked: 0 };
  for (const node of stats.nodes) {
    if (!node.messages || channelOf(node.nodeId, flow) !== 'email') continue;
    totals.sent += node.messages.sent;
    totals.opened += node.messages.opened;
    totals.clicked += node.messages.clicked;
  }
  return totals;
}

function runLines(stats: FlowStats): string[] {
  const { runs } = stats;
  const rows = [
    ['started', runs.started],
    ['in flow now', stats.inFlowNow],
    ['completed', runs.completed],
    ['reached the goal', runs.goal],
    ['exited', runs.exited],
    ['failed', runs.failed],
    ['cancelled', runs.cancelled],
  ] as const;
  return ['Runs', ...alignRows(rows.map(([label, n]) => [label, formatCount(n)]), ['left', 'right'])];
}

function messageLines(stats: FlowStats, flow: FlowFacts | undefined): string[] {
  const m = stats.messages;
  const emails = emailTotals(stats, flow);
  const ofEmails = (part: number) => (emails.sent > 0 ? `${formatRate(part, emails.sent)} of ${plural(emails.sent, 'email', 'emails')} sent` : '');
  const rows = [
    ['sent', formatCount(m.sent)],
    ['delivered', formatCount(m.delivered)],
    ['opened', formatCount(m.opened), ofEmails(emails.opened)],
    ['clicked', formatCount(m.clicked), ofEmails(emails.clicked)],
    ['failed', formatCount(m.failed + m.bounced), m.bounced > 0 ? `incl. ${formatCount(m.bounced)} bounced` : ''],
    ['skipped', formatCount(m.skipped)],
    // Being handed to the provider right now: worth a line only when there are any.
    ...(m.queued > 0 ? [['queued', formatCount(m.queued)]] : []),
  ];
  return ['Messages', ...alignRows(rows, ['left', 'right', 'left'])];
}

function conversionLines(stats: FlowStats): string[] {
  const { windowDays, orders, revenue } = stats.conversions;
  const money = revenue.map((r) => formatMoney(r.total, r.currency));
  const rows = [['orders', formatCount(orders)], ['revenue', money[0] ?? '—'], ...money.slice(1).map((m) => ['', m])];
  return [`Orders within ${plural(windowDays, 'day', 'days')} after a message`, ...alignRows(rows, ['left', 'right'])];
}

/** "event 812 · timeout 392": the most taken first. */
function outcomesText(outcomes: NodeStats['outcomes']): string {
  return Object.entries(outcomes)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([outcome, n]) => `${outcome} ${formatCount(n)}`)
    .join(' · ');
}

/** "sent 800 · opened 38 % · clicked 6 % · bounced 3": rates for emails, other counts when there are any. */
function nodeMessagesText(m: MessageCounts | undefined, channel: Channel | undefined): string {
  if (!m) return '';
  // A node gone from the draft has no known channel: rates when its messages were ever opened.
  const engagement = channel === 'email' || (channel === undefined && m.opened + m.clicked > 0);
  const rates = engagement && m.sent > 0 ? [`opened ${formatRate(m.opened, m.sent)}`, `clicked ${formatRate(m.clicked, m.sent)}`] : [];
  const others = (['delivered', 'failed', 'bounced', 'skipped', 'queued'] as const).filter((key) => m[key] > 0).map((key) => `${key} ${formatCount(m[key])}`);
  return [`sent ${formatCount(m.sent)}`, ...rates, ...others].join(' · ');
}

function nodeLines(stats: FlowStats, flow: FlowFacts | undefined): string[] {
  if (stats.nodes.length === 0) return ['Nodes', '  no run reached a node in this period'];
  const header = ['node', 'reached', 'waiting now', 'outcomes', 'messages'];
  const rows = stats.nodes.map((node) => [
    node.nodeId,
    formatCount(node.reached),
    formatCount(node.waitingNow),
    outcomesText(node.outcomes),
    nodeMessagesText(node.messages, channelOf(node.nodeId, flow)),
  ]);
  const align: Align[] = ['left', 'right', 'right', 'left', 'left'];
  return ['Nodes', ...alignRows([header, ...rows], align)];
}

/** The whole report; `flow` is undefined when the flow itself could not be read (its id stands in for its name). */
export function formatFlowStats(stats: FlowStats, flow: FlowFacts | undefined): string {
  const title = flow ? `${flow.name} (${stats.flowId})` : `Flow ${stats.flowId}`;
  const period = `Last ${plural(stats.days, 'day', 'days')}: ${minuteUtc(stats.from)} – ${minuteUtc(stats.to)} UTC`;
  const sections = [[title, period], runLines(stats), messageLines(stats, flow), conversionLines(stats), nodeLines(stats, flow)];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}
