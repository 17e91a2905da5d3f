import { Button, Caption1, Link, Subtitle2, Text } from '@fluentui/react-components';
import { countText, persenText, rupiahText } from '../core/decimal';
import { countByTingkat } from '../core/findings';
import { PaneRun, ResultCopy } from './host';
import { BusyProgress, Catatan, DraftBar, NoticeBar } from './Notice';
import { useStyles } from './styles';
import { Actions } from './use-actions';
import { DOCX_LABEL, quotedList } from './words';

/**
 * The run at a glance: when, which sheets were written, the totals, the galat count that opens
 * HC Pemeriksaan (`onOpen`, where there is a workbook to open it in), and while the sheets hold
 * galat, that the figures are a draft (the .docx opens with the same words). Where the results went
 * into a copy of the file, every download side by side: the copy, the tables as .docx, the JSON.
 */
export function Summary({
  run,
  actions,
  onOpen,
  onDownload,
  onDocx,
}: {
  run: PaneRun;
  actions: Actions;
  onOpen?: (sheet: string) => void;
  onDownload: (file: ResultCopy['files'][number]) => void;
  onDocx: () => void;
}) {
  const styles = useStyles();
  const a = run.result.anggaran;
  const k = run.result.kinerja;
  const { galat, peringatan } = countByTingkat(run.result.temuan);
  const pemeriksaan = run.written.find((w) => w.tabel === 'pemeriksaan')?.nama;
  const time = run.time.toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit' });
  const warning = run.draftWarning;
  // A figure read from a doubtful sheet is not presented as final; the draft warning says why.
  const doubted = (bagian: 'anggaran' | 'kinerja') => (run.result.keraguan.some((d) => d.bagian === bagian) ? ' (belum dapat dipercaya)' : '');
  return (
    <section className={styles.section} aria-labelledby="judul-ringkasan">
      <Subtitle2 as="h2" id="judul-ringkasan">
        Ringkasan
      </Subtitle2>
      <Catatan items={run.catatan} />
      <Caption1 data-testid="waktu">
        Dihitung pukul {time}; hasil ditulis ke {run.written.length} lembar{run.copy ? ' di salinan buku kerja' : ''}: {quotedList(run.written.map((w) => w.nama))}.
      </Caption1>
      {run.kept.length > 0 && <Caption1>Lembar {quotedList(run.kept)} dibiarkan sebagai lembar Anda dan tidak diganti.</Caption1>}
      <div className={styles.grid} data-testid="ringkasan">
        <Text>Anggaran</Text>
        <Text weight="semibold" data-testid="anggaran">
          {rupiahText(a?.anggaran)}
        </Text>
        <Text>Realisasi</Text>
        <Text weight="semibold">{rupiahText(a?.realisasi)}</Text>
        <Text>Serapan anggaran</Text>
        <Text weight="semibold" data-testid="serapan">
          {persenText(a?.serapan)}
          {doubted('anggaran')}
        </Text>
        <Text>Rata-rata capaian</Text>
        <Text weight="semibold" data-testid="rata-rata">
          {persenText(k?.rataRataCapaian)}
          {doubted('kinerja')}
        </Text>
        <Text>Temuan</Text>
        <Text weight="semibold" data-testid="jumlah-temuan">
          {galat > 0 && pemeriksaan && onOpen ? (
            <Link as="button" onClick={() => onOpen(pemeriksaan)} aria-label={`${countText(galat)} galat, buka lembar ${pemeriksaan}`}>
              {countText(galat)} galat
            </Link>
          ) : (
            `${countText(galat)} galat`
          )}
          , {countText(peringatan)} peringatan
        </Text>
      </div>
      <DraftBar title="Hasil ini masih draf." warning={warning} />
      {run.result.catatan.map((c) => (
        <Caption1 key={c} block>
          {c}
        </Caption1>
      ))}
      <NoticeBar notice={actions.notices.ringkasan} />
      {run.copy && (
        <>
          <div className={styles.row}>
            {[...run.copy.files.slice(0, 1), 'docx' as const, ...run.copy.files.slice(1)].map((file, i) => (
              <Button
                key={file === 'docx' ? file : file.name}
                appearance={i === 0 ? 'primary' : 'secondary'}
                onClick={() => (file === 'docx' ? onDocx() : onDownload(file))}
                disabledFocusable={actions.busy !== null}
              >
                {file === 'docx' ? DOCX_LABEL : file.label}
              </Button>
            ))}
          </div>
          {pemeriksaan && <Caption1>Daftar temuan ikut di lembar “{pemeriksaan}” buku kerja yang diunduh.</Caption1>}
          <BusyProgress actions={actions} place="unduh" label="Kemajuan menyiapkan unduhan" />
          <NoticeBar notice={actions.notices.unduh} />
        </>
      )}
    </section>
  );
}
