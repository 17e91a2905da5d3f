import { displayCell, Table } from '../core/report/table';

/** A cell's text on one line: a tab or a line break inside it would split the row. */
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/**
 * A table as tab-separated rows, for the plain-text part of the clipboard: it pastes as a table
 * into Word, a text editor or a spreadsheet. Title lines stand alone; merged cells leave empty ones,
 * so the columns stay in line.
 */
export function tableText(table: Table): string {
  const titles = [table.nomor, table.caption].filter((t): t is string => t !== null);
  const rows = [...table.header, ...table.rows.map((r) => r.cells.map(displayCell))].map((cells) => cells.map(oneLine).join('\t'));
  return [...titles.map(oneLine), ...rows, ...(table.source ? [oneLine(table.source)] : [])].join('\n');
}

/** The narrative around the tables as plain paragraphs, a blank line between them, bullets marked. */
export function narasiText(tables: Table[]): string {
  return tables
    .flatMap((t) => [...t.text.before, ...t.text.after])
    .map((p) => (p.style === 'bullet' ? `• ${p.text}` : p.text))
    .join('\n\n');
}
