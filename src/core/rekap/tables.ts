import { countText, Decimal } from '../decimal';
import { quoted, quotedName } from '../findings';
import { Rect } from '../rect';
import { RESULT_SHEETS, RESULT_TABLES, TableId } from '../result-sheets';
import { bilangan } from '../report/narrative';
import { resultSheets } from '../report/tables';
import { centre, empty, left, money, pct, ResultSheet, right, row, table, Table, TableCell, TableRow, text } from '../report/table';
import { BukuRekap } from './book';
import { Rekap } from './rekap';

/**
 * The recap's tables, as a Bagian Organisasi or an Inspektorat reads fifty books in an afternoon:
 * every perangkat daerah on one line, its kinerja and its anggaran side by side, and every galat
 * with the file, sheet and cell to open, the worst first. The same table model as a book's tables.
 */

const count = (n: number | null): TableCell => (n === null ? text('-') : { kind: 'number', value: new Decimal(n), decimals: 0, persen: false });
const figure = (d: string | null) => (d === null ? null : new Decimal(d));

function titleOf(id: TableId & `rekap-${string}`, tahun: number | null): Pick<Table, 'id' | 'caption'> {
  const caption = RESULT_TABLES[id].caption;
  return { id, caption: tahun === null ? caption : `${caption} Tahun ${tahun}` };
}

/** `Kecamatan Semboro (semboro.xlsx)`: how a note names another book. */
const bookName = (b: BukuRekap) => `${b.nama} (${b.berkas})`;

/** What the reader of a book's line must know before using its figures: all of it, or what touches its kinerja. */
function notes(r: Rekap, i: number, bagian: 'semua' | 'kinerja'): string {
  const b = r.buku[i];
  if (b.kesalahan !== null) return `Tidak terbaca: ${b.kesalahan}`;
  const all = bagian === 'semua';
  const out: string[] = [];
  for (const k of b.keraguan) if (all || k.bagian === bagian) out.push(`Angka ${k.bagian} belum dapat dipercaya: ${k.pesan}`);
  if (b.galatKinerja > 0) out.push(`Rata-rata capaian bersandar pada lembar kinerja yang memuat ${countText(b.galatKinerja)} galat.`);
  if (b.rataRataCapaian === null) out.push(b.indikator === 0 ? 'Tidak ada lembar kinerja.' : 'Capaian tidak dapat dihitung.');
  if (!all) return out.join(' ');
  if (b.anggaran === null) out.push('Tidak ada lembar anggaran.');
  else if (b.realisasi === null) out.push('Tidak ada lembar realisasi: tidak ikut serapan jumlah.');
  if (b.tahun === null) out.push('Tahun laporan tidak tertulis di buku ini.');
  else if (r.tahun !== null && b.tahun !== r.tahun) out.push(`Tahun ${b.tahun}, berbeda dari buku lain (${r.tahun}).`);
  if (b.namaDari === 'berkas') out.push('Nama perangkat daerah tidak tertulis di judul lembar; dipakai nama berkasnya.');
  for (const l of b.namaLain) out.push(`Judul lembar ${quotedName(l.lembar)} menyebut perangkat daerah lain: ${l.nama}.`);
  for (const [a, c] of r.kembar) {
    const other = a === i ? c : c === i ? a : null;
    if (other !== null)
      out.push(`Angkanya sama dengan No ${other + 1}, ${bookName(r.buku[other])}: bila itu buku yang sama, keluarkan salah satunya, karena jumlah kabupaten menghitung keduanya.`);
  }
  return out.join(' ');
}

/** `12 dari 14 perangkat daerah`, or `14 perangkat daerah` when every book counts. */
function ofBooks(n: number, r: Rekap): string {
  return n === r.buku.length ? `${countText(n)} perangkat daerah` : `${countText(n)} dari ${countText(r.buku.length)} perangkat daerah`;
}

const notRead = (r: Rekap) => r.buku.filter((b) => b.kesalahan !== null).length;

/** How the kabupaten's rata-rata capaian is made, for the tables' source lines and the summary. */
export function averagedHow(r: Rekap): string {
  return (
    `rata-rata capaian kabupaten adalah rata-rata sederhana dari rata-rata capaian ${ofBooks(r.jumlah.dariCapaian, r)} yang capaiannya dapat dihitung: ` +
    'tiap perangkat daerah dihitung sekali, berapa pun banyak indikatornya; rata-rata tiap perangkat daerah seperti pada Tabel 3.2 bukunya sendiri'
  );
}

