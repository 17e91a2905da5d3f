import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkDistinct, isStdout, Output, writeAll } from '../adapters/fs/outputs';
import { newWorkbook } from '../adapters/xlsx/new-book';
import { countText, Decimal, formatIndonesian, persenText, rupiahText } from '../core/decimal';
import { InputError } from '../core/errors';
import { bookOrder, BukuRekap, failedBook, isBookFile } from '../core/rekap/book';
import { rekapReport, RekapReport } from '../core/rekap/report';
import { averagedHow } from '../core/rekap/tables';
import { parseSettings, Settings } from '../core/settings';
import type { BookRequest } from './rekap-worker';
import { bookOf } from './rekap-book';
import { Io, readSettingsFile, splitArgs, yearOption } from './options';

/** Workers at most: a large book takes some 200 MB while it is read, and fifty books must stay under 1 GB. */
const MAX_PARALLEL = 4;
/** Books at most in one recap, and how deep a folder is searched for them. */
const MAX_BOOKS = 1000;
const MAX_DEPTH = 8;

export const REKAP_HELP = `Pemakaian: hitung-capaian rekap <buku.xlsx…|folder> [pilihan]

Merekap buku kerja banyak perangkat daerah sekaligus: tiap buku dihitung seperti
hitung-capaian <buku.xlsx>, lalu ditulis berdampingan dengan jumlah kabupaten.
Folder dibaca beserta subfoldernya. Buku yang tidak terbaca disebut alasannya dan
tidak menghentikan buku lain. Berkas masukan tidak pernah diubah.

Pilihan:
  -o, --output <rekap.xlsx>   tulis rekap ke buku kerja baru (HC Rekap OPD, Kinerja,
                              Anggaran, Galat)
      --json <rekap.json>     tulis rekap dalam format JSON ("-": keluaran standar)
      --docx <rekap.docx>     tulis tabel rekap ke dokumen Word
      --tahun <tahun>         tahun laporan semua buku (bila lembarnya tidak menyebut
                              tahun, atau keliru)
      --pengaturan <p.json>   pengaturan perhitungan untuk semua buku: batasCapaian,
                              predikat, efisiensi, ambangEfisiensi, skalaOrdinal, tahun
      --paralel <n>           banyak buku yang dihitung bersamaan (bawaan: sebanyak
                              inti prosesor, paling banyak ${MAX_PARALLEL}); 1: satu per satu
  -h, --help                  tampilkan bantuan ini

Kode keluar: 0 bila sedikitnya satu buku terbaca, 2 bila tidak ada yang terbaca atau
pilihan tidak dapat dipakai.`;

interface Options {
  inputs: string[];
  output?: string;
  json?: string;
  docx?: string;
  parallel: number | null;
  settings: Partial<Settings>;
}

const VALUE_FLAGS = new Set(['-o', '--output', '--json', '--docx', '--pengaturan', '--tahun', '--paralel']);

async function parseArgs(argv: string[]): Promise<Options | 'help'> {
  const args = splitArgs(argv, VALUE_FLAGS, (a) => `Pilihan “${a}” tidak dikenal untuk rekap. Lihat hitung-capaian rekap --help.`);
  if (args === 'help') return 'help';
  const { flags, others: inputs } = args;
  if (inputs.length === 0) throw new InputError('Sebutkan buku kerja atau folder yang direkap. Lihat hitung-capaian rekap --help.');
  let settings: Record<string, unknown> = {};
  const file = flags.get('--pengaturan');
  if (file) settings = await readSettingsFile(file);
  for (const key of ['lembar', 'kolom']) {
    if (key in settings) {
      throw new InputError(
        `Pengaturan “${key}” menyebut lembar satu buku, sedangkan rekap memakai pengaturan yang sama untuk semua buku; hitung buku itu sendiri dengan hitung-capaian <buku.xlsx> --pengaturan.`,
      );
    }
  }
  const tahun = flags.get('--tahun');
  if (tahun !== undefined) settings = { ...settings, tahun: yearOption(tahun) };
  const paralel = flags.get('--paralel');
  if (paralel !== undefined && !/^[1-9]\d{0,2}$/.test(paralel.trim()))
    throw new InputError(`Pilihan --paralel memerlukan bilangan bulat 1 atau lebih, bukan “${paralel.slice(0, 20)}”.`);
  const output = flags.get('--output');
  if (output !== undefined && path.extname(output).toLowerCase() !== '.xlsx') throw new InputError(`Berkas rekap “${output}” harus berakhiran .xlsx.`);
  return { inputs, output, json: flags.get('--json'), docx: flags.get('--docx'), parallel: paralel === undefined ? null : Number(paralel), settings: parseSettings(settings) };
}

