import { builtinRegistry } from '@nudgeflow/shared/nodes';
import { msToNumber } from '@temporalio/common/lib/time';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PLUGIN_LIMITS } from '@nudgeflow/shared/plugins';
import { effectActivityOptions, lookupActivityOptions } from './activities';

/** The longest timeout a webhook node accepts, in ms, read from its config schema. */
function longestWebhookTimeoutMs(): number {
  const webhook = builtinRegistry.get('action.webhook');
  if (!webhook) throw new Error('action.webhook is not registered');
  const timeout = z.toJSONSchema(webhook.configSchema, { io: 'input' }).properties?.timeoutSeconds;
  if (typeof timeout !== 'object' || timeout.maximum === undefined) throw new Error('action.webhook sets no longest timeout');
  return timeout.maximum * 1000;
}

describe('activity options', () => {
  it('an effect attempt outlasts the longest webhook call, with time left for the database work around it', () => {
    const attemptMs = msToNumber(effectActivityOptions.startToCloseTimeout ?? 0);
    expect(attemptMs - longestWebhookTimeoutMs()).toBeGreaterThanOrEqual(30_000);
  });

  it("a plugin's longest allowed attempt ends inside the activity, with time left around it, and its attempts fit", () => {
    for (const [options, limits] of [
      [effectActivityOptions, PLUGIN_LIMITS.action],
      [lookupActivityOptions, PLUGIN_LIMITS.condition],
    ] as const) {
      expect(msToNumber(options.startToCloseTimeout ?? 0) - limits.timeoutSeconds * 1000).toBeGreaterThanOrEqual(5_000);
      expect(options.retry?.maximumAttempts).toBeGreaterThanOrEqual(limits.maxAttempts);
    }
  });
});
