import { describe, expect, it } from 'vitest';
import { dragUpdate, removedIds, selectedAfter, sizesAfter } from './canvas-changes';

describe('xyflow changes', () => {
  it('select and deselect keep the existing order', () => {
    expect(
      selectedAfter(
        ['a', 'b'],
        [
          { type: 'select', id: 'a', selected: false },
          { type: 'select', id: 'c', selected: true },
        ],
      ),
    ).toEqual(['b', 'c']);
    expect(selectedAfter(['a'], [{ type: 'dimensions', id: 'a' }])).toBeUndefined();
  });

  it('collects a drag’s positions and notices when it ends', () => {
    expect(
      dragUpdate([
        { type: 'position', id: 'a', position: { x: 1, y: 2 }, dragging: true },
        { type: 'position', id: 'b', position: { x: 3, y: 4 }, dragging: true },
      ]),
    ).toEqual({ positions: { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } }, finished: false });
    expect(dragUpdate([{ type: 'position', id: 'a', dragging: false }])).toEqual({ positions: {}, finished: true });
    expect(dragUpdate([{ type: 'select', id: 'a', selected: true }])).toBeUndefined();
  });

  it('keeps the sizes map unless a size really changed', () => {
    const sizes = new Map([['a', { width: 240, height: 80 }]]);
    expect(sizesAfter(sizes, [{ type: 'dimensions', id: 'a', dimensions: { width: 240, height: 80 } }])).toBe(sizes);
    const next = sizesAfter(sizes, [{ type: 'dimensions', id: 'b', dimensions: { width: 250, height: 90 } }]);
    expect([...next]).toEqual([
      ['a', { width: 240, height: 80 }],
      ['b', { width: 250, height: 90 }],
    ]);
    expect(sizes.size).toBe(1);
  });

  it('lists removed ids', () => {
    expect(removedIds([{ type: 'remove', id: 'a' }, { type: 'select', id: 'b', selected: true }])).toEqual(['a']);
  });
});
