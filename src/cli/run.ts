import { promises as fs } from 'fs';
import * as path from 'path';
import { buildDocx } from '../adapters/docx/build-docx';
import { readBookOf, XlsxBook } from '../adapters/xlsx/read';
import { checkDistinct, isStdout, Output, writeAll } from '../adapters/fs/outputs';
import { readXlsxFile, writeResultCopy } from '../adapters/fs/xlsx-file';
import { copyNotes } from '../adapters/xlsx/write';
import { countText, persenText, rupiahText } from '../core/decimal';
import { EngineResult } from '../core/compute/engine';
import { InputError, internalErrorText } from '../core/errors';
import { countByTingkat, quotedName } from '../core/findings';
import { describeRoles } from '../core/read/detect';
import { parseSettings, SettingError, Settings } from '../core/settings';
import { toJson } from '../core/report/result-json';
import { tableToHtml } from '../core/report/table-html';
import { PlannedRun } from '../core/run/plan';
import { runHitung } from '../core/run/run';
import { Io, readSettingsFile, splitArgs, yearOption } from './options';
import { runRekap } from './rekap';

export type { Io };

export const HELP = `Pemakaian: hitung-capaian <buku.xlsx> [pilihan]
           hitung-capaian rekap <buku.xlsx…|folder> [pilihan]   (lihat rekap --help)

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
      --tahun <tahun>         tahun laporan, bila lembar tidak menyebutnya (atau keliru)
      --pengaturan <p.json>   pengaturan lain: batasCapaian, predikat, efisiensi,
                              ambangEfisiensi, kolom (baris judul kolom dan huruf
                              kolom per lembar), tahun
  -h, --help                  tampilkan bantuan ini

Kode keluar: 0 bila perhitungan selesai (ada temuan atau tidak), 2 bila masukan atau pengaturan tidak dapat dipakai.`;

interface Options {
  input: string;
  output?: string;
  json?: string;
  docx?: string;
  html?: string;
  settings: Partial<Settings>;
}

const VALUE_FLAGS = new Set(['-o', '--output', '--json', '--docx', '--html', '--dpa', '--realisasi', '--kinerja', '--pengaturan', '--tahun']);

async function parseArgs(argv: string[]): Promise<Options | 'help'> {
  const args = splitArgs(argv, VALUE_FLAGS, (a) => `Pilihan “${a}” tidak dikenal. Lihat hitung-capaian --help.`);
  if (args === 'help') return 'help';
  const { flags, others: positional } = args;
  if (positional.length !== 1) throw new InputError('Sebutkan tepat satu berkas .xlsx. Lihat hitung-capaian --help.');
  let settings: Record<string, unknown> = {};
  const file = flags.get('--pengaturan');
  if (file) settings = await readSettingsFile(file);
  const named = Object.fromEntries(['dpa', 'realisasi', 'kinerja'].flatMap((role) => (flags.has(`--${role}`) ? [[role, flags.get(`--${role}`)]] : [])));
  if (Object.keys(named).length > 0) {
    const saved = settings.lembar;
    settings = { ...settings, lembar: typeof saved === 'object' && saved !== null && !Array.isArray(saved) ? { ...saved, ...named } : (saved ?? named) };
  }
  const tahun = flags.get('--tahun');
  if (tahun !== undefined) settings = { ...settings, tahun: yearOption(tahun) };
  return {
    input: positional[0],
    output: flags.get('--output'),
    json: flags.get('--json'),
    docx: flags.get('--docx'),
    html: flags.get('--html'),
    settings: parseSettings(settings),
  };
}

function summary(result: EngineResult, say: (line: string) => void, io: Io): void {
  for (const d of result.deteksi) {
    const kolom = d.kolom.map((k) => `${k.label}=${k.kolom}`).join(', ');
    io.err(
      `  Lembar “${d.lembar}”: ${describeRoles(d.peran)}${d.barisJudul ? `, baris judul kolom ${d.barisJudul}` : ''}${kolom ? ` (${kolom})` : ''}${d.catatan.length ? `. ${d.catatan.join(' ')}` : ''}`,
    );
  }
  for (const c of result.catatan) io.err(`  Catatan: ${c}`);
  // Before any figure: what makes a figure doubtful, and the figure then not presented as final.
  for (const k of result.keraguan) say(`PERHATIAN: ${k.pesan}`);
  const doubt = (bagian: 'anggaran' | 'kinerja') => (result.keraguan.some((k) => k.bagian === bagian) ? ' (belum dapat dipercaya: lihat PERHATIAN di atas)' : '');
  const a = result.anggaran;
  if (a) {
    say(`Anggaran ${rupiahText(a.anggaran)}, realisasi ${rupiahText(a.realisasi)}, serapan ${persenText(a.serapan)}${doubt('anggaran')}`);
  }
  const k = result.kinerja;
  if (k) say(`Rata-rata capaian kinerja ${persenText(k.rataRataCapaian)} dari ${k.sasaran.reduce((n, s) => n + s.indikator.length, 0)} indikator${doubt('kinerja')}`);
  const { galat, peringatan } = countByTingkat(result.temuan);
  say(`Temuan: ${countText(galat)} galat, ${countText(peringatan)} peringatan`);
  for (const f of result.temuan) say(`  [${f.tingkat}] ${f.lembar ?? ''}${f.sel ? `!${f.sel}` : ''} ${f.jenis}: ${f.pesan}`);
}

