import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Contact } from '../data/contact';
import { definePlugin } from './define-plugin';
import { addPoints, inSegment, reviewRequested } from './test-plugins';
import type { ActionOutcome, ActionPlugin, ConditionOutcome, ConditionPlugin, PluginContext, TriggerPlugin } from './types';

describe('definePlugin', () => {
  it('returns the plugin as written', () => {
    const plugin = { ...addPoints };
    expect(definePlugin(plugin)).toBe(plugin);
  });

  it('keeps the kind, so each kind’s own fields stay reachable', () => {
    expectTypeOf(addPoints).toExtend<ActionPlugin>();
    expectTypeOf(inSegment).toExtend<ConditionPlugin>();
    expectTypeOf(reviewRequested).toExtend<TriggerPlugin>();
    expectTypeOf(addPoints.execute).returns.toEqualTypeOf<Promise<ActionOutcome | void>>();
    expectTypeOf(inSegment.evaluate).returns.toEqualTypeOf<Promise<ConditionOutcome | boolean>>();
    expectTypeOf(reviewRequested.event).toEqualTypeOf<string>();
  });

  it('types callbacks and defaults from the config schema', () => {
    const config = z.object({
      points: z.number().meta({ title: 'Points' }),
      reason: z.string().default('thanks').meta({ title: 'Reason' }),
    });
    const plugin = definePlugin({
      kind: 'action',
      type: 'acme.typed',
      title: 'Typed',
      description: 'Type inference check.',
      config,
      // `reason` has a default: the input type lets a new node leave it out.
      defaults: { points: 1 },
      summary: (c) => {
        expectTypeOf(c).toEqualTypeOf<{ points: number; reason: string }>();
        return `${c.points}`;
      },
      check: (c) => {
        expectTypeOf(c.reason).toEqualTypeOf<string>();
        return [];
      },
      execute: async (ctx) => {
        expectTypeOf(ctx).toEqualTypeOf<PluginContext<{ points: number; reason: string }>>();
        expectTypeOf(ctx.contact).toEqualTypeOf<Contact>();
        return { output: 'next' };
      },
    });
    expectTypeOf(plugin).toEqualTypeOf<ActionPlugin<typeof config>>();
    expect(plugin.summary({ points: 3, reason: 'x' })).toBe('3');
  });

  it('rejects defaults and callbacks that do not fit the schema', () => {
    const config = z.object({ segment: z.string().meta({ title: 'Segment' }) });
    definePlugin({
      kind: 'condition',
      type: 'acme.wrongDefaults',
      title: 'Wrong',
      description: 'Defaults of the wrong type.',
      config,
      // @ts-expect-error a number is not a segment name
      defaults: { segment: 5 },
      summary: (c) => c.segment,
      evaluate: async () => true,
    });
    definePlugin({
      kind: 'condition',
      type: 'acme.wrongField',
      title: 'Wrong',
      description: 'A callback reading a field the config does not have.',
      config,
      defaults: { segment: 'vip' },
      // @ts-expect-error the config has no "tier"
      summary: (c) => c.tier,
      evaluate: async () => true,
    });
    // @ts-expect-error an action needs execute
    definePlugin({ kind: 'action', type: 'acme.lazy', title: 'Lazy', description: 'Does nothing.', config, defaults: { segment: 'a' }, summary: () => 'x' });
  });
});
