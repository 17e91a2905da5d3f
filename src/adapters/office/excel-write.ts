/// <reference types="office-js" />
import { freeName, nameKey, RESULT_PREFIX, recordXml, ReplacementPlan, ResultRecord } from '../../core/result-sheets';
import { columnLetter, Rect, rectAddress } from '../../core/rect';
import { CellStyle, SheetChart, SheetLayout } from '../../core/report/sheet-layout';
import { InputError } from '../../core/errors';
import { jsonBytes, SETTINGS_KEY, SheetInfo } from './excel-read';

/**
 * What the Office.js client sends, in bytes, for the calls the writer makes (measured on the real
 * client's serialized requests; test/office/office-adapter.test.ts checks the packing): a range of a
 * sheet, a step to its format, font, fill or a border, a property set or a method call beside its
 * arguments' JSON, and, for values and number formats, the client's own cutting of every 1.500 cells
 * into a range of their own.
 */
const COST = { range: 300, part: 130, set: 120, call: 100, perCells: 1_100 / 1_500 } as const;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** Excel column width in characters → Office.js points. */
const pointsOf = (chars: number) => (chars * 7 + 5) * 0.75;

/** Queues calls into requests of at most `budget` bytes (Excel on the web refuses more than 5 MB, and every Excel is held to it). */
class Batch {
  private bytes = 0;
  constructor(
    private context: Excel.RequestContext,
    private budget: number,
  ) {}

  /** Counts `bytes` towards the request; syncs first when the request would grow past the budget. */
  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) {
      await this.context.sync();
      this.bytes = 0;
    }
    this.bytes += bytes;
  }
}

/** The borders a style draws on a block. */
function edgesOf(block: Rect): Excel.BorderIndex[] {
  const edges: string[] = [...EDGES];
  if (block.rows > 1) edges.push('InsideHorizontal');
  if (block.cols > 1) edges.push('InsideVertical');
  return edges as Excel.BorderIndex[];
}

/** Request bytes of `styleRange` for this style. */
function styleCost(block: Rect, style: CellStyle): number {
  const font = [style.bold, style.italic, style.underline || undefined, style.color, style.size].filter((v) => v !== undefined).length;
  const own = [style.wrap, style.hAlign, style.vAlign, style.indent || undefined].filter((v) => v !== undefined).length;
  const borders = style.border ? edgesOf(block).length : 0;
  const parts = 1 + (font > 0 ? 1 : 0) + (style.fill ? 1 : 0) + (borders > 0 ? 1 + borders : 0);
  return COST.range + parts * COST.part + (font + own + borders + (style.fill ? 1 : 0)) * COST.set;
}

function styleRange(range: Excel.Range, block: Rect, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.underline) f.font.underline = 'Single';
  if (style.color) f.font.color = `#${style.color}`;
  if (style.size) f.font.size = style.size;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.border) for (const e of edgesOf(block)) f.borders.getItem(e).style = 'Continuous';
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.hAlign) f.horizontalAlignment = ALIGN[style.hAlign];
  if (style.vAlign) f.verticalAlignment = style.vAlign === 'top' ? 'Top' : 'Center';
  if (style.indent) f.indentLevel = style.indent;
}

/**
 * A range written to and never read back: untracked, so the client neither asks Excel to keep it
 * nor sends a clean-up for it when the run ends.
 */
const rangeOf = (ws: Excel.Worksheet, b: Rect) => ws.getRangeByIndexes(b.row, b.col, b.rows, b.cols).untrack();

/** Styles in the layout's order, with consecutive equal styles on adjoining rows of the same columns as one block. */
function joinedStyles(styles: SheetLayout['styles']): SheetLayout['styles'] {
  const out: { block: Rect; style: CellStyle; key: string }[] = [];
  for (const { block, style } of styles) {
    const key = JSON.stringify(style);
    const last = out[out.length - 1];
    if (last && last.key === key && last.block.col === block.col && last.block.cols === block.cols && last.block.row + last.block.rows === block.row) {
      last.block = { ...last.block, rows: last.block.rows + block.rows };
    } else out.push({ block, style, key });
  }
  return out;
}

/** Rows of equal height as [first, count, height]. */
function heightRuns(heights: number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  heights.forEach((h, r) => {
    const last = out[out.length - 1];
    if (last && last[2] === h) last[1] += 1;
    else out.push([r, 1, h]);
  });
  return out;
}

