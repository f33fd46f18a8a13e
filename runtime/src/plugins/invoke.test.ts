import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MigrationError, type RunContext } from '@nudgeflow/shared/nodes';
import { definePlugin, PluginInputError, type PluginContext } from '@nudgeflow/shared/plugins';
import { invokePlugin, PluginTimeoutError, type InvokeInput } from './invoke';

const context: RunContext = {
  flow: { id: 'flow-1', name: 'Welcome' },
  runId: 'run-1',
  contact: { id: 'c-1', email: 'jana@example.com', tags: ['vip'] },
  order: { id: 'o-1', items: [] },
  event: { id: 'e-2', type: 'order.paid', occurredAt: '2025-03-01T10:00:00Z', contact: { id: 'c-1' } },
  trigger: { id: 'e-1', type: 'order.created', occurredAt: '2025-03-01T09:00:00Z', contact: { id: 'c-1' } },
  codes: {},
};

function input(overrides: Partial<InvokeInput> = {}): InvokeInput {
  return {
    config: { points: 10 },
    configVersion: 2,
    context,
    nodeId: 'points',
    idempotencyKey: 'run-1:points:1',
    secrets: { API_KEY: 'k' },
    now: new Date('2025-03-01T10:00:00Z'),
    log: () => {},
    ...overrides,
  };
}

/** An action with a config history (amount -> points) that records what it was given. */
function recordingAction(execute: (ctx: PluginContext<{ points: number; note: string }>) => Promise<{ output?: string; detail?: string } | void>) {
  return definePlugin({
    kind: 'action',
    type: 'acme.addPoints',
    title: 'Add points',
    description: 'Adds points.',
    config: z.object({ points: z.number().int().min(1).meta({ title: 'Points' }), note: z.string().default('none').meta({ title: 'Note' }) }),
    defaults: { points: 5 },
    summary: (c) => `Add ${c.points}`,
    outputs: [
      { id: 'next', label: 'Next' },
      { id: 'capped', label: 'Capped' },
    ],
    migrations: [{ to: 2, up: ({ amount, ...rest }) => ({ ...rest, points: amount }), down: ({ points, ...rest }) => ({ ...rest, amount: points }) }],
    secrets: ['API_KEY'],
    timeoutSeconds: 0.05,
    execute,
  });
}

function condition(evaluate: () => Promise<unknown>, outputs?: { id: string; label: string }[]) {
  return definePlugin({
    kind: 'condition',
    type: 'acme.isGold',
    title: 'Is gold',
    description: 'Asks the tier.',
    config: z.object({}),
    defaults: {},
    summary: () => 'Is gold',
    ...(outputs ? { outputs } : {}),
    evaluate: evaluate as () => Promise<boolean>,
  });
}

