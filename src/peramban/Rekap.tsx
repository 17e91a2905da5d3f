import { Button, Caption1, Field, makeStyles, ProgressBar, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { Decimal, countText, persenText, rupiahText } from '../core/decimal';
import { BukuRekap } from '../core/rekap/book';
import { Rekap as RekapResult } from '../core/rekap/rekap';
import { averagedHow, rekapWarning } from '../core/rekap/tables';
import { downloadBlob } from '../taskpane/host';
import { useStyles as usePaneStyles } from '../taskpane/styles';
import { RekapDone, RekapProgress } from './rekap-host';
import { DraftBar, LiveRegion } from '../taskpane/Notice';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '6px', margin: 0, paddingLeft: 0, listStyleType: 'none' },
  book: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: '6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
  downloads: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** `dinkes.xlsx (Dinas Kesehatan) selesai; perkiraan sisa 20 detik`. */
export function progressText(p: RekapProgress): string {
  const b = p.buku;
  const what = b.kesalahan === null ? `${b.berkas} (${b.nama}) selesai` : `${b.berkas} tidak terbaca`;
  const left = p.sisa === null ? '' : `; perkiraan sisa ${p.sisa < 60 ? `${Math.max(1, Math.round(p.sisa))} detik` : `${Math.round(p.sisa / 60)} menit`}`;
  return `Buku ${p.selesai} dari ${p.dari}: ${what}${left}`;
}

const figure = (text: string | null) => (text === null ? null : new Decimal(text));

/** One book's line: its figures, or why it could not be read, and what its figures rest on. */
function BookLine({ book, no }: { book: BukuRekap; no: number }) {
  const styles = useStyles();
  const doubted = (bagian: 'anggaran' | 'kinerja') => (book.keraguan.some((k) => k.bagian === bagian) ? ' (belum dapat dipercaya)' : '');
  return (
    <li className={styles.book} data-testid="buku-rekap">
      <Text weight="semibold">
        {no}. {book.nama}
      </Text>
      <Caption1>{book.berkas}</Caption1>
      {book.kesalahan !== null ? (
        <Text>Tidak terbaca: {book.kesalahan}</Text>
      ) : (
        <>
          <Text>
            Serapan {persenText(figure(book.serapan))}
            {doubted('anggaran')} · rata-rata capaian {persenText(figure(book.rataRataCapaian))}
            {book.predikat ? ` (${book.predikat})` : ''}
            {doubted('kinerja')} · {countText(book.galat ?? 0)} galat, {countText(book.peringatan ?? 0)} peringatan
          </Text>
          {book.keraguan.map((k, i) => (
            <Caption1 key={i}>Belum dapat dipercaya: {k.pesan}</Caption1>
          ))}
          {book.galatKinerja > 0 && <Caption1>Rata-rata capaian bersandar pada lembar kinerja yang memuat {countText(book.galatKinerja)} galat.</Caption1>}
        </>
      )}
    </li>
  );
}

function Totals({ rekap }: { rekap: RekapResult }) {
  const pane = usePaneStyles();
  const j = rekap.jumlah;
  const read = rekap.buku.filter((b) => b.kesalahan === null).length;
  const galat = rekap.buku.reduce((n, b) => n + (b.galat ?? 0), 0);
  return (
    <>
      <Caption1 data-testid="rekap-buku">
        {countText(rekap.buku.length)} buku: {countText(read)} terbaca{read < rekap.buku.length ? `, ${countText(rekap.buku.length - read)} tidak terbaca` : ''}
        {rekap.tahun ? `; tahun ${rekap.tahun}` : ''}.
      </Caption1>
      <div className={pane.grid}>
        <Text>Jumlah anggaran</Text>
        <Text weight="semibold" data-testid="rekap-anggaran">
          {rupiahText(j.anggaran)}
        </Text>
        <Text>Jumlah realisasi</Text>
        <Text weight="semibold">{rupiahText(j.realisasi)}</Text>
        <Text>Serapan anggaran</Text>
        <Text weight="semibold" data-testid="rekap-serapan">
          {persenText(j.serapan)}
        </Text>
        <Text>Rata-rata capaian</Text>
        <Text weight="semibold" data-testid="rekap-rata-rata">
          {persenText(j.rataRataCapaian)}
          {j.predikat ? ` (${j.predikat})` : ''}
        </Text>
        <Text>Temuan</Text>
        <Text weight="semibold">{countText(galat)} galat</Text>
      </div>
      <Caption1>Serapan dari jumlah realisasi dibagi jumlah pagu; {averagedHow(rekap)}.</Caption1>
    </>
  );
}

/** A recap in the page: its progress, then the kabupaten's totals, the downloads, and every book's line. */
export function Rekap({ count, progress, done, onDocx }: { count: number; progress: RekapProgress | null; done: RekapDone | null; onDocx: () => void }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const warning = done && rekapWarning(done.rekap);
  return (
    <section className={pane.section} aria-labelledby="judul-rekap" aria-busy={done === null}>
      <Subtitle2 as="h2" id="judul-rekap">
        Rekap {countText(count)} buku
      </Subtitle2>
      {!done && (
        <Field validationMessage={progress ? progressText(progress) : 'Membaca buku…'} validationState="none">
          <ProgressBar aria-label="Kemajuan rekap" value={progress ? progress.selesai / progress.dari : undefined} />
        </Field>
      )}
      {done && (
        <>
          <Totals rekap={done.rekap} />
          <DraftBar title="Rekap ini masih draf." warning={warning} />
          <div className={styles.downloads}>
            {done.files.map((f) => (
              <Button key={f.name} appearance={f.name.endsWith('.xlsx') ? 'primary' : 'secondary'} onClick={() => downloadBlob(f.name, f.data)}>
                {f.label}
              </Button>
            ))}
            <Button onClick={onDocx}>Unduh rekap (.docx)</Button>
          </div>
          <ol className={styles.list} aria-label="Buku yang direkap">
            {done.rekap.buku.map((b, i) => (
              <BookLine key={i} book={b} no={i + 1} />
            ))}
          </ol>
        </>
      )}
      <LiveRegion text={done ? 'Rekap selesai; hasilnya siap diunduh.' : progress ? progressText(progress) : ''} />
    </section>
  );
}
