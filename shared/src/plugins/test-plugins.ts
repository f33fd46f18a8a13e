import { z } from 'zod';
import { definePlugin } from './define-plugin';
import { PluginInputError } from './types';

/** Plugins for the tests: one of each kind, the action with a config history (amount -> points). */

export const addPoints = definePlugin({
  kind: 'action',
  type: 'acme.addPoints',
  title: 'Add loyalty points',
  description: 'Adds points to the contact’s loyalty account.',
  icon: 'star',
  config: z.object({
    points: z.number().int().min(1).meta({ title: 'Points' }),
    reason: z.string().default('').meta({ title: 'Reason', description: 'Shown in the customer’s points history' }),
  }),
  defaults: { points: 50, reason: 'welcome' },
  summary: (c) => `Add ${c.points} points${c.reason ? ` for “${c.reason}”` : ''}`,
  check: (c) => (c.points > 10_000 ? [{ field: 'points', message: 'more than 10,000 points at once looks like a typo', severity: 'warning' }] : []),
  migrations: [
    {
      to: 2,
      up: ({ amount, ...rest }) => ({ ...rest, points: amount }),
      down: ({ points, ...rest }) => ({ ...rest, amount: points }),
    },
  ],
  secrets: ['LOYALTY_API_KEY'],
  execute: async (ctx) => {
    if (!ctx.contact.email) throw new PluginInputError('the contact has no email address');
    return { detail: `added ${ctx.config.points} points` };
  },
});

export const inSegment = definePlugin({
  kind: 'condition',
  type: 'acme.inSegment',
  title: 'In CRM segment',
  description: 'Asks the CRM whether the contact is in a segment.',
  config: z.object({ segment: z.string().min(1).meta({ title: 'Segment' }) }),
  defaults: { segment: 'vip' },
  summary: (c) => `If in segment ${c.segment}`,
  evaluate: async (ctx) => ctx.config.segment === 'vip',
});

export const reviewRequested = definePlugin({
  kind: 'trigger',
  type: 'acme.reviewRequested',
  title: 'Review requested',
  description: 'Starts when the review service asks for a review.',
  event: 'review.requested',
  config: z.object({}),
  defaults: {},
  summary: () => 'When a review is requested',
});
