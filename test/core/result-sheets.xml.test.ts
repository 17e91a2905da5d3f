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
    expect(recordFromXml(`<lembarHasil xmlns="${RECORD_NAMESPACE}">{rusak</lembarHasil>`)).toEqual({ versi: 1, lembar: [] });
  });
});
