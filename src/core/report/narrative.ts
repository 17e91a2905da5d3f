/**
 * Chapter III's text in the report's own voice (issues 14, 22), from the computed result only:
 * every figure is one the engine computed; where the report needs a cause, an obstacle or a
 * follow-up, a marked placeholder `[isi: …]` is left for the writer; a figure drawn from a cell the
 * findings call likely wrong is marked `[periksa: …]` and never explained. The text speaks of the
 * organisation's work, never of sheets or of this tool: those belong to the draft note. The rules
 * by which the figures were computed stand once, in the tables.
 */
import { BudgetItem, JenisBelanja } from '../compute/budget';
import { EngineResult } from '../compute/engine';
import { IndikatorResult, Perbandingan, SasaranResult } from '../compute/kinerja';
import { Decimal, formatIndonesian, persenKalimat, rupiahText } from '../decimal';
import { countByTingkat } from '../findings';
import { KinerjaValue } from '../read/kinerja-sheet';
import { Settings } from '../settings';
import { tableRef } from '../result-sheets';

export interface Narasi {
  /** One bullet per sasaran, for the executive summary. */
  ringkasan: string[];
  /** After Tabel 3.2: the average over all indikator, and the rules used, each stated once. */
  pengukuran: string[];
  /** After Tabel 3.2, per sasaran: each indikator against its target, earlier years and the Renstra. */
  sasaran: { nama: string; paragraf: string[] }[];
  /** After Tabel 3.7: the rule, then one sentence per sasaran in the seed's form. */
  efisiensi: string[];
  /** Before Tabel 3.9: pagu, realisasi and serapan, the highest and lowest program, belanja per jenis. */
  anggaran: string[];
}

/** A marked gap for the writer: the narrative never states a cause. */
const isi = (what: string) => `[isi: ${what}]`;
/** A figure the writer must check before it stands in the report. */
const periksa = (what: string) => `[periksa: ${what}]`;
/** Every placeholder the narrative leaves: each copy of the text shows them highlighted. */
export const PLACEHOLDER = /\[(?:isi|periksa): [^\]]*\]/g;

// Numbers

/** A number of the kinerja sheet in Indonesian notation, with the decimals it has. */
const angka = (d: Decimal) => formatIndonesian(d, d.decimalPlaces());

const SATUAN = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** A count in words, as a report writes small numbers: `enam`, `tujuh belas`, `seratus dua`. */
export function bilangan(n: number): string {
  if (n < 12) return n === 0 ? 'nol' : SATUAN[n];
  if (n < 20) return `${SATUAN[n - 10]} belas`;
  if (n < 100) return `${SATUAN[Math.floor(n / 10)]} puluh${n % 10 ? ` ${SATUAN[n % 10]}` : ''}`;
  const big = (unit: number, word: string, one: string) => {
    const head = Math.floor(n / unit);
    const rest = n % unit;
    return `${head === 1 ? one : `${bilangan(head)} ${word}`}${rest ? ` ${bilangan(rest)}` : ''}`;
  };
  if (n < 1000) return big(100, 'ratus', 'seratus');
  if (n < 1_000_000) return big(1000, 'ribu', 'seribu');
  return formatIndonesian(new Decimal(n), 0);
}

/** All of `n` things, as Indonesian counts them: `kedua`, `ketiga`, … `kesebelas`, then `seluruh dua belas`. */
export function semua(n: number): string {
  return n >= 2 && n <= 11 ? `ke${bilangan(n)}` : `seluruh ${bilangan(n)}`;
}

/** How many of `n` indikator reach their target, in words: `kedua indikator`, `belum ada indikator yang`, `satu dari tiga indikator`. */
function tercapaiDari(tercapai: number, n: number): string {
  if (tercapai === 0) return 'belum ada indikator yang mencapai target';
  if (tercapai === n) return `${semua(n)} indikator mencapai target`;
  return `${bilangan(tercapai)} dari ${bilangan(n)} indikator mencapai target`;
}

