import { describe, expect, it } from 'vitest';
import { node, registry } from '../store/test-fixtures';
import { nodeDisplay } from './node-display';
import { nodeGeometry, nodeWidth } from './node-geometry';

const geometry = (id: string, type: string, config?: Record<string, unknown>, label?: string) =>
  nodeGeometry(nodeDisplay({ ...node(id, type, 0, 0, config), ...(label ? { label } : {}) }, registry, undefined));

describe('a node’s estimated geometry', () => {
  it('matches the drawn sizes of one- and two-line summaries, with and without branches', () => {
    // The sizes Chromium draws these nodes at (node.css): 74, 91 and 84 px tall.
    expect(geometry('w', 'wait.delay', { duration: 'PT1H' })).toMatchObject({ width: 240, height: 74 });
    expect(geometry('s', 'action.sendSms', { body: 'Step 3 for {{ contact.firstName }}', transactional: true })).toMatchObject({ width: 240, height: 91 });
    expect(geometry('c', 'condition.rules', { match: 'all', rules: [{ field: 'order.total', op: 'gte', value: 10 }] })).toMatchObject({ width: 240, height: 84 });
  });

  it('is taller when a label puts the type’s title under the name', () => {
    expect(geometry('w', 'wait.delay', { duration: 'PT1H' }, 'Cool off').height).toBe(80);
  });

  it('places one output handle per slot along the bottom and the input at the top', () => {
    const { handles } = geometry('c', 'condition.rules', { match: 'all', rules: [{ field: 'order.total', op: 'gte', value: 10 }] });
    expect(handles.map((h) => [h.id, h.type, h.position, h.x, h.y])).toEqual([
      ['yes', 'source', 'bottom', 56.75, 77],
      ['no', 'source', 'bottom', 174.25, 77],
      [null, 'target', 'top', 115.5, -5],
    ]);
  });

  it('gives triggers no input handle, and widens nodes with many outputs', () => {
    expect(geometry('t', 'trigger.event', { event: 'order.created' }).handles.map((h) => h.type)).toEqual(['source']);
    expect([nodeWidth(1), nodeWidth(2), nodeWidth(3)]).toEqual([240, 240, 330]);
  });
});
