import * as path from 'path';
import { readXlsxFile } from '../../../src/adapters/fs/xlsx-file';
import { readBookOf } from '../../../src/adapters/xlsx/read';
import { toJson } from '../../../src/core/report/result-json';
import { planRun } from '../../../src/core/run/plan';
import { runHitung } from '../../../src/core/run/run';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

describe('a run whose host writes none of our sheets', () => {
  it('lays nothing out and gives the report, to the last digit, of a run that writes them', async () => {
    const { workbook, existing } = readBookOf(await readXlsxFile(path.join(FIXTURES, 'semboro-tercetak.xlsx')));
    const full = planRun(workbook, {}, existing, [], false);
    const bare = planRun(workbook, {}, existing, [], false, () => {}, false);
    expect(full.prepared.length).toBeGreaterThan(0);
    expect(bare.prepared).toEqual([]);
    expect(bare.written).toEqual([]);
    expect(JSON.stringify(toJson(bare.report))).toBe(JSON.stringify(toJson(full.report)));
    expect(bare.report.tables).toEqual(full.report.tables);
  });

  it('is what runHitung does when asked for no sheets, and the host still writes', async () => {
    const book = readBookOf(await readXlsxFile(path.join(FIXTURES, 'semboro-tercetak.xlsx')));
    const planned: number[] = [];
    const outcome = await runHitung(
      {
        read: async () => book,
        write: async (p) => {
          planned.push(p.prepared.length);
          return { catatan: [] };
        },
      },
      { settings: {}, replaceEdited: false, sheets: false },
    );
    expect(planned).toEqual([0]);
    expect('edited' in outcome).toBe(false);
  });
});