async function writeSheet(ws: Excel.Worksheet, layout: SheetLayout, batch: Batch): Promise<void> {
  const cols = layout.columnWidths.length;
  await batch.add(COST.range + 2 * COST.part + 2 * COST.set);
  const all = rangeOf(ws, layout.printArea);
  all.format.font.name = 'Arial';
  all.format.font.size = 10;

  // Number formats before values: every text cell of a layout is formatted `@` (Text), in which
  // Excel keeps an entry as it is, `=…` included. The text goes as it is, without the apostrophe
  // that is Excel's quote prefix in other cells: in a text cell Excel may keep it (docs/EXCEL.md, "Not verified").
  const chunkBudget = 256 * 1024;
  let start = 0;
  let size = 0;
  const flush = async (end: number) => {
    if (end === start) return;
    await batch.add(COST.range + 2 * COST.set + size + 2 * (end - start) * cols * COST.perCells);
    const chunk = rangeOf(ws, { row: start, col: 0, rows: end - start, cols });
    chunk.numberFormat = layout.numberFormats.slice(start, end);
    chunk.values = layout.values.slice(start, end);
    start = end;
    size = 0;
  };
  for (let r = 0; r < layout.values.length; r++) {
    const rowBytes = jsonBytes(layout.values[r]) + jsonBytes(layout.numberFormats[r]) + 2;
    if (size + rowBytes > chunkBudget) await flush(r);
    size += rowBytes;
  }
  await flush(layout.values.length);

  for (const m of layout.merges) {
    await batch.add(COST.range + COST.call);
    rangeOf(ws, m).merge(false);
  }
  for (const { block, style } of joinedStyles(layout.styles)) {
    await batch.add(styleCost(block, style));
    styleRange(rangeOf(ws, block), block, style);
  }
  for (const link of layout.links) {
    const documentReference = `'${link.lembar.replace(/'/g, "''")}'!${link.sel}`;
    await batch.add(COST.range + COST.set + 2 * (documentReference.length + link.sel.length));
    rangeOf(ws, { row: link.row, col: link.col, rows: 1, cols: 1 }).hyperlink = { documentReference, textToDisplay: link.sel };
  }
  await batch.add(cols * (COST.range + COST.part + COST.set));
  layout.columnWidths.forEach((w, c) => (rangeOf(ws, { row: 0, col: c, rows: 1, cols: 1 }).format.columnWidth = pointsOf(w)));
  for (const [first, count, height] of heightRuns(layout.rowHeights)) {
    await batch.add(COST.range + COST.part + COST.set);
    rangeOf(ws, { row: first, col: 0, rows: count, cols: 1 }).format.rowHeight = height;
  }

  await batch.add(2 * COST.part + 6 * COST.set);
  ws.pageLayout.orientation = layout.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  ws.pageLayout.paperSize = 'A4';
  // One page wide, as many tall as needed: the xlsx writer's fitToWidth 1, fitToHeight 0.
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  ws.pageLayout.setPrintArea(rectAddress(layout.printArea));
  ws.pageLayout.setPrintTitleRows(`$${layout.headerRows.first + 1}:$${layout.headerRows.last + 1}`);
  ws.freezePanes.freezeRows(layout.headerRows.last + 1);
}

/** The efisiensi sheet gets a native chart of % capaian against % serapan per sasaran. */
function addChart(ws: Excel.Worksheet, chart: SheetChart): void {
  // The categories, the series' names over their values: one block from the header row down.
  const first = chart.series[0].name;
  const last = chart.series[chart.series.length - 1].values;
  const source = rangeOf(ws, { row: first.row, col: chart.categories.col, rows: last.row + last.rows - first.row, cols: last.col + 1 - chart.categories.col });
  const added = ws.charts.add('ColumnClustered', source, 'Columns');
  added.title.text = chart.title;
  const { row, col, rows, cols } = chart.anchor;
  added.setPosition(`${columnLetter(col)}${row + 1}`, `${columnLetter(col + cols - 1)}${row + rows}`);
}

/**
 * Empties a sheet of ours for its table's new layout, keeping the worksheet itself: a user's formula,
 * defined name, link or chart series pointing into it keeps pointing there, where deleting the sheet
 * would turn each into #REF! for good. Everything a layout writes goes: values, number formats,
 * formats and links (clear 'All', "clears everything in the range"), merges, the sheet's charts, and
 * row heights and column widths back to the sheet's standard.
 */
