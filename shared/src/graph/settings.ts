import { z } from 'zod';
import { ruleSetSchema } from '../rules/schema';
import { eventTypeSchema } from '../data/event-type';
import { clockTimeSchema, timeZoneSchema, weekdaySchema } from '../time/zoned';

export const reentrySchema = z.union([
  z.literal('once'),
  z.literal('always'),
  z.object({ afterSeconds: z.number().int().positive() }),
]);
export type Reentry = z.infer<typeof reentrySchema>;

export const exitOnSchema = z.object({
  event: eventTypeSchema,
  /** Only events that also match these rules end the run. */
  filter: ruleSetSchema.optional(),
  /** For per-order flows: only an event about the run's own order counts (default true). */
  sameOrder: z.boolean().optional(),
});
export type ExitOn = z.infer<typeof exitOnSchema>;

export const sendWindowSchema = z
  .object({
    days: z.array(weekdaySchema).default(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
    from: clockTimeSchema,
    to: clockTimeSchema,
    timezone: timeZoneSchema.default('contact'),
  })
  .refine((w) => w.from < w.to, { message: 'the window must open ("from") before it closes ("to")', path: ['to'] });
export type SendWindow = z.infer<typeof sendWindowSchema>;

export const frequencyCapSchema = z.object({
  max: z.number().int().positive(),
  perSeconds: z.number().int().positive(),
  /** What happens to a message over the cap: dropped (the run goes on) or held until allowed. */
  onLimit: z.enum(['skip', 'delay']).default('skip'),
});
export type FrequencyCap = z.infer<typeof frequencyCapSchema>;

export const flowSettingsSchema = z.object({
  reentry: reentrySchema.default('once'),
  /** One run per contact, or one per order (a contact with two unpaid orders gets two reminders). */
  runPer: z.enum(['contact', 'order']).default('contact'),
  exitOn: z.array(exitOnSchema).default([]),
  sendWindow: sendWindowSchema.optional(),
  frequencyCap: frequencyCapSchema.optional(),
  /** Zone used where a contact has none. */
  timezone: timeZoneSchema.default('UTC'),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;
