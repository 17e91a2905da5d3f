import { FluentProvider, makeStyles, Tab, TabList, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Decimal, formatIndonesian } from '../core/decimal';
import { Workbook } from '../core/grid';
import { columnLetter, parseAddress } from '../core/rect';
import { App } from '../taskpane/App';
import { excelHost } from '../taskpane/host';
import { RibbonChannel } from '../taskpane/ribbon';
import { FakeExcel, FakeSheet, OfficeClient } from './fake-excel';

/**
 * The task pane beside a minimal workbook view, on the fake Excel host holding a workbook read by
 * the .xlsx adapter on the server (its custom XML parts too): the add-in, tried without Excel. The
 * pane talks to it through Microsoft's own Office.js client for Excel on the web, which the demo
 * page loads from the demo server (the `@microsoft/office-js` development package), never from
 * another origin. `?panel=320` shows the pane alone at that width, as Excel gives it.
 */
const useStyles = makeStyles({
  page: { display: 'flex', height: '100vh', fontFamily: tokens.fontFamilyBase },
  book: { flex: 1, overflow: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke1}`, padding: '8px', minWidth: 0 },
  pane: { width: '360px', flexShrink: 0, overflow: 'auto' },
  nameBox: { display: 'block', padding: '4px 0', fontFamily: tokens.fontFamilyMonospace },
  cell: { border: '1px solid #ddd', padding: '1px 4px', fontSize: '12px', maxWidth: '320px', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  selected: { outline: '2px solid #217346', outlineOffset: '-2px', backgroundColor: '#e6f2ea' },
  head: { backgroundColor: '#f3f3f3', color: '#595959', fontSize: '11px', textAlign: 'center' },
});

const MAX_ROWS = 400;

function display(cell: FakeSheet['cells'][number][number]): string {
  if (!cell || cell.value === null) return cell?.formula ?? '';
  if (typeof cell.value !== 'number') return String(cell.value);
  const d = new Decimal(cell.value);
  if (cell.format === '#,##0') return formatIndonesian(d, 0);
  if (cell.format === '0.00') return formatIndonesian(d, 2);
  const pct = /^0(?:\.(0+))?%$/.exec(cell.format);
  if (pct) return `${formatIndonesian(d.times(100), pct[1]?.length ?? 0)}%`;
  return String(cell.value);
}

function WorkbookView({ host }: { host: FakeExcel }) {
  const styles = useStyles();
  const [, setVersion] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    host.listeners.push(listener);
    return () => void (host.listeners = host.listeners.filter((l) => l !== listener));
  }, [host]);
  useEffect(() => setChosen(null), [host.activeSheet, host.selection]);
  useEffect(() => {
    // Newer browsers answer scrollIntoView with a promise, which an effect must not return.
    void selectedRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  const name = chosen ?? host.activeSheet ?? host.sheets[0]?.name;
  const sheet = host.sheets.find((s) => s.name === name) ?? host.sheets[0];
  if (!sheet) return null;
  // Rows and cells are sparse arrays: holes count, so lengths are taken, never mapped.
  const rows = Math.min(sheet.cells.length, MAX_ROWS);
  const width = Array.from({ length: rows }, (_, r) => sheet.cells[r]?.length ?? 0).reduce((a, b) => Math.max(a, b), 0);
  const selected = host.selection?.sheet === sheet.name ? host.selection.address : null;
  const rect = selected ? parseAddress(selected) : null;
  const inSelection = (r: number, c: number) => !!rect && r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;
  return (
    <section className={styles.book} aria-label="Buku kerja (tiruan Excel)">
      <TabList selectedValue={sheet.name} onTabSelect={(_, d) => setChosen(String(d.value))} size="small">
        {host.sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <Text className={styles.nameBox} data-testid="sel-terpilih">
        {selected ? `${sheet.name}!${selected}` : sheet.name}
      </Text>
      <table style={{ borderCollapse: 'collapse' }} data-testid="lembar" data-sheet={sheet.name}>
        <tbody>
          <tr>
            <td className={`${styles.cell} ${styles.head}`} />
            {Array.from({ length: width }, (_, c) => (
              <td key={c} className={`${styles.cell} ${styles.head}`}>
                {columnLetter(c)}
              </td>
            ))}
          </tr>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <td className={`${styles.cell} ${styles.head}`}>{r + 1}</td>
              {Array.from({ length: width }, (_, c) => {
                const cell = sheet.cells[r]?.[c];
                const isSelected = inSelection(r, c);
                return (
                  <td
                    key={c}
                    ref={isSelected && rect && r === rect.row && c === rect.col ? selectedRef : undefined}
                    className={`${styles.cell} ${isSelected ? styles.selected : ''}`}
                    data-address={`${columnLetter(c)}${r + 1}`}
                    aria-selected={isSelected || undefined}
                    style={{ textAlign: typeof cell?.value === 'number' ? 'right' : 'left' }}
                  >
                    {display(cell)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Demo({ host, ribbon, paneWidth }: { host: FakeExcel; ribbon: RibbonChannel; paneWidth: number | null }) {
  const styles = useStyles();
  const pane = useMemo(
    () => ({
      ...excelHost((batch) => host.run(window as unknown as OfficeClient, batch, { delayForCellEdit: true }), {
        isSetSupported: (n, v) => host.isSetSupported(n, v),
        noDownloads: false,
        documentUrl: null,
        sharedRuntime: true,
      }),
      ribbon,
    }),
    [host, ribbon],
  );
  if (paneWidth !== null) {
    return (
      <div style={{ width: `${paneWidth}px` }} data-testid="panel">
        <App host={pane} />
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <WorkbookView host={host} />
      {/* Not a landmark: the pane's own <main> is the page's, as in Excel. */}
      <div className={styles.pane} data-testid="panel">
        <App host={pane} />
      </div>
    </div>
  );
}

async function start(): Promise<void> {
  const response = await fetch('demo/workbook.json');
  const book = (await response.json()) as Workbook & { customXml: string[] };
  const host = FakeExcel.fromWorkbook(book, book.customXml);
  const ribbon = new RibbonChannel();
  // The ribbon's Hitung Capaian, clicked (the shared runtime shows the pane and asks it to run).
  const click = () => ribbon.send({ hitung: true });
  (window as unknown as { hitungCapaianDemo: { host: FakeExcel; ribbon: () => void } }).hitungCapaianDemo = { host, ribbon: click };
  const width = Number(new URLSearchParams(window.location.search).get('panel'));
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <Demo host={host} ribbon={ribbon} paneWidth={width > 0 ? width : null} />
    </FluentProvider>,
  );
}

void start();
