import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Divider,
  Dropdown,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { buildDocx } from '../adapters/docx/build-docx';
import { ExcelRun, hitungInExcel, readStart, requirementProblem, selectCell, selectTable, showSheet } from '../adapters/office/hitung-excel';
import { formatPersen, formatRupiah } from '../core/decimal';
import { InputError } from '../core/errors';
import { Finding, Jenis } from '../core/findings';
import { RESULT_SHEETS } from '../core/result-sheets';
import { DEFAULT_PREDIKAT, Settings } from '../core/settings';
import { narasiToHtml, tableToHtml } from '../core/report/table-html';
import { Table } from '../core/report/table';
import { copyHtml } from './clipboard';
import { ExcelHost } from './host';
import { Packer } from 'docx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', fontFamily: tokens.fontFamilyBase },
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  grid: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: '8px', rowGap: '2px' },
  finding: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: '6px' },
  small: { width: '72px' },
  tableRow: { display: 'flex', flexDirection: 'column', gap: '4px', paddingBottom: '8px' },
});

const ROLES = [
  { key: 'dpa', label: 'Lembar DPA (anggaran)' },
  { key: 'realisasi', label: 'Lembar realisasi anggaran' },
  { key: 'kinerja', label: 'Lembar kinerja' },
] as const;

const AUTO = '(dikenali otomatis)';

const JENIS_LABEL: Record<Jenis, string> = {
  jumlah: 'Jumlah tidak cocok',
  'antar-lembar': 'Beda antar-lembar',
  melebihi: 'Realisasi melebihi anggaran',
  persen: 'Persentase salah',
  'tidak-ditemukan': 'Tidak ditemukan',
  duplikat: 'Duplikat',
  nilai: 'Nilai tidak terbaca',
  pencocokan: 'Pencocokan nama (mohon periksa)',
  'data-kosong': 'Data kosong',
};

const message = (e: unknown) => (e instanceof InputError ? e.message : `Terjadi kesalahan: ${(e as Error).message ?? String(e)}. Lembar Anda tidak diubah.`);

