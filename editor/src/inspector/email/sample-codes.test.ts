import type { FlowGraph } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { assignedPools, sampleCodes } from './sample-codes';

const node = (id: string, type: string, config: Record<string, unknown>) => ({ id, type, config, position: { x: 0, y: 0 } });

describe('sample codes for the email preview', () => {
  it('lists each pool the flow assigns from once, sorted', () => {
    const graph = {
      nodes: [node('a', 'action.assignCode', { pool: 'vip' }), node('b', 'action.assignCode', { pool: 'ebook_licence' }), node('c', 'action.assignCode', { pool: 'vip' }), node('d', 'action.tag', { pool: 'x' })],
      edges: [],
    } as unknown as FlowGraph;
    expect(assignedPools(graph)).toEqual(['ebook_licence', 'vip']);
  });

  it('makes a readable code from each pool name', () => {
    expect(sampleCodes(['ebook_licence', 'spring-25'])).toEqual({ ebook_licence: 'EBOOK-LICENCE-7Q2K', 'spring-25': 'SPRING-25-7Q2K' });
  });
});
