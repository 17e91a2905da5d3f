/**
 * @jest-environment ./test/support/pane-environment.js
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as path from 'path';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { OfficeEnv } from '../../src/adapters/office/office-env';
import { RESULT_SHEETS } from '../../src/core/result-sheets';
import { FakeExcel } from '../../src/demo/fake-excel';
import { App } from '../../src/taskpane/App';
import { excelHost } from '../../src/taskpane/host';
import { RibbonChannel } from '../../src/taskpane/ribbon';
import { FIXTURES } from '../helpers';
import { excelRun } from '../support/office-client';

/**
 * The pane's states, rendered by React in a DOM, on the fake Excel through Microsoft's own client:
 * open and detect, correct a field, run, the question about a result sheet the user changed, back to
 * automatic detection, and an error. The browser runs of the same pane are in test/browser.
 */

const USER_SHEETS = ['DPA 2024', 'Realisasi 2024', 'Kinerja 2024'];

function envOf(host: FakeExcel): OfficeEnv {
  return { isSetSupported: (n, v) => host.isSetSupported(n, v), noDownloads: false, documentUrl: null, sharedRuntime: true };
}

async function semboro(): Promise<FakeExcel> {
  return FakeExcel.fromWorkbook(await workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx')));
}

/** The pane on this workbook, with the ribbon's channel where one is given. */
function open(excel: FakeExcel, ribbon?: RibbonChannel) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={{ ...excelHost((batch) => excelRun(excel, batch), envOf(excel)), ribbon }} />
    </FluentProvider>,
  );
  return user;
}