export function App({ host }: { host: ExcelHost }) {
  const styles = useStyles();
  const problem = useMemo(() => requirementProblem(host.isSetSupported), [host]);
  const [sheetNames, setSheetNames] = useState<string[]>([]);
  const [settings, setSettings] = useState<Partial<Settings>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<ExcelRun | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (problem) return;
    host
      .run(readStart)
      .then((start) => {
        setSheetNames(start.sheetNames);
        if (start.saved) setSettings(start.saved);
      })
      .catch((e) => setError(message(e)));
  }, [host, problem]);

  const hitung = async () => {
    setError(null);
    setNotice(null);
    setBusy('Memulai…');
    try {
      const r = await host.run((context) => hitungInExcel(context, settings, host, (m) => setBusy(m)));
      setRun(r);
      setSheetNames(r.sheetNames);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  };

  const guard = (f: () => Promise<void>) => () => f().catch((e) => setError(message(e)));

  if (problem) {
    return (
      <div className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Excel perlu diperbarui</MessageBarTitle>
            {problem}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  return (
    <main className={styles.root} aria-busy={busy !== null}>
      <Text as="h1" size={500} weight="semibold">
        Hitung Capaian
      </Text>
      <Caption1>Menghitung capaian kinerja, serapan anggaran dan efisiensi dari lembar Anda. Lembar Anda tidak diubah; hasil ditulis ke lembar “HC …”.</Caption1>

      <SheetChoice sheetNames={sheetNames} settings={settings} onChange={setSettings} run={run} />
      <SettingsForm settings={settings} onChange={setSettings} />

      <Button appearance="primary" size="large" onClick={hitung} disabled={busy !== null}>
        Hitung Capaian
      </Button>
      {busy !== null && (
        <Field validationMessage={busy} validationState="none">
          <ProgressBar aria-label="Kemajuan perhitungan" />
        </Field>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {run && (
        <>
          <Summary run={run} />
          <Findings temuan={run.result.temuan} onSelect={(lembar, sel) => guard(() => host.run((c) => selectCell(c, lembar, sel)).then(setNotice))()} />
          <Tables
            tables={run.tables}
            onShow={(t) => guard(() => host.run((c) => showSheet(c, RESULT_SHEETS[t.id])))()}
            onSelect={(t) =>
              host
                .run((c) => selectTable(c, t.id, run.layouts))
                .then(
                  () => setNotice(`Tabel terpilih. Klik sekali tab lembar “${RESULT_SHEETS[t.id]}” di bawah, lalu tekan ${host.onMac ? '⌘C' : 'Ctrl+C'} dan tempel di Word.`),
                  (e) => setError(message(e)),
                )
            }
            onCopy={(t) =>
              copyHtml(t.id === 'narasi' ? narasiToHtml(run.tables) : tableToHtml(t)).then((copied) =>
                copied
                  ? setNotice(`“${t.caption}” tersalin: tempel di Word dengan ${host.onMac ? '⌘V' : 'Ctrl+V'}.`)
                  : setError('Panel ini tidak diizinkan menyalin. Pakai “Pilih tabel”.'),
              )
            }
            onDocx={() =>
              Packer.toBlob(buildDocx(run.tables)).then(
                (blob) => setNotice(host.download('tabel-lkjip.docx', blob)),
                (e) => setError(message(e)),
              )
            }
          />
        </>
      )}
    </main>
  );
}

function SheetChoice({
  sheetNames,
  settings,
  onChange,
  run,
}: {
  sheetNames: string[];
  settings: Partial<Settings>;
  onChange: (s: Partial<Settings>) => void;
  run: ExcelRun | null;
}) {
  const styles = useStyles();
  const lembar = settings.lembar ?? {};
  const deteksi = run?.result.deteksi ?? [];
  const setKolom = (sheet: string, peran: string, letter: string) => {
    const kolom = { ...settings.kolom };
    const current = kolom[sheet] ?? {};
    const cols = { ...current.kolom };
    if (letter.trim() === '') delete cols[peran];
    else cols[peran] = letter.trim().toUpperCase();
    kolom[sheet] = { ...current, kolom: cols };
    onChange({ ...settings, kolom });
  };
  const setBaris = (sheet: string, value: string) => {
    const kolom = { ...settings.kolom };
    const n = Number(value);
    kolom[sheet] = { ...kolom[sheet], barisJudul: value.trim() === '' || !Number.isInteger(n) || n < 1 ? undefined : n };
    onChange({ ...settings, kolom });
  };
  return (
    <section aria-labelledby="judul-lembar">
      <Subtitle2 as="h2" id="judul-lembar">
        Lembar dan kolom
      </Subtitle2>
      {ROLES.map((role) => (
        <Field key={role.key} label={role.label}>
          <Dropdown
            value={lembar[role.key] ?? AUTO}
            selectedOptions={[lembar[role.key] ?? AUTO]}
            onOptionSelect={(_, d) => onChange({ ...settings, lembar: { ...lembar, [role.key]: d.optionValue === AUTO ? undefined : d.optionValue } })}
          >
            <Option value={AUTO}>{AUTO}</Option>
            {sheetNames.map((n) => (
              <Option key={n} value={n}>
                {n}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ))}
      {deteksi
        .filter((d) => d.peran.length > 0)
        .map((d) => (
          <Accordion key={d.lembar} collapsible>
            <AccordionItem value={d.lembar}>
              <AccordionHeader size="small">
                {d.lembar}: {d.peran.join(' + ')}, judul baris {d.barisJudul ?? '-'}
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.row}>
                  <Field label="Baris judul">
                    <Input
                      className={styles.small}
                      defaultValue={String(settings.kolom?.[d.lembar]?.barisJudul ?? d.barisJudul ?? '')}
                      onChange={(_, v) => setBaris(d.lembar, v.value)}
                    />
                  </Field>
                  {d.kolom.map((k) => (
                    <Field key={k.peran} label={`${k.peran} (“${k.judul}”)`}>
                      <Input
                        className={styles.small}
                        defaultValue={settings.kolom?.[d.lembar]?.kolom?.[k.peran] ?? k.kolom}
                        onChange={(_, v) => setKolom(d.lembar, k.peran, v.value)}
                      />
                    </Field>
                  ))}
                </div>
                {d.catatan.map((c) => (
                  <Caption1 key={c} block>
                    {c}
                  </Caption1>
                ))}
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        ))}
    </section>
  );
}

function SettingsForm({ settings, onChange }: { settings: Partial<Settings>; onChange: (s: Partial<Settings>) => void }) {
  const styles = useStyles();
  const cap = settings.batasCapaian === undefined ? 100 : settings.batasCapaian;
  const bands = settings.predikat ?? DEFAULT_PREDIKAT;
  const setBand = (i: number, value: string) => {
    const n = Number(value.replace(',', '.'));
    if (!Number.isFinite(n)) return;
    onChange({ ...settings, predikat: bands.map((b, j) => (j === i ? { ...b, min: n } : b)) });
  };
  return (
    <Accordion collapsible>
      <AccordionItem value="pengaturan">
        <AccordionHeader>Pengaturan perhitungan</AccordionHeader>
        <AccordionPanel>
          <Switch
            label={cap === null ? 'Capaian tidak dibatasi dalam rata-rata' : `Capaian dibatasi ${cap}% dalam rata-rata`}
            checked={cap !== null}
            onChange={(_, d) => onChange({ ...settings, batasCapaian: d.checked ? 100 : null })}
          />
          <Field label="Kategori efisiensi">
            <RadioGroup value={settings.efisiensi ?? 'sederhana'} onChange={(_, d) => onChange({ ...settings, efisiensi: d.value as Settings['efisiensi'] })}>
              <Radio value="sederhana" label="Efisien bila % capaian ≥ % serapan" />
              <Radio value="berjenjang" label="Berjenjang: selisih > 5 Efisien, ±5 Cukup efisien" />
            </RadioGroup>
          </Field>
          <Text weight="semibold">Batas bawah predikat (%)</Text>
          <div className={styles.row}>
            {bands.slice(0, -1).map((b, i) => (
              <Field key={b.nama} label={b.nama}>
                <Input className={styles.small} defaultValue={String(b.min)} inputMode="decimal" onChange={(_, d) => setBand(i, d.value)} />
              </Field>
            ))}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function Summary({ run }: { run: ExcelRun }) {
  const styles = useStyles();
  const a = run.result.anggaran;
  const k = run.result.kinerja;
  const galat = run.result.temuan.filter((f) => f.tingkat === 'galat').length;
  const peringatan = run.result.temuan.length - galat;
  return (
    <section aria-labelledby="judul-ringkasan">
      <Subtitle2 as="h2" id="judul-ringkasan">
        Ringkasan
      </Subtitle2>
      <div className={styles.grid} data-testid="ringkasan">
        <Text>Anggaran</Text>
        <Text weight="semibold">{a ? `Rp ${formatRupiah(a.anggaran)}` : '-'}</Text>
        <Text>Realisasi</Text>
        <Text weight="semibold">{a?.realisasi ? `Rp ${formatRupiah(a.realisasi)}` : '-'}</Text>
        <Text>Serapan anggaran</Text>
        <Text weight="semibold" data-testid="serapan">
          {a?.serapan ? `${formatPersen(a.serapan)}%` : '-'}
        </Text>
        <Text>Rata-rata capaian</Text>
        <Text weight="semibold" data-testid="rata-rata">
          {k?.rataRataCapaian ? `${formatPersen(k.rataRataCapaian)}%` : '-'}
        </Text>
        <Text>Temuan</Text>
        <Text weight="semibold" data-testid="jumlah-temuan">
          {galat} galat, {peringatan} peringatan
        </Text>
      </div>
      {run.result.catatan.map((c) => (
        <Caption1 key={c} block>
          {c}
        </Caption1>
      ))}
    </section>
  );
}

function Findings({ temuan, onSelect }: { temuan: Finding[]; onSelect: (lembar: string, sel: string) => void }) {
  const styles = useStyles();
  const groups = new Map<Jenis, Finding[]>();
  for (const f of temuan) groups.set(f.jenis, [...(groups.get(f.jenis) ?? []), f]);
  if (temuan.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>Tidak ada temuan: semua jumlah dan kecocokan antar-lembar benar.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section aria-labelledby="judul-temuan">
      <Subtitle2 as="h2" id="judul-temuan">
        Temuan
      </Subtitle2>
      <Accordion multiple collapsible defaultOpenItems={[...groups.keys()].filter((j) => groups.get(j)![0].tingkat === 'galat')}>
        {[...groups].map(([jenis, list]) => (
          <AccordionItem key={jenis} value={jenis}>
            <AccordionHeader>
              {JENIS_LABEL[jenis]}&nbsp;
              <Badge appearance="filled" color={list[0].tingkat === 'galat' ? 'danger' : 'warning'}>
                {list.length}
              </Badge>
            </AccordionHeader>
            <AccordionPanel>
              {list.map((f, i) => (
                <div key={i} className={styles.finding} data-testid="temuan">
                  {f.lembar && f.sel ? (
                    <Link as="button" onClick={() => onSelect(f.lembar!, f.sel!)}>
                      {f.lembar}!{f.sel}
                    </Link>
                  ) : null}
                  <Text size={200}>{f.pesan}</Text>
                  {f.terkait && (
                    <Link as="button" onClick={() => onSelect(f.terkait!.lembar, f.terkait!.sel)}>
                      Lihat pasangannya: {f.terkait.lembar}!{f.terkait.sel}
                    </Link>
                  )}
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

function Tables(props: { tables: Table[]; onShow: (t: Table) => void; onSelect: (t: Table) => void; onCopy: (t: Table) => void; onDocx: () => void }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="judul-tabel">
      <Subtitle2 as="h2" id="judul-tabel">
        Tabel hasil
      </Subtitle2>
      {props.tables.map((t) => (
        <div key={t.id} className={styles.tableRow}>
          <Text weight="semibold">{[t.nomor, t.caption].filter(Boolean).join(' ')}</Text>
          <div className={styles.row}>
            <Button size="small" onClick={() => props.onShow(t)}>
              Buka
            </Button>
            <Button size="small" onClick={() => props.onSelect(t)}>
              Pilih tabel
            </Button>
            <Button size="small" onClick={() => props.onCopy(t)}>
              {t.id === 'narasi' ? 'Salin narasi' : 'Salin berformat'}
            </Button>
          </div>
          <Divider />
        </div>
      ))}
      <Button appearance="primary" onClick={props.onDocx}>
        Unduh semua tabel (.docx)
      </Button>
    </section>
  );
}
