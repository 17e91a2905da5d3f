import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import { useStyles } from './styles';
import { Actions, Notice, Place } from './use-actions';

/** An action's outcome where it happened; the technical text, if any, behind "Rincian". */
export function NoticeBar({ notice }: { notice: Notice | undefined }) {
  const styles = useStyles();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid="pesan">
      <MessageBarBody>
        {notice.text}
        {notice.rincian && (
          <details>
            <summary>Rincian</summary>
            <div className={styles.details}>{notice.rincian}</div>
          </details>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What screen readers hear: progress, the end of a run, every notice. */
export function LiveRegion({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.visuallyHidden} data-testid="diumumkan">
      {text}
    </div>
  );
}

/** What the user should know before the figures (a reading in doubt, what Excel would not save): each sentence, in one warning. */
export function Catatan({ items }: { items: readonly string[] | undefined }) {
  if (!items || items.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="catatan">
      <MessageBarBody>
        <MessageBarTitle>Perhatikan sebelum memakai angkanya</MessageBarTitle>
        {items.length === 1 ? (
          items[0]
        ) : (
          <ul>
            {items.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** While the action at `place` runs, how far it got (the .docx, table by table). */
export function BusyProgress({ actions, place, label }: { actions: Actions; place: Place; label: string }) {
  if (actions.busy !== place) return null;
  return (
    <Field validationMessage={actions.progress ?? 'Memulai…'} validationState="none">
      <ProgressBar aria-label={label} />
    </Field>
  );
}

/** While the figures rest on galat or doubts: a draft, with the same words that open the .docx. */
export function DraftBar({ title, warning }: { title: string; warning: string | null }) {
  if (!warning) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="peringatan-draf">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {warning}
      </MessageBarBody>
    </MessageBar>
  );
}
