// Plain-text tables for the terminal: columns padded to their widest cell.

export type Align = 'left' | 'right';

/** One line per row (the first row is usually the header), no trailing spaces. */
export function renderTable(rows: readonly (readonly string[])[], align: readonly Align[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) => {
    const cells = row.map((cell, i) => {
      const pad = ' '.repeat(widths[i] - width(cell));
      return align[i] === 'right' ? pad + cell : cell + pad;
    });
    return (indent + cells.join('  ')).trimEnd();
  });
}

/** Code points, so `µs` and `—` count as one column each. */
function width(s: string): number {
  return [...s].length;
}