async function clearSheet(ws: Excel.Worksheet, old: SheetInfo, batch: Batch): Promise<void> {
  await batch.add(COST.range + 2 * COST.call + COST.part + 3 * COST.set + old.charts * (COST.range + COST.call));
  if (old.visibility !== 'Visible') ws.visibility = 'Visible';
  // From the last: deleting one leaves the index of those before it as it was.
  for (let i = old.charts - 1; i >= 0; i--) ws.charts.getItemAt(i).delete();
  const all = ws.getRange().untrack();
  all.unmerge();
  all.clear('All');
  all.format.useStandardHeight = true;
  all.format.useStandardWidth = true;
}

/** A name no sheet has, starting with the result prefix, for a sheet between two names; `taken` holds nameKeys. */
function passingName(taken: Set<string>): string {
  const name = freeName(`${RESULT_PREFIX}baru`, taken);
  taken.add(nameKey(name));
  return name;
}

/** What a run replaces: the sheets now, and planReplacement's answer for them. */
export interface Replacement {
  /** Every sheet now, as the read found it. */
  existing: SheetInfo[];
  /** The record as read: which table each of our sheets holds. */
  previous: ResultRecord;
  /** Which of our sheets go, the new sheets' names, and the record to save. */
  plan: ReplacementPlan;
  /** The custom XML part holding the record, null to add one, undefined where Excel refuses the workbook's custom XML parts (none is saved). */
  recordPart: string | null | undefined;
  /** The settings to save in the workbook with the record (JSON), or null to leave them. */
  settings: string | null;
  /** The workbook's structure is protected: no sheet can be added, deleted, renamed, hidden or shown. */
  structureProtected?: boolean;
}

/** For each layout, the sheet of ours it rewrites in place: the one holding the same table, when the plan replaces it. */
function inPlace(replacement: Replacement, count: number): (SheetInfo | undefined)[] {
  const going = new Set(replacement.plan.remove);
  const byTable = new Map(replacement.previous.lembar.filter((s) => going.has(s.nama)).map((s) => [s.tabel, s.nama]));
  const sheets = new Map(replacement.existing.map((s) => [s.name, s]));
  return Array.from({ length: count }, (_, i) => {
    const tabel = replacement.plan.record.lembar[i]?.tabel;
    return sheets.get(byTable.get(tabel) ?? '');
  });
}

/** Said when the results were written but Excel refused to save the record with them. */
export const RECORD_NOT_SAVED =
  'Lembar hasil sudah ditulis, tetapi Excel menolak menyimpan catatan lembar hasil Hitung Capaian di buku kerja ini, jadi pada perhitungan berikutnya lembar “HC …” ini dianggap lembar Anda dan hasil baru ditulis di sampingnya; simpan buku kerja, lalu hitung lagi.';

/** Said when the results were written but Excel refused to save the settings with them. */
export const SETTINGS_NOT_SAVED =
  'Lembar hasil sudah ditulis, tetapi Excel menolak menyimpan pengaturan perhitungan di buku kerja ini, jadi tombol Hitung Capaian di pita berikutnya mengenali lembar dan kolom dari awal, dan koreksi Anda di panel perlu diisi lagi.';