function serapanHow(r: Rekap): string {
  return `serapan jumlah adalah jumlah realisasi dibagi jumlah pagu ${ofBooks(r.jumlah.dariRealisasi, r)} yang mempunyai lembar anggaran dan realisasi`;
}

/**
 * Every book on one line with the kabupaten's sums. In the workbook each line has its file and its
 * notes; the Word document, where a column of notes would squeeze the figures, lists the notes below.
 */
function rekapOpd(r: Rekap, dokumen: boolean): Table {
  const onSheet = <T>(...cells: T[]) => (dokumen ? [] : cells);
  const rows = r.buku.map((b, i) =>
    row([
      text(String(i + 1)),
      text(b.nama),
      ...onSheet(text(b.berkas)),
      text(b.tahun === null ? '-' : String(b.tahun)),
      money(figure(b.anggaran)),
      money(figure(b.realisasi)),
      pct(figure(b.serapan)),
      pct(figure(b.rataRataCapaian)),
      text(b.predikat ?? '-'),
      count(b.galat),
      count(b.peringatan),
      ...onSheet(text(notes(r, i, 'semua'))),
    ]),
  );
  const j = r.jumlah;
  const read = r.buku.filter((b) => b.kesalahan === null);
  const total = (key: 'galat' | 'peringatan') => read.reduce((n, b) => n + (b[key] ?? 0), 0);
  const totalNote = notRead(r) > 0 ? `${countText(notRead(r))} berkas tidak terbaca tidak ikut dijumlahkan.` : '';
  const last = rows.length;
  rows.push(
    row(
      [
        text('Jumlah kabupaten'),
        empty,
        ...onSheet(empty),
        text(r.tahun === null ? '-' : String(r.tahun)),
        money(j.anggaran),
        money(j.realisasi),
        pct(j.serapan),
        pct(j.rataRataCapaian),
        text(j.predikat ?? '-'),
        count(total('galat')),
        count(total('peringatan')),
        ...onSheet(text(totalNote)),
      ],
      { emphasis: 'bold', total: true },
    ),
  );
  const listed = r.buku.flatMap((b, i) => {
    const n = notes(r, i, 'semua');
    return n === '' ? [] : [{ text: `${i + 1}. ${bookName(b)}: ${n}`, style: 'body' as const }];
  });
  return table({
    ...titleOf('rekap-opd', r.tahun),
    header: [
      [
        'No',
        'Perangkat Daerah',
        ...onSheet('Berkas'),
        'Tahun',
        'Anggaran (Rp)',
        'Realisasi (Rp)',
        '% Serapan',
        'Rata-rata Capaian (%)',
        'Predikat',
        'Galat',
        'Peringatan',
        ...onSheet('Keterangan'),
      ],
    ],
    columns: [centre(5), left(26), ...onSheet(left(18)), centre(7), right(17), right(17), right(9), right(10), left(12), right(7), right(10), ...onSheet(left(40))],
    rows,
    merges: [{ row: last, col: 0, rows: 1, cols: dokumen ? 2 : 3 }],
    nameColumn: 1,
    source: `Sumber: buku kerja tiap perangkat daerah, masing-masing dihitung seperti hitungannya sendiri. Jumlah anggaran dari ${ofBooks(j.dariAnggaran, r)}; ${serapanHow(r)}; ${averagedHow(r)}.`,
    orientation: 'landscape',
    text: {
      before: [],
      after: dokumen && listed.length > 0 ? [{ text: 'Keterangan', style: 'heading' }, ...listed, ...(totalNote ? [{ text: totalNote, style: 'body' as const }] : [])] : [],
    },
  });
}

function rekapKinerja(r: Rekap): Table {
  const rows = r.buku.map((b, i) =>
    row([
      text(String(i + 1)),
      text(b.nama),
      count(b.kesalahan === null ? b.sasaran : null),
      count(b.kesalahan === null ? b.indikator : null),
      pct(figure(b.rataRataCapaian)),
      text(b.predikat ?? '-'),
      count(b.kesalahan === null ? b.galatKinerja : null),
      text(notes(r, i, 'kinerja')),
    ]),
  );
  const last = rows.length;
  rows.push(
    row([text(`Rata-rata capaian ${ofBooks(r.jumlah.dariCapaian, r)}`), empty, empty, empty, pct(r.jumlah.rataRataCapaian), text(r.jumlah.predikat ?? '-'), empty, empty], {
      emphasis: 'bold',
      total: true,
    }),
  );
  return table({
    ...titleOf('rekap-kinerja', r.tahun),
    header: [['No', 'Perangkat Daerah', 'Jumlah Sasaran', 'Jumlah Indikator', 'Rata-rata Capaian (%)', 'Predikat', 'Galat di Lembar Kinerja', 'Keterangan']],
    columns: [centre(5), left(34), right(9), right(10), right(11), left(13), right(10), left(50)],
    rows,
    merges: [{ row: last, col: 0, rows: 1, cols: 4 }],
    nameColumn: 1,
    source: `Sumber: lembar kinerja tiap perangkat daerah; ${averagedHow(r)}; predikat menurut rentang yang sama dengan buku perangkat daerah.`,
    orientation: 'landscape',
  });
}

