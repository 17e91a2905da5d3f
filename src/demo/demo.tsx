import { FluentProvider, makeStyles, Tab, TabList, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Decimal, formatIndonesian } from '../core/decimal';
import { Workbook } from '../core/grid';
import { columnLetter, parseAddress } from '../core/rect';
import { App } from '../taskpane/App';
import { downloadBlob, ExcelHost } from '../taskpane/host';
import { FakeExcel, FakeSheet, OfficeClient } from './fake-excel';

/**
 * The task pane beside a minimal workbook view, on the fake Excel host holding a workbook read by
 * the ExcelJS adapter on the server: the add-in, tried without Excel. The pane talks to it through
 * Microsoft's own Office.js client for Excel on the web, which the demo page loads from the demo
 * server (the `@microsoft/office-js` development package), never from another origin.
 */
const useStyles = makeStyles({
  page: { display: 'flex', height: '100vh', fontFamily: tokens.fontFamilyBase },
  book: { flex: 1, overflow: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke1}`, padding: '8px' },
  pane: { width: '360px', overflow: 'auto' },
  cell: { border: '1px solid #ddd', padding: '1px 4px', fontSize: '12px', maxWidth: '320px', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  selected: { outline: '2px solid #217346', backgroundColor: '#e6f2ea' },
  head: { backgroundColor: '#f3f3f3', color: '#666', fontSize: '11px', textAlign: 'center' },
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
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    host.listeners.push(listener);
    return () => void (host.listeners = host.listeners.filter((l) => l !== listener));
  }, [host]);
  useEffect(() => setChosen(null), [host.activeSheet]);
  const name = chosen ?? host.activeSheet ?? host.sheets[0]?.name;
  const sheet = host.sheets.find((s) => s.name === name) ?? host.sheets[0];
  if (!sheet) return null;
  const width = Math.max(0, ...sheet.cells.map((r) => r?.length ?? 0));
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
          {sheet.cells.slice(0, MAX_ROWS).map((row, r) => (
            <tr key={r}>
              <td className={`${styles.cell} ${styles.head}`}>{r + 1}</td>
              {Array.from({ length: width }, (_, c) => (
                <td
                  key={c}
                  className={`${styles.cell} ${inSelection(r, c) ? styles.selected : ''}`}
                  data-address={`${columnLetter(c)}${r + 1}`}
                  style={{ textAlign: typeof row?.[c]?.value === 'number' ? 'right' : 'left' }}
                >
                  {display(row?.[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Demo({ host }: { host: FakeExcel }) {
  const styles = useStyles();
  const excel: ExcelHost = {
    run: (batch) => host.run(window as unknown as OfficeClient, batch),
    isSetSupported: (n, v) => host.isSetSupported(n, v),
    onTheWeb: host.webLimits,
    onMac: false,
    download: downloadBlob,
  };
  return (
    <div className={styles.page}>
      <WorkbookView host={host} />
      <aside className={styles.pane} aria-label="Panel Hitung Capaian">
        <App host={excel} />
      </aside>
    </div>
  );
}

async function start(): Promise<void> {
  const response = await fetch('demo/workbook.json');
  const host = FakeExcel.fromWorkbook((await response.json()) as Workbook);
  (window as unknown as { hitungCapaianDemo: { host: FakeExcel } }).hitungCapaianDemo = { host };
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <Demo host={host} />
    </FluentProvider>,
  );
}

void start();
