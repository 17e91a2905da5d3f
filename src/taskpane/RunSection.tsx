import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Radio, RadioGroup } from '@fluentui/react-components';
import { NoticeBar } from './Notice';
import { useStyles } from './styles';
import { Actions } from './use-actions';
import { quotedList } from './words';

export type EditedChoice = 'ganti' | 'biarkan';

/** Asked before the ribbon's first run in a workbook: a click of a button should not write unannounced. */
export const FIRST_RUN =
  'Hitung Capaian akan menulis hasilnya ke lembar baru “HC …” di buku kerja ini; langkah ini tidak dapat dibatalkan dengan Ctrl+Z (⌘Z di Mac), tetapi lembar Anda sendiri tidak pernah diubah.';

/**
 * Hitung, and what must be said before it: once, before the first run, that Ctrl+Z cannot undo it;
 * when the user changed one of our sheets, what to do with it; and, when the ribbon's Hitung
 * Capaian asked for the first run in a workbook, whether to go on (here, in the pane, the question
 * waits as long as it takes: no time limit of a ribbon function cuts it off).
 */
export function RunSection(props: {
  actions: Actions;
  firstRun: boolean;
  edited: string[];
  choice: EditedChoice | null;
  onChoice: (c: EditedChoice) => void;
  onHitung: () => void;
  ribbonAsks: boolean;
  onRibbonAnswer: (go: boolean) => void;
}) {
  const styles = useStyles();
  const { actions, edited } = props;
  const running = actions.busy === 'hitung';
  const missingChoice = edited.length > 0 && props.choice === null && actions.notices.hitung?.intent === 'warning';
  return (
    <section className={styles.section} aria-label="Hitung">
      {props.ribbonAsks && (
        <MessageBar intent="warning" layout="multiline" data-testid="tanya-pita">
          <MessageBarBody>
            <MessageBarTitle>Hitung Capaian dari tombol di pita</MessageBarTitle>
            <span id="tanya-pita">{FIRST_RUN} Lanjutkan?</span>
            <div className={styles.row}>
              <Button appearance="primary" autoFocus aria-describedby="tanya-pita" onClick={() => props.onRibbonAnswer(true)}>
                Lanjutkan
              </Button>
              <Button onClick={() => props.onRibbonAnswer(false)}>Batal</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {props.firstRun && !props.ribbonAsks && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Hitung Capaian menulis hasilnya ke lembar baru “HC …” dan tidak dapat dibatalkan dengan Ctrl+Z (⌘Z di Mac); lembar Anda sendiri tidak pernah diubah.
          </MessageBarBody>
        </MessageBar>
      )}
      {edited.length > 0 && (
        <Field
          label={`${edited.length > 1 ? 'Lembar' : 'Lembar hasil'} ${quotedList(edited)} telah diubah sejak perhitungan terakhir. Apa yang dilakukan dengan ${edited.length > 1 ? 'lembar-lembar' : 'lembar'} itu?`}
          validationMessage={missingChoice ? 'Pilih salah satu dulu.' : undefined}
          validationState={missingChoice ? 'warning' : 'none'}
        >
          <RadioGroup value={props.choice ?? ''} onChange={(_, d) => props.onChoice(d.value as EditedChoice)}>
            <Radio className={styles.radio} value="biarkan" label="Biarkan sebagai lembar saya; tulis hasil baru ke lembar bernama lain" />
            <Radio className={styles.radio} value="ganti" label="Ganti dengan hasil baru (perubahan saya di lembar itu hilang)" />
          </RadioGroup>
        </Field>
      )}
      <Button appearance="primary" size="large" onClick={props.onHitung} disabledFocusable={actions.busy !== null}>
        Hitung Capaian
      </Button>
      {running && (
        <Field validationMessage={actions.progress ?? 'Memulai…'} validationState="none">
          <ProgressBar aria-label="Kemajuan perhitungan" />
        </Field>
      )}
      <NoticeBar notice={actions.notices.hitung} />
    </section>
  );
}
