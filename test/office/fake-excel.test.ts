import * as path from 'path';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { FakeExcel } from '../../src/demo/fake-excel';
import { FIXTURES } from '../helpers';
import { bigWorkbook } from '../support/big-workbook';
import { excelRun, loadOfficeClient } from '../support/office-client';

async function hostFromFixture(name: string): Promise<FakeExcel> {
  return FakeExcel.fromWorkbook(await workbookFromXlsx(path.join(FIXTURES, name)));
}

describe('the real Office.js client on the fake host', () => {
  it('refuses a read before load and sync, and sends what the fake host answers in Excel’s shape', async () => {
    const host = await hostFromFixture('semboro-bersih.xlsx');
    await excelRun(host, async (context) => {
      const range = context.workbook.worksheets.getItem('DPA 2024').getRange('A1:C3');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toHaveLength(3);
      expect(() => range.numberFormat).toThrow(/not available/);
    });
    expect(host.syncs).toBeGreaterThan(0);
  });

  it('is refused a call the fake host does not model, by name', async () => {
    const host = await hostFromFixture('semboro-bersih.xlsx');
    await expect(excelRun(host, async (context) => context.workbook.worksheets.getItem('DPA 2024').getRange('A1').format.autofitColumns())).rejects.toThrow(
      /fake Excel host has no "AutofitColumns" on Format/,
    );
  });
});

