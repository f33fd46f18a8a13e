import { describe, expect, it } from 'vitest';
import type { FlowNodeView } from '../flow-elements';
import { maskPath, minimapFrame, nodeShapes, nodesBounds } from './minimap-view';

const view = (id: string, x: number, y: number, size: { measured?: { width: number; height: number }; initialWidth?: number; initialHeight?: number }, selected = false): FlowNodeView => ({
  id,
  type: 'flowNode',
  position: { x, y },
  data: { nodeId: id },
  selected,
  ...size,
});

const nodes = [
  view('a', 0, 0, { measured: { width: 240, height: 80 } }),
  view('b', 100, 500, { initialWidth: 240, initialHeight: 90 }, true),
  view('c', -300, 200, { initialWidth: 330, initialHeight: 84 }),
];

describe('the overview', () => {
  it('bounds the nodes at their measured or estimated size', () => {
    expect(nodesBounds(nodes)).toEqual({ x: -300, y: 0, width: 640, height: 590 });
    expect(nodesBounds([])).toBeUndefined();
  });

  it('fits the nodes and the view into the panel, centred, with a 5 px margin', () => {
    // 640 × 590 flow units in 200 × 150 px: 590 / 150 units per pixel, the height decides.
    const frame = minimapFrame(nodesBounds(nodes), { x: 0, y: 0, width: 100, height: 100 });
    const scale = 590 / 150;
    expect(frame.scale).toBeCloseTo(scale);
    expect(frame.viewBox.width).toBeCloseTo(210 * scale);
    expect(frame.viewBox.height).toBeCloseTo(160 * scale);
    expect(frame.viewBox.x + frame.viewBox.width / 2).toBeCloseTo(20);
    expect(frame.viewBox.y + frame.viewBox.height / 2).toBeCloseTo(295);
  });

  it('takes in a view outside the nodes, and shows the view alone for an empty flow', () => {
    const far = { x: 1000, y: 0, width: 400, height: 300 };
    expect(minimapFrame(nodesBounds(nodes), far).scale).toBeCloseTo(1700 / 200);
    expect(minimapFrame(undefined, far)).toEqual({ viewBox: { x: 990, y: -10, width: 420, height: 320 }, scale: 2 });
  });

  it('shades everything but the view', () => {
    const frame = minimapFrame(undefined, { x: 0, y: 0, width: 200, height: 150 });
    expect(maskPath(frame, { x: 0, y: 0, width: 200, height: 150 })).toBe('M-5,-5h210v160h-210z M0,0h200v150h-200z');
  });

  it('draws one path per colour and selection state', () => {
    const shapes = nodeShapes(nodes, (node) => (node.id === 'c' ? 'red' : 'blue'));
    expect(shapes).toEqual([
      { color: 'blue', selected: false, d: 'M0,0h240v80h-240z' },
      { color: 'blue', selected: true, d: 'M100,500h240v90h-240z' },
      { color: 'red', selected: false, d: 'M-300,200h330v84h-330z' },
    ]);
    const two = nodeShapes([nodes[0]!, nodes[2]!], () => 'blue');
    expect(two).toEqual([{ color: 'blue', selected: false, d: 'M0,0h240v80h-240zM-300,200h330v84h-330z' }]);
  });
});
