import { flowGraphSchema } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { newFlowGraph } from './new-flow';

describe('newFlowGraph', () => {
  it('is an empty, valid-shaped draft with default settings', () => {
    expect(newFlowGraph()).toEqual({
      schemaVersion: 1,
      name: 'Untitled flow',
      settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' },
      nodes: [],
      edges: [],
    });
    expect(flowGraphSchema.parse(newFlowGraph())).toEqual(newFlowGraph());
  });
});
