import { z } from 'zod';
import { describedComponent } from './components';

/** How far back GET /api/flows/:id/stats looks by default, and at most, in days. */
export const FLOW_STATS_DEFAULT_DAYS = 30;
export const FLOW_STATS_MAX_DAYS = 365;
/** Orders a contact places within this many days after a message of the flow count as its conversions. */
export const CONVERSION_WINDOW_DAYS = 5;

const count = z.number().int().nonnegative();

export const flowStatsQuerySchema = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(FLOW_STATS_MAX_DAYS)
    .default(FLOW_STATS_DEFAULT_DAYS)
    .meta({ description: `The period: the last N days up to now (default ${FLOW_STATS_DEFAULT_DAYS}, at most ${FLOW_STATS_MAX_DAYS})`, example: 30 }),
});
export type FlowStatsQuery = z.infer<typeof flowStatsQuerySchema>;

/** Real messages only (test runs' never count); each message once, in its present status. */
export const messageCountsSchema = z
  .object({
    queued: count.meta({ description: 'Being handed to the provider now' }),
    sent: count.meta({ description: 'Handed to the provider (email, SMS) or answered by the shop (webhook); includes delivered' }),
    delivered: count.meta({ description: 'Confirmed delivered by the provider (Twilio status callbacks)' }),
    failed: count,
    bounced: count,
    skipped: count.meta({ description: 'Not sent: no consent, suppressed, no address, frequency cap' }),
    opened: count.meta({ description: 'Emails opened by a person at least once (a click counts as an open; machine opens and clicks do not count)' }),
    clicked: count.meta({ description: 'Emails with at least one link followed by a person' }),
  })
  .meta({ id: 'MessageCounts' });
export type MessageCounts = z.infer<typeof messageCountsSchema>;

export const nodeStatsSchema = z
  .object({
    nodeId: z.string(),
    reached: count.meta({ description: 'Runs (started in the period) that got to this node' }),
    waitingNow: count.meta({ description: 'Runs waiting at this node now' }),
    outcomes: z
      .record(z.string(), count)
      .meta({ description: 'Steps by outcome: the output taken ("yes", "timeout") or what happened ("sent", "skipped"); intermediate "waiting" and "delayed" steps not counted', example: { event: 812, timeout: 392 } }),
    messages: describedComponent(messageCountsSchema, 'For nodes that send: their messages in the period').optional(),
  })
  .meta({ id: 'NodeStats' });
export type NodeStats = z.infer<typeof nodeStatsSchema>;

export const flowStatsSchema = z
  .object({
    flowId: z.string(),
    days: count,
    from: z.string().meta({ description: 'Start of the period (ISO 8601)' }),
    to: z.string().meta({ description: 'End of the period: the time of the answer' }),
    runs: z
      .object({
        started: count,
        active: count.meta({ description: 'Of those, still running or waiting' }),
        completed: count,
        goal: count.meta({ description: 'Ended by the flow’s goal (an exitOn event such as a purchase)' }),
        exited: count,
        failed: count,
        cancelled: count,
      })
      .meta({ description: 'Real runs (not test runs) started in the period, by how they stand now' }),
    inFlowNow: count.meta({ description: 'Contacts in the flow now (active runs, whenever they started)' }),
    messages: describedComponent(messageCountsSchema, 'All the flow’s messages created in the period'),
    conversions: z
      .object({
        windowDays: count,
        orders: count.meta({ description: `Orders (not cancelled) that contacts placed within ${CONVERSION_WINDOW_DAYS} days after a message of this flow was sent to them` }),
        revenue: z.array(z.object({ currency: z.string(), total: z.number() })).meta({ description: 'Their totals, per currency' }),
      })
      .meta({ description: 'Orders after a sent message of this flow (each order once, however many messages preceded it)' }),
    nodes: z.array(nodeStatsSchema).meta({ description: 'Nodes with any run or message in the period, in the graph’s order where known' }),
  })
  .meta({ id: 'FlowStats' });
export type FlowStats = z.infer<typeof flowStatsSchema>;
