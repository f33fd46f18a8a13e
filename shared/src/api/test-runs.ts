import { z } from 'zod';
import { eventTypeSchema } from '../data/event-type';
import { scenarioSchema } from '../simulator/scenario';
import { describedComponent, flowGraphComponent, orderComponent } from './components';
import { messageChannelSchema } from './messages';

/** 1 h of flow time per real second unless asked otherwise. */
export const DEFAULT_TIME_SCALE = 3600;
/** At most a day of flow time per real second: timers and activities still come in order. */
export const MAX_TIME_SCALE = 86_400;

const scenarioComponent = scenarioSchema.meta({
  id: 'TestScenario',
  description:
    "The CLI's EVENTS.json document: the contact, the events with `atSeconds` after `now`, how long to follow the run (`horizonSeconds`), past orders, code pools and webhook answers (the last three for simulations).",
});

const testRunModeSchema = z.enum(['simulate', 'live']);

const requestFields = {
  events: scenarioComponent,
  mode: testRunModeSchema.meta({
    description: 'simulate: the simulator runs the graph on a virtual clock and answers at once. live: a real run on the worker, marked as a test, on a compressed clock',
  }),
  timeScale: z
    .number()
    .min(1)
    .max(MAX_TIME_SCALE)
    .optional()
    .meta({
      description: `Live runs: flow seconds per real second (${DEFAULT_TIME_SCALE}: an hour of flow time passes in a second; the default). Ignored by simulations.`,
      example: DEFAULT_TIME_SCALE,
    }),
};

export const deliverToSchema = z
  .strictObject({
    email: z.email().optional().meta({ description: 'Your own address: emails (and staff alerts) of the live run go there, through the real email channel' }),
    phone: z.string().min(5).max(40).optional().meta({ description: 'Your own number (with country code, or one of DEFAULT_PHONE_COUNTRY): SMS of the live run go there' }),
  })
  .meta({ id: 'DeliverTo', description: "Without it a live run's messages go to the outbox; the scenario contact's address is never used" });
export type DeliverTo = z.infer<typeof deliverToSchema>;

/** POST /api/flows/{id}/test-runs. */
export const flowTestRunRequestSchema = z
  .strictObject({
    ...requestFields,
    version: z
      .union([z.number().int().min(1), z.literal('draft')])
      .default('draft')
      .meta({ description: 'The published version to test, or the draft (default)' }),
    deliverTo: deliverToSchema.optional(),
  })
  .meta({ id: 'FlowTestRunRequest' });
/** What a client sends: defaults (the draft) still unfilled. */
export type FlowTestRunRequest = z.input<typeof flowTestRunRequestSchema>;

/** POST /api/test-runs: a graph that is not stored. */
export const graphTestRunRequestSchema = z
  .strictObject({
    graph: flowGraphComponent,
    ...requestFields,
  })
  .meta({ id: 'GraphTestRunRequest' });

/** POST /api/test-runs/{id}/events. */
export const testRunEventRequestSchema = z
  .strictObject({
    type: eventTypeSchema.meta({ example: 'order.paid' }),
    data: z.record(z.string(), z.unknown()).optional(),
    order: describedComponent(orderComponent, "Defaults to the run's own order, so that `{ \"type\": \"order.paid\" }` marks it paid").optional(),
  })
  .meta({ id: 'TestRunEvent' });
export type TestRunEventRequest = z.input<typeof testRunEventRequestSchema>;

/* The simulator's SimStep, SimAction and SimEnd, as the API answers them. */

const testRunStepSchema = z
  .object({
    atSeconds: z.number().meta({ description: "Seconds on the scenario's clock (after its `now`)" }),
    nodeId: z.string(),
    type: z.string(),
    outcome: z.string().meta({ description: 'The output taken ("yes", "timeout") or what happened ("sent", "waiting")' }),
    detail: z.string().optional().meta({ description: 'Why, with times as offsets ("until +24h for order.paid")' }),
  })
  .meta({ id: 'TestRunStep' });

const testRunActionSchema = z
  .object({
    atSeconds: z.number(),
    nodeId: z.string(),
    type: z.string().meta({ example: 'action.sendSms' }),
    channel: messageChannelSchema.optional().meta({ description: 'Absent for effects that send nothing (tag, code, contact update)' }),
    to: z.string().optional(),
    subject: z.string().optional(),
    body: z.string().optional().meta({ description: "The rendered text (an email's as plain text), a webhook's body, the code handed out, the tags set" }),
    status: z.string().meta({ description: 'sent, skipped, failed, done; a live message also queued, delivered or bounced' }),
    reason: z.string().optional(),
  })
  .meta({ id: 'TestRunAction' });

const testRunEndSchema = z
  .object({
    atSeconds: z.number(),
    reason: z.enum(['completed', 'exited', 'goal', 'failed', 'cancelled', 'waiting', 'notStarted']).meta({
      description: 'waiting: still waiting at the scenario’s horizon; notStarted: no event started the flow',
    }),
    nodeId: z.string().optional(),
    detail: z.string().optional(),
  })
  .meta({ id: 'TestRunEnd' });

/** GET /api/test-runs/{id}: a test run in the simulator's shape. */
export const testRunSchema = z
  .object({
    id: z.string(),
    mode: testRunModeSchema,
    status: z.enum(['running', 'done', 'failed', 'cancelled']).meta({
      description: 'running: a live run goes on; done: it ended (`end` says how); failed: it ended failed or could not start; cancelled: stopped',
    }),
    flowId: z.string().optional().meta({ description: 'Absent for a graph sent inline' }),
    version: z.union([z.number().int(), z.literal('draft')]).optional().meta({ description: 'What was tested; absent for a graph sent inline' }),
    timeScale: z.number().optional().meta({ description: 'Live runs: flow seconds per real second' }),
    runId: z.string().optional().meta({ description: 'Live runs: the run (GET /api/runs/{runId}), marked test' }),
    createdAt: z.string(),
    endedAt: z.string().optional(),
    steps: z.array(testRunStepSchema),
    actions: z.array(testRunActionSchema),
    end: describedComponent(testRunEndSchema, 'How it ended; absent while a live run goes on').optional(),
    currentNodeId: z.string().optional().meta({ description: 'Live runs: the node the run is at now' }),
  })
  .meta({ id: 'TestRun' });
export type TestRun = z.infer<typeof testRunSchema>;

/** The answer to POST /api/test-runs/{id}/events. */
export const testRunEventAcceptedSchema = z
  .object({
    eventId: z.string(),
    type: z.string(),
    atSeconds: z.number().meta({ description: "About when it reached the run, on the scenario's clock" }),
  })
  .meta({ id: 'TestRunEventAccepted' });
export type TestRunEventAccepted = z.infer<typeof testRunEventAcceptedSchema>;
