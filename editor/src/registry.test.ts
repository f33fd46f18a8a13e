import { builtinRegistry, validate } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { builtinEntries, pointsEntry, pointsNode, segmentEntry } from './plugin-nodes/test-catalog';
import { editorRegistry } from './registry';
import { edge, graphOf, node } from './store/test-fixtures';

describe('the editor’s registry', () => {
  it('is the built-in registry itself when the catalog lists no custom types', () => {
    expect(editorRegistry(builtinEntries)).toBe(builtinRegistry);
  });

  it('adds each custom type of the catalog with its outputs, defaults and version', () => {
    const registry = editorRegistry([...builtinEntries, pointsEntry, segmentEntry]);
    expect(registry.list()).toHaveLength(builtinRegistry.list().length + 2);
    const points = registry.get('acme.addPoints');
    expect([points?.title, points?.category, points?.version, points?.defaults]).toEqual(['Add loyalty points', 'action', 2, { points: 50, reason: 'Thank you' }]);
    expect(points?.outputs({ points: 5, reason: 'x' })).toEqual(pointsEntry.outputs);
    expect(points?.behavior.kind).toBe('effect');
    expect(registry.get('acme.inSegment')?.behavior.kind).toBe('lookup');
  });

  it('validates a custom node’s config with the schema rebuilt from its JSON Schema', () => {
    const registry = editorRegistry([...builtinEntries, pointsEntry]);
    const flow = (config: Record<string, unknown>) =>
      graphOf([node('trigger', 'trigger.event', 0, 0, { event: 'order.created' }), pointsNode('points', config)], [edge('e1', 'trigger', 'points')]);
    expect(validate(flow({ points: 20, reason: 'Birthday' }), registry).problems).toEqual([]);
    const problems = validate(flow({ points: 0, reason: '' }), registry).problems;
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ['invalid-config', 'points', 'points'],
      ['invalid-config', 'points', 'reason'],
    ]);
  });

  it('leaves out a catalog entry that would replace a built-in type', () => {
    const impostor = { ...pointsEntry, type: 'action.sendSms', title: 'Not the real SMS' };
    expect(editorRegistry([...builtinEntries, impostor]).get('action.sendSms')?.title).toBe('Send SMS');
  });
});
