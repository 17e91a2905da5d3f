import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Field, Input, mergeClasses, Radio, RadioGroup, Switch, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_PREDIKAT, DEFAULT_SETTINGS, parseSettings } from '../core/settings';
import { Draft, draftOf, fieldKey, shownValue } from './draft';
import { DraftInput, DraftProps } from './SheetsSection';
import { useStyles } from './styles';

const SECTION_FIELDS = /^(batasCapaian|predikat|efisiensi|ambangEfisiensi)/;

/** A band's lower bound as the user typed it, over the draft's (or the default) bands. */
function bandsWith(draft: Draft, i: number, text: string): unknown[] {
  const bands = Array.isArray(draft.predikat) ? (draft.predikat as Draft[]) : (draftOf({ predikat: DEFAULT_PREDIKAT }).predikat as Draft[]);
  return bands.map((b, j) => (j === i ? { ...b, min: text.trim() === '' ? undefined : text.trim() } : b));
}

/** The threshold as the settings checker reads it, or null where it refuses it. */
function usableAmbang(value: unknown): number | null {
  try {
    return parseSettings({ ambangEfisiensi: value }).ambangEfisiensi ?? null;
  } catch {
    return null;
  }
}

/** The threshold the banded rule's words state: the last one typed that can be used, never one its field refuses. */
function useShownAmbang(value: unknown): number {
  const [last, setLast] = useState(DEFAULT_SETTINGS.ambangEfisiensi);
  const shown = value === undefined ? DEFAULT_SETTINGS.ambangEfisiensi : (usableAmbang(value) ?? last);
  if (shown !== last) setLast(shown);
  return shown;
}

/** The calculation settings: the cap on capaian, the efisiensi rule and its threshold, the predikat bands. */
export function SettingsSection(props: DraftProps) {
  const styles = useStyles();
  const { draft } = props;
  const [open, setOpen] = useState(false);
  const marked = Object.keys(props.fieldErrors).some((k) => SECTION_FIELDS.test(k));
  const capped = draft.batasCapaian !== null;
  const rule = draft.efisiensi === 'berjenjang' ? 'berjenjang' : 'sederhana';
  const shownAmbang = useShownAmbang(draft.ambangEfisiensi).toLocaleString('id-ID');
  const bands = Array.isArray(draft.predikat) ? (draft.predikat as Draft[]) : (draftOf({ predikat: DEFAULT_PREDIKAT }).predikat as Draft[]);
  return (
    <Accordion collapsible openItems={open || marked ? ['pengaturan'] : []} onToggle={(_, t) => setOpen(t.openItems.length > 0)}>
      <AccordionItem value="pengaturan">
        <AccordionHeader as="h2">Pengaturan perhitungan</AccordionHeader>
        <AccordionPanel>
          <div className={mergeClasses(styles.section, styles.widthContainer)}>
            <Switch label="Batasi capaian tiap indikator dalam rata-rata" checked={capped} onChange={(_, d) => props.onSet(['batasCapaian'], d.checked ? undefined : null)} />
            {capped && (
              <div className={styles.fields}>
                <DraftInput {...props} path={['batasCapaian']} label="Paling tinggi (%)" detected={String(DEFAULT_SETTINGS.batasCapaian)} />
              </div>
            )}
            <Field label="Kategori efisiensi">
              <RadioGroup value={rule} onChange={(_, d) => props.onSet(['efisiensi'], d.value === 'sederhana' ? undefined : d.value)}>
                <Radio className={styles.radio} value="sederhana" label="Efisien bila % capaian ≥ % serapan" />
                <Radio
                  className={styles.radio}
                  value="berjenjang"
                  label={`Berjenjang: Efisien bila % capaian lebih dari ${shownAmbang} poin persen di atas % serapan, Cukup efisien bila selisihnya dalam ±${shownAmbang} poin persen, selebihnya Tidak efisien`}
                />
              </RadioGroup>
            </Field>
            {rule === 'berjenjang' && (
              <div className={styles.fields}>
                <DraftInput {...props} path={['ambangEfisiensi']} label="Ambang (poin persen)" detected={String(DEFAULT_SETTINGS.ambangEfisiensi)} />
              </div>
            )}
            <Text weight="semibold" id="judul-predikat">
              Batas bawah predikat (% capaian)
            </Text>
            <div className={mergeClasses(styles.fields, styles.fourFields)} role="group" aria-labelledby="judul-predikat">
              {bands.slice(0, -1).map((b, i) => {
                const error = props.fieldErrors[fieldKey(['predikat', i, 'min'])];
                return (
                  <Field
                    key={`${props.epoch}:${String(b.nama)}`}
                    className={styles.field}
                    label={String(b.nama)}
                    validationMessage={error}
                    validationState={error ? 'error' : 'none'}
                  >
                    <Input
                      className={styles.small}
                      defaultValue={shownValue(b.min)}
                      inputMode="decimal"
                      onChange={(_, d) => props.onSet(['predikat'], bandsWith(draft, i, d.value))}
                    />
                  </Field>
                );
              })}
            </div>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