const hitungButton = () => screen.getByRole('button', { name: 'Hitung Capaian' });
/** The pane is free again (nothing running). */
const idle = () => waitFor(() => expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false'), { timeout: 20_000 });
const sheetNames = (excel: FakeExcel) => excel.sheets.map((s) => s.name);

/** What the pane says under Hitung (the live region repeats it for screen readers). */
const inHitung = (text: string | RegExp) => within(screen.getByRole('region', { name: 'Hitung' })).findByText(text);

async function detected(): Promise<void> {
  await waitFor(() => expect(document.body.textContent).toMatch(/Lembar diperiksa: 3 dari 3 lembar dipakai/), { timeout: 20_000 });
}

async function hitung(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(hitungButton());
  await idle();
}

describe('the task pane, opened in a workbook', () => {
  it('detects the sheets before writing anything, and says which serves as what', async () => {
    const excel = await semboro();
    open(excel);
    await detected();
    expect(sheetNames(excel)).toEqual(USER_SHEETS);
    const section = screen.getByRole('region', { name: 'Lembar dan kolom' });
    for (const name of USER_SHEETS) expect(within(section).getAllByText(new RegExp(name)).length).toBeGreaterThan(0);
    expect(screen.getByText(/tidak dapat dibatalkan dengan Ctrl\+Z/)).toBeTruthy();
  });

  it('runs: writes the result sheets, and shows the summary and the tables', async () => {
    const excel = await semboro();
    const user = open(excel);
    await detected();
    await hitung(user);
    await inHitung(/^Selesai: \d+ lembar hasil ditulis\.$/);
    expect(sheetNames(excel)).toEqual(expect.arrayContaining([...USER_SHEETS, RESULT_SHEETS['pengukuran-kinerja'], RESULT_SHEETS.efisiensi]));
    // The Semboro book as printed: its figures (SPEC's worked example), and its galat keep the tables a draft.
    expect(screen.getByTestId('serapan').textContent).toBe('88,81%');
    expect(screen.getByTestId('rata-rata').textContent).toMatch(/^98,81%/);
    expect(screen.getByTestId('peringatan-draf').textContent).toMatch(/galat/);
    expect(screen.getAllByRole('button', { name: /Salin berformat/ }).length).toBeGreaterThan(3);
    expect(screen.queryByText(/tidak dapat dibatalkan dengan Ctrl\+Z/)).toBeNull();
  });

  it('marks a field it cannot follow, in red beside it, and writes nothing', async () => {
    const excel = await semboro();
    const user = open(excel);
    await detected();
    await user.click(screen.getByRole('button', { name: /DPA 2024/ }));
    const barisJudul = within(screen.getByTestId('panel-DPA 2024')).getByRole('textbox', { name: 'Baris judul kolom' });
    await user.clear(barisJudul);
    await user.type(barisJudul, '9999999');
    await user.click(screen.getByRole('button', { name: 'Periksa lembar' }));
    await idle();
    const section = within(screen.getByRole('region', { name: 'Lembar dan kolom' }));
    expect(section.getByText('Baris judul kolom lembar “DPA 2024” harus antara 1 dan 1.048.576, bukan 9.999.999.')).toBeTruthy();
    expect(section.getByText('Harus antara 1 dan 1.048.576, bukan 9.999.999.')).toBeTruthy();
    expect(barisJudul.getAttribute('aria-invalid')).toBe('true');

    await user.clear(screen.getByRole('textbox', { name: 'Tahun laporan' }));
    await user.type(screen.getByRole('textbox', { name: 'Tahun laporan' }), '1999');
    await hitung(user);
    expect(within(screen.getByRole('region', { name: 'Hitung' })).getByText(/^Tahun laporan harus antara 2000 dan 2100, bukan 1999\./)).toBeTruthy();
    expect(sheetNames(excel)).toEqual(USER_SHEETS);
  });

  it('asks what to do with a result sheet the user changed, and does as answered', async () => {
    const excel = await semboro();
    const user = open(excel);
    await detected();
    await hitung(user);
    excel.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value = 'Tabel 3.7 (sudah saya periksa)';

    await hitung(user);
    await inHitung(/belum dijalankan: pilih dulu apa yang dilakukan/);
    expect(screen.getByText('Pilih salah satu dulu.')).toBeTruthy();
    expect(excel.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value).toBe('Tabel 3.7 (sudah saya periksa)');

    await user.click(screen.getByRole('radio', { name: /Biarkan sebagai lembar saya/ }));
    await hitung(user);
    await inHitung(/^Selesai: \d+ lembar hasil ditulis\.$/);
    expect(excel.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value).toBe('Tabel 3.7 (sudah saya periksa)');
    expect(sheetNames(excel)).toContain(`${RESULT_SHEETS.efisiensi} (2)`);
  });

  it('goes back to automatic detection, forgetting the saved settings, and says so', async () => {
    const excel = await semboro();
    const user = open(excel);
    await detected();
    const tahun = screen.getByRole('textbox', { name: 'Tahun laporan' }) as HTMLInputElement;
    await user.clear(tahun);
    await user.type(tahun, '2023');
    await hitung(user);
    expect(JSON.stringify([...excel.settings.values()])).toContain('2023');

    await user.click(screen.getByRole('button', { name: 'Kembalikan ke deteksi otomatis' }));
    await within(screen.getByRole('region', { name: 'Lembar dan kolom' })).findByText(/Kembali ke deteksi otomatis: pengaturan yang tersimpan di buku kerja ini telah dihapus\./);
    expect([...excel.settings.keys()]).toEqual([]);
    expect((screen.getByRole('textbox', { name: 'Tahun laporan' }) as HTMLInputElement).value).not.toBe('2023');
  });

  it('says in one Indonesian sentence what went wrong when Excel refuses, and the workbook keeps what it had', async () => {
    const excel = await semboro();
    const user = open(excel);
    await detected();
    const before = JSON.stringify(excel.sheets);
    excel.cellEditing = true;
    await hitung(user);
    const said = within(screen.getByRole('region', { name: 'Hitung' }));
    await said.findByText(/Excel sedang menunggu Anda selesai menyunting sebuah sel, jadi tekan Enter atau Esc/);
    expect(said.queryByText(/Error|\.ts:\d|undefined|tidak terduga/)).toBeNull();
    expect(JSON.stringify(excel.sheets)).toBe(before);
  });

  it('with a ribbon click before the first run, asks in the pane and writes nothing when told Batal', async () => {
    const excel = await semboro();
    const ribbon = new RibbonChannel();
    const user = open(excel, ribbon);
    await detected();
    act(() => ribbon.send({ hitung: true }));
    await screen.findByTestId('tanya-pita');
    await user.click(screen.getByRole('button', { name: 'Batal' }));
    await inHitung('Dibatalkan: tidak ada yang ditulis ke buku kerja.');
    expect(sheetNames(excel)).toEqual(USER_SHEETS);
  });
});
