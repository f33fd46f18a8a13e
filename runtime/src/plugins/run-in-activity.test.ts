import { definePlugin } from '@nudgeflow/shared/plugins';
import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { effectCommand, failureOf, NOW, runRef } from '../activities/test-fixtures';
import { loadedPlugin } from './loaded-plugins';
import { runnable, runPluginAttempt, type PluginCall } from './run-in-activity';

const flaky = definePlugin({
  kind: 'action',
  type: 'acme.flaky',
  title: 'Flaky call',
  description: 'Always fails.',
  config: z.object({}),
  defaults: {},
  summary: () => 'Call the flaky API',
  maxAttempts: 3,
  async execute() {
    throw new Error('HTTP 503');
  },
});

const loaded = runnable(loadedPlugin(flaky, 'flaky.ts'));

function call(attempt: number, signal?: AbortSignal): PluginCall {
  const command = effectCommand('acme.flaky', {});
  return { run: runRef(), config: {}, configVersion: 1, context: command.context, nodeId: 'flaky', idempotencyKey: 'k', now: NOW, attempt: { attempt, maximumAttempts: 10, signal } };
}

describe('runPluginAttempt', () => {
  it("retries a failure until the plugin's maxAttempts, then fails the node with the last error", async () => {
    if (!loaded) throw new Error('an action is runnable');
    expect(await failureOf(runPluginAttempt(loaded, call(2)))).toEqual({ name: 'Error', message: 'HTTP 503' });
    expect(await failureOf(runPluginAttempt(loaded, call(3)))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'Flaky call (acme.flaky) at node "flaky" gave up after 3 attempts: HTTP 503',
    });
  });

  it('fails the node at once, naming the variable, when a declared secret was not set at start', async () => {
    const needsKey = runnable(loadedPlugin({ ...flaky, secrets: ['FLAKY_URL', 'FLAKY_KEY'] }, 'flaky.ts', { FLAKY_URL: 'http://flaky.test' }));
    if (!needsKey) throw new Error('an action is runnable');
    expect(await failureOf(runPluginAttempt(needsKey, call(1)))).toEqual({
      name: 'ApplicationFailure',
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'Flaky call (acme.flaky) at node "flaky" needs the environment variable FLAKY_KEY, which this worker does not have: set it and restart the worker',
    });
  });

  it('lets a cancellation through as it is, even on the last attempt', async () => {
    if (!loaded) throw new Error('an action is runnable');
    const cancelled = new AbortController();
    cancelled.abort(new Error('activity cancelled'));
    expect(await failureOf(runPluginAttempt(loaded, call(3, cancelled.signal)))).toEqual({ name: 'Error', message: 'activity cancelled' });
  });
});
