import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, type PluginContext } from '@nudgeflow/shared/plugins';
import { checkPlugin, runPluginNode } from './testing';

type Seen = PluginContext<{ label: string }>;

function spy(seen: Seen[]) {
  return definePlugin({
    kind: 'action',
    type: 'acme.spy',
    title: 'Spy',
    description: 'Records its context.',
    config: z.object({ label: z.string().meta({ title: 'Label' }) }),
    defaults: { label: 'hello' },
    summary: (c) => c.label,
    secrets: ['SPY_TOKEN'],
    execute: async (ctx) => {
      seen.push(ctx);
      ctx.log('ran', { label: ctx.config.label });
      ctx.log('done');
    },
  });
}

describe('runPluginNode', () => {
  it('runs with the defaults, a sample contact, the declared secrets only, and collects the logs', async () => {
    const seen: Seen[] = [];
    const result = await runPluginNode(spy(seen), { secrets: { SPY_TOKEN: 't', OTHER: 'x' }, now: new Date('2025-05-01T08:00:00Z') });

    expect(result).toEqual({ output: 'next', logs: [{ message: 'ran', fields: { label: 'hello' } }, { message: 'done' }] });
    expect(seen[0]).toMatchObject({
      config: { label: 'hello' },
      contact: { id: 'contact-1', email: 'jana@example.com', firstName: 'Jana', lastName: 'Nováková', tags: [], consent: { email: true, sms: true } },
      run: { id: 'test-run', flowId: 'test-flow', nodeId: 'node-1', test: false },
      idempotencyKey: 'test-run:node-1:1',
      now: new Date('2025-05-01T08:00:00Z'),
    });
    expect(seen[0]?.secrets).toEqual({ SPY_TOKEN: 't' });
    expect(seen[0]?.order).toBeUndefined();
  });

  it('parses the sample event, takes its order, and uses it as the trigger unless one is given', async () => {
    const seen: Seen[] = [];
    const event = { id: 'e-1', type: 'order.paid', occurredAt: '2025-05-01T08:00:00Z', contact: { email: 'a@example.com' }, order: { id: 'o-9' } };
    await runPluginNode(spy(seen), { event, test: true, secrets: { SPY_TOKEN: 't' } });

    expect(seen[0]?.order).toEqual({ id: 'o-9', items: [] });
    expect(seen[0]?.trigger).toEqual(seen[0]?.event);
    expect(seen[0]?.event).toMatchObject({ id: 'e-1', type: 'order.paid' });
    expect(seen[0]?.run.test).toBe(true);
  });

  it('says which declared secret a test forgot', async () => {
    await expect(runPluginNode(spy([]), {})).rejects.toThrow('runPluginNode: "acme.spy" declares the secret SPY_TOKEN; pass it in `secrets`');
  });

  it('names what is wrong with a sample contact', async () => {
    await expect(runPluginNode(spy([]), { contact: { id: 'c', email: 'not-an-email' }, secrets: { SPY_TOKEN: 't' } })).rejects.toThrow(
      /^runPluginNode: the sample contact is not valid: email: /,
    );
  });

  it('asks for the config that a configVersion describes', async () => {
    await expect(runPluginNode(spy([]), { configVersion: 1, secrets: { SPY_TOKEN: 't' } })).rejects.toThrow(
      'runPluginNode: configVersion 1 says which version `config` was written for; pass that config too',
    );
  });

  it('refuses to run a trigger, which has no code', async () => {
    const trigger = definePlugin({
      kind: 'trigger',
      type: 'acme.reviewRequested',
      title: 'Review requested',
      description: 'Starts on a review request.',
      event: 'review.requested',
      config: z.object({}),
      defaults: {},
      summary: () => 'When a review is requested',
    });
    await expect(runPluginNode(trigger)).rejects.toThrow(
      'runPluginNode: "acme.reviewRequested" is a trigger; it has no code to run (a flow starts when a "review.requested" event arrives)',
    );
  });
});

describe('checkPlugin', () => {
  it('passes a plugin that loads', () => {
    expect(() => checkPlugin(spy([]))).not.toThrow();
  });

  it('lists every contract problem in one error', () => {
    const broken = definePlugin({
      kind: 'action',
      type: 'acme.broken',
      title: 'Broken',
      description: 'Breaks the contract.',
      config: z.object({ count: z.number().min(1).meta({ title: 'Count' }), note: z.string() }),
      defaults: { count: 0, note: '' },
      summary: () => 'Broken',
      execute: async () => {},
    });
    expect(() => checkPlugin(broken)).toThrow(
      [
        'the plugin "acme.broken" does not load:',
        '- config field "note" has no .meta({ title }) for the editor\'s form',
        '- defaults do not pass configSchema: count: Too small: expected number to be >=1',
      ].join('\n'),
    );
  });
});
