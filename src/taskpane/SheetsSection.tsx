import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
} from '@fluentui/react-components';
import { useState } from 'react';
import { Inspection } from '../core/run/plan';
import { COLUMN_LABEL, describeRoles, KEY_COLUMNS, SheetDetection } from '../core/read/detect';
import { ColumnRole, SheetRole } from '../core/settings';
import { Draft, fieldKey, getAt, shownValue } from './draft';
import { NoticeBar } from './Notice';
import { useStyles } from './styles';
import { Actions } from './use-actions';
import { SHEET_ROLE_LABEL } from './words';

const AUTO = '(dikenali otomatis)';
/** No sheet for the role (no realisasi sheet, say): brackets, which no sheet's name holds. */
const NONE = '[tidak ada]';
const NONE_TEXT = 'Tidak ada';

/** The automatic choice as the dropdown shows it: with the sheet detection found for the role, once it has looked. */
function autoChoice(inspection: Inspection | null, role: SheetRole): string {
  if (!inspection) return AUTO;
  const found = inspection.deteksi.find((d) => d.peran.includes(role))?.lembar;
  return found ? `${found} (dikenali otomatis)` : '(tidak ditemukan otomatis)';
}
const ROLES: SheetRole[] = ['dpa', 'realisasi', 'kinerja'];

export interface DraftProps {
  draft: Draft;
  /** Sets one value of the draft (undefined removes it) and clears its field's mark. */
  onSet: (path: string[], value: unknown) => void;
  fieldErrors: Record<string, string>;
  /** Changes when the fields must show the draft afresh (a new detection, a reset). */
  epoch: number;
}

/**
 * A text field of the draft showing the value in use: the user's, or the detected one. Typing the
 * detected value again, or nothing, leaves it to detection.
 */
export function DraftInput(props: DraftProps & { path: string[]; label: string; detected: string; toValue?: (text: string) => unknown; wide?: boolean }) {
  const toValue = props.toValue ?? ((text: string) => text);
  const styles = useStyles();
  const key = fieldKey(props.path);
  const own = getAt(props.draft, props.path);
  const [text, setText] = useState(own === undefined ? props.detected : shownValue(own));
  const error = props.fieldErrors[key];
  return (
    <Field className={styles.field} label={props.label} validationMessage={error} validationState={error ? 'error' : 'none'}>
      <Input
        className={props.wide ? undefined : styles.small}
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          const trimmed = d.value.trim();
          props.onSet(props.path, trimmed === '' || trimmed.toUpperCase() === props.detected.toUpperCase() ? undefined : toValue(trimmed));
        }}
      />
    </Field>
  );
}

const letter = (text: string) => text.toUpperCase();

/** The columns offered for a sheet: those found, those a sheet of its kind is read by, and those the user set. */
function columnsOf(d: SheetDetection, draft: Draft): ColumnRole[] {
  const own = Object.keys((getAt(draft, ['kolom', d.lembar, 'kolom']) as object | undefined) ?? {}) as ColumnRole[];
  const roles = [...d.kolom.map((k) => k.peran), ...(d.kind ? KEY_COLUMNS[d.kind] : []), ...own];
  return [...new Set(roles)];
}

function SheetPanel(props: DraftProps & { d: SheetDetection }) {
  const styles = useStyles();
  const { d } = props;
  const base = ['kolom', d.lembar];
  return (
    <AccordionItem value={d.lembar} data-testid={`panel-${d.lembar}`}>
      <AccordionHeader size="small">
        {d.lembar}: {describeRoles(d.peran)}
        {d.barisJudul ? `, Baris judul kolom ${d.barisJudul}` : ''}
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.fields}>
          <DraftInput {...props} path={[...base, 'barisJudul']} label="Baris judul kolom" detected={d.barisJudul ? String(d.barisJudul) : ''} />
          {columnsOf(d, props.draft).map((role) => {
            const found = d.kolom.find((k) => k.peran === role);
            return (
              <DraftInput
                {...props}
                key={role}
                path={[...base, 'kolom', role]}
                label={found?.judul ? `${COLUMN_LABEL[role]} (“${found.judul}”)` : COLUMN_LABEL[role]}
                detected={found?.kolom ?? ''}
                toValue={letter}
              />
            );
          })}
        </div>
        {d.catatan.map((c) => (
          <Caption1 key={c} block>
            {c}
          </Caption1>
        ))}
      </AccordionPanel>
    </AccordionItem>
  );
}

