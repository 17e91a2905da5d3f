import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, Link, MessageBar, MessageBarBody, Subtitle2, Text } from '@fluentui/react-components';
import { CellRef, countByTingkat, Finding, noFindingsText, perihalLabel, SheetsRead } from '../core/findings';
import { PaneRun } from './host';
import { NoticeBar } from './Notice';
import { useStyles } from './styles';
import { Actions } from './use-actions';
import { TINGKAT_LABEL } from './words';

function NoFindings({ lembar }: { lembar: SheetsRead }) {
  const text = noFindingsText(lembar);
  return (
    <MessageBar intent={text.startsWith('Tidak ada temuan:') ? 'success' : 'info'} layout="multiline" data-testid="tanpa-temuan">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** A finding's row as text, where there is no workbook to show its cell in: “Baris 23: 1.02.01 · Program …”. */
function RowText({ at, rows }: { at: CellRef; rows: Record<string, string> }) {
  const text = rows[`${at.lembar}!${at.sel}`];
  return text ? (
    <Caption1 block data-testid="isi-baris">
      {text}
    </Caption1>
  ) : null;
}

/**
 * The findings by what they hold. Where there is a workbook (`onShow`), a click on a cell shows it in
 * the user's sheet, or says beside it why not; elsewhere each names its cell and shows its row's
 * text, for the user to find it in their own program.
 */
export function Findings({ run, actions, onShow }: { run: PaneRun; actions: Actions; onShow?: (place: string, at: CellRef) => void }) {
  const styles = useStyles();
  const { temuan, lembar } = run.result;
  const rows = run.copy?.rows ?? {};
  if (temuan.length === 0) return <NoFindings lembar={lembar} />;
  const groups = new Map<string, { f: Finding; i: number }[]>();
  temuan.forEach((f, i) => groups.set(perihalLabel(f.perihal), [...(groups.get(perihalLabel(f.perihal)) ?? []), { f, i }]));
  const withGalat = [...groups].filter(([, list]) => list.some(({ f }) => f.tingkat === 'galat')).map(([name]) => name);
  return (
    <section className={styles.section} aria-labelledby="judul-temuan">
      <Subtitle2 as="h2" id="judul-temuan">
        Temuan
      </Subtitle2>
      <Caption1>Galat: angka yang salah dan perlu diperbaiki. Peringatan: hal yang perlu Anda periksa.</Caption1>
      <Accordion multiple collapsible defaultOpenItems={withGalat}>
        {[...groups].map(([name, list]) => {
          const { galat, peringatan } = countByTingkat(list.map(({ f }) => f));
          return (
            <AccordionItem key={name} value={name}>
              <AccordionHeader>
                {name}&nbsp;
                <Badge appearance="tint" color={galat > 0 ? 'danger' : 'warning'} className={styles.badge}>
                  {[galat > 0 ? `${galat} galat` : null, peringatan > 0 ? `${peringatan} peringatan` : null].filter(Boolean).join(', ')}
                </Badge>
              </AccordionHeader>
              <AccordionPanel>
                {list.map(({ f, i }) => (
                  <div key={i} className={styles.item} data-testid="temuan">
                    <Text size={200} weight="semibold">
                      {TINGKAT_LABEL[f.tingkat]}
                      {f.lembar && f.sel ? ' di ' : ''}
                      {f.lembar && f.sel ? (
                        onShow ? (
                          <Link as="button" onClick={() => onShow(`temuan:${i}`, { lembar: f.lembar!, sel: f.sel! })}>
                            {f.lembar}!{f.sel}
                          </Link>
                        ) : (
                          `${f.lembar}!${f.sel}`
                        )
                      ) : null}
                    </Text>
                    <Text size={200}>{f.pesan}</Text>
                    {!onShow && f.lembar && f.sel && <RowText at={{ lembar: f.lembar, sel: f.sel }} rows={rows} />}
                    {f.terkait &&
                      (onShow ? (
                        <Link as="button" onClick={() => onShow(`temuan:${i}`, f.terkait!)}>
                          Lihat pasangannya: {f.terkait.lembar}!{f.terkait.sel}
                        </Link>
                      ) : (
                        <>
                          <Text size={200}>
                            Pasangannya di {f.terkait.lembar}!{f.terkait.sel}
                          </Text>
                          <RowText at={f.terkait} rows={rows} />
                        </>
                      ))}
                    <NoticeBar notice={actions.notices[`temuan:${i}`]} />
                  </div>
                ))}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
