import { Position, type NodeHandle } from '@xyflow/react';
import type { NodeDisplay } from './node-display';

/*
 * A node's size and handle places before the browser has drawn it, from the same numbers as
 * node.css. xyflow culls by these (so a 500-node flow mounts only the nodes in view instead of
 * drawing every one once to measure it) and draws edges to nodes it has not measured yet; once a
 * node is drawn, xyflow's own measurement replaces the estimate.
 */

const BORDER = 1;
const BORDER_LEFT = 4;
const PADDING_TOP = 10;
const PADDING_BOTTOM = 12;
/** `.nf-node--branches`: room for the output labels above their handles. */
const PADDING_BOTTOM_BRANCHES = 22;
const PADDING_X = 12;
/** The icon (26 px) or the name (18 px) over the type (14 px), whichever is taller. */
const HEADER_ICON = 26;
const HEADER_NAME_AND_TYPE = 32;
const SUMMARY_GAP = 6;
/** 13 px at line-height 1.35; the summary is clamped to two lines. */
const SUMMARY_LINE = 17.55;
/** A typical character of the 13 px UI font: the summary's line count is an estimate. */
const SUMMARY_CHAR = 6.5;
const HANDLE = 12;

/** Wide enough for every output's label above its handle. */
export function nodeWidth(outputs: number): number {
  return Math.max(240, outputs * 110);
}

/** Each output gets an equal slot along the bottom edge, its handle in the middle of it (a fraction of the width). */
export function slotCenter(index: number, count: number): number {
  return (index + 0.5) / count;
}

export interface NodeGeometry {
  width: number;
  height: number;
  handles: NodeHandle[];
}

export function nodeGeometry(display: NodeDisplay): NodeGeometry {
  const { outputs } = display;
  const width = nodeWidth(outputs.length);
  const header = display.name !== display.title ? HEADER_NAME_AND_TYPE : HEADER_ICON;
  const textWidth = width - BORDER_LEFT - BORDER - 2 * PADDING_X;
  const lines = display.summary.length * SUMMARY_CHAR > textWidth ? 2 : 1;
  const bottom = outputs.length > 1 ? PADDING_BOTTOM_BRANCHES : PADDING_BOTTOM;
  const height = Math.round(2 * BORDER + PADDING_TOP + header + SUMMARY_GAP + lines * SUMMARY_LINE + bottom);
  // Handles sit on the padding box (inside the borders), centred on its edge.
  const inner = width - BORDER_LEFT - BORDER;
  const handleAt = (fraction: number) => BORDER_LEFT + inner * fraction - HANDLE / 2;
  const handles: NodeHandle[] = outputs.map((output, i) => ({
    id: output.id,
    type: 'source',
    position: Position.Bottom,
    x: handleAt(slotCenter(i, outputs.length)),
    y: height - BORDER - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  }));
  if (display.acceptsInput) handles.push({ id: null, type: 'target', position: Position.Top, x: handleAt(0.5), y: BORDER - HANDLE / 2, width: HANDLE, height: HANDLE });
  return { width, height, handles };
}
