import { flowSettingsSchema, knownEventTypes } from '@nudgeflow/shared';
import type { JsonSchema } from '../../api/types';

/** Overlay values win; objects merge key by key; anything else (lists included) is replaced. */
export function mergeSchema(base: JsonSchema, overlay: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = merged[key];
    const bothObjects = [current, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    merged[key] = bothObjects ? mergeSchema(current as JsonSchema, value as JsonSchema) : value;
  }
  return merged;
}

const weekdayLabels = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/*
 * The flow settings have no form titles of their own (shared/src/graph/settings.ts is the stored
 * format), so the form's words live here, laid over the schema the settings are validated with.
 */
const formText: JsonSchema = {
  properties: {
    runPer: {
      title: 'One run per',
      enumLabels: { contact: 'contact', order: 'order (two unpaid orders, two runs)' },
    },
    exitOn: {
      title: 'Exit when',
      description: 'Events that end a contact’s run early, e.g. order.paid in a payment reminder',
      items: {
        properties: {
          event: { title: 'Event', examples: [...knownEventTypes] },
          filter: { title: 'Only when' },
          sameOrder: { title: 'Same order only', description: 'For runs per order: only an event about the run’s own order counts', default: true },
        },
      },
    },
    sendWindow: {
      title: 'Send window',
      description: 'Marketing messages outside these hours wait until the window opens',
      properties: {
        days: { title: 'Days', items: { enumLabels: weekdayLabels } },
        from: { title: 'Opens at', default: '08:00' },
        to: { title: 'Closes at', default: '20:00' },
        timezone: { title: 'Time zone', description: 'An IANA zone such as Europe/Prague, or "contact" for the contact’s own zone' },
      },
    },
    frequencyCap: {
      title: 'Frequency cap',
      description: 'At most this many marketing messages per contact from this flow',
      properties: {
        max: { title: 'Messages', default: 1 },
        perSeconds: { title: 'Per', format: 'duration-seconds', default: 86400 },
        onLimit: { title: 'Over the limit', enumLabels: { skip: 'skip the message', delay: 'send it later' } },
      },
    },
    timezone: { title: 'Time zone', description: 'For contacts without a time zone of their own, e.g. Europe/Prague' },
  },
};

/** The flow settings as the form shows them: the settings' own schema with titles and help. */
export const flowSettingsFormSchema: JsonSchema = mergeSchema(flowSettingsSchema.toJSONSchema({ io: 'input' }) as JsonSchema, formText);

/** Re-entry is a union of words and an object: the settings form gives it its own control. */
export type ReentryChoice = 'once' | 'always' | 'after';

export function reentryChoice(value: unknown): ReentryChoice {
  if (value === 'always') return 'always';
  if (typeof value === 'object' && value !== null) return 'after';
  return 'once';
}

export const THIRTY_DAYS = 30 * 86400;

export function reentryValue(choice: ReentryChoice, afterSeconds = THIRTY_DAYS): unknown {
  switch (choice) {
    case 'once':
    case 'always':
      return choice;
    case 'after':
      return { afterSeconds };
    default: {
      const unknown: never = choice;
      throw new Error(`unknown re-entry ${String(unknown)}`);
    }
  }
}
