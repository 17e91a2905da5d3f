import { docxName, resultCopyName, workbookNameFrom, workbookStem } from '../../src/taskpane/file-name';

describe('the names of the files offered', () => {
  it.each([
    ['semboro.xlsx', 'semboro'],
    ['semboro-hasil.xlsx', 'semboro'],
    ['semboro-hasil (1).xlsx', 'semboro'],
    ['Laporan-Hasil.XLSM', 'Laporan'],
    ['D:\\LKjIP\\semboro 2024.xlsx', 'semboro 2024'],
    ['hasil.xlsx', 'hasil'],
    ['semboro (1).xlsx', 'semboro (1)'],
  ])('%s is the workbook %s', (name, stem) => {
    expect(workbookStem(name)).toBe(stem);
  });

  it('names a copy opened again, and its tables, once', () => {
    expect(resultCopyName('semboro-hasil.xlsx', '.xlsx')).toBe('semboro-hasil.xlsx');
    expect(resultCopyName('makro.xlsm', '.json')).toBe('makro-hasil.json');
    expect(docxName('semboro-hasil.xlsx')).toBe('semboro-tabel.docx');
    expect(docxName(null)).toBe('tabel-lkjip.docx');
  });

  it.each([
    ['C:\\Users\\Bendahara\\Documents\\LKjIP #2.xlsx', 'LKjIP #2.xlsx'],
    ['/Users/bendahara/Documents/semboro.xlsm', 'semboro.xlsm'],
    ['https://d.docs.live.net/1a2b/Documents/Laporan%20Semboro%202024.xlsx', 'Laporan Semboro 2024.xlsx'],
    ['https://pemda.sharepoint.com/sites/bpkad/Shared%20Documents/DPA.xlsx?web=1', 'DPA.xlsx'],
    ['https://pemda.sharepoint.com/:x:/r/sites/bpkad/_layouts/15/Doc.aspx?sourcedoc=%7B1%7D&file=DPA.xlsx', null],
    ['', null],
    [null, null],
    ['Book1', null],
  ])('finds the workbook in the address Office gives, %s', (url, name) => {
    expect(workbookNameFrom(url)).toBe(name);
  });
});
