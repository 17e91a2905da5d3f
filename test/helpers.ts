import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DOMParser, Element } from '@xmldom/xmldom';
import { runCli } from '../src/cli/run';
import { ResultJson } from '../src/core/report/result-json';

export const FIXTURES = path.join(__dirname, 'fixtures');

export interface SheetSpec {
  name: string;
  rows: ExcelJS.CellValue[][];
  merges?: string[];
  /** A1 address → number format. */
  formats?: Record<string, string>;
  hiddenRows?: number[];
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'hc-test-'));
}

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
