import JSZip from 'jszip';
import { crc32, DeflatingPart, readZip, writeZip } from '../../src/adapters/zip/zip';

/** The zip writer the .xlsx copy and the .docx share: an entry deflated as it is made reads back as written. */
describe('a new entry deflated as it is made', () => {
  const text = Array.from({ length: 20_000 }, (_, i) => `<w:p><w:r><w:t>Baris ${i} — “kutipan” Rp 1.234.567</w:t></w:r></w:p>`);
  const whole = new TextEncoder().encode(text.join(''));

  it('has the CRC-32 and size of the whole, however it was cut', async () => {
    const part = new DeflatingPart();
    for (let i = 0; i < text.length; i += 777) await part.write(text.slice(i, i + 777).join(''));
    const deflated = await part.close();
    expect([deflated.crc, deflated.size]).toEqual([crc32(whole), whole.length]);
    expect(crc32(whole.subarray(1000), crc32(whole.subarray(0, 1000)))).toBe(crc32(whole));
  });

  it('reads back, by our reader and by JSZip, beside an entry deflated in one piece', async () => {
    const part = new DeflatingPart();
    for (let i = 0; i < text.length; i += 5000) await part.write(text.slice(i, i + 5000).join(''));
    const name = (n: string) => new TextEncoder().encode(n);
    const pieces = await writeZip(
      new Uint8Array(0),
      [
        { rawName: name('kecil.xml'), utf8: false, data: name('<a/>') },
        { rawName: name('word/document.xml'), utf8: false, deflated: await part.close() },
      ],
      new Uint8Array(0),
    );
    const bytes = new Uint8Array(await new Blob(pieces).arrayBuffer());
    expect(readZip(bytes, 10).entries.map((e) => [e.name, e.size])).toEqual([
      ['kecil.xml', 4],
      ['word/document.xml', whole.length],
    ]);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    await expect(zip.file('word/document.xml')!.async('string')).resolves.toBe(text.join(''));
    await expect(zip.file('kecil.xml')!.async('string')).resolves.toBe('<a/>');
  });
});