/** Where Excel says it was when it refused (`debugInfo.errorLocation`: `CustomXmlPart.setXml`, `SettingCollection.add`). */
const placeOf = (e: unknown) => String((e as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation ?? '');

/**
 * Why the write cannot begin, as one Indonesian sentence, or null: a protected sheet of ours that
 * would be rewritten, or a protected structure where sheets must be added, deleted, renamed or
 * shown. Asked before anything is written, so that nothing is begun that Excel would refuse.
 */
function protectionProblem(replacement: Replacement, layouts: SheetLayout[], olds: (SheetInfo | undefined)[]): string | null {
  const locked = olds.filter((s): s is SheetInfo => s !== undefined && s.protected).map((s) => `“${s.name}”`);
  if (locked.length > 0) {
    return `Lembar hasil ${locked.join(', ')} diproteksi, jadi Hitung Capaian tidak dapat menulis hasil baru ke dalamnya: buka proteksinya (Tinjau → Buka Proteksi Lembar), lalu hitung lagi.`;
  }
  if (!replacement.structureProtected) return null;
  const rewritten = new Set(olds.map((s) => s?.name));
  const changes =
    olds.some((s) => s === undefined) ||
    replacement.plan.remove.some((name) => !rewritten.has(name)) ||
    olds.some((s, i) => s !== undefined && (s.name !== replacement.plan.names[i] || s.visibility !== 'Visible'));
  return changes && layouts.length > 0
    ? 'Struktur buku kerja ini diproteksi, jadi Hitung Capaian tidak dapat menambah, menghapus atau mengganti nama lembar hasil: buka proteksinya (Tinjau → Proteksi Buku Kerja), lalu hitung lagi.'
    : null;
}

/**
 * Writes the result sheets and replaces the tool's own, as `replacement.plan` says (only sheets the
 * record lists; the user's are never touched). A sheet of ours holding a table written again is
 * rewritten in place (clearSheet), so what points into it stays valid; a table without one gets a
 * sheet added under a name of its own, written before any sheet of ours is touched. In the last
 * request the sheets of ours no table replaces are deleted, every sheet written takes its name, and
 * the record and then the settings are saved: so Excel is never asked to delete its only visible
 * sheet or a very hidden one (it refuses both), and the settings of a run that did not finish are
 * not kept. Should Excel refuse the record or the settings there, what came before them stands (Excel
 * stops a request at the action it refuses): the settings are saved without the record, or the run
 * ends without the settings, and the sentence saying so is returned. When a request fails otherwise,
 * the sheets added are removed again; a sheet rewritten in place may be left half written, and as
 * the record still holds what it held before, the next run sees it as changed by the user and asks
 * before replacing it. Each request stays within `requestBudget` bytes.
 */
export async function writeLayouts(context: Excel.RequestContext, layouts: SheetLayout[], replacement: Replacement, requestBudget: number): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  const taken = new Set(replacement.existing.map((s) => nameKey(s.name)));
  const batch = new Batch(context, requestBudget);
  const olds = inPlace(replacement, layouts.length);
  const refused = protectionProblem(replacement, layouts, olds);
  if (refused) throw new InputError(refused);
  const begun: string[] = [];
  try {
    const written: { ws: Excel.Worksheet; name: string; old?: SheetInfo }[] = [];
    const indexes = layouts.map((_, i) => i);
    for (const i of [...indexes.filter((i) => !olds[i]), ...indexes.filter((i) => olds[i])]) {
      const old = olds[i];
      let ws: Excel.Worksheet;
      if (old) {
        ws = sheets.getItem(old.name);
        await clearSheet(ws, old, batch);
      } else {
        await batch.add(COST.range + COST.call);
        const name = passingName(taken);
        begun.push(name);
        ws = sheets.add(name);
      }
      await writeSheet(ws, layouts[i], batch);
      const chart = layouts[i].chart;
      if (chart) addChart(ws, chart);
      written.push({ ws, name: replacement.plan.names[i], old });
    }
    const visibility = new Map(replacement.existing.map((s) => [s.name, s.visibility]));
    const rewritten = new Set(olds.map((s) => s?.name));
    for (const name of replacement.plan.remove) {
      if (rewritten.has(name)) continue;
      const ws = sheets.getItem(name);
      if (visibility.get(name) === 'VeryHidden') ws.visibility = 'Hidden';
      ws.delete();
    }
    // A sheet rewritten in place keeps its name unless the table's name changed (its old sheet was
    // "HC Efisiensi (2)"); through a free name first, as another may still hold the one it takes.
    const renamed = written.filter((w) => w.old?.name !== w.name);
    for (const w of renamed) if (w.old) w.ws.name = passingName(taken);
    for (const w of renamed) w.ws.name = w.name;
    const xml = recordXml(replacement.plan.record);
    await batch.add(COST.range + COST.call + xml.length * 2 + (replacement.settings?.length ?? 0) * 2);
    if (replacement.recordPart) context.workbook.customXmlParts.getItem(replacement.recordPart).setXml(xml);
    else if (replacement.recordPart === null) context.workbook.customXmlParts.add(xml);
    const saveSettings = () => {
      if (replacement.settings !== null) context.workbook.settings.add(SETTINGS_KEY, replacement.settings);
    };
    saveSettings();
    try {
      await context.sync();
    } catch (e) {
      if (placeOf(e).startsWith('Setting')) return [SETTINGS_NOT_SAVED];
      if (!placeOf(e).startsWith('CustomXmlPart')) throw e;
      saveSettings();
      const settingsSaved = await context.sync().then(
        () => true,
        () => false,
      );
      return settingsSaved ? [RECORD_NOT_SAVED] : [RECORD_NOT_SAVED, SETTINGS_NOT_SAVED];
    }
    return [];
  } catch (e) {
    await removeSheets(context, begun).catch(() => {});
    throw e;
  }
}

/** Deletes those of `names` that exist: what a failed write had begun. */
async function removeSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  for (const ws of sheets.items) if (names.includes(ws.name)) ws.delete();
  await context.sync();
}
