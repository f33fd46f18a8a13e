import { builtinRegistry } from '@nudgeflow/shared/nodes';
import { msToNumber } from '@temporalio/common/lib/time';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { effectActivityOptions } from './activities';

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
});
