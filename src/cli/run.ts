import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import * as path from 'path';
import { openXlsx, workbookFromExcelJS } from '../adapters/xlsx/read';
import { saveXlsx, writeResultSheets } from '../adapters/xlsx/write';
import { writeAtomically } from '../adapters/fs/write-atomically';
import { formatPersen, formatRupiah } from '../core/decimal';
import { EngineResult, hitung } from '../core/compute/engine';
import { InputError } from '../core/errors';
import { Settings } from '../core/settings';
import { toJson } from '../core/report/result-json';
import { layoutSheets } from '../core/report/sheet-layout';
import { tableToHtml } from '../core/report/table-html';
import { ResultSheet } from '../core/report/table';
import { buildResultSheets } from '../core/report/tables';

export const HELP = `Pemakaian: hitung-capaian <buku.xlsx> [pilihan]

Membaca lembar DPA, realisasi dan kinerja dari buku kerja .xlsx apa adanya, menghitung
serapan anggaran, capaian kinerja dan efisiensi, dan memeriksa setiap jumlah.
Berkas masukan tidak pernah diubah.

Pilihan:
  -o, --output <hasil.xlsx>   tulis salinan buku kerja beserta lembar hasil (HC …)
      --json <hasil.json>     tulis hasil dalam format JSON
      --docx <tabel.docx>     tulis tabel laporan (LKjIP bab III) ke dokumen Word
      --html <tabel.html>     tulis tabel laporan sebagai halaman HTML
      --dpa <lembar>          nama lembar DPA (bila deteksi otomatis keliru)
      --realisasi <lembar>    nama lembar realisasi anggaran
      --kinerja <lembar>      nama lembar kinerja (sasaran, indikator, target, realisasi)
      --pengaturan <p.json>   pengaturan lain: batasCapaian, predikat, efisiensi,
                              ambangEfisiensi, kolom (baris judul dan kolom per lembar)
  -h, --help                  tampilkan bantuan ini

Kode keluar: 0 bila perhitungan selesai (ada temuan atau tidak), 2 bila masukan tidak dapat dipakai.`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface Options {
  input: string;
  output?: string;
  json?: string;
  docx?: string;
  html?: string;
  settings: Partial<Settings>;
}

const VALUE_FLAGS = new Set(['-o', '--output', '--json', '--docx', '--html', '--dpa', '--realisasi', '--kinerja', '--pengaturan']);

async function parseArgs(argv: string[]): Promise<Options | 'help'> {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (VALUE_FLAGS.has(a)) {
      const v = argv[++i];
      if (v === undefined) throw new InputError(`Pilihan ${a} memerlukan nilai.`);
      flags.set(a === '-o' ? '--output' : a, v);
    } else if (a.startsWith('-') && a !== '-') {
      throw new InputError(`Pilihan "${a}" tidak dikenal. Lihat hitung-capaian --help.`);
    } else positional.push(a);
  }
  if (positional.length !== 1) throw new InputError('Sebutkan tepat satu berkas .xlsx. Lihat hitung-capaian --help.');
  let settings: Partial<Settings> = {};
  const file = flags.get('--pengaturan');
  if (file) {
    try {
      settings = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Settings>;
    } catch {
      throw new InputError(`Berkas pengaturan "${file}" tidak dapat dibaca sebagai JSON.`);
    }
  }
  settings.lembar = { ...settings.lembar };
  for (const role of ['dpa', 'realisasi', 'kinerja'] as const) {
    const v = flags.get(`--${role}`);
    if (v !== undefined) settings.lembar[role] = v;
  }
  return { input: positional[0], output: flags.get('--output'), json: flags.get('--json'), docx: flags.get('--docx'), html: flags.get('--html'), settings };
}

