export type Align = 'left' | 'right';

/**
 * Rows as lines with aligned columns: each column as wide as its widest cell, two spaces apart,
 * numbers usually right-aligned. A missing cell is empty; lines carry no trailing spaces.
 */
export function alignRows(rows: readonly (readonly string[])[], align: readonly Align[], indent = '  '): string[] {
  const widths = align.map((_, i) => Math.max(0, ...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => {
    const cells = align.map((side, i) => {
      const cell = row[i] ?? '';
      const width = widths[i] ?? 0;
      return side === 'right' ? cell.padStart(width) : cell.padEnd(width);
    });
    return `${indent}${cells.join('  ')}`.trimEnd();
  });
}
