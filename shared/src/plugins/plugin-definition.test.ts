import { describe, expect, it } from 'vitest';
import type { RunContext } from '../nodes/context';
import { checkNodeContract } from '../nodes/contract';
import { builtinRegistry } from '../nodes/index';
import { migrateConfig } from '../nodes/migrate';
import { isPluginDefinition, pluginNodeDefinition } from './plugin-definition';
import { addPoints, inSegment, reviewRequested } from './test-plugins';

const points = pluginNodeDefinition(addPoints, 'loyalty.ts');
const segment = pluginNodeDefinition(inSegment, 'crm.ts');
const review = pluginNodeDefinition(reviewRequested, '@acme/reviews');

const contact = { id: 'c1', email: 'eva@example.com', tags: [] };
const event = { id: 'e1', type: 'order.paid', occurredAt: '2026-01-05T10:00:00Z', contact: { id: 'c1' } };
const order = { id: 'o1', items: [] };
const ctx: RunContext = { flow: { id: 'f', name: 'F' }, runId: 'r1', contact, event, trigger: event, order, codes: { ebook: 'EB-1' }, test: true };

describe('pluginNodeDefinition', () => {
  it.each([
    ['action', points],
    ['condition', segment],
    ['trigger', review],
  ])('makes a %s that passes the node contract', (_kind, def) => {
    expect(checkNodeContract(def)).toEqual([]);
  });

  it('fills in the node fields a plugin may leave out', () => {
    expect({ ...points, configSchema: undefined, summary: undefined, outputs: undefined, check: undefined, behavior: undefined, migrations: undefined }).toEqual({
      type: 'acme.addPoints',
      title: 'Add loyalty points',
      description: 'Adds points to the contact’s loyalty account.',
      category: 'action',
      icon: 'star',
      color: '#16a34a',
      version: 2,
      configSchema: undefined,
      defaults: { points: 50, reason: 'welcome' },
      outputs: undefined,
      summary: undefined,
      check: undefined,
      migrations: undefined,
      behavior: undefined,
      plugin: { kind: 'action', source: 'loyalty.ts' },
    });
    expect([segment.icon, segment.color, segment.version, segment.migrations]).toEqual(['puzzle', '#0891b2', 1, undefined]);
    expect([review.color, review.plugin]).toEqual(['#7c3aed', { kind: 'trigger', source: '@acme/reviews', event: 'review.requested' }]);
  });

  it('has the default outputs of its kind, or the plugin’s own', () => {
    expect(points.outputs({})).toEqual([{ id: 'next', label: 'Next' }]);
    expect(segment.outputs({})).toEqual([
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ]);
    expect(review.outputs({})).toEqual([{ id: 'next', label: 'Next' }]);
    const tiers = [
      { id: 'gold', label: 'Gold' },
      { id: 'other', label: 'Anything else' },
    ];
    expect(pluginNodeDefinition({ ...inSegment, outputs: tiers }, 'crm.ts').outputs({})).toEqual(tiers);
  });

  it('summarises, checks and migrates with the plugin’s own functions', () => {
    expect(points.summary(points.configSchema.parse({ points: 20 }))).toBe('Add 20 points');
    expect(points.check?.({ points: 20_000, reason: '' })).toEqual([{ field: 'points', message: 'more than 10,000 points at once looks like a typo', severity: 'warning' }]);
    expect(migrateConfig(points, { amount: 10, reason: 'birthday' }, 1)).toEqual({ points: 10, reason: 'birthday' });
  });

  it('calls summary and check on the plugin, so methods reading `this` work', () => {
    const methods = {
      prefix: 'points =',
      summary(c: { points: number }) {
        return `${this.prefix} ${c.points}`;
      },
      check(c: { points: number }) {
        return c.points > 100 ? [{ field: 'points', message: `${this.prefix} ${c.points} is a lot` }] : [];
      },
    };
    const def = pluginNodeDefinition({ ...addPoints, ...methods }, 'p.ts');
    expect(def.summary({ points: 2 })).toBe('points = 2');
    expect(def.check?.({ points: 101 })).toEqual([{ field: 'points', message: 'points = 101 is a lot' }]);
  });

  it('tells plugin definitions from built-in ones', () => {
    expect(isPluginDefinition(points)).toBe(true);
    expect(builtinRegistry.list().filter(isPluginDefinition)).toEqual([]);
  });
});

describe('plugin behaviour in the interpreter', () => {
  it('an action is an effect: the worker runs the plugin', () => {
    expect(points.behavior).toEqual({ kind: 'effect' });
  });

  it('a condition asks a custom fact query with the config version and what the plugin may read', () => {
    if (segment.behavior.kind !== 'lookup') throw new Error('expected a lookup');
    expect(segment.behavior.query({ segment: 'vip' }, ctx)).toEqual({
      type: 'custom',
      nodeType: 'acme.inSegment',
      configVersion: 1,
      config: { segment: 'vip' },
      context: { contact, order, event, trigger: event, test: true },
    });
    expect(segment.behavior.query({ segment: 'vip' }, { flow: { id: 'f', name: 'F' }, runId: 'r1', contact, codes: {} })).toEqual({
      type: 'custom',
      nodeType: 'acme.inSegment',
      configVersion: 1,
      config: { segment: 'vip' },
      context: { contact },
    });
  });

  it('a condition follows the answer’s output, else yes or no', () => {
    if (segment.behavior.kind !== 'lookup') throw new Error('expected a lookup');
    const { choose } = segment.behavior;
    expect([choose({}, { matched: true }), choose({}, { matched: false }), choose({}, { matched: false, output: 'gold' })]).toEqual(['yes', 'no', 'gold']);
  });

  it('a trigger starts on its event', () => {
    if (review.behavior.kind !== 'eventTrigger') throw new Error('expected an event trigger');
    expect(review.behavior.eventType({})).toBe('review.requested');
    expect(review.behavior.matches({}, { ...event, type: 'review.requested' })).toBe(true);
    expect(review.behavior.matches({}, event)).toBe(false);
  });
});
