import { describe, expect, it } from 'vitest';
import { dragUpdate, movingAfter, removedIds, selectedAfter } from './canvas-changes';

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

  it('keeps a drag’s latest positions until the drag ends', () => {
    const none = new Map<string, { x: number; y: number }>();
    const first = movingAfter(none, { positions: { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } }, finished: false });
    const second = movingAfter(first, { positions: { a: { x: 5, y: 6 } }, finished: false });
    expect([...second]).toEqual([
      ['a', { x: 5, y: 6 }],
      ['b', { x: 3, y: 4 }],
    ]);
    expect([...first]).toEqual([
      ['a', { x: 1, y: 2 }],
      ['b', { x: 3, y: 4 }],
    ]);
    expect(movingAfter(second, { positions: { a: { x: 7, y: 8 } }, finished: true }).size).toBe(0);
    expect(movingAfter(none, { positions: { a: { x: 7, y: 8 } }, finished: true })).toBe(none);
  });

  it('lists removed ids', () => {
    expect(removedIds([{ type: 'remove', id: 'a' }, { type: 'select', id: 'b', selected: true }])).toEqual(['a']);
  });
});
