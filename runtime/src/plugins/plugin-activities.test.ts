import type { FactQuery } from '@nudgeflow/shared/nodes';
import { definePlugin, PluginInputError, type PluginContext } from '@nudgeflow/shared/plugins';
import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFlowActivities } from '../activities/index';
import { ann, effectCommand, failureOf, NOW, recordingChannels, runRef, storeContact, testMessaging } from '../activities/test-fixtures';
import { findEffect } from '../db/effects';
import { useTestDatabase } from '../db/test-database';
import { LoadedPlugins, loadedPlugin } from './loaded-plugins';

const db = useTestDatabase();

/** What the plugins were called with, per call. */
let calls: PluginContext<Record<string, unknown>>[];
/** What the action does next: answer, or throw. */
let actionBehaviour: () => Promise<{ output?: string; detail?: string } | void>;

const addPoints = definePlugin({
  kind: 'action',
  type: 'acme.addPoints',
  title: 'Add points',
  description: 'Adds loyalty points.',
  config: z.object({ points: z.number().int().positive().meta({ title: 'Points' }) }),
  defaults: { points: 10 },
  outputs: [
    { id: 'next', label: 'Next' },
    { id: 'notMember', label: 'Not a member' },
  ],
  summary: (c) => `Add ${c.points} points`,
  // Version 2 renamed `amount` to `points`.
  migrations: [{ to: 2, up: ({ amount, ...rest }) => ({ ...rest, points: amount }), down: ({ points, ...rest }) => ({ ...rest, amount: points }) }],
  secrets: ['LOYALTY_API_KEY'],
  maxAttempts: 3,
  async execute(ctx) {
    calls.push(ctx);
    return actionBehaviour();
  },
});

const isVip = definePlugin({
  kind: 'condition',
  type: 'acme.isVip',
  title: 'Is VIP',
  description: 'Asks the CRM.',
  config: z.object({ segment: z.string().meta({ title: 'Segment' }) }),
  defaults: { segment: 'vip' },
  summary: (c) => `In ${c.segment}`,
  async evaluate(ctx) {
    calls.push(ctx);
    return { matched: ctx.contact.tags.includes(ctx.config.segment), detail: `asked about ${ctx.config.segment}` };
  },
});

const plugins = new LoadedPlugins([loadedPlugin(addPoints, 'points.ts', { LOYALTY_API_KEY: 'key-1' }), loadedPlugin(isVip, 'crm.ts')]);

function activities() {
  return createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels(), now: () => NOW, plugins });
}

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql);
  calls = [];
  actionBehaviour = async () => ({ output: 'notMember', detail: 'not in the program' });
});

