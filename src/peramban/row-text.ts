import { formatPersen, formatRupiah, Decimal } from '../core/decimal';
import { cellText, Grid } from '../core/grid';
import { parseAddress } from '../core/rect';

/**
 * A row of the user's sheet as text, for finding it in their own program where the page cannot
 * select it: `Baris 23: 1.02.01 · Program Penunjang · 609.079.200`. Numbers as the sheet shows
 * them in Indonesian (a percentage format as a percentage).
 */
export function rowText(grid: Grid, address: string): string {
  const at = parseAddress(address);
  if (!at) return '';
  const r = at.row - grid.origin.row;
  const values = grid.values[r] ?? [];
  const formats = grid.numberFormats?.[r] ?? [];
  const cells: string[] = [];
  values.forEach((v, c) => {
    if (typeof v !== 'number') {
      const text = cellText(v);
      if (text !== '') cells.push(text.replace(/\s+/g, ' '));
    } else if (formats[c]?.includes('%')) cells.push(`${formatPersen(new Decimal(v).times(100))}%`);
    else cells.push(formatRupiah(new Decimal(v)));
  });
  return cells.length > 0 ? `Baris ${at.row + 1}: ${cells.join(' · ')}` : '';
}
