import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Field, Input, Radio, RadioGroup, Switch, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_PREDIKAT, DEFAULT_SETTINGS } from '../core/settings';
import { Draft, draftOf, fieldKey, numberFrom, shownValue } from './draft';
import { DraftInput, DraftProps } from './SheetsSection';
import { useStyles } from './styles';

const SECTION_FIELDS = /^(batasCapaian|predikat|efisiensi|ambangEfisiensi)/;

/** A band's lower bound as the user typed it, over the draft's (or the default) bands. */
function bandsWith(draft: Draft, i: number, text: string): unknown[] {
  const bands = Array.isArray(draft.predikat) ? (draft.predikat as Draft[]) : (draftOf({ predikat: DEFAULT_PREDIKAT }).predikat as Draft[]);
  return bands.map((b, j) => (j === i ? { ...b, min: numberFrom(text) } : b));
}

/** The calculation settings: the cap on capaian, the efisiensi rule and its threshold, the predikat bands. */
export function SettingsSection(props: DraftProps) {
  const styles = useStyles();
  const { draft } = props;
  const [open, setOpen] = useState(false);
  const marked = Object.keys(props.fieldErrors).some((k) => SECTION_FIELDS.test(k));
  const cap = draft.batasCapaian === undefined ? DEFAULT_SETTINGS.batasCapaian : draft.batasCapaian;
  const rule = draft.efisiensi === 'berjenjang' ? 'berjenjang' : 'sederhana';
  const ambang = typeof draft.ambangEfisiensi === 'number' ? draft.ambangEfisiensi : DEFAULT_SETTINGS.ambangEfisiensi;
  const bands = Array.isArray(draft.predikat) ? (draft.predikat as Draft[]) : (draftOf({ predikat: DEFAULT_PREDIKAT }).predikat as Draft[]);
  const shownAmbang = ambang.toLocaleString('id-ID');
  return (
    <Accordion collapsible openItems={open || marked ? ['pengaturan'] : []} onToggle={(_, t) => setOpen(t.openItems.length > 0)}>
      <AccordionItem value="pengaturan">
        <AccordionHeader as="h2">Pengaturan perhitungan</AccordionHeader>
        <AccordionPanel>
          <div className={styles.section}>
            <Switch
              label={cap === null ? 'Capaian tidak dibatasi dalam rata-rata' : `Capaian dibatasi ${shownValue(cap)}% dalam rata-rata`}
              checked={cap !== null}
              onChange={(_, d) => props.onSet(['batasCapaian'], d.checked ? undefined : null)}
            />
            <Field label="Kategori efisiensi">
              <RadioGroup value={rule} onChange={(_, d) => props.onSet(['efisiensi'], d.value === 'sederhana' ? undefined : d.value)}>
                <Radio value="sederhana" label="Efisien bila % capaian ≥ % serapan" />
                <Radio
                  value="berjenjang"
                  label={`Berjenjang: Efisien bila % capaian lebih dari ${shownAmbang} poin persen di atas % serapan, Cukup efisien bila selisihnya dalam ±${shownAmbang} poin persen, selebihnya Tidak efisien`}
                />
              </RadioGroup>
            </Field>
            {rule === 'berjenjang' && (
              <DraftInput {...props} path={['ambangEfisiensi']} label="Ambang (poin persen)" detected={String(DEFAULT_SETTINGS.ambangEfisiensi)} toValue={numberFrom} />
            )}
            <Text weight="semibold">Batas bawah predikat (% capaian)</Text>
            <div className={styles.row}>
              {bands.slice(0, -1).map((b, i) => {
                const error = props.fieldErrors[fieldKey(['predikat', i, 'min'])];
                return (
                  <Field key={`${props.epoch}:${String(b.nama)}`} label={String(b.nama)} validationMessage={error} validationState={error ? 'error' : 'none'}>
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
