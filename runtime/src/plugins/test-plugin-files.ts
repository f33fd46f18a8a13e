/*
 * Plugin files as a developer writes them, for the tests that load plugins from a folder
 * (testPluginDir): the text of a .ts file, not plugin objects, because loading the file is what
 * those tests check.
 */

/** The imports a plugin file starts with. */
export const pluginImports = `import { z } from 'zod';\nimport { definePlugin } from '@nudgeflow/shared/plugins';\n`;

/** A well-formed action plugin file of the given type ("Add points", a positive whole number of points); `extra` adds fields. */
export function actionPluginFile(type: string, extra = ''): string {
  return `${pluginImports}
export default definePlugin({
  kind: 'action',
  type: '${type}',
  title: 'Add points',
  description: 'Adds loyalty points.',
  config: z.object({ points: z.number().int().positive().meta({ title: 'Points' }) }),
  defaults: { points: 10 },
  summary: (c) => \`Add \${c.points} points\`,
  ${extra}
  async execute() {},
});
`;
}

/** A file exporting two plugins: the condition acme.isVip and the trigger acme.reviewRequested. */
export const conditionAndTriggerPluginFile = `${pluginImports}
export default [
  definePlugin({
    kind: 'condition',
    type: 'acme.isVip',
    title: 'Is VIP',
    description: 'Asks the CRM.',
    config: z.object({ segment: z.string().meta({ title: 'Segment' }) }),
    defaults: { segment: 'vip' },
    summary: (c) => \`In \${c.segment}\`,
    async evaluate() { return true; },
  }),
  definePlugin({
    kind: 'trigger',
    type: 'acme.reviewRequested',
    title: 'Review requested',
    description: 'The review service asked for a review.',
    event: 'review.requested',
    config: z.object({}),
    defaults: {},
    summary: () => 'When a review is requested',
  }),
];
`;
