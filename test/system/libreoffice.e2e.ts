import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { FIXTURES, runQuiet, tempDir, RESULT_SHEETS } from '../helpers';
import { describeWithPrograms } from '../support/programs';

/** The result copies re-open in LibreOffice (npm run test:e2e; needs soffice), with every sheet and the figures. */

const inputs = ['semboro-bersih.xlsx', 'other-tools/openpyxl.xlsx', 'other-tools/libreoffice.xlsx', 'other-tools/pivot.xlsx', 'other-tools/makro.xlsm'];

describeWithPrograms([['soffice', 'libreoffice-calc-nogui']], 'the result copy in LibreOffice', () => {
  let dir: string;
  const opened = new Map<string, string>();
  beforeAll(async () => {
    dir = await tempDir();
    const copies: string[] = [];
    for (const input of inputs) {
      const copy = path.join(dir, `${path.basename(input, path.extname(input))}-hasil${path.extname(input)}`);
      expect((await runQuiet([path.join(FIXTURES, input), '-o', copy])).code).toBe(0);
      copies.push(copy);
    }
    const soffice = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'fods', '--outdir', dir, ...copies], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(soffice.status).toBe(0);
    for (const input of inputs) opened.set(input, await fs.readFile(path.join(dir, `${path.basename(input, path.extname(input))}-hasil.fods`), 'utf8'));
  }, 360_000);

  it.each(inputs)('%s: every user sheet and result sheet, with the totals', (input) => {
    const fods = opened.get(input)!;
    // A chart keeps its data in a table of its own, "local-table".
    const tables = [...fods.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1]).filter((t) => t !== 'local-table');
    expect(tables.slice(0, 3)).toEqual(['DPA 2024', 'Realisasi 2024', 'Kinerja 2024']);
    expect(tables.slice(-RESULT_SHEETS.length)).toEqual(RESULT_SHEETS);
    expect(fods).toContain('office:value="3894507781"');
    expect(fods).toContain('office:value="3545596394"');
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
});
