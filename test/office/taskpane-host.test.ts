import { officeEnv } from '../../src/adapters/office/office-env';
import { NO_DOWNLOAD, officeHost } from '../../src/taskpane/host';

/** Office as the task pane sees it on `platform`, with a document that records the links clicked. */
function officeOn(platform: string, url?: string): string[] {
  const clicked: string[] = [];
  Object.assign(globalThis, {
    Office: {
      context: { platform, requirements: { isSetSupported: () => true }, document: url === undefined ? undefined : { url } },
      PlatformType: { OfficeOnline: 'OfficeOnline', Mac: 'Mac', PC: 'PC', iOS: 'iOS' },
    },
    document: {
      createElement: () => ({
        click(this: { download: string }) {
          clicked.push(this.download);
        },
        remove() {},
      }),
      body: { appendChild() {} },
    },
  });
  return clicked;
}

describe('saving the .docx from the task pane', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each(['Mac', 'iOS'])('on %s (Mac, iPad) says what to do instead of a download link that does nothing there', (platform) => {
    const clicked = officeOn(platform);
    expect(officeEnv().noDownloads).toBe(true);
    expect(officeHost().download('tabel-lkjip.docx', new Blob(['x']))).toBe(NO_DOWNLOAD);
    expect(clicked).toEqual([]);
    expect(NO_DOWNLOAD).toMatch(/Mac dan iPad .*Salin berformat/);
  });

  it.each(['OfficeOnline', 'PC'])('on %s downloads through a link', (platform) => {
    const clicked = officeOn(platform);
    expect(officeEnv().noDownloads).toBe(false);
    expect(officeHost().download('tabel-lkjip.docx', new Blob(['x']))).toBeNull();
    expect(clicked).toEqual(['tabel-lkjip.docx']);
  });

  it("knows the workbook's address where Office gives one, and none before the workbook is saved", () => {
    officeOn('PC', 'C:\\LKjIP\\semboro.xlsx');
    expect(officeEnv().documentUrl).toBe('C:\\LKjIP\\semboro.xlsx');
    officeOn('PC');
    expect(officeEnv().documentUrl).toBeNull();
  });
});
