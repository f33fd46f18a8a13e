import { describe, expect, it } from 'vitest';
import { checkNodeContract } from '../nodes/contract';
import { builtinRegistry } from '../nodes/index';
import { migrateConfig } from '../nodes/migrate';
import { pluginNodeDefinition } from './plugin-definition';
import { portableDefinition, portableNodeType, registryWithNodeTypes } from './portable';
import { addPoints, inSegment, reviewRequested } from './test-plugins';
import type { PortableNodeType } from './types';

const points = portableNodeType(pluginNodeDefinition(addPoints, 'loyalty.ts'));
const segment = portableNodeType(pluginNodeDefinition(inSegment, 'crm.ts'));
const review = portableNodeType(pluginNodeDefinition(reviewRequested, '@acme/reviews'));
const contact = { id: 'c1', tags: [] };

describe('portableNodeType', () => {
  it('describes a plugin type as plain JSON', () => {
    expect(points).toEqual({
      type: 'acme.addPoints',
      title: 'Add loyalty points',
      description: 'Adds points to the contact’s loyalty account.',
      category: 'action',
      icon: 'star',
      color: '#16a34a',
      version: 2,
      outputs: [{ id: 'next', label: 'Next' }],
      defaults: { points: 50, reason: 'welcome' },
      configSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          points: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, title: 'Points' },
          reason: { default: '', title: 'Reason', description: 'Shown in the customer’s points history', type: 'string' },
        },
        required: ['points'],
      },
      kind: 'action',
      source: 'loyalty.ts',
    });
    expect(JSON.parse(JSON.stringify(points))).toEqual(points);
    expect([review.kind, review.event, review.outputs]).toEqual(['trigger', 'review.requested', [{ id: 'next', label: 'Next' }]]);
  });
});

describe('portableDefinition', () => {
  describe.each([false, true])('strict: %s', (strict) => {
    it.each([
      ['action', points],
      ['condition', segment],
      ['trigger', review],
    ])('makes a %s that passes the node contract', (_kind, p) => {
      expect(checkNodeContract(portableDefinition(p, { strict }))).toEqual([]);
    });

    it('keeps what the workflow and the editor rely on: version, outputs, behaviour, origin', () => {
      const def = portableDefinition(segment, { strict });
      expect([def.type, def.category, def.version, def.outputs({}), def.summary({}), def.plugin]).toEqual([
        'acme.inSegment',
        'condition',
        1,
        [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
        'In CRM segment',
        { kind: 'condition', source: 'crm.ts' },
      ]);
      if (def.behavior.kind !== 'lookup') throw new Error('expected a lookup');
      expect(def.behavior.query({ segment: 'gold' }, { flow: { id: 'f', name: 'F' }, runId: 'r', contact, codes: {} })).toEqual({
        type: 'custom',
        nodeType: 'acme.inSegment',
        configVersion: 1,
        config: { segment: 'gold' },
        context: { contact },
      });
      expect(def.behavior.choose({}, { matched: false, output: 'maybe' })).toBe('maybe');
    });

    it('takes a published config as it is: the real migrations already ran at publish', () => {
      const def = portableDefinition(points, { strict });
      expect(def.version).toBe(2);
      expect(migrateConfig(def, { points: 5, reason: 'x' }, 2)).toEqual({ points: 5, reason: 'x' });
      expect(migrateConfig(def, { points: 5 }, 1)).toEqual({ points: 5 });
    });
  });

  it('in the workflow (permissive) passes any object config on unchanged', () => {
    const schema = portableDefinition(points, { strict: false }).configSchema;
    expect(schema.parse({ points: 0, extra: ['kept'] })).toEqual({ points: 0, extra: ['kept'] });
    expect(schema.safeParse('points').success).toBe(false);
  });

  it('in the editor (strict) checks the config against the JSON Schema, defaults applied', () => {
    const schema = portableDefinition(points, { strict: true }).configSchema;
    expect(schema.parse({ points: 5 })).toEqual({ points: 5, reason: '' });
    const result = schema.safeParse({ points: 0 });
    expect(result.success ? [] : result.error.issues.map((i: { path: PropertyKey[]; code: string }) => [i.path.join('.'), i.code])).toEqual([['points', 'too_small']]);
  });

  it('falls back to the permissive schema when zod cannot read the JSON Schema back', () => {
    const conditional = { ...segment, configSchema: { type: 'object', properties: { segment: { title: 'Segment', if: {}, then: {} } }, required: ['segment'] } };
    expect(portableDefinition(conditional, { strict: true }).configSchema.parse({ anything: 1 })).toEqual({ anything: 1 });
  });

  it('refuses what no definition can be made of', () => {
    expect(() => portableDefinition({ ...points, version: 0 }, { strict: false })).toThrow('the plugin type "acme.addPoints" has the version 0; expected a whole number from 1');
    const { event: _event, ...eventless } = review;
    expect(() => portableDefinition(eventless, { strict: false })).toThrow('the trigger type "acme.reviewRequested" names no event to start on');
  });
});

describe('registryWithNodeTypes', () => {
  it('is the base registry itself without pinned types', () => {
    expect(registryWithNodeTypes(builtinRegistry, undefined, { strict: false })).toBe(builtinRegistry);
    expect(registryWithNodeTypes(builtinRegistry, [], { strict: false })).toBe(builtinRegistry);
  });

  it('adds the pinned types and leaves the base untouched', () => {
    const registry = registryWithNodeTypes(builtinRegistry, [points, segment], { strict: false });
    expect(registry.list().map((d) => d.type).slice(-3)).toEqual(['flow.exit', 'acme.addPoints', 'acme.inSegment']);
    expect(builtinRegistry.has('acme.addPoints')).toBe(false);
  });

  it('leaves out a built-in type, a repeat and an entry it cannot use, instead of throwing', () => {
    const impostor: PortableNodeType = { ...points, type: 'action.sendSms', title: 'Not the real one' };
    const registry = registryWithNodeTypes(builtinRegistry, [impostor, points, { ...points, title: 'Second copy' }, { ...segment, version: 1.5 }], { strict: false });
    expect(registry.get('action.sendSms')?.title).toBe('Send SMS');
    expect(registry.get('acme.addPoints')?.title).toBe('Add loyalty points');
    expect(registry.has('acme.inSegment')).toBe(false);
  });
});
