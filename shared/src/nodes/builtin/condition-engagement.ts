import { z } from 'zod';
import { formatSeconds } from '../../time/duration';
import { defineNode, YES_NO } from '../types';

export const conditionEngagement = defineNode({
  type: 'condition.engagement',
  title: 'Opened or clicked',
  description: 'Branches on whether the contact opened or clicked a message sent earlier in this flow.',
  category: 'condition',
  icon: 'mouse-pointer-click',
  color: '#0891b2',
  version: 1,
  configSchema: () => z.object({
    // Empty in a new node: the marketer picks the message on the canvas; check() reports it until then.
    nodeId: z.string().meta({ title: 'Message', description: 'An email or SMS node earlier in this flow' }),
    action: z
      .enum(['opened', 'clicked'])
      .default('opened')
      .meta({ title: 'Did the contact', enumLabels: { opened: 'open it', clicked: 'click a link in it' } }),
    withinSeconds: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ title: 'Within seconds of sending', description: 'e.g. 172800 for 2 days; leave empty for any time' }),
  }),
  defaults: { nodeId: '', action: 'opened' },
  outputs: () => YES_NO,
  summary: (c) => {
    const within = c.withinSeconds === undefined ? '' : ` within ${formatSeconds(c.withinSeconds)}`;
    return `If ${c.nodeId ? `message ${c.nodeId}` : 'the message'} was ${c.action}${within}`;
  },
  check: (c) => (c.nodeId ? [] : [{ field: 'nodeId', message: 'pick the email or SMS node to check' }]),
  nodeRefs: (c) => (c.nodeId ? [{ field: 'nodeId', nodeId: c.nodeId, types: ['action.sendEmail', 'action.sendSms'] }] : []),
  behavior: {
    kind: 'lookup',
    query: (c) => ({ type: 'engagement', nodeId: c.nodeId, action: c.action, ...(c.withinSeconds === undefined ? {} : { withinSeconds: c.withinSeconds }) }),
    choose: (_c, answer) => (answer.matched ? 'yes' : 'no'),
  },
});
