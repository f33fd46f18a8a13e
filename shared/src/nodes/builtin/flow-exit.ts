import { z } from 'zod';
import { defineNode } from '../types';

export const flowExit = defineNode({
  type: 'flow.exit',
  title: 'Exit',
  description: 'Ends the contact’s run here, with a reason that shows in reports.',
  category: 'flow',
  icon: 'log-out',
  color: '#64748b',
  version: 1,
  configSchema: () => z.object({
    reason: z.string().min(1, 'give a reason, e.g. "paid"').default('done').meta({ title: 'Reason', description: 'Shown in the run log and reports' }),
  }),
  defaults: { reason: 'done' },
  outputs: () => [],
  summary: (c) => `Exit: ${c.reason}`,
  behavior: { kind: 'exit', reason: (c) => c.reason },
});
