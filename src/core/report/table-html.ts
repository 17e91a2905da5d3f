import { MergeIndex, Rect } from '../rect';
import { PLACEHOLDER } from './narrative';
import { displayCell, HEADER_FILL, Table, TOTAL_FILL } from './table';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BORDER = 'border:1px solid #000;padding:2pt 4pt;';

/** Text escaped, each placeholder for the writer (`[isi: …]`, `[periksa: …]`) highlighted as in the .docx. */
const marked = (s: string) => escape(s).replace(PLACEHOLDER, (m) => `<span style="background:yellow">${m}</span>`);

function spans(m: Rect | null): string {
  if (!m) return '';
  return (m.rows > 1 ? ` rowspan="${m.rows}"` : '') + (m.cols > 1 ? ` colspan="${m.cols}"` : '');
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
  const headerMerges = new MergeIndex(table.headerMerges);
  out.push('<thead>');
  table.header.forEach((h, r) => {
    const cells = h
      .map((t, c) => {
        const m = headerMerges.anchorAt(r, c);
        if (m === 'covered') return '';
        const width = r === 0 && !(m && m.cols > 1) ? `width:${table.columns[c].width * 7}px;` : '';
        return `<th${spans(m)} style="${BORDER}${width}background:#${HEADER_FILL};text-align:center;vertical-align:middle">${escape(t)}</th>`;
      })
      .join('');
    out.push(`<tr>${cells}</tr>`);
  });
  out.push('</thead><tbody>');
  const bodyMerges = new MergeIndex(table.merges);
  table.rows.forEach((row, r) => {
    const cells = row.cells
      .map((cell, c) => {
        const m = bodyMerges.anchorAt(r, c);
        if (m === 'covered') return '';
        const style = [
          BORDER,
          `text-align:${table.columns[c].align};vertical-align:top;`,
          row.emphasis === 'bold' ? 'font-weight:bold;' : '',
          row.emphasis === 'italic' ? 'font-style:italic;' : '',
          row.total ? `background:#${TOTAL_FILL};` : '',
          c === table.nameColumn && row.level > 0 ? `padding-left:${4 + row.level * 10}pt;` : '',
        ].join('');
        return `<td${spans(m)} style="${style}">${marked(displayCell(cell))}</td>`;
      })
      .join('');
    out.push(`<tr>${cells}</tr>`);
  });
  out.push('</tbody></table>');
  if (table.source) out.push(`<p style="${font}font-style:italic;margin:2pt 0 0 0">${escape(table.source)}</p>`);
  return out.join('');
}

/**
 * The narrative that stands with the tables, in their order, as HTML paragraphs with inline styles:
 * what "Salin narasi" in the task pane puts on the clipboard.
 */
export function narasiToHtml(tables: Table[]): string {
  const font = 'font-family:Arial,sans-serif;font-size:11pt;';
  const out: string[] = [];
  for (const p of tables.flatMap((t) => [...t.text.before, ...t.text.after])) {
    if (p.style === 'heading') out.push(`<p style="${font}font-weight:bold;margin:6pt 0 4pt 0">${marked(p.text)}</p>`);
    else if (p.style === 'bullet') out.push(`<ul style="margin:0 0 4pt 0"><li style="${font}text-align:justify">${marked(p.text)}</li></ul>`);
    else out.push(`<p style="${font}text-align:justify;margin:0 0 6pt 0">${marked(p.text)}</p>`);
  }
  return out.join('');
}
