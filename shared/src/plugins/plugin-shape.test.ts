import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pluginProblems, validatePluginShape } from './plugin-shape';
import { addPoints, inSegment, reviewRequested } from './test-plugins';

const without = (plugin: object, key: string) => Object.fromEntries(Object.entries(plugin).filter(([k]) => k !== key));

describe('validatePluginShape', () => {
  it('accepts well-formed plugins of every kind', () => {
    expect(validatePluginShape(addPoints)).toEqual([]);
    expect(validatePluginShape(inSegment)).toEqual([]);
    expect(validatePluginShape(reviewRequested)).toEqual([]);
  });

  it('says when a module exports something else', () => {
    for (const value of [undefined, null, 'acme.addPoints', [addPoints], () => addPoints])
      expect(validatePluginShape(value)).toEqual(['this is not a plugin: export definePlugin({ kind, type, title, ... })']);
  });

  it('wants a namespaced type outside the built-in namespaces', () => {
    expect(validatePluginShape(without(addPoints, 'type'))).toEqual(['type is missing: name the node type like "acme.addPoints"']);
    expect(validatePluginShape({ ...addPoints, type: 'addPoints' })).toEqual(['type "addPoints" must be a namespace and a name in lower camel case, like "acme.addPoints"']);
    expect(validatePluginShape({ ...addPoints, type: 'acme.Add Points' })).toEqual([
      'type "acme.Add Points" must be a namespace and a name in lower camel case, like "acme.addPoints"',
    ]);
    for (const namespace of ['trigger', 'condition', 'wait', 'action', 'flow', 'split'])
      expect(validatePluginShape({ ...addPoints, type: `${namespace}.addPoints` })).toEqual([
        `type "${namespace}.addPoints" uses the namespace "${namespace}", which the built-in nodes have; use your own, like "acme.addPoints"`,
      ]);
  });

  it('names the kind-specific part that is missing', () => {
    expect(validatePluginShape({ ...addPoints, kind: 'wait' })).toEqual(['kind must be one of "action", "condition", "trigger" (got "wait")']);
    expect(validatePluginShape(without(addPoints, 'execute'))).toEqual(['an action needs execute(ctx), the function that does the work']);
    expect(validatePluginShape(without(inSegment, 'evaluate'))).toEqual(['a condition needs evaluate(ctx), the function that answers it']);
    expect(validatePluginShape({ ...reviewRequested, event: 'Review Requested' })).toEqual([
      'a trigger needs the event that starts it, like event: "review.requested" (got "Review Requested")',
    ]);
    expect(validatePluginShape(without(reviewRequested, 'event'))).toEqual(['a trigger needs the event that starts it, like event: "review.requested" (got none)']);
  });

  it('checks texts, config, callbacks, migrations, secrets, outputs and limits', () => {
    const broken = {
      ...addPoints,
      title: ' ',
      icon: 5,
      config: { points: 'number' },
      defaults: [],
      summary: 'Add points',
      check: true,
      migrations: [{ to: 2, up: (c: object) => c }],
      secrets: ['LOYALTY_API_KEY', 'loyalty key'],
      outputs: [],
      maxAttempts: 0,
      timeoutSeconds: Infinity,
    };
    expect(validatePluginShape(broken)).toEqual([
      'outputs must be a non-empty list of { id, label }, e.g. [{ id: "next", label: "Next" }]',
      'maxAttempts must be a whole number, 1 or more',
      'timeoutSeconds must be a number of seconds above 0',
      'title is missing',
      'icon must be text, e.g. "star"',
      'config must be a zod schema, e.g. z.object({ points: z.number().meta({ title: "Points" }) })',
      'defaults must be an object: the config of a new node',
      'summary must be a function of the config, e.g. (c) => `Add ${c.points} points`',
      'check must be a function of the config that returns problems',
      'migration 1 must be { to, up(config), down(config) }',
      'secret "loyalty key" is not an environment variable name like "LOYALTY_API_KEY"',
    ]);
  });

  it("refuses limits beyond what the worker's activities allow", () => {
    expect(validatePluginShape({ ...addPoints, maxAttempts: 11, timeoutSeconds: 61 })).toEqual([
      'maxAttempts can be at most 10 for an action',
      "timeoutSeconds can be at most 60 for an action (the worker's activity ends an attempt soon after)",
    ]);
    expect(validatePluginShape({ ...addPoints, maxAttempts: 10, timeoutSeconds: 60 })).toEqual([]);
  });
});

describe('pluginProblems', () => {
  it('is empty for the test plugins', () => {
    expect(pluginProblems(addPoints, 'add-points.ts')).toEqual([]);
    expect(pluginProblems(inSegment, 'in-segment.ts')).toEqual([]);
    expect(pluginProblems(reviewRequested, '@acme/reviews')).toEqual([]);
  });

  it('reports the shape first, without going on to the contract', () => {
    expect(pluginProblems({ ...addPoints, type: 'points', defaults: { points: 'many' } }, 'p.ts')).toEqual([
      'type "points" must be a namespace and a name in lower camel case, like "acme.addPoints"',
    ]);
  });

  it('then the node contract: defaults, field titles, migrations', () => {
    expect(pluginProblems({ ...addPoints, defaults: { points: 0 } }, 'p.ts')).toEqual(['defaults do not pass configSchema: points: Too small: expected number to be >=1']);
    expect(pluginProblems({ ...inSegment, config: z.object({ segment: z.string() }) }, 'p.ts')).toEqual([
      'config field "segment" has no .meta({ title }) for the editor\'s form',
    ]);
    const lossy = { ...addPoints.migrations![0]!, down: ({ points: _points, ...rest }: Record<string, unknown>) => rest };
    expect(pluginProblems({ ...addPoints, migrations: [lossy] }, 'p.ts')).toEqual([
      'migrating the defaults down to version 1 and back up gives {"reason":"welcome"}, not {"points":50,"reason":"welcome"}',
    ]);
  });
});