/** `a`, `a dan b`, `a, b, dan c`. */
function daftar(items: string[]): string {
  if (items.length <= 2) return items.join(' dan ');
  return `${items.slice(0, -1).join(', ')}, dan ${items[items.length - 1]}`;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A name inside a sentence: without the full stop some sheets end it with. */
const bare = (nama: string) => nama.trim().replace(/\.+$/, '');

/**
 * A target or realisasi as the sentence shows it: `90`, `83,57`, `100%`, `4 Dok`, `A (80,60)`,
 * `3 - 5 hari`, `minimal 90%`, `WTP`; a figure without a unit of its own takes the indikator's satuan
 * where that is a unit (`hari`), not a kind of figure (`Indeks`).
 */
export function nilai(v: KinerjaValue, satuan = ''): string {
  const unit = v.persen ? '%' : unitOf(v) || (KIND_OF_FIGURE.test(satuan) ? '' : satuan);
  // A range reads as written, as the tables show it, with the indikator's unit where it has none.
  if (v.rentang) return /\d$/.test(v.teks.trim()) ? `${v.teks.trim()}${spaced(unit)}` : v.teks.trim();
  if (v.nilai === null || v.dariHuruf || v.huruf) return v.teks;
  const figure = `${angka(v.nilai)}${spaced(unit)}`;
  return v.pembanding ? `${v.pembanding === 'naik' ? 'minimal' : 'maksimal'} ${figure}` : figure;
}

const KIND_OF_FIGURE = /^(%|persen|persentase|indeks|nilai|skor|poin|angka|predikat|opini|kategori|rasio)$/i;

const spaced = (unit: string) => (unit === '' || unit === '%' ? unit : ` ${unit}`);

/** The unit written after the figure in a text value (`4 Dok` → `Dok`). */
function unitOf(v: KinerjaValue): string {
  if (v.huruf) return '';
  const m = /\d\s*([A-Za-z][A-Za-z./ ]*)$/.exec(v.teks.trim());
  return m ? m[1].trim() : '';
}

// Naming

const sasaranLabel = (s: SasaranResult) => `Sasaran ${s.nomor}`;

const LEVEL_WORD: Partial<Record<BudgetItem['level'], string>> = { program: 'Program', kegiatan: 'Kegiatan', subKegiatan: 'Sub Kegiatan' };

/** `Kegiatan Administrasi …`, as the seed names rows; names that already say their level are kept. */
export function labelled(item: BudgetItem): string {
  const word = LEVEL_WORD[item.level];
  if (!word || item.nama.toLowerCase().startsWith(word.toLowerCase())) return item.nama;
  return `${word} ${item.nama}`;
}

const SMALL_WORDS = new Set(['dan', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada', 'dengan', 'serta', 'atau', 'dalam', 'oleh', 'bagi', 'tentang', 'beserta']);

/** A name written in capitals, as it reads in a sentence: `PROGRAM PENUNJANG URUSAN` → `Program Penunjang Urusan`. */
export function inProse(name: string): string {
  if (/[a-z]/.test(name)) return name;
  return name.toLowerCase().replace(/[a-z]+/g, (w, at: number) => (at > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)));
}

export const JENIS_NAME: Record<JenisBelanja, string> = {
  operasi: 'Belanja Operasi',
  modal: 'Belanja Modal',
  tidakTerduga: 'Belanja Tidak Terduga',
  transfer: 'Belanja Transfer',
};

// Sentences

/** Said of the capaian as shown (two decimals): 99,996 shows as 100% and is read as reached. */
const tercapaiKata = (capaian: Decimal) => {
  const c = capaian.toDecimalPlaces(2);
  return c.gt(100) ? 'target terlampaui' : c.eq(100) ? 'target tercapai' : 'target belum tercapai';
};

function indikatorSentence(result: EngineResult, ind: IndikatorResult): string {
  const tahun = result.tahun === null ? '' : ` tahun ${result.tahun}`;
  if (!ind.realisasi) return `Realisasi indikator ${ind.nama}${tahun} belum tersedia, sehingga capaiannya belum dapat dihitung.`;
  const against = ind.target
    ? `dengan target ${nilai(ind.target, ind.satuan)} dan realisasi ${nilai(ind.realisasi, ind.satuan)}`
    : `dengan realisasi ${nilai(ind.realisasi, ind.satuan)}`;
  if (ind.capaian === null) {
    const why = !ind.target ? 'targetnya belum tercantum' : ind.target.nilai?.isZero() ? 'targetnya bernilai 0' : 'target dan realisasinya tidak dapat dibandingkan';
    return `Capaian indikator ${ind.nama}, ${against}, belum dapat dihitung ${periksa(`${why}; isi capaiannya bila ada`)}.`;
  }
  return `Indikator ${ind.nama}, ${against}, memperoleh capaian ${persenKalimat(ind.capaian)} dengan predikat ${ind.predikat}; ${tercapaiKata(ind.capaian)}.`;
}

/** `poin` for percentages, indices and scores; the unit itself for counts (`4 Dok` → `Dok`, `hari`). */
function stepUnit(ind: IndikatorResult): string {
  const unit = (ind.realisasi ? unitOf(ind.realisasi) : '') || ind.satuan;
  return ind.realisasi?.persen || unit === '' || KIND_OF_FIGURE.test(unit) ? 'poin' : unit;
}

function comparison(ind: IndikatorResult, p: Perbandingan): string {
  const then = nilai(p.realisasi, ind.satuan);
  if (p.perubahan === 'tetap') return `tetap ${then} seperti tahun ${p.tahun}`;
  if (p.selisih === null) return `${p.perubahan} dari ${then} pada tahun ${p.tahun}`;
  return `${p.perubahan} ${angka(p.selisih.abs())} ${stepUnit(ind)} dari ${then} pada tahun ${p.tahun}`;
}

function yearsSentence(result: EngineResult, ind: IndikatorResult): string | null {
  const [latest, ...rest] = ind.perbandingan;
  if (!latest) return null;
  const earliest = rest[rest.length - 1];
  const parts = [comparison(ind, latest), ...(earliest ? [comparison(ind, earliest)] : [])];
  const tahun = result.tahun === null ? 'tahun ini' : `tahun ${result.tahun}`;
  return `Berdasarkan ${tableRef('perbandingan-tahun')}, realisasi ${ind.nama} ${tahun} ${daftar(parts)}.`;
}

function renstraSentence(ind: IndikatorResult): string | null {
  if (!ind.targetRenstra || ind.capaianRenstra === null) return null;
  const done = ind.capaianRenstra.gte(100) ? ', sehingga target akhir Renstra telah tercapai' : '';
  return `Dibandingkan target akhir Renstra ${nilai(ind.targetRenstra, ind.satuan)}, realisasi ini mencapai ${persenKalimat(ind.capaianRenstra)}${done}.`;
}

function sasaranParagraphs(result: EngineResult, s: SasaranResult): string[] {
  const first = s.indikator.length === 1 ? 'Sasaran ini diukur dengan satu indikator.' : `Sasaran ini diukur dengan ${bilangan(s.indikator.length)} indikator.`;
  const paragraphs = [
    [first, ...s.indikator.flatMap((ind) => [indikatorSentence(result, ind), yearsSentence(result, ind), renstraSentence(ind)].filter((x): x is string => x !== null))].join(' '),
  ];
  if (s.indikator.length > 1 && s.capaian !== null) paragraphs.push(`Rata-rata capaian sasaran ini ${persenKalimat(s.capaian)} dengan predikat ${s.predikat}.`);
  paragraphs.push(`Dasar perhitungan realisasi: ${isi('sumber data dan cara menghitung realisasi tiap indikator')}.`);
  const withCapaian = s.indikator.filter((i) => i.capaian !== null);
  if (withCapaian.length === 0) paragraphs.push(`Capaian belum dapat dinilai karena ${isi('alasan realisasi belum tersedia')}.`);
  else if (s.tercapai === withCapaian.length) paragraphs.push(`Keberhasilan ini didukung oleh ${isi('faktor penyebab keberhasilan')}.`);
  else
    paragraphs.push(
      `Target belum tercapai karena ${isi('penyebab belum tercapainya target dan kendala yang dihadapi')}; upaya yang akan dilakukan: ${isi('rencana tindak lanjut')}.`,
    );
  return paragraphs;
}

function ringkasanBullet(s: SasaranResult): string {
  const head = `${sasaranLabel(s)}: ${bare(s.nama)} diukur dengan ${bilangan(s.indikator.length)} indikator kinerja`;
  if (s.capaian === null) return `${head}; capaiannya belum dapat dihitung.`;
  const measured = s.indikator.filter((i) => i.capaian !== null && i.target && i.realisasi);
  const capaian = s.indikator.length === 1 ? `capaian ${persenKalimat(s.capaian)}` : `rata-rata capaian ${persenKalimat(s.capaian)}`;
  const against = measured.map((i) => `${s.indikator.length === 1 ? '' : `${i.nama} `}${nilai(i.realisasi!, i.satuan)} dari target ${nilai(i.target!, i.satuan)}`);
  const detail = s.indikator.length === 1 ? `realisasinya ${against[0]}` : `${tercapaiDari(s.tercapai, s.indikator.length)} (realisasi ${against.join('; ')})`;
  return `${head} dan mencapai predikat ${s.predikat} dengan ${capaian}; ${detail}.`;
}

function pengukuran(result: EngineResult): string[] {
  const k = result.kinerja!;
  if (k.rataRataCapaian === null) return ['Capaian kinerja belum dapat dihitung karena realisasi indikatornya belum tersedia.'];
  const n = k.dihitung;
  const tahun = result.tahun === null ? '' : ` tahun ${result.tahun}`;
  const reached =
    n === 1
      ? k.tercapai === 1
        ? 'Indikator ini mencapai atau melampaui targetnya.'
        : 'Indikator ini belum mencapai targetnya.'
      : k.tercapai === n
        ? `${capitalised(semua(n))} indikator mencapai atau melampaui targetnya.`
        : k.tercapai === 0
          ? 'Belum ada indikator yang mencapai targetnya.'
          : `${capitalised(bilangan(k.tercapai))} dari ${bilangan(n)} indikator mencapai atau melampaui targetnya; ${bilangan(n - k.tercapai)} indikator belum mencapainya.`;
  const average = n === 1 ? `capaian satu-satunya indikator kinerja sasaran${tahun} adalah` : `rata-rata capaian ${bilangan(n)} indikator kinerja sasaran${tahun} adalah`;
  const out = [`${tableRef('pengukuran-kinerja')} menunjukkan bahwa ${average} ${persenKalimat(k.rataRataCapaian)} dengan predikat ${k.predikat}. ${reached}`];
  const cap = result.pengaturan.batasCapaian;
  const over = k.sasaran.flatMap((s) => s.indikator).filter((i) => cap !== null && i.capaian !== null && i.capaian.gt(cap));
  if (cap !== null && over.length > 0) {
    const which = daftar(over.map((i) => `${i.nama} (${persenKalimat(i.capaian!)})`));
    out.push(`Dalam rata-rata itu, capaian ${which} dihitung ${persenKalimat(new Decimal(cap))}.`);
  }
  return out;
}

// Figures drawn from a cell the findings call likely wrong

/**
 * The cells the findings call likely wrong where the figures rest on them, each standing for its
 * finding's first such cell: the narrative marks a figure drawn from them (`[periksa: …]`) and
 * never asks the writer to explain it.
 */
class Doubts {
  private readonly cells = new Map<string, string>();

  constructor(result: EngineResult) {
    for (const f of result.temuan) {
      const [first] = f.dugaan ?? [];
      for (const c of f.dugaan ?? []) this.cells.set(`${c.lembar}!${c.sel}`, `${first.lembar}!${first.sel}`);
    }
  }

  /** The doubtful cells under these items (their own amounts and every row below them), as a mark after their figure; '' when none. */
  mark(items: readonly BudgetItem[]): string {
    if (this.cells.size === 0) return '';
    const found = new Set<string>();
    const visit = (item: BudgetItem) => {
      for (const col of ['anggaran', 'realisasi'] as const) {
        const cell = item.row.amountOf(col);
        const first = cell && this.cells.get(`${cell.lembar}!${cell.sel}`);
        if (first) found.add(first);
      }
      item.children.forEach(visit);
    };
    items.forEach(visit);
    return found.size === 0 ? '' : ` ${periksa(`${daftar([...found].slice(0, 3))} kemungkinan salah`)}`;
  }
}

function efisiensiSentence(s: SasaranResult, settings: Settings, doubt: string): string {
  const c = `% capaian kinerja (${persenKalimat(s.capaian!)})`;
  const r = `% serapan anggaran (${persenKalimat(s.serapan!)}${doubt})`;
  let why: string;
  if (settings.efisiensi === 'sederhana') {
    why = s.capaian!.gt(s.serapan!) ? `${c} lebih besar daripada ${r}` : s.capaian!.eq(s.serapan!) ? `${c} sama dengan ${r}` : `${c} lebih kecil daripada ${r}`;
  } else {
    const ambang = `${angka(new Decimal(settings.ambangEfisiensi))} poin`;
    why =
      s.efisiensi === 'Efisien'
        ? `${c} lebih dari ${ambang} di atas ${r}`
        : s.efisiensi === 'Tidak efisien'
          ? `${c} lebih dari ${ambang} di bawah ${r}`
          : `selisih ${c} dan ${r} tidak lebih dari ${ambang}`;
  }
  return `Capaian kinerja ${sasaranLabel(s)}: ${bare(s.nama)} dapat dikategorikan ${s.efisiensi!.toLowerCase()} karena ${why}.`;
}

function efisiensi(result: EngineResult, doubts: Doubts): string[] {
  const k = result.kinerja!;
  const a = result.anggaran;
  if (!a) return [];
  const settings = result.pengaturan;
  const banyak = a.banyak;
  const units = [
    banyak.program > 0 ? `${bilangan(banyak.program)} program` : null,
    banyak.kegiatan > 0 ? `${bilangan(banyak.kegiatan)} kegiatan` : null,
    banyak.subKegiatan > 0 ? `${bilangan(banyak.subKegiatan)} sub kegiatan` : null,
  ].filter((x): x is string => x !== null);
  const rule =
    settings.efisiensi === 'sederhana'
      ? 'Sebuah sasaran dikategorikan efisien bila % capaian kinerjanya sama dengan atau lebih besar daripada % serapan anggaran program pendukungnya.'
      : `Sebuah sasaran dikategorikan efisien bila % capaian kinerjanya lebih dari ${angka(new Decimal(settings.ambangEfisiensi))} poin di atas % serapan anggaran program pendukungnya, cukup efisien bila selisih keduanya tidak lebih dari ${angka(new Decimal(settings.ambangEfisiensi))} poin, dan tidak efisien bila lebih dari itu di bawahnya.`;
  const intro = `Dengan anggaran sebesar ${rupiahText(a.anggaran)}${doubts.mark(a.items)}${units.length > 0 ? ` untuk melaksanakan ${daftar(units)}` : ''}, efisiensi penggunaan sumber daya tiap sasaran disajikan pada ${tableRef('efisiensi')}. ${rule}`;
  const assessed = k.sasaran.filter((s) => s.efisiensi !== null).map((s) => ({ s, doubt: doubts.mark(s.pendukung) }));
  const out = [intro, ...assessed.map(({ s, doubt }) => efisiensiSentence(s, settings, doubt))];
  const unlinked = k.sasaran.filter((s) => s.pendukung.length === 0).map((s) => sasaranLabel(s));
  if (unlinked.length > 0) out.push(`Efisiensi ${daftar(unlinked)} belum dinilai ${periksa('program pendukungnya belum disebutkan; sebutkan bila ada, lalu hitung ulang')}.`);
  const uncomputed = k.sasaran.filter((s) => s.pendukung.length > 0 && s.efisiensi === null).map((s) => sasaranLabel(s));
  if (uncomputed.length > 0) out.push(`Efisiensi ${daftar(uncomputed)} belum dapat dinilai karena capaian kinerja atau serapan anggarannya belum dapat dihitung.`);
  // A category resting on a doubtful serapan is not explained: it may not stand once the cell is put right.
  const inefficient = assessed.filter(({ s, doubt }) => s.efisiensi === 'Tidak efisien' && doubt === '').map(({ s }) => sasaranLabel(s));
  if (inefficient.length > 0) out.push(`Ketidakefisienan pada ${daftar(inefficient)} disebabkan oleh ${isi('penyebab serapan anggaran lebih tinggi daripada capaian kinerja')}.`);
  return out;
}

function anggaran(result: EngineResult, doubts: Doubts): string[] {
  const a = result.anggaran!;
  const tahun = result.tahun === null ? 'Pada tahun anggaran ini' : `Pada tahun anggaran ${result.tahun}`;
  const whole = doubts.mark(a.items);
  const out = [`${tahun}, pelaksanaan program dan kegiatan didukung anggaran sebesar ${rupiahText(a.anggaran)}${whole} yang bersumber dari ${isi('sumber dana')}.`];
  const belanjaTahun = `Realisasi belanja${result.tahun === null ? '' : ` tahun ${result.tahun}`}`;
  if (a.realisasi === null || a.serapan === null) {
    out.push(`${belanjaTahun} sebesar ${isi('realisasi belanja')} atau ${isi('persentase realisasi')} dari pagu anggaran.`);
    return out;
  }
  out.push(`${belanjaTahun} sebesar ${rupiahText(a.realisasi)} atau ${persenKalimat(a.serapan)}${whole} dari pagu anggaran.`);
  const ext = a.serapanProgram;
  if (ext) {
    const named = (items: BudgetItem[]) => `${daftar(items.map((p) => inProse(labelled(p))))} (${persenKalimat(items[0].serapan!)}${doubts.mark(items)})`;
    // A serapan above 100 is realisasi beyond the pagu: a thing to explain, not the best result, unless it rests on a doubtful cell.
    const over = ext.tertinggi[0].serapan!.gt(100) && doubts.mark(ext.tertinggi) === '';
    out.push(
      over
        ? `Realisasi ${named(ext.tertinggi)} melebihi pagu anggarannya karena ${isi('penjelasan realisasi yang melebihi pagu')}; serapan terendah terdapat pada ${named(ext.terendah)}.`
        : `Serapan tertinggi terdapat pada ${named(ext.tertinggi)}, dan terendah pada ${named(ext.terendah)}.`,
    );
  }
  const belanja = a.belanja;
  if (belanja) {
    const parts = belanja.jenis.map(
      (b) =>
        `${JENIS_NAME[b.jenis]} sebesar ${rupiahText(b.anggaran)}${b.porsi === null ? '' : ` (${persenKalimat(b.porsi)} dari total anggaran)`}` +
        (b.realisasi === null ? '' : ` terealisasi ${rupiahText(b.realisasi)}${b.serapan === null ? '' : ` (${persenKalimat(b.serapan)})`}`),
    );
    out.push(`Menurut jenisnya, ${daftar(parts)}${whole}.`);
  }
  if (a.serapan.lt(100) && whole === '') out.push(`Anggaran yang tidak terserap disebabkan oleh ${isi('penyebab sisa anggaran')}.`);
  return out;
}

/**
 * Why the figures are a draft while the sheets still hold galat: they are summed from the lowest
 * rows, which a galat may make differ from what the sheets say; null when none. The pane shows it
 * in its summary, the .docx opens with it as a note to delete.
 */
export function draftWarning(result: Pick<EngineResult, 'temuan' | 'keraguan'>): string | null {
  const { galat } = countByTingkat(result.temuan);
  const parts: string[] = [];
  if (result.keraguan.length > 0) {
    parts.push(`Sebagian angka belum dapat dipercaya: ${result.keraguan.map((k) => k.pesan).join(' ')} Periksa kolom yang dibaca, lalu hitung ulang.`);
  }
  if (galat > 0) {
    parts.push(
      `Lembar sumber masih memuat ${bilangan(galat)} galat (lihat lembar HC Pemeriksaan). ` +
        'Angka di sini dijumlahkan dari rincian terbawah, sehingga dapat berbeda dari yang tertulis; perbaiki galatnya, lalu hitung ulang sebelum menyalin ke laporan.',
    );
  }
  return parts.length === 0 ? null : parts.join(' ');
}

/** The narrative of chapter III, from the computed result. */
export function buildNarasi(result: EngineResult): Narasi {
  const k = result.kinerja;
  const withSasaran = k !== null && k.sasaran.length > 0;
  const doubts = new Doubts(result);
  return {
    ringkasan: withSasaran ? k.sasaran.map((s) => ringkasanBullet(s)) : [],
    pengukuran: withSasaran ? pengukuran(result) : [],
    sasaran: withSasaran ? k.sasaran.map((s) => ({ nama: s.nama, paragraf: sasaranParagraphs(result, s) })) : [],
    efisiensi: withSasaran ? efisiensi(result, doubts) : [],
    anggaran: result.anggaran ? anggaran(result, doubts) : [],
  };
}
