import { z } from '@hono/zod-openapi';
import { eventTypeSchema, scenarioSchema } from '@nudgeflow/shared';
import { flowGraphComponent, orderComponent } from '../shared-schemas';

/** 1 h of flow time per real second unless asked otherwise. */
export const DEFAULT_TIME_SCALE = 3600;
/** At most a day of flow time per real second: timers and activities still come in order. */
export const MAX_TIME_SCALE = 86_400;

// A clone made after @hono/zod-openapi is loaded has `.openapi()` (see shared-schemas.ts).
const scenarioComponent = scenarioSchema.clone().openapi('TestScenario', {
  description:
    "The CLI's EVENTS.json document: the contact, the events with `atSeconds` after `now`, how long to follow the run (`horizonSeconds`), past orders, code pools and webhook answers (the last three for simulations).",
});

export const testRunIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'trun_Qw3rTy8uIo1pAs2dFg' }) });
export const flowIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'flow_4fQxYb2kPq9sLm3n' }) });

const modeSchema = z.enum(['simulate', 'live']).openapi({
  description: 'simulate: the simulator runs the graph on a virtual clock and answers at once. live: a real run on the worker, marked as a test, on a compressed clock',
});

const timeScaleSchema = z.number().min(1).max(MAX_TIME_SCALE).optional().openapi({
  description: `Live runs: flow seconds per real second (${DEFAULT_TIME_SCALE}: an hour of flow time passes in a second; the default). Ignored by simulations.`,
  example: DEFAULT_TIME_SCALE,
});

const commonBody = {
  events: scenarioComponent,
  mode: modeSchema,
  timeScale: timeScaleSchema,
};

export const deliverToSchema = z
  .strictObject({
    email: z.email().optional().openapi({ description: 'Your own address: emails (and staff alerts) of the live run go there, through the real email channel' }),
    phone: z.string().min(5).max(40).optional().openapi({ description: 'Your own number (with country code, or one of DEFAULT_PHONE_COUNTRY): SMS of the live run go there' }),
  })
  .openapi('DeliverTo', { description: "Without it a live run's messages go to the outbox; the scenario contact's address is never used" });

export const flowTestRunBody = z
  .strictObject({
    ...commonBody,
    version: z
      .union([z.number().int().min(1), z.literal('draft')])
      .default('draft')
      .openapi({ description: 'The published version to test, or the draft (default)' }),
    deliverTo: deliverToSchema.optional(),
  })
  .openapi('FlowTestRunRequest');

export const graphTestRunBody = z
  .strictObject({
    graph: flowGraphComponent,
    ...commonBody,
  })
  .openapi('GraphTestRunRequest');

export const testRunEventBody = z
  .strictObject({
    type: eventTypeSchema.clone().openapi({ example: 'order.paid' }),
    data: z.record(z.string(), z.unknown()).optional(),
    order: orderComponent.optional().openapi({ description: "Defaults to the run's own order, so that `{ \"type\": \"order.paid\" }` marks it paid" }),
  })
  .openapi('TestRunEvent');

const stepSchema = z
  .object({
    atSeconds: z.number().openapi({ description: "Seconds on the scenario's clock (after its `now`)" }),
    nodeId: z.string(),
    type: z.string(),
    outcome: z.string().openapi({ description: 'The output taken ("yes", "timeout") or what happened ("sent", "waiting")' }),
    detail: z.string().optional().openapi({ description: 'Why, with times as offsets ("until +24h for order.paid")' }),
  })
  .openapi('TestRunStep');

const actionSchema = z
  .object({
    atSeconds: z.number(),
    nodeId: z.string(),
    type: z.string().openapi({ example: 'action.sendSms' }),
    channel: z.enum(['email', 'sms', 'webhook', 'internal']).optional().openapi({ description: 'Absent for effects that send nothing (tag, code, contact update)' }),
    to: z.string().optional(),
    subject: z.string().optional(),
    body: z.string().optional().openapi({ description: "The rendered text (an email's as plain text), a webhook's body, the code handed out, the tags set" }),
    status: z.string().openapi({ description: 'sent, skipped, failed, done; a live message also queued, delivered or bounced' }),
    reason: z.string().optional(),
  })
  .openapi('TestRunAction');

const endSchema = z
  .object({
    atSeconds: z.number(),
    reason: z.enum(['completed', 'exited', 'goal', 'failed', 'cancelled', 'waiting', 'notStarted']).openapi({
      description: 'waiting: still waiting at the scenario’s horizon; notStarted: no event started the flow',
    }),
    nodeId: z.string().optional(),
    detail: z.string().optional(),
  })
  .openapi('TestRunEnd');

export const testRunSchema = z
  .object({
    id: z.string(),
    mode: z.enum(['simulate', 'live']),
    status: z.enum(['running', 'done', 'failed', 'cancelled']).openapi({
      description: 'running: a live run goes on; done: it ended (`end` says how); failed: it ended failed or could not start; cancelled: stopped',
    }),
    flowId: z.string().optional().openapi({ description: 'Absent for a graph sent inline' }),
    version: z.union([z.number().int(), z.literal('draft')]).optional().openapi({ description: 'What was tested; absent for a graph sent inline' }),
    timeScale: z.number().optional().openapi({ description: 'Live runs: flow seconds per real second' }),
    runId: z.string().optional().openapi({ description: 'Live runs: the run (GET /api/runs/{runId}), marked test' }),
    createdAt: z.string(),
    endedAt: z.string().optional(),
    steps: z.array(stepSchema),
    actions: z.array(actionSchema),
    end: endSchema.optional().openapi({ description: 'How it ended; absent while a live run goes on' }),
    currentNodeId: z.string().optional().openapi({ description: 'Live runs: the node the run is at now' }),
  })
  .openapi('TestRun');

export const acceptedEventSchema = z
  .object({
    eventId: z.string(),
    type: z.string(),
    atSeconds: z.number().openapi({ description: "About when it reached the run, on the scenario's clock" }),
  })
  .openapi('TestRunEventAccepted');