describe('invokePlugin: actions', () => {
  it('gives execute the parsed config, the run and the secrets, and follows the first output when it returns nothing', async () => {
    let seen: PluginContext<{ points: number; note: string }> | undefined;
    const plugin = recordingAction(async (ctx) => {
      seen = ctx;
    });

    await expect(invokePlugin(plugin, input())).resolves.toEqual({ output: 'next' });
    expect(seen).toMatchObject({
      config: { points: 10, note: 'none' },
      contact: context.contact,
      order: context.order,
      event: context.event,
      trigger: context.trigger,
      run: { id: 'run-1', flowId: 'flow-1', nodeId: 'points', test: false },
      idempotencyKey: 'run-1:points:1',
      secrets: { API_KEY: 'k' },
      now: new Date('2025-03-01T10:00:00Z'),
    });
    expect(seen?.signal.aborted).toBe(false);
  });

  it('follows the output execute names, with its detail', async () => {
    const plugin = recordingAction(async () => ({ output: 'capped', detail: 'at the yearly cap' }));
    await expect(invokePlugin(plugin, input())).resolves.toEqual({ output: 'capped', detail: 'at the yearly cap' });
  });

  it('refuses an output the node does not have, naming the ones it has', async () => {
    const plugin = recordingAction(async () => ({ output: 'done' }));
    const run = invokePlugin(plugin, input());
    await expect(run).rejects.toBeInstanceOf(PluginInputError);
    await expect(run).rejects.toThrow('node "points" (Add points) chose the output "done", but it has only "next", "capped"');
  });

  it('migrates a config written for an older version before parsing it', async () => {
    const configs: unknown[] = [];
    const plugin = recordingAction(async (ctx) => void configs.push(ctx.config));
    await invokePlugin(plugin, input({ config: { amount: 7, note: 'old' }, configVersion: 1 }));
    expect(configs).toEqual([{ points: 7, note: 'old' }]);
  });

  it('refuses settings the schema rejects, naming the field, without running the plugin', async () => {
    let ran = false;
    const plugin = recordingAction(async () => void (ran = true));
    const run = invokePlugin(plugin, input({ config: { points: 0 } }));
    await expect(run).rejects.toBeInstanceOf(PluginInputError);
    await expect(run).rejects.toThrow('the settings of node "points" (Add points) are not valid: points: Too small: expected number to be >=1');
    expect(ran).toBe(false);
  });

  it('reports a migration that throws as bad input, and a config newer than the plugin as retryable', async () => {
    const plugin = recordingAction(async () => {});
    const broken = { ...plugin, migrations: [{ to: 2, up: () => { throw new Error('no amount'); }, down: (c: Record<string, unknown>) => c }] };
    await expect(invokePlugin(broken, input({ configVersion: 1 }))).rejects.toThrow(
      new PluginInputError('the settings of node "points" (Add points) could not be brought from version 1 to 2: no amount'),
    );

    const newer = await invokePlugin(plugin, input({ configVersion: 3 })).catch((e: unknown) => e);
    expect(newer).toBeInstanceOf(MigrationError);
    expect(newer).not.toBeInstanceOf(PluginInputError);
  });

  it('fails at once when a declared secret is not set, without running the plugin', async () => {
    let ran = false;
    const plugin = recordingAction(async () => void (ran = true));
    await expect(invokePlugin(plugin, input({ secrets: {} }))).rejects.toThrow(
      new PluginInputError('node "points" (Add points) needs API_KEY set in the worker\'s environment; set it and restart the worker'),
    );
    expect(ran).toBe(false);
  });

  it('passes the plugin’s own errors through unchanged', async () => {
    const failure = new Error('HTTP 503');
    const plugin = recordingAction(async () => {
      throw failure;
    });
    await expect(invokePlugin(plugin, input())).rejects.toBe(failure);
  });

  it('gives up on an attempt that outlives the plugin’s timeout, and aborts the plugin’s signal', async () => {
    let signal: AbortSignal | undefined;
    const plugin = recordingAction((ctx) => {
      signal = ctx.signal;
      return new Promise(() => {}); // ignores its signal and never settles
    });
    const error = await invokePlugin(plugin, input()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginTimeoutError);
    expect((error as Error).message).toBe('node "points" (Add points) took longer than its 0.05 s timeout');
    expect(signal?.aborted).toBe(true);
  });

  it('stops when the activity is cancelled, with the cancellation as the reason', async () => {
    const cancel = new AbortController();
    let started = false;
    const plugin = recordingAction(async (ctx) => {
      started = true;
      cancel.abort(new Error('activity cancelled'));
      return new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted by plugin'))));
    });
    await expect(invokePlugin(plugin, input({ signal: cancel.signal }))).rejects.toThrow('activity cancelled');
    expect(started).toBe(true);

    let again = false;
    const late = recordingAction(async () => void (again = true));
    await expect(invokePlugin(late, input({ signal: cancel.signal }))).rejects.toThrow('activity cancelled');
    expect(again).toBe(false);
  });
});

describe('invokePlugin: conditions', () => {
  it('turns true and false into "yes" and "no"', async () => {
    await expect(invokePlugin(condition(async () => true), input({ config: {}, configVersion: 1 }))).resolves.toEqual({ output: 'yes', matched: true });
    await expect(invokePlugin(condition(async () => false), input({ config: {}, configVersion: 1 }))).resolves.toEqual({ output: 'no', matched: false });
  });

  it('keeps the detail and an output the condition names', async () => {
    const tiers = [
      { id: 'gold', label: 'Gold' },
      { id: 'other', label: 'Other' },
    ];
    const plugin = condition(async () => ({ matched: true, output: 'gold', detail: 'tier gold' }), tiers);
    await expect(invokePlugin(plugin, input({ config: {}, configVersion: 1 }))).resolves.toEqual({ output: 'gold', matched: true, detail: 'tier gold' });
  });

  it('refuses "yes" from a condition whose outputs have no "yes"', async () => {
    const plugin = condition(async () => ({ matched: true }), [{ id: 'gold', label: 'Gold' }]);
    await expect(invokePlugin(plugin, input({ config: {}, configVersion: 1 }))).rejects.toThrow(
      new PluginInputError('node "points" (Is gold) chose the output "yes", but it has only "gold"'),
    );
  });

  it('refuses an answer that is neither a boolean nor { matched }', async () => {
    const plugin = condition(async () => 'yes');
    await expect(invokePlugin(plugin, input({ config: {}, configVersion: 1 }))).rejects.toThrow(
      new PluginInputError('node "points" (Is gold): evaluate() returned "yes"; expected true, false or { matched, output?, detail? }'),
    );
  });
});
