import { Button, Caption1, Divider, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { WrittenSheet } from '../core/run/plan';
import { clip, rectAddress } from '../core/rect';
import { Table } from '../core/report/table';
import { narasiToHtml, tableToHtml } from '../core/report/table-html';
import { PaneRun } from './host';
import { BusyProgress, NoticeBar } from './Notice';
import { useStyles } from './styles';
import { Actions } from './use-actions';
import { DOCX_LABEL } from './words';

export interface TableActions {
  /** Opening the table's sheet and selecting the table, where there is a workbook to do it in. */
  onOpen?: (t: Table, sheet: WrittenSheet) => void;
  onSelect?: (t: Table, sheet: WrittenSheet) => void;
  onCopy: (t: Table) => void;
  onDocx: () => void;
  /** Where the tables are in no open workbook (the browser page), each can be looked at here before it is downloaded. */
  preview?: boolean;
}

/** Rows a preview shows: enough to judge a table by, few enough to draw at once. */
const PREVIEW_ROWS = 200;

/** The table's first rows as its copy shows them (tableToHtml), merges cut at the last row shown. */
function previewHtml(t: Table, all: Table[]): { html: string; more: number } {
  if (t.id === 'narasi') return { html: narasiToHtml(all), more: 0 };
  if (t.rows.length <= PREVIEW_ROWS) return { html: tableToHtml(t), more: 0 };
  const shown = { row: 0, col: 0, rows: PREVIEW_ROWS, cols: t.columns.length };
  const merges = t.merges.flatMap((m) => clip(m, shown) ?? []);
  return { html: tableToHtml({ ...t, rows: t.rows.slice(0, PREVIEW_ROWS), merges }), more: t.rows.length - PREVIEW_ROWS };
}

/** A table's preview, drawn when asked for: the same HTML “Salin berformat” copies (our own, every text escaped). */
function Preview({ t, all }: { t: Table; all: Table[] }) {
  const styles = useStyles();
  const { html, more } = previewHtml(t, all);
  return (
    <>
      <div className={styles.preview} data-testid={`pratinjau-${t.id}`} dangerouslySetInnerHTML={{ __html: html }} />
      {more > 0 && <Caption1>… dan {more.toLocaleString('id-ID')} baris lainnya, lengkap di unduhan.</Caption1>}
    </>
  );
}

/** How a button names its table for a screen reader: “Tabel 3.9”, or the caption where there is no number. */
const nameOf = (t: Table) => t.nomor ?? `tabel ${t.caption}`;

/**
 * Per result table: open its sheet, select it for Ctrl+C, copy it formatted (the narrative as
 * paragraphs); and everything as .docx, unless the results went into a copy of the file, whose
 * downloads the summary holds together. Each outcome shows under its table.
 */
export function ResultTables({ run, actions, ...on }: { run: PaneRun; actions: Actions } & TableActions) {
  const { onOpen, onSelect } = on;
  const styles = useStyles();
  const disabled = actions.busy !== null;
  const [shown, setShown] = useState<string | null>(null);
  return (
    <section className={styles.section} aria-labelledby="judul-tabel">
      <Subtitle2 as="h2" id="judul-tabel">
        Tabel hasil
      </Subtitle2>
      {run.tables.map((t, i) => {
        const sheet = run.written[i];
        return (
          <div key={t.id} className={styles.item} data-testid={`tabel-${t.id}`}>
            <Text weight="semibold">{[t.nomor, t.caption].filter(Boolean).join(' ')}</Text>
            <Text size={200}>
              Lembar “{sheet.nama}”, sel {rectAddress(sheet.table)}
            </Text>
            <div className={styles.row}>
              {onOpen && (
                <Button size="small" onClick={() => onOpen(t, sheet)} aria-label={`Buka ${nameOf(t)}`} disabledFocusable={disabled}>
                  Buka
                </Button>
              )}
              {onSelect && (
                <Button size="small" onClick={() => onSelect(t, sheet)} aria-label={`Pilih ${nameOf(t)}`} disabledFocusable={disabled}>
                  Pilih tabel
                </Button>
              )}
              {on.preview && (
                <Button size="small" onClick={() => setShown(shown === t.id ? null : t.id)} aria-expanded={shown === t.id} aria-label={`Pratinjau ${nameOf(t)}`}>
                  {shown === t.id ? 'Tutup pratinjau' : 'Pratinjau'}
                </Button>
              )}
              {t.id === 'narasi' ? (
                <Button size="small" onClick={() => on.onCopy(t)} disabledFocusable={disabled}>
                  Salin narasi
                </Button>
              ) : (
                <Button size="small" onClick={() => on.onCopy(t)} aria-label={`Salin berformat ${nameOf(t)}`} disabledFocusable={disabled}>
                  Salin berformat
                </Button>
              )}
            </div>
            {shown === t.id && <Preview t={t} all={run.tables} />}
            <NoticeBar notice={actions.notices[`tabel:${t.id}`]} />
            <Divider />
          </div>
        );
      })}
      {!run.copy && (
        <>
          <Button appearance="primary" onClick={on.onDocx} disabledFocusable={disabled}>
            {DOCX_LABEL}
          </Button>
          <BusyProgress actions={actions} place="docx" label="Kemajuan menyusun dokumen Word" />
          <NoticeBar notice={actions.notices.docx} />
        </>
      )}
    </section>
  );
}