/** What makes a reading doubtful, sheet by sheet, said before any figure is shown. */
function Doubts({ deteksi }: { deteksi: readonly SheetDetection[] }) {
  const doubts = deteksi.flatMap((d) => d.keraguan.map((k) => k.pesan));
  if (doubts.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="keraguan">
      <MessageBarBody>
        <MessageBarTitle>Pembacaan lembar diragukan.</MessageBarTitle>
        {doubts.map((d) => (
          <Caption1 key={d} block>
            {d}
          </Caption1>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Which sheet serves as what and which columns were found, before anything is written, each
 * correctable; "Periksa lembar" detects again with the corrections, "Kembalikan ke deteksi
 * otomatis" forgets them and the saved settings.
 */
export function SheetsSection(props: DraftProps & { inspection: Inspection | null; actions: Actions; onInspect: () => void; onReset: () => void }) {
  const styles = useStyles();
  const { inspection, draft, actions } = props;
  const [open, setOpen] = useState<string[]>([]);
  const withErrors = (inspection?.deteksi ?? []).filter((d) => Object.keys(props.fieldErrors).some((k) => k.startsWith(`kolom.${d.lembar}.`))).map((d) => d.lembar);
  return (
    <section className={styles.section} aria-labelledby="judul-lembar">
      <Subtitle2 as="h2" id="judul-lembar">
        Lembar dan kolom
      </Subtitle2>
      <Caption1>Dikenali dari lembar Anda tanpa menulis apa pun. Bila keliru, ubah di sini lalu klik Periksa lembar.</Caption1>
      {inspection?.savedProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{inspection.savedProblem}</MessageBarBody>
        </MessageBar>
      )}
      {inspection?.catatan.map((c) => (
        <MessageBar key={c} intent="info" layout="multiline">
          <MessageBarBody>{c}</MessageBarBody>
        </MessageBar>
      ))}
      {inspection && <Doubts deteksi={inspection.deteksi} />}
      {ROLES.map((role) => {
        const path = ['lembar', role];
        const chosen = getAt(draft, path);
        const value = typeof chosen === 'string' ? chosen : chosen === null ? NONE : AUTO;
        const error = props.fieldErrors[fieldKey(path)];
        const autoText = autoChoice(inspection, role);
        const detected = inspection?.deteksi.find((d) => d.peran.includes(role))?.lembar;
        // Each sheet once: the one detected stands as the automatic choice.
        const others = (inspection?.sheetNames ?? []).filter((n) => n !== detected);
        return (
          <Field key={role} label={SHEET_ROLE_LABEL[role]} validationMessage={error} validationState={error ? 'error' : 'none'}>
            <Dropdown
              value={value === AUTO ? autoText : value === NONE ? NONE_TEXT : value}
              selectedOptions={[value]}
              onOptionSelect={(_, o) => props.onSet(path, o.optionValue === AUTO ? undefined : o.optionValue === NONE ? null : o.optionValue)}
            >
              <Option value={AUTO} text={autoText}>
                {autoText}
              </Option>
              {others.map((n) => (
                <Option key={n} value={n}>
                  {n}
                </Option>
              ))}
              <Option value={NONE} text={NONE_TEXT}>
                {NONE_TEXT}
              </Option>
            </Dropdown>
          </Field>
        );
      })}
      <div className={styles.fields}>
        <DraftInput {...props} key={`tahun:${props.epoch}`} path={['tahun']} label="Tahun laporan" detected={inspection?.tahun ? String(inspection.tahun) : ''} />
      </div>
      {inspection && inspection.tahun === null && !getAt(draft, ['tahun']) && (
        <Caption1>Tahun laporan tidak tertulis di lembar mana pun: isi di sini agar judul tabel menyebutnya.</Caption1>
      )}
      {inspection && (
        <Accordion multiple collapsible openItems={[...new Set([...open, ...withErrors])]} onToggle={(_, t) => setOpen(t.openItems as string[])} key={props.epoch}>
          {inspection.deteksi.map((d) => (
            <SheetPanel key={`${props.epoch}:${d.lembar}`} {...props} d={d} />
          ))}
        </Accordion>
      )}
      <div className={styles.row}>
        <Button onClick={props.onInspect} disabledFocusable={actions.busy !== null}>
          Periksa lembar
        </Button>
        <Button appearance="subtle" onClick={props.onReset} disabledFocusable={actions.busy !== null}>
          Kembalikan ke deteksi otomatis
        </Button>
      </div>
      <NoticeBar notice={actions.notices.lembar} />
    </section>
  );
}
