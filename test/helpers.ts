import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DOMParser, Element } from '@xmldom/xmldom';
import { runCli } from '../src/cli/run';
import { ResultJson } from '../src/core/report/result-json';
import { temporaryFolder } from './support/temp';

export const FIXTURES = path.join(__dirname, 'fixtures');

export interface SheetSpec {
  name: string;
  rows: ExcelJS.CellValue[][];
  merges?: string[];
  /** A1 address → number format. */
  formats?: Record<string, string>;
  hiddenRows?: number[];
}

/** A temporary folder, removed after the test that made it (or after the file, when made in beforeAll). */
export const tempDir = () => temporaryFolder();

export async function makeXlsx(dir: string, file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      r.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, c + 1).value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [a1, fmt] of Object.entries(s.formats ?? {})) ws.getCell(a1).numFmt = fmt;
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
  }
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
  json: ResultJson | null;
}

export async function runWithJson(input: string, extra: string[] = []): Promise<CliRun> {
  const dir = await tempDir();
  const jsonFile = path.join(dir, 'hasil.json');
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([input, '--json', jsonFile, ...extra], { out: (l) => out.push(l), err: (l) => err.push(l) });
  let json: ResultJson | null = null;
  try {
    json = JSON.parse(await fs.readFile(jsonFile, 'utf8')) as ResultJson;
  } catch {
    json = null;
  }
  return { code, out: out.join('\n'), err: err.join('\n'), json };
}

export function allItems(json: ResultJson) {
  const out: { level: string; kode: string | null; nama: string; anggaran: string; realisasi: string | null; serapan: string | null }[] = [];
  for (const p of json.anggaran?.program ?? []) {
    out.push({ level: 'program', ...p });
    for (const k of p.kegiatan ?? []) {
      out.push({ level: 'kegiatan', ...k });
      for (const s of k.subKegiatan ?? []) out.push({ level: 'subKegiatan', ...s });
    }
  }
  return out;
}

/** A worksheet's XML in an .xlsx file, found by sheet name through the workbook part and its relationships. */
export async function sheetXml(file: string, sheet: string): Promise<Element> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parse = async (part: string) => new DOMParser().parseFromString(await zip.file(part)!.async('string'), 'text/xml').documentElement!;
  const workbook = await parse('xl/workbook.xml');
  const rels = await parse('xl/_rels/workbook.xml.rels');
  const el = Array.from(workbook.getElementsByTagName('sheet')).find((s) => s.getAttribute('name') === sheet)!;
  const id = el.getAttribute('r:id');
  const target = Array.from(rels.getElementsByTagName('Relationship'))
    .find((r) => r.getAttribute('Id') === id)!
    .getAttribute('Target')!;
  return parse(path.posix.join('xl', target));
}

/** Every part of a package, inflated, by name (folders left out). */
export async function packageParts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parts = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) parts.set(name, await entry.async('nodebuffer'));
  return parts;
}

export async function runQuiet(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

export type Cell = string | number | null;

/** Rows of cells as SpreadsheetML (inline strings and numbers), from row `first`. */
export function rowsXml(rows: Cell[][], first = 1): string {
  const cell = (v: Cell, ref: string) =>
    v === null ? '' : typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
  return rows.map((r, i) => `<row r="${first + i}">${r.map((v, c) => cell(v, `${String.fromCharCode(65 + c)}${first + i}`)).join('')}</row>`).join('');
}

export interface PackageSpec {
  /** Each sheet's XML inside <worksheet> (sheetData and whatever follows it). */
  sheets: { name: string; body: string }[];
  /** Relationship targets as absolute part names (/xl/…), as openpyxl writes them. */
  absolute?: boolean;
  /** The Strict Open XML namespaces. */
  strict?: boolean;
  /** Attributes of <workbookPr>, e.g. date1904="1". */
  workbookPr?: string;
  /** <styleSheet> content. */
  styles?: string;
}

/** A package written part by part, for what ExcelJS cannot make (absolute targets, strict, 1904). */
export async function writePackage(file: string, spec: PackageSpec): Promise<string> {
  const main = spec.strict ? 'http://purl.oclc.org/ooxml/spreadsheetml/main' : 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = spec.strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = new JSZip();
  const sheetTarget = (i: number) => (spec.absolute ? `/xl/worksheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`);
  zip.file(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      spec.sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('') +
      (spec.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : '') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="${spec.absolute ? '/' : ''}xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${main}" xmlns:r="${rel}"><workbookPr ${spec.workbookPr ?? ''}/><sheets>` +
      spec.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="${sheetTarget(i)}"/>`).join('') +
      (spec.styles ? `<Relationship Id="rIdS" Type="${rel}/styles" Target="${spec.absolute ? '/xl/' : ''}styles.xml"/>` : '') +
      '</Relationships>',
  );
  spec.sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet xmlns="${main}" xmlns:r="${rel}">${s.body}</worksheet>`));
  if (spec.styles) zip.file('xl/styles.xml', `<styleSheet xmlns="${main}">${spec.styles}</styleSheet>`);
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

/** Sets the size a zip declares for one entry, in its central directory and its local header alike. */
export function declareSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1')); i >= 0; i = out.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'), i - 1)) {
    const nameLength = out.readUInt16LE(i + 28);
    if (out.toString('latin1', i + 46, i + 46 + nameLength) === entry) {
      out.writeUInt32LE(size, i + 24);
      out.writeUInt32LE(size, out.readUInt32LE(i + 42) + 22);
      return out;
    }
  }
  throw new Error(`no entry ${entry}`);
}

/** A DPA sheet body of three rows that adds up. */
export const SMALL_DPA: Cell[][] = [
  ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
  ['7.01.01', 'PROGRAM A', 300, 250],
  ['7.01.01.2.01', 'Kegiatan A1', 100, 50],
  ['7.01.01.2.02', 'Kegiatan A2', 200, 200],
];

/** The result sheets of a book with DPA, realisasi and kinerja sheets like Semboro's, in order. */
export const RESULT_SHEETS = [
  'HC Pengukuran Kinerja',
  'HC Program Pendukung',
  'HC Efisiensi',
  'HC Predikat',
  'HC Realisasi Anggaran',
  'HC Alokasi Anggaran',
  'HC Narasi',
  'HC Pemeriksaan',
];