describe('plugin actions in executeEffect', () => {
  it('runs the plugin once per key with the config migrated from the version the run carries', async () => {
    const command = { ...effectCommand('acme.addPoints', { amount: 50 }, { nodeId: 'points', visit: 2 }), configVersion: 1 };
    const { executeEffect } = activities();

    expect(await executeEffect({ run: runRef(), command })).toEqual({ status: 'done', output: 'notMember', reason: 'not in the program' });
    expect(await executeEffect({ run: runRef(), command })).toEqual({ status: 'done', output: 'notMember', reason: 'not in the program' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      config: { points: 50 },
      contact: ann,
      run: { id: 'run-1', flowId: 'f1', nodeId: 'points', test: false },
      idempotencyKey: 'run-1:points:2',
      secrets: { LOYALTY_API_KEY: 'key-1' },
      now: NOW,
    });
    expect(await findEffect(db.sql, 'run-1:points:2')).toEqual({ status: 'done', output: 'notMember', reason: 'not in the program' });
  });

  it('takes a config already at the current version, and follows the first output when the plugin names none', async () => {
    actionBehaviour = async () => undefined;
    const command = { ...effectCommand('acme.addPoints', { points: 5 }), configVersion: 2 };
    expect(await activities().executeEffect({ run: runRef(), command })).toEqual({ status: 'done', output: 'next' });
    expect(calls[0]?.config).toEqual({ points: 5 });
    // Without the run's time on the command (commands from before it), the worker's clock.
    expect(calls[0]?.now).toEqual(NOW);
  });

  it("gives the plugin the run's time the command carries (a live test run's compressed clock)", async () => {
    actionBehaviour = async () => undefined;
    const command = { ...effectCommand('acme.addPoints', { points: 5 }), configVersion: 2, at: '2026-03-01T09:00:00.000Z' };
    await activities().executeEffect({ run: runRef(), command });
    expect(calls[0]?.now.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('fails the node at once, without retries, on a config the plugin rejects or a PluginInputError', async () => {
    const bad = { ...effectCommand('acme.addPoints', { points: -1 }), configVersion: 2 };
    expect(await failureOf(activities().executeEffect({ run: runRef(), command: bad }))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'the settings of node "node" (Add points) are not valid: points: Too small: expected number to be >0',
    });
    expect(calls).toEqual([]);

    actionBehaviour = async () => {
      throw new PluginInputError('the loyalty API says customer ann does not exist');
    };
    const command = { ...effectCommand('acme.addPoints', { points: 5 }, { nodeId: 'other' }), configVersion: 2 };
    expect(await failureOf(activities().executeEffect({ run: runRef(), command }))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'the loyalty API says customer ann does not exist',
    });
    expect(await findEffect(db.sql, command.idempotencyKey)).toBeUndefined();
  });

  it('passes other errors on for Temporal to retry, and records nothing', async () => {
    actionBehaviour = async () => {
      throw new Error('loyalty API answered 503');
    };
    const command = { ...effectCommand('acme.addPoints', { points: 5 }), configVersion: 2 };
    // Outside an activity this is attempt 1 of 3 (the plugin's maxAttempts): retryable.
    expect(await failureOf(activities().executeEffect({ run: runRef(), command }))).toEqual({ name: 'Error', message: 'loyalty API answered 503' });
    expect(await findEffect(db.sql, command.idempotencyKey)).toBeUndefined();
  });
});

describe('plugin conditions in lookupFacts', () => {
  const query = (config: Record<string, unknown>, tags: string[]): FactQuery => ({
    type: 'custom',
    nodeType: 'acme.isVip',
    configVersion: 1,
    config,
    context: { contact: { ...ann, tags }, event: { id: 'e1', type: 'order.paid', occurredAt: '2026-03-02T09:00:00Z', contact: { id: 'ann' } } },
  });

  it("answers with the plugin's verdict, on the run's contact and events, at the run's time", async () => {
    const { lookupFacts } = activities();
    const at = '2026-03-05T08:00:00.000Z';
    expect(await lookupFacts({ run: runRef(), query: query({ segment: 'vip' }, ['vip']), now: at, nodeId: 'vip', visit: 3 })).toEqual({
      matched: true,
      output: 'yes',
      detail: 'asked about vip',
    });
    expect(await lookupFacts({ run: runRef({ test: true }), query: query({ segment: 'gold' }, ['vip']), now: at, nodeId: 'vip', visit: 1 })).toEqual({
      matched: false,
      output: 'no',
      detail: 'asked about gold',
    });
    expect(calls.map((c) => ({ run: c.run, key: c.idempotencyKey, now: c.now.toISOString(), event: c.event?.id, secrets: c.secrets }))).toEqual([
      { run: { id: 'run-1', flowId: 'f1', nodeId: 'vip', test: false }, key: 'run-1:vip:3', now: at, event: 'e1', secrets: {} },
      { run: { id: 'run-1', flowId: 'f1', nodeId: 'vip', test: true }, key: 'run-1:vip:1', now: at, event: 'e1', secrets: {} },
    ]);
  });

  it('fails the node without retries when the config does not fit the plugin', async () => {
    expect(await failureOf(activities().lookupFacts({ run: runRef(), query: query({}, []), now: NOW.toISOString(), nodeId: 'vip', visit: 1 }))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'the settings of node "vip" (Is VIP) are not valid: segment: Invalid input: expected string, received undefined',
    });
  });
});
