import { useCallback, useRef, useState } from 'react';
import { describeError } from '../adapters/office/errors';
import { SettingError } from '../core/settings';
import { fieldKey } from './draft';
import { fieldLabel } from './words';

/** Where an outcome is shown: beside the control that caused it (`hitung`, `tabel:efisiensi`, `temuan:3` …). */
export type Place = string;

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
  /** Technical text behind a "Rincian" toggle. */
  rincian?: string | null;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Runs the pane's actions, one at a time, with one way of telling their outcome: a notice beside
 * the control that caused it, a setting that cannot be used beside its field, everything announced
 * to screen readers through one live region.
 */
export function useActions() {
  const [busy, setBusy] = useState<Place | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [notices, setNotices] = useState<Record<Place, Notice>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const running = useRef(false);

  /** The same text twice is still announced: the region's content must change. */
  const announce = useCallback((text: string) => setAnnouncement((before) => (before === text ? `${text}\u00a0` : text)), []);

  const say = useCallback(
    (place: Place, notice: Notice | null) => {
      setNotices((all) => {
        const next = { ...all };
        if (notice) next[place] = notice;
        else delete next[place];
        return next;
      });
      if (notice) announce(notice.text);
    },
    [announce],
  );

  /** Clears the notice of every place but `kept`: the outcomes of actions on results a new run replaces. */
  const clearNotices = useCallback((kept: readonly Place[]) => setNotices((all) => Object.fromEntries(Object.entries(all).filter(([place]) => kept.includes(place)))), []);

  /** Marks the fields of settings that cannot be used; replaces the marks there were. */
  const markFields = useCallback((errors: readonly SettingError[]) => {
    setFieldErrors(Object.fromEntries(errors.map((e) => [fieldKey(e.field), `${capitalised(e.alasan)}.`])));
  }, []);

  /** Clears the marks of a field and of the fields inside it (`kolom.DPA 2024` clears its columns too). */
  const clearFields = useCallback(
    (key: string) => setFieldErrors((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== key && !k.startsWith(`${key}.`) && !k.startsWith(`${key}[`)))),
    [],
  );

  const act = useCallback(
    async (place: Place, action: (progress: (step: string) => void) => Promise<Notice | null>, onError?: () => void): Promise<void> => {
      if (running.current) return;
      running.current = true;
      setBusy(place);
      say(place, null);
      try {
        say(
          place,
          await action((step) => {
            setProgress(step);
            announce(step);
          }),
        );
      } catch (e) {
        onError?.();
        if (e instanceof SettingError) {
          markFields([e, ...e.others]);
          const more = e.others.length > 0 ? ` Ada ${e.others.length} isian lain yang juga ditandai merah.` : '';
          say(place, { intent: 'error', text: `${fieldLabel(e.field)} ${e.alasan}.${more}` });
        } else {
          const problem = describeError(e);
          say(place, { intent: 'error', text: problem.pesan, rincian: problem.rincian });
        }
      } finally {
        running.current = false;
        setBusy(null);
        setProgress(null);
      }
    },
    [announce, markFields, say],
  );

  return { busy, progress, notices, fieldErrors, announcement, act, say, clearNotices, markFields, clearFields };
}

export type Actions = ReturnType<typeof useActions>;
