import { Button, Divider, Subtitle2, Text } from '@fluentui/react-components';
import { WrittenSheet } from '../core/run/plan';
import { rectAddress } from '../core/rect';
import { Table } from '../core/report/table';
import { PaneRun } from './host';
import { NoticeBar } from './Notice';
import { useStyles } from './styles';
import { Actions } from './use-actions';
import { DOCX_LABEL } from './words';

export interface TableActions {
  /** Opening the table's sheet and selecting the table, where there is a workbook to do it in. */
  onOpen?: (t: Table, sheet: WrittenSheet) => void;
  onSelect?: (t: Table, sheet: WrittenSheet) => void;
  onCopy: (t: Table) => void;
  onDocx: () => void;
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
          <NoticeBar notice={actions.notices.docx} />
        </>
      )}
    </section>
  );
}
