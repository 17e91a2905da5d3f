import { formatIndonesian, formatPersen, formatRupiah } from './decimal';
import { CHECK_MARK, HEADER_FILL, TOTAL_FILL } from './sheet-layout';
import { Merge, Table, TableCell } from './tables';

/** A cell as the report prints it, in Indonesian notation: `2.700.414.981`, `89,17`, `✓`. */
export function displayCell(cell: TableCell): string {
  switch (cell.kind) {
    case 'text':
    case 'link':
      return cell.value;
    case 'money':
      return formatRupiah(cell.value);
    case 'percent':
      return formatPersen(cell.value);
    case 'number':
      return formatIndonesian(cell.value, cell.decimals) + (cell.persen ? '%' : '');
    case 'check':
      return CHECK_MARK;
    case 'empty':
      return '';
  }
}

/** For each grid position: the merge starting there, `covered` if inside one, or nothing. */
export function mergeMap(rows: number, cols: number, merges: Merge[]): (Merge | 'covered' | null)[][] {
  const map: (Merge | 'covered' | null)[][] = Array.from({ length: rows }, () => Array<Merge | 'covered' | null>(cols).fill(null));
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.rowSpan; r++) for (let c = m.col; c < m.col + m.colSpan; c++) map[r][c] = 'covered';
    map[m.row][m.col] = m;
  }
  return map;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BORDER = 'border:1px solid #000;padding:2pt 4pt;';

function spans(m: Merge | null): string {
  if (!m) return '';
  return (m.rowSpan > 1 ? ` rowspan="${m.rowSpan}"` : '') + (m.colSpan > 1 ? ` colspan="${m.colSpan}"` : '');
}

/**
 * The table as HTML with inline styles only, so it pastes into Word with its look: what the task
 * pane puts on the clipboard.
 */
export function tableToHtml(table: Table): string {
  const out: string[] = [];
  const font = 'font-family:Arial,sans-serif;font-size:9pt;';
  if (table.nomor) out.push(`<p style="${font}font-weight:bold;text-align:center;margin:0">${escape(table.nomor)}</p>`);
  out.push(`<p style="${font}font-weight:bold;text-align:center;margin:0 0 4pt 0">${escape(table.caption)}</p>`);
  out.push(`<table style="border-collapse:collapse;${font}">`);
  const headerMap = mergeMap(table.header.length, table.columns.length, table.headerMerges);
  out.push('<thead>');
  table.header.forEach((h, r) => {
    const cells = h
      .map((t, c) => {
        const m = headerMap[r][c];
        if (m === 'covered') return '';
        const width = r === 0 && !(m && m.colSpan > 1) ? `width:${table.columns[c].width * 7}px;` : '';
        return `<th${spans(m)} style="${BORDER}${width}background:#${HEADER_FILL};text-align:center;vertical-align:middle">${escape(t)}</th>`;
      })
      .join('');
    out.push(`<tr>${cells}</tr>`);
  });
  out.push('</thead><tbody>');
  const bodyMap = mergeMap(table.rows.length, table.columns.length, table.merges);
  table.rows.forEach((row, r) => {
    const cells = row.cells
      .map((cell, c) => {
        const m = bodyMap[r][c];
        if (m === 'covered') return '';
        const style = [
          BORDER,
          `text-align:${table.columns[c].align};vertical-align:top;`,
          row.emphasis === 'bold' ? 'font-weight:bold;' : '',
          row.emphasis === 'italic' ? 'font-style:italic;' : '',
          row.total ? `background:#${TOTAL_FILL};` : '',
          c === table.nameColumn && row.level > 0 ? `padding-left:${4 + row.level * 10}pt;` : '',
        ].join('');
        return `<td${spans(m)} style="${style}">${escape(displayCell(cell))}</td>`;
      })
      .join('');
    out.push(`<tr>${cells}</tr>`);
  });
  out.push('</tbody></table>');
  if (table.source) out.push(`<p style="${font}font-style:italic;margin:2pt 0 0 0">${escape(table.source)}</p>`);
  return out.join('');
}
