import { z } from 'zod';
import { durationSchema, formatDuration, parseDuration } from '../../time/duration';
import { defineNode, NEXT } from '../types';

export const waitDelay = defineNode({
  type: 'wait.delay',
  title: 'Wait',
  description: 'Pauses the flow for a fixed time: minutes, hours or days.',
  category: 'wait',
  icon: 'clock',
  color: '#d97706',
  version: 1,
  configSchema: () => z.object({
    duration: durationSchema.meta({ title: 'Wait for', description: 'ISO 8601 duration, e.g. PT30M, PT24H or P3D' }),
  }),
  defaults: { duration: 'PT24H' },
  outputs: () => [NEXT],
  summary: (c) => `Wait ${formatDuration(c.duration)}`,
  behavior: {
    kind: 'wait',
    plan: (c, _ctx, now) => ({ kind: 'sleep', until: new Date(now.getTime() + (parseDuration(c.duration) ?? 0) * 1000) }),
  },
});