/** The fake host's model of Excel, on which the adapter's tests rely: each behaviour with what it is taken from. */
describe('the fake host’s model of Excel', () => {
  it('keeps text as it is in a cell formatted @ (Excel’s Text format), and elsewhere takes =… for a formula, a number for a number and a leading apostrophe for the quote prefix (Microsoft’s ErrorCheckingOptions.NumberAsText example)', async () => {
    const host = new FakeExcel();
    await excelRun(host, async (context) => {
      const ws = context.workbook.worksheets.add('Uji');
      ws.getRange('A1:C1').values = [['=1+1', "'=1+1", '12']];
      expect(host.sheets).toHaveLength(0);
      await context.sync();
      const r = ws.getRange('A2:B2');
      r.numberFormat = [['@', '@']];
      r.values = [['=1+1', '12']];
    });
    const [a1, b1, c1] = host.sheets[0].cells[0];
    expect(a1).toMatchObject({ formula: '=1+1', value: null });
    expect(b1).toMatchObject({ value: '=1+1' });
    expect(c1).toMatchObject({ value: 12 });
    expect(host.sheets[0].cells[1]).toEqual([
      { value: '=1+1', format: '@' },
      { value: '12', format: '@' },
    ]);
  });

  it('turns a formula’s reference to a deleted sheet into #REF! for good, and lets it follow a renamed one (Microsoft’s “How to correct a #REF! error”)', async () => {
    const host = FakeExcel.fromWorkbook({ sheets: ['Data Saya', 'Ringkasan', 'Lain'].map((name) => ({ name, values: [['x']], origin: { row: 0, col: 0 } })) });
    host.sheet('Ringkasan')!.cells[1] = [{ value: null, format: 'General', formula: "='Data Saya'!A1+Lain!A1" }];
    await excelRun(host, async (context) => {
      context.workbook.worksheets.getItem('Data Saya').name = 'Data Baru';
      context.workbook.worksheets.getItem('Lain').delete();
      await context.sync();
    });
    expect(host.sheet('Ringkasan')!.cells[1][0]!.formula).toBe("='Data Baru'!A1+#REF!A1");
  });

  it('refuses to delete a very hidden sheet (OfficeDev/office-js#365) or the only visible one (a workbook keeps one visible sheet)', async () => {
    const host = new FakeExcel();
    host.sheets = FakeExcel.fromWorkbook(bigWorkbook(10)).sheets;
    host.sheets[1].visibility = 'VeryHidden';
    await expect(excelRun(host, async (context) => context.workbook.worksheets.getItem('Realisasi').delete())).rejects.toMatchObject({ code: 'GeneralException' });
    await expect(excelRun(host, async (context) => context.workbook.worksheets.getItem('DPA').delete())).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(host.sheets.map((s) => s.name)).toEqual(['DPA', 'Realisasi']);
  });

  it('leaves a cell as it was where a written array holds null, and empties it for "" (Microsoft, “Blank and null values in Excel add-ins”)', async () => {
    const host = FakeExcel.fromWorkbook({ sheets: [{ name: 'Uji', values: [['tetap', 'ganti', 'hapus']], origin: { row: 0, col: 0 } }] });
    await excelRun(host, async (context) => {
      const r = context.workbook.worksheets.getItem('Uji').getRange('A1:C1');
      r.values = [[null, 'baru', '']] as unknown as string[][];
      r.numberFormat = [[null, '@', null]] as unknown as string[][];
      await context.sync();
    });
    expect(host.sheet('Uji')!.cells[0]).toEqual([
      { value: 'tetap', format: 'General' },
      { value: 'baru', format: '@' },
      { value: null, format: 'General' },
    ]);
  });

  it('keeps only the upper-left value when cells are merged (Microsoft Support, “Merge and unmerge cells”)', async () => {
    const host = FakeExcel.fromWorkbook({
      sheets: [
        {
          name: 'Uji',
          values: [
            ['kiri', 'kanan'],
            ['bawah', 'lain'],
          ],
          origin: { row: 0, col: 0 },
        },
      ],
    });
    await excelRun(host, async (context) => {
      const ws = context.workbook.worksheets.getItem('Uji');
      ws.getRange('A1:B1').merge(false);
      ws.getRange('A2:B2').merge(true);
      await context.sync();
    });
    const sheet = host.sheet('Uji')!;
    expect(sheet.cells.map((row) => row.map((c) => c?.value ?? null))).toEqual([
      ['kiri', null],
      ['bawah', null],
    ]);
    expect(sheet.merges).toEqual([
      { row: 0, col: 0, rows: 1, cols: 2 },
      { row: 1, col: 0, rows: 1, cols: 2 },
    ]);
  });

  it.each([
    ['a/b', 'InvalidArgument'],
    ['a[1]', 'InvalidArgument'],
    ['tanya?', 'InvalidArgument'],
    ['bintang*', 'InvalidArgument'],
    ['titik:dua', 'InvalidArgument'],
    ['miring\\', 'InvalidArgument'],
    ["'kutip", 'InvalidArgument'],
    ["kutip'", 'InvalidArgument'],
    ['History', 'InvalidArgument'],
    ['history', 'InvalidArgument'],
    ['x'.repeat(32), 'InvalidArgument'],
    ['', 'InvalidArgument'],
    ['lain', 'ItemAlreadyExists'],
    ['LAIN', 'ItemAlreadyExists'],
  ])('refuses to name a sheet %p, on renaming and on adding, as Excel does (Microsoft Support, “Rename a worksheet”): %s', async (name, code) => {
    const host = FakeExcel.fromWorkbook({ sheets: ['Uji', 'Lain'].map((n) => ({ name: n, values: [['x']], origin: { row: 0, col: 0 } })) });
    await expect(excelRun(host, async (context) => void (context.workbook.worksheets.getItem('Uji').name = name))).rejects.toMatchObject({ code });
    await expect(excelRun(host, async (context) => void context.workbook.worksheets.add(name))).rejects.toMatchObject({ code });
    expect(host.sheets.map((s) => s.name)).toEqual(['Uji', 'Lain']);
  });

  it('lets a sheet take a name of 31 characters, its own in another case, and a name with an apostrophe inside', async () => {
    const host = FakeExcel.fromWorkbook({ sheets: [{ name: 'Uji', values: [['x']], origin: { row: 0, col: 0 } }] });
    for (const name of ['x'.repeat(31), 'UJI', "Data Pak 'A' 2024"]) {
      await excelRun(host, async (context) => void (context.workbook.worksheets.getItem(host.sheets[0].name).name = name));
      expect(host.sheets[0].name).toBe(name);
    }
  });

  it('reads text written to a cell not formatted as text as en-US Excel reads it typed: 1,234, 10% and 1/2 (Microsoft Support, “Stop automatically changing numbers to dates”)', async () => {
    const host = new FakeExcel();
    await excelRun(host, async (context) => {
      const ws = context.workbook.worksheets.add('Uji');
      ws.getRange('A1:F1').values = [['1,234', '10%', '1/2', '12/31/2024', 'TRUE', '1,2']];
      const text = ws.getRange('A2:C2');
      text.numberFormat = [['@', '@', '@']];
      text.values = [['1,234', '10%', '1/2']];
    });
    const [row, asText] = host.sheets[0].cells;
    const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(row).toEqual([
      { value: 1234, format: '#,##0' },
      { value: 0.1, format: '0%' },
      { value: serial(new Date().getFullYear(), 1, 2), format: 'd-mmm' },
      { value: serial(2024, 12, 31), format: 'm/d/yyyy' },
      { value: true, format: 'General' },
      // Not a thousands group: text, as Excel keeps it.
      { value: '1,2', format: 'General' },
    ]);
    expect(asText.map((c) => c?.value)).toEqual(['1,234', '10%', '1/2']);
  });

  it('refuses a request while a cell is edited, or with delayForCellEdit runs it once the editing ends (Excel.RunOptions.delayForCellEdit)', async () => {
    const host = FakeExcel.fromWorkbook({ sheets: [{ name: 'Uji', values: [['x']], origin: { row: 0, col: 0 } }] });
    host.cellEditing = true;
    const write = (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem('Uji').getRange('B1').values = [['ditulis']];
      return context.sync();
    };
    await expect(excelRun(host, write)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const delayed = host.run(loadOfficeClient(), write, { delayForCellEdit: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(host.sheet('Uji')!.cells[0][1]).toBeUndefined();
    host.cellEditing = false;
    await delayed;
    expect(host.sheet('Uji')!.cells[0][1]?.value).toBe('ditulis');
  });

  it('refuses changes to a protected sheet and, with the structure protected, adding, renaming and deleting sheets (Microsoft Support, “Protect a worksheet”, “Protect a workbook”), naming where', async () => {
    const host = FakeExcel.fromWorkbook({ sheets: ['Uji', 'Lain'].map((n) => ({ name: n, values: [['x']], origin: { row: 0, col: 0 } })) });
    host.sheet('Uji')!.protected = true;
    await expect(excelRun(host, async (context) => void (context.workbook.worksheets.getItem('Uji').getRange('A1').values = [['y']]))).rejects.toMatchObject({
      code: 'AccessDenied',
      debugInfo: { errorLocation: 'Range.values' },
    });
    await expect(excelRun(host, async (context) => context.workbook.worksheets.getItem('Uji').getRange('A1:B1').merge())).rejects.toMatchObject({ code: 'AccessDenied' });
    const protection = await excelRun(host, async (context) => {
      const p = context.workbook.worksheets.getItem('Uji').protection.load('protected');
      const w = context.workbook.protection.load('protected');
      await context.sync();
      return [p.protected, w.protected];
    });
    expect(protection).toEqual([true, false]);
    host.structureProtected = true;
    await expect(excelRun(host, async (context) => void context.workbook.worksheets.add('Baru'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(excelRun(host, async (context) => void (context.workbook.worksheets.getItem('Lain').name = 'Nama'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(excelRun(host, async (context) => context.workbook.worksheets.getItem('Lain').delete())).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(host.sheets.map((s) => [s.name, s.cells[0][0]?.value])).toEqual([
      ['Uji', 'x'],
      ['Lain', 'x'],
    ]);
  });

  it('refuses a settings or custom XML write where told to, naming the member as Excel’s debugInfo.errorLocation does, after the actions before it', async () => {
    const host = FakeExcel.fromWorkbook({ sheets: [{ name: 'Uji', values: [['x']], origin: { row: 0, col: 0 } }] });
    host.refusals.set('SettingCollection.add', 'AccessDenied');
    host.refusals.set('CustomXmlPartCollection.add', 'GeneralException');
    await expect(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem('Uji').getRange('B1').values = [['sebelum']];
        context.workbook.settings.add('kunci', 'nilai');
        context.workbook.worksheets.getItem('Uji').getRange('C1').values = [['sesudah']];
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied', debugInfo: { errorLocation: 'SettingCollection.add' } });
    expect(host.sheet('Uji')!.cells[0].map((c) => c?.value)).toEqual(['x', 'sebelum']);
    await expect(excelRun(host, async (context) => void context.workbook.customXmlParts.add('<a xmlns="urn:x"/>'))).rejects.toMatchObject({
      code: 'GeneralException',
      debugInfo: { errorLocation: 'CustomXmlPartCollection.add' },
    });
    expect(host.settings.size).toBe(0);
    expect(host.customXmlParts).toEqual([]);
  });

  it('on an unsaved workbook in Excel on iPad, fails every request touching custom XML parts and answers the rest (OfficeDev/office-js#3936)', async () => {
    const host = FakeExcel.fromWorkbook({ sheets: [{ name: 'Uji', values: [['x']], origin: { row: 0, col: 0 } }] }, ['<a xmlns="urn:x">1</a>']);
    host.unsavedOnIpad = true;
    await expect(
      excelRun(host, async (context) => {
        context.workbook.customXmlParts.getByNamespace('urn:x').load('items/id');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    await excelRun(host, async (context) => {
      context.workbook.settings.add('kunci', 'nilai');
      await context.sync();
    });
    expect(host.settings.get('kunci')).toBe('nilai');
  });

  it('refuses a member newer than the ExcelApi it claims: merged areas below 1.13 (ApiNotFound)', async () => {
    const host = FakeExcel.fromWorkbook({ sheets: [{ name: 'Uji', values: [['x']], origin: { row: 0, col: 0 } }] });
    const merged = (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem('Uji').getRange().getMergedAreasOrNullObject().load('areaCount');
      return context.sync();
    };
    await excelRun(host, merged);
    host.apiVersion = '1.12';
    await expect(excelRun(host, merged)).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(host.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(host.isSetSupported('ExcelApi', '1.13')).toBe(false);
  });
});