function rekapAnggaran(r: Rekap): Table {
  const jenis = (f: BukuRekap['belanjaOperasi']) => [money(figure(f?.anggaran ?? null)), money(figure(f?.realisasi ?? null))];
  const rows = r.buku.map((b, i) =>
    row([text(String(i + 1)), text(b.nama), money(figure(b.anggaran)), money(figure(b.realisasi)), pct(figure(b.serapan)), ...jenis(b.belanjaOperasi), ...jenis(b.belanjaModal)]),
  );
  const j = r.jumlah;
  const last = rows.length;
  const sums = (f: typeof j.belanjaOperasi) => [money(f?.anggaran ?? null), money(f?.realisasi ?? null)];
  rows.push(
    row([text('JUMLAH'), empty, money(j.anggaran), money(j.realisasi), pct(j.serapan), ...sums(j.belanjaOperasi), ...sums(j.belanjaModal)], { emphasis: 'bold', total: true }),
  );
  const single = ['No', 'Perangkat Daerah', 'Pagu Anggaran (Rp)', 'Realisasi (Rp)', '% Serapan'];
  const jenisNote = [j.belanjaOperasi, j.belanjaModal].some((f) => f !== null)
    ? `; belanja operasi dan modal dari buku yang memuat baris rekening (${ofBooks(Math.max(j.belanjaOperasi?.dari ?? 0, j.belanjaModal?.dari ?? 0), r)})`
    : '; belanja operasi dan modal tidak diketahui: tidak ada buku yang memuat baris rekening';
  const down: Rect[] = single.map((_, col) => ({ row: 0, col, rows: 2, cols: 1 }));
  const doubtful = r.buku.filter((b) => b.keraguan.some((k) => k.bagian === 'anggaran')).map((b) => b.nama);
  const caveats = [
    doubtful.length > 0 ? `Angka anggaran ${doubtful.join(', ')} belum dapat dipercaya (lihat Keterangan ${RESULT_TABLES['rekap-opd'].caption}).` : null,
    notRead(r) > 0 ? `${countText(notRead(r))} berkas tidak terbaca tidak ikut dijumlahkan.` : null,
  ].filter((x) => x !== null);
  return table({
    ...titleOf('rekap-anggaran', r.tahun),
    header: [
      [...single, 'Belanja Operasi', '', 'Belanja Modal', ''],
      ['', '', '', '', '', 'Anggaran (Rp)', 'Realisasi (Rp)', 'Anggaran (Rp)', 'Realisasi (Rp)'],
    ],
    headerMerges: [...down, { row: 0, col: 5, rows: 1, cols: 2 }, { row: 0, col: 7, rows: 1, cols: 2 }],
    columns: [centre(5), left(34), right(17), right(17), right(9), right(16), right(16), right(16), right(16)],
    rows,
    merges: [{ row: last, col: 0, rows: 1, cols: 2 }],
    nameColumn: 1,
    source: [`Sumber: DPA dan laporan realisasi anggaran tiap perangkat daerah, diolah; ${serapanHow(r)}${jenisNote}.`, ...caveats].join(' '),
    orientation: 'landscape',
  });
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A galat's size for the order of the list: the absolute difference where it has one. */
const size = (g: BukuRekap['daftarGalat'][number]) => (g.selisih !== null && NUMBER.test(g.selisih) ? new Decimal(g.selisih).abs() : null);

/**
 * Books that could not be read first (nothing in them was checked), then the books by their number
 * of galat, most first; in each book the largest differences first, then the rest as found.
 */
function worstFirst(r: Rekap): number[] {
  const order = r.buku.map((_, i) => i);
  const weight = (b: BukuRekap) => (b.kesalahan !== null ? Infinity : (b.galat ?? 0));
  return order.filter((i) => weight(r.buku[i]) > 0).sort((a, b) => weight(r.buku[b]) - weight(r.buku[a]) || a - b);
}

function rekapGalat(r: Rekap, perBuku: number): Table {
  const rows: TableRow[] = [];
  const cell = (name: string, b: BukuRekap, cells: TableCell[]) => rows.push(row([text(String(rows.length + 1)), text(name), text(b.berkas), ...cells]));
  for (const i of worstFirst(r)) {
    const b = r.buku[i];
    if (b.kesalahan !== null) {
      cell(b.nama, b, [text('-'), empty, text('Berkas tidak terbaca'), empty, text(b.kesalahan)]);
      continue;
    }
    const sorted = b.daftarGalat
      .map((g, n) => ({ g, n, size: size(g) }))
      .sort((x, y) => (x.size && y.size ? y.size.comparedTo(x.size) : x.size ? -1 : y.size ? 1 : 0) || x.n - y.n);
    for (const { g } of sorted.slice(0, perBuku)) {
      const selisih: TableCell =
        g.selisih === null ? empty : NUMBER.test(g.selisih) ? (g.persen ? pct(new Decimal(g.selisih)) : money(new Decimal(g.selisih))) : text(quoted(g.selisih).slice(1, -1));
      cell(b.nama, b, [text(g.lembar ?? '-'), text(g.sel ?? ''), text(g.jenis), selisih, text(g.pesan)]);
    }
    if (sorted.length > perBuku) {
      cell(b.nama, b, [
        empty,
        empty,
        empty,
        empty,
        text(
          `… dan ${countText(sorted.length - perBuku)} galat lain di berkas ini (lihat lembar ${RESULT_SHEETS['rekap-galat']} di buku kerja rekap, atau HC Pemeriksaan di salinan hasil berkas ini).`,
        ),
      ]);
    }
  }
  const merges: Rect[] = [];
  if (rows.length === 0) {
    const read = r.buku.length - notRead(r);
    rows.push(row([text(`Tidak ada galat di ${bilangan(read)} buku yang terbaca.`), ...Array<TableCell>(7).fill(empty)]));
    merges.push({ row: 0, col: 0, rows: 1, cols: 8 });
  }
  return table({
    ...titleOf('rekap-galat', r.tahun),
    header: [['No', 'Perangkat Daerah', 'Berkas', 'Lembar', 'Sel', 'Jenis', 'Selisih', 'Pesan']],
    columns: [centre(6), left(24), left(18), left(16), centre(7), left(18), right(15), left(70)],
    rows,
    merges,
    nameColumn: 7,
    source:
      'Urutan: berkas yang tidak terbaca, lalu perangkat daerah dengan galat terbanyak; dalam satu berkas, selisih terbesar lebih dulu. ' +
      'Sel menunjuk lembar buku kerja perangkat daerah itu sendiri: buka berkasnya, lalu pergi ke sel itu (Ctrl+G).',
    orientation: 'landscape',
  });
}

/**
 * What the Word document leaves to the workbook: the file of each perangkat daerah in the first
 * table (a report names offices, not files), and a book's galat past the first `galatPerBuku`.
 */
export interface RekapTableOptions {
  dokumen?: { galatPerBuku: number };
}

export function rekapTables(r: Rekap, options: RekapTableOptions = {}): Table[] {
  return [rekapOpd(r, options.dokumen !== undefined), rekapKinerja(r), rekapAnggaran(r), rekapGalat(r, options.dokumen?.galatPerBuku ?? Infinity)];
}

export function rekapSheets(r: Rekap, options: RekapTableOptions = {}): ResultSheet[] {
  return resultSheets(rekapTables(r, options));
}

/** What stands before the recap's figures while they cannot all be used as they are; null when they can. */
export function rekapWarning(r: Rekap): string | null {
  const parts: string[] = [];
  const failed = notRead(r);
  if (failed > 0) parts.push(`${countText(failed)} berkas tidak terbaca dan tidak ikut dijumlahkan (lihat ${RESULT_SHEETS['rekap-galat']}).`);
  const doubtful = r.buku.filter((b) => b.keraguan.length > 0);
  if (doubtful.length > 0) parts.push(`Angka ${countText(doubtful.length)} perangkat daerah belum dapat dipercaya (${doubtful.map((b) => b.nama).join(', ')}): lihat Keterangan.`);
  const withGalat = r.buku.filter((b) => (b.galat ?? 0) > 0);
  if (withGalat.length > 0) {
    parts.push(
      `Buku ${countText(withGalat.length)} perangkat daerah masih memuat galat; angkanya dijumlahkan dari rincian terbawah, sehingga dapat berbeda dari yang tertulis. Minta perangkat daerah itu memperbaiki galatnya sebelum angka rekap dipakai.`,
    );
  }
  if (r.kembar.length > 0) parts.push('Ada buku yang angkanya sama dengan buku lain: lihat Keterangan.');
  return parts.length === 0 ? null : parts.join(' ');
}