interface BookInput {
  /** Where it is read from. */
  file: string;
  /** How the recap names it: as the user gave it, or its path inside the folder given. */
  berkas: string;
}

const realPath = (file: string) => fs.realpath(file).catch(() => path.resolve(file));

/** The books in a folder and its subfolders, in the order a file list shows them; Excel's lock files (`~$…`) and hidden ones left out. */
async function booksIn(folder: string, skip: Set<string>, io: Io): Promise<BookInput[]> {
  const found: BookInput[] = [];
  let others = 0;
  const visit = async (dir: string, depth: number) => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(`Folder “${dir}” tidak dapat dibaca: ${e.code === 'EACCES' || e.code === 'EPERM' ? 'tidak ada izin membacanya' : `galat ${e.code ?? 'baca'}`}.`);
    });
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !entry.name.startsWith('.')) await visit(file, depth + 1);
      } else if (!isBookFile(entry.name)) {
        if (!entry.name.startsWith('.') && !entry.name.startsWith('~$')) others++;
      } else if (!skip.has(await realPath(file))) {
        found.push({ file, berkas: path.relative(folder, file).split(path.sep).join('/') });
        if (found.length > MAX_BOOKS)
          throw new InputError(`Folder “${folder}” berisi lebih dari ${countText(MAX_BOOKS)} buku kerja; rekap paling banyak ${countText(MAX_BOOKS)} buku sekaligus.`);
      }
    }
  };
  await visit(folder, 0);
  found.sort((a, b) => bookOrder(a.berkas, b.berkas));
  if (others > 0) io.err(`Di folder “${folder}”: ${countText(others)} berkas lain (bukan buku kerja) dilewati.`);
  return found;
}

/** Every book named: files as given, folders searched; each once, the recap's own outputs never among them. */
async function findBooks(opts: Options, outputs: { flag: string; path: string }[], io: Io): Promise<BookInput[]> {
  const skip = new Set(await Promise.all(outputs.filter((o) => !isStdout(o.path)).map((o) => realPath(o.path))));
  const seen = new Set<string>();
  const out: BookInput[] = [];
  for (const input of opts.inputs) {
    const stat = await fs.stat(input).catch(() => null);
    const found = stat?.isDirectory() ? await booksIn(input, skip, io) : [{ file: input, berkas: input }];
    if (!stat?.isDirectory()) await checkDistinct(input, outputs);
    for (const book of found) {
      const key = await realPath(book.file);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(book);
    }
    if (stat?.isDirectory() && found.length === 0) io.err(`Di folder “${input}” tidak ada buku kerja (.xlsx, .xlsm).`);
  }
  if (out.length > MAX_BOOKS) throw new InputError(`Rekap paling banyak ${countText(MAX_BOOKS)} buku sekaligus; yang disebut ${countText(out.length)}.`);
  return out;
}

/** `1,2 detik`, `20 detik`, `3 menit 5 detik`. */
function seconds(s: number): string {
  if (s < 10) return `${formatIndonesian(new Decimal(s.toFixed(1)), 1)} detik`;
  if (s < 60) return `${Math.round(s)} detik`;
  const m = Math.floor(Math.round(s) / 60);
  const rest = Math.round(s) - 60 * m;
  return rest === 0 ? `${m} menit` : `${m} menit ${rest} detik`;
}

