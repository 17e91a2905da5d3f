import { officeEnv } from '../../src/adapters/office/office-env';
import { MAC_DOWNLOAD, officeHost } from '../../src/taskpane/host';

/** Office as the task pane sees it on `platform`, with a document that records the links clicked. */
function officeOn(platform: string, url?: string): string[] {
  const clicked: string[] = [];
  Object.assign(globalThis, {
    Office: {
      context: { platform, requirements: { isSetSupported: () => true }, document: url === undefined ? undefined : { url } },
      PlatformType: { OfficeOnline: 'OfficeOnline', Mac: 'Mac', PC: 'PC' },
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

  it('on a Mac says what to do instead of a download link that does nothing there', () => {
    const clicked = officeOn('Mac');
    expect(officeEnv().onMac).toBe(true);
    expect(officeHost().download('tabel-lkjip.docx', new Blob(['x']))).toBe(MAC_DOWNLOAD);
    expect(clicked).toEqual([]);
    expect(MAC_DOWNLOAD).toMatch(/Salin berformat/);
  });

  it.each(['OfficeOnline', 'PC'])('on %s downloads through a link', (platform) => {
    const clicked = officeOn(platform);
    expect(officeEnv()).toMatchObject({ onMac: false, onTheWeb: platform === 'OfficeOnline' });
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