function summary(result: EngineResult, io: Io): void {
  for (const d of result.deteksi) {
    const peran = d.peran.length > 0 ? d.peran.join(' + ') : 'tidak dipakai';
    const kolom = d.kolom.map((k) => `${k.peran}=${k.kolom}`).join(', ');
    io.err(
      `  Lembar "${d.lembar}": ${peran}${d.barisJudul ? `, judul di baris ${d.barisJudul}` : ''}${kolom ? ` (${kolom})` : ''}${d.catatan.length ? `. ${d.catatan.join(' ')}` : ''}`,
    );
  }
  for (const c of result.catatan) io.err(`  Catatan: ${c}`);
  const a = result.anggaran;
  if (a) {
    io.out(`Anggaran ${formatRupiah(a.anggaran)}, realisasi ${a.realisasi ? formatRupiah(a.realisasi) : '-'}, serapan ${a.serapan ? `${formatPersen(a.serapan)}%` : '-'}`);
  }
  const k = result.kinerja;
  if (k)
    io.out(`Rata-rata capaian kinerja ${k.rataRataCapaian ? `${formatPersen(k.rataRataCapaian)}%` : '-'} dari ${k.sasaran.reduce((n, s) => n + s.indikator.length, 0)} indikator`);
  const galat = result.temuan.filter((f) => f.tingkat === 'galat').length;
  io.out(`Temuan: ${galat} galat, ${result.temuan.length - galat} peringatan`);
  for (const f of result.temuan) io.out(`  [${f.tingkat}] ${f.lembar ?? ''}${f.sel ? `!${f.sel}` : ''} ${f.jenis}: ${f.pesan}`);
}

function htmlPage(tables: string[]): string {
  const body = tables.map((t) => `<section style="margin-bottom:24pt">${t}</section>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>Tabel LKjIP</title></head><body>\n${body}\n</body></html>\n`;
}

/**
 * Computes, prints the summary and writes the JSON, Word and HTML outputs. Only the result tables
 * leave this function, so the grids and the budget tree can be freed before the workbook is written.
 */
async function computeAndReport(wb: ExcelJS.Workbook, opts: Options, io: Io): Promise<ResultSheet[]> {
  const result = hitung(workbookFromExcelJS(wb), opts.settings, (m) => io.err(m));
  summary(result, io);
  if (opts.json) {
    io.err(`Menulis ${opts.json}…`);
    const json = JSON.stringify(toJson(result), null, 2) + '\n';
    await writeAtomically(opts.json, (tmp) => fs.writeFile(tmp, json, 'utf8'));
  }
  const sheets = buildResultSheets(result);
  if (opts.docx) {
    io.err(`Menulis ${opts.docx}…`);
    // Loaded only when asked for: the docx package is most of the start-up time otherwise.
    const [{ Packer }, { buildDocx }] = await Promise.all([import('docx'), import('../adapters/docx/build-docx')]);
    const buffer = await Packer.toBuffer(buildDocx(sheets.map((s) => s.table)));
    await writeAtomically(opts.docx, (tmp) => fs.writeFile(tmp, buffer));
  }
  if (opts.html) {
    io.err(`Menulis ${opts.html}…`);
    const html = htmlPage(sheets.map((s) => tableToHtml(s.table)));
    await writeAtomically(opts.html, (tmp) => fs.writeFile(tmp, html, 'utf8'));
  }
  return sheets;
}

/** The command line, without process.exit: returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  try {
    const opts = await parseArgs(argv);
    if (opts === 'help') {
      io.out(HELP);
      return 0;
    }
    const input = path.resolve(opts.input);
    for (const out of [opts.output, opts.json, opts.docx, opts.html]) {
      if (out && path.resolve(out) === input) throw new InputError('Berkas hasil tidak boleh sama dengan berkas masukan; berkas masukan tidak pernah ditimpa.');
    }
    io.err(`Membaca ${opts.input}…`);
    const wb = await openXlsx(opts.input);
    const sheets = await computeAndReport(wb, opts, io);
    if (opts.output) {
      io.err(`Menulis ${opts.output}…`);
      writeResultSheets(wb, layoutSheets(sheets));
      await saveXlsx(wb, opts.output);
    }
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`Galat: ${e.message}`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.err(`Galat: berkas hasil tidak dapat ditulis (${(e as Error).message}).`);
      return 2;
    }
    io.err(`Galat internal: ${(e as Error).message}. Mohon laporkan bersama berkas yang dipakai.`);
    if (process.env.HC_DEBUG) io.err(String((e as Error).stack));
    return 1;
  }
}