/** A worker's answer to one book; a worker that fails or ends gives an error instead. */
function ask(worker: Worker, request: BookRequest): Promise<BukuRekap> {
  return new Promise((resolve, reject) => {
    const settle = (then: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      then();
    };
    const onMessage = (book: BukuRekap) => settle(() => resolve(book));
    const onError = (e: Error) => settle(() => reject(e));
    const onExit = (code: number) => settle(() => reject(new Error(`pekerja berhenti dengan kode ${code}`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
}

const WORKER_SCRIPT = path.join(__dirname, 'rekap-worker.js');

/**
 * Every book computed, `parallel` at a time in worker threads (each reading one book at a time), or
 * one after another in this thread; `done` hears of each as it ends. A book that fails, or whose
 * worker fails, says why and never stops the others.
 */
async function computeBooks(inputs: BookInput[], settings: Partial<Settings>, parallel: number, done: (i: number, book: BukuRekap) => void): Promise<BukuRekap[]> {
  const results: BukuRekap[] = [];
  if (parallel <= 1) {
    for (const [i, { file, berkas }] of inputs.entries()) done(i, (results[i] = await bookOf(file, berkas, settings)));
    return results;
  }
  let next = 0;
  const work = async () => {
    let worker = new Worker(WORKER_SCRIPT);
    try {
      while (next < inputs.length) {
        const i = next++;
        const { file, berkas } = inputs[i];
        try {
          results[i] = await ask(worker, { file, berkas, settings });
        } catch (e) {
          results[i] = failedBook(berkas, e);
          await worker.terminate();
          worker = new Worker(WORKER_SCRIPT);
        }
        done(i, results[i]);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: parallel }, work));
  return results;
}

/** Books at once: as asked, else as many as the processor's cores up to MAX_PARALLEL; one, in this thread, where the worker's script is not built (the sources run by a test). */
function parallelism(asked: number | null, books: number): number {
  if (!existsSync(WORKER_SCRIPT)) return 1;
  return Math.max(1, Math.min(asked ?? Math.min(os.availableParallelism(), MAX_PARALLEL), books));
}

/** The recap on stdout (stderr with `--json -`): each book's line, its doubts before it, then the kabupaten's. */
function summary({ rekap: r }: RekapReport, say: (line: string) => void): void {
  const read = r.buku.filter((b) => b.kesalahan === null).length;
  say(
    `Rekap ${countText(r.buku.length)} buku: ${countText(read)} terbaca${read < r.buku.length ? `, ${countText(r.buku.length - read)} tidak terbaca` : ''}${r.tahun ? `; tahun ${r.tahun}` : ''}`,
  );
  const doubtOf = (b: BukuRekap, bagian: 'anggaran' | 'kinerja') => (b.keraguan.some((k) => k.bagian === bagian) ? ' (belum dapat dipercaya: lihat PERHATIAN di atas)' : '');
  r.buku.forEach((b, i) => {
    if (b.kesalahan !== null) return say(`${i + 1}. ${b.berkas}: tidak terbaca. ${b.kesalahan}`);
    for (const k of b.keraguan) say(`PERHATIAN (${b.nama}): ${k.pesan}`);
    const parts = [
      b.anggaran === null
        ? 'tanpa lembar anggaran'
        : `anggaran ${rupiahText(new Decimal(b.anggaran))}, serapan ${persenText(b.serapan === null ? null : new Decimal(b.serapan))}${doubtOf(b, 'anggaran')}`,
      b.rataRataCapaian === null ? 'capaian tidak dihitung' : `rata-rata capaian ${persenText(new Decimal(b.rataRataCapaian))} (${b.predikat})${doubtOf(b, 'kinerja')}`,
      `${countText(b.galat ?? 0)} galat, ${countText(b.peringatan ?? 0)} peringatan`,
    ];
    say(`${i + 1}. ${b.nama} (${b.berkas}): ${parts.join('; ')}`);
  });
  const j = r.jumlah;
  const doubtful = (bagian: 'anggaran' | 'kinerja') => (r.buku.some((b) => b.keraguan.some((k) => k.bagian === bagian)) ? ' (memuat angka yang belum dapat dipercaya)' : '');
  say(`Jumlah kabupaten: anggaran ${rupiahText(j.anggaran)}, realisasi ${rupiahText(j.realisasi)}, serapan ${persenText(j.serapan)}${doubtful('anggaran')}`);
  say(
    `Rata-rata capaian kabupaten ${persenText(j.rataRataCapaian)}${j.predikat ? ` (${j.predikat})` : ''}${doubtful('kinerja')}: ${averagedHow(r).replace(/^rata-rata capaian kabupaten adalah /, '')}`,
  );
  const galat = r.buku.reduce((n, b) => n + (b.galat ?? 0), 0);
  say(
    `Temuan: ${countText(galat)} galat di ${countText(r.buku.filter((b) => (b.galat ?? 0) > 0).length)} buku, ${countText(r.buku.reduce((n, b) => n + (b.peringatan ?? 0), 0))} peringatan`,
  );
}

function outputsOf(report: RekapReport, opts: Options): Output[] {
  const files: Output[] = [];
  if (opts.json) {
    const json = JSON.stringify(report.json, null, 2) + '\n';
    files.push({ path: opts.json, write: (f, flag) => fs.writeFile(f, json, { encoding: 'utf8', flag }), text: () => json });
  }
  if (opts.docx) {
    files.push({
      path: opts.docx,
      write: async (f, flag) => {
        const { buildDocx } = await import('../adapters/docx/build-docx');
        await fs.writeFile(f, await buildDocx(report.docxTables, report.warning), { flag });
      },
    });
  }
  if (opts.output) {
    const name = path.basename(opts.output);
    files.push({ path: opts.output, write: async (f, flag) => fs.writeFile(f, await newWorkbook(report.prepared, report.plan, name), { flag }) });
  }
  return files;
}

/** `hitung-capaian rekap …`: returns the exit code. */
export async function runRekap(argv: string[], io: Io): Promise<number> {
  const opts = await parseArgs(argv);
  if (opts === 'help') {
    io.out(REKAP_HELP);
    return 0;
  }
  const named = [
    { flag: '-o', path: opts.output },
    { flag: '--json', path: opts.json },
    { flag: '--docx', path: opts.docx },
  ].filter((o): o is { flag: string; path: string } => o.path !== undefined);
  const inputs = await findBooks(opts, named, io);
  if (inputs.length === 0) throw new InputError('Tidak ada buku kerja yang dapat direkap.');
  const parallel = parallelism(opts.parallel, inputs.length);
  io.err(`Merekap ${countText(inputs.length)} buku${parallel > 1 ? `, ${parallel} sekaligus` : ''}…`);
  const start = Date.now();
  let finished = 0;
  const read = await computeBooks(inputs, opts.settings, parallel, (_, book) => {
    finished++;
    const elapsed = (Date.now() - start) / 1000;
    const left = finished < inputs.length ? `; perkiraan sisa ${seconds((elapsed / finished) * (inputs.length - finished))}` : '';
    const what = book.kesalahan === null ? `${book.nama}, selesai` : `tidak terbaca: ${book.kesalahan}`;
    io.err(`Buku ${finished} dari ${inputs.length}: ${book.berkas} (${what})${left}`);
  });
  const report = rekapReport(read, opts.settings);
  summary(report, opts.json !== undefined && isStdout(opts.json) ? io.err : io.out);
  if (read.every((b) => b.kesalahan !== null)) {
    io.err('Galat: tidak ada buku yang terbaca; rekap tidak ditulis.');
    return 2;
  }
  const files = outputsOf(report, opts);
  for (const f of files) if (!isStdout(f.path)) io.err(`Menulis ${f.path}…`);
  await writeAll(files, (text) => io.out(text.replace(/\n$/, '')));
  return 0;
}
