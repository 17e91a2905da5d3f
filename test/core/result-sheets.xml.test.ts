import { RECORD_NAMESPACE, recordFromXml, recordXml, ResultRecord } from '../../src/core/result-sheets';

const record: ResultRecord = {
  versi: 1,
  lembar: [
    { nama: 'HC Efisiensi', tabel: 'efisiensi', sidik: '0123456789abcdef' },
    { nama: 'HC <Baru> & "Lama" \'1\'', tabel: 'predikat', sidik: 'fedcba9876543210' },
  ],
};

describe('the record as a custom XML part', () => {
  it('is one element in its namespace holding the JSON, read back whole', () => {
    const xml = recordXml(record);
    expect(xml).toMatch(new RegExp(`^<lembarHasil xmlns="${RECORD_NAMESPACE}">\\{.*\\}</lembarHasil>$`));
    expect(xml).not.toMatch(/<Baru>/);
    expect(recordFromXml(xml)).toEqual(record);
  });

  it('is read as a host may give it back: with a declaration, a comment, a prefix, entities or CDATA', () => {
    const json = JSON.stringify(record);
    const escaped = json.replace(/&/g, '&amp;').replace(/</g, '&#60;').replace(/>/g, '&#x3E;').replace(/"/g, '&quot;');
    for (const xml of [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${recordXml(record)}`,
      `<!-- Hitung Capaian --><lembarHasil xmlns='${RECORD_NAMESPACE}'>${escaped}</lembarHasil>`,
      `<hc:lembarHasil xmlns:hc="${RECORD_NAMESPACE}">${escaped}</hc:lembarHasil>`,
      `<lembarHasil xmlns="${RECORD_NAMESPACE}"><![CDATA[${json}]]></lembarHasil>`,
    ]) {
      expect(recordFromXml(xml)).toEqual(record);
    }
  });

  it('tells another part from the record, and a damaged record from another part', () => {
    expect(recordFromXml('<Reviewers xmlns="http://schemas.contoso.com/review/1.0"/>')).toBeNull();
    expect(recordFromXml(`<lembarHasil xmlns="urn:lain">${JSON.stringify(record)}</lembarHasil>`)).toBeNull();
    expect(recordFromXml(`<hc:lembarHasil xmlns="${RECORD_NAMESPACE}">{}</hc:lembarHasil>`)).toBeNull();
    expect(recordFromXml(`<lembarHasil xmlns="${RECORD_NAMESPACE}">{rusak</lembarHasil>`)).toEqual({ versi: 1, lembar: [], rusak: true });
  });

  it('reads a hostile part in one pass and says a damaged one is damaged, never failing', () => {
    const comments = '<!---->'.repeat(40);
    const started = Date.now();
    expect(recordFromXml(`${comments}<lembarHasil xmlns="${RECORD_NAMESPACE}">{}`)).toEqual({ versi: 1, lembar: [], rusak: true });
    expect(recordFromXml(`${comments.repeat(50_000)}x`)).toBeNull();
    expect(recordFromXml(`<lembarHasil xmlns="${RECORD_NAMESPACE}">${'<!--'.repeat(100_000)}</lembarHasil>`)).toEqual({ versi: 1, lembar: [], rusak: true });
    // Linear: two million characters of comments take a blink, not the minutes a backtracking pattern took.
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const ref of ['&#x110000;', '&#xD800;', '&#0;', '&#99999999999;', '&nbsp;', '& ']) {
      expect(recordFromXml(`<lembarHasil xmlns="${RECORD_NAMESPACE}">{"versi":1,"lembar":[{"nama":"${ref}","tabel":"efisiensi","sidik":"x"}]}</lembarHasil>`)).toEqual({
        versi: 1,
        lembar: [],
        rusak: true,
      });
    }
  });
});