function htmlPage(tables: string[]): string {
  const body = tables.map((t) => `<section style="margin-bottom:24pt">${t}</section>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>Tabel LKjIP</title></head><body>\n${body}\n</body></html>\n`;
}

/**
 * Every output of a run, made in memory; only the files leave this function, so the grids and the
 * budget tree can be freed before they are written.
 */
async function outputFiles(book: XlsxBook, planned: PlannedRun, opts: Options, io: Io): Promise<Output[]> {
  const { report } = planned;
  const files: Output[] = [];
  if (opts.json) {
    const json = JSON.stringify(toJson(report), null, 2) + '\n';
    files.push({ path: opts.json, write: (f, flag) => fs.writeFile(f, json, { encoding: 'utf8', flag }), text: () => json });
  }
  if (opts.docx) {
    const buffer = await buildDocx(report.tables, report.draftWarning);
    files.push({ path: opts.docx, write: (f, flag) => fs.writeFile(f, buffer, { flag }) });
  }
  if (opts.html) {
    const html = htmlPage(report.tables.map(tableToHtml));
    files.push({ path: opts.html, write: (f, flag) => fs.writeFile(f, html, { encoding: 'utf8', flag }) });
  }
  if (opts.output) files.push(resultCopy(book, planned, opts.output, io));
  return files;
}

/**
 * The result copy: our earlier sheets replaced unless the user changed them or added to them (a
 * note, a drawing), which stay and are said to, with what the copy does that the user should know.
 */
function resultCopy(book: XlsxBook, { prepared, plan }: Pick<PlannedRun, 'prepared' | 'plan'>, file: string, io: Io): Output {
  for (const name of plan.edited) {
    const tabel = book.record.lembar.find((s) => s.nama === name)!.tabel;
    const i = prepared.findIndex((p) => p.tabel === tabel);
    const extra = book.extras.get(name);
    const why = extra ? `berisi ${extra} yang tidak ditulis alat ini` : 'telah diubah sejak perhitungan terakhir';
    io.err(`Lembar “${name}” ${why}; lembar itu dibiarkan${i >= 0 ? ` dan hasil baru ditulis ke lembar “${plan.names[i]}”` : ''}.`);
  }
  for (const note of copyNotes(book)) io.err(note);
  return { path: file, write: (f, flags) => writeResultCopy(book, prepared, plan, f, flags) };
}

/** The command line, without process.exit: returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  try {
    if (argv[0] === 'rekap') return await runRekap(argv.slice(1), io);
    const opts = await parseArgs(argv);
    if (opts === 'help') {
      io.out(HELP);
      return 0;
    }
    const named: { flag: string; path: string | undefined }[] = [
      { flag: '-o', path: opts.output },
      { flag: '--json', path: opts.json },
      { flag: '--docx', path: opts.docx },
      { flag: '--html', path: opts.html },
    ];
    await checkDistinct(
      opts.input,
      named.filter((o): o is { flag: string; path: string } => o.path !== undefined),
    );
    io.err(`Membaca ${opts.input}…`);
    const book = await readXlsxFile(opts.input);
    const unknownSheet = Object.keys(opts.settings.kolom ?? {}).find((name) => !book.sheets.some((s) => s.name === name));
    if (unknownSheet !== undefined) throw new SettingError(['kolom', unknownSheet], `menunjuk lembar ${quotedName(unknownSheet)}, yang tidak ada di buku kerja ini`);
    if (opts.output && path.extname(opts.output).toLowerCase() !== book.extension) {
      throw new InputError(`Berkas hasil “${opts.output}” harus berakhiran ${book.extension}, seperti jenis buku kerja masukannya, agar Excel dapat membukanya.`);
    }
    // With the JSON on stdout, the summary goes to stderr.
    const say = opts.json !== undefined && isStdout(opts.json) ? io.err : io.out;
    // A sheet of ours the user changed is kept, as the pane's “biarkan”: the command line asks nothing.
    const request = { settings: opts.settings, replaceEdited: false, sheets: opts.output !== undefined };
    await runHitung(
      {
        read: async () => readBookOf(book),
        write: async (planned) => {
          summary(planned.report.result, say, io);
          const files = await outputFiles(book, planned, opts, io);
          book.grids.length = 0;
          for (const f of files) if (!isStdout(f.path)) io.err(`Menulis ${f.path}…`);
          await writeAll(files, (text) => io.out(text.replace(/\n$/, '')));
          return { catatan: [] };
        },
      },
      request,
      (m) => io.err(m),
    );
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      for (const problem of [e, ...(e instanceof SettingError ? e.others : [])]) io.err(`Galat: ${problem.message}`);
      return 2;
    }
    io.err(internalErrorText(e));
    if (process.env.HC_DEBUG) io.err(String((e as Error).stack));
    return 1;
  }
}
