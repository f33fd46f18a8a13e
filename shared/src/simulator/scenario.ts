import { z } from 'zod';
import { contactSchema } from '../data/contact';
import { eventTypeSchema } from '../data/event';
import { cartSchema, orderSchema, productSchema } from '../data/order';

const DAY = 86400;

export const scriptedEventSchema = z.strictObject({
  /** Seconds after the scenario's `now`. */
  atSeconds: z.number().min(0),
  type: eventTypeSchema,
  order: orderSchema.optional(),
  cart: cartSchema.optional(),
  product: productSchema.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  /** What the shop says about the contact along with this event; merged into the contact. */
  contact: contactSchema.omit({ id: true }).partial().optional(),
  /** Defaults to "sim-<index>". */
  id: z.string().min(1).optional(),
});
export type ScriptedEvent = z.infer<typeof scriptedEventSchema>;

/** EVENTS.json: one contact, what they do and when, and what the simulated world knows. */
export const scenarioSchema = z
  .strictObject({
    contact: contactSchema.extend({ id: z.string().min(1).default('sim-contact') }),
    events: z.array(scriptedEventSchema).default([]),
    /** How long to follow the run. */
    horizonSeconds: z.number().positive().default(30 * DAY),
    /** The virtual clock at second 0. */
    now: z.iso.datetime({ offset: true }).default('2026-01-05T08:00:00Z'),
    /** Purchases before the scenario, for "has purchased" checks. */
    orders: z.array(orderSchema.extend({ at: z.iso.datetime({ offset: true }) })).default([]),
    /** Codes per pool; a pool not listed hands out endless codes POOL-0001, POOL-0002... */
    codePools: z.record(z.string(), z.array(z.string())).default({}),
    /** The HTTP status each webhook node gets, by node id (default 200). */
    webhookStatus: z.record(z.string(), z.number().int().min(100).max(599)).default({}),
    /**
     * What each custom (plugin) condition answers, by node id: true or false for yes or no, or the
     * id of the output to take. A simulation never runs plugin code; an unscripted check says no.
     */
    checks: z.record(z.string(), z.union([z.boolean(), z.string().min(1)])).default({}),
  })
  .meta({ title: 'Simulation scenario' });

export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written by hand; `simulate` fills in the defaults. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
