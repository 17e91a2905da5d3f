import { buildReport } from '../../../src/core/report/report';
import { hitung } from '../../../src/core/compute/engine';
import { toJson } from '../../../src/core/report/result-json';
import { budgetReport, BUDGET_VARIANTS, dpaSheet, KINERJA_VARIANTS, kinerjaReport, PK_EXPECTED } from '../../support/report-forms';
import { formGrid, SEMBORO_FORM_EXPECTED as EXPECTED } from '../../support/renja-form';

/** The LRA, the RFK, a realisasi per triwulan and a PK, in every variant they are kept in: the same figures. */

describe('quarterly reports in every variant', () => {
  it.each(
    BUDGET_VARIANTS.map((v) => [`${v.layout}, ${v.unit}, ${v.numberRow ? 'nomor kolom' : 'tanpa nomor'}, ${v.unitRow ? 'baris satuan' : 'tanpa satuan'}, kode ${v.kode}`, v]),
  )('a realisasi report (%s) gives the Semboro budget', (_, v) => {
    const r = hitung({ sheets: [formGrid(dpaSheet()), formGrid(budgetReport(v))] });
    const j = toJson(buildReport(r));
    expect(j.lembar).toMatchObject({ dpa: 'DPA 2024', realisasi: 'Realisasi TW IV' });
    expect([j.anggaran!.anggaran, j.anggaran!.realisasi, j.anggaran!.serapan]).toEqual([EXPECTED.anggaran, EXPECTED.realisasi, EXPECTED.serapan]);
    expect(j.anggaran!.program.map((p) => [p.nama, p.anggaran, p.realisasi, p.serapan])).toEqual(EXPECTED.program.map((p) => [p.nama, p.anggaran, p.realisasi, p.serapan]));
    expect(j.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
    expect(r.keraguan).toEqual([]);
  });

  it.each(KINERJA_VARIANTS.map((v) => [`${v.layout}, sasaran ${v.sasaran}, ${v.numberRow ? 'nomor kolom' : 'tanpa nomor'}, ${v.summaryRows ? 'baris jumlah' : 'tanpa'}`, v]))(
    'a PK (%s) gives the Semboro capaian: counts summed over triwulan, indices and percentages as they stood',
    (_, v) => {
      const r = hitung({ sheets: [formGrid(kinerjaReport(v))] });
      const k = r.kinerja!;
      expect(k.sasaran.map((s) => s.nama)).toEqual([
        'Meningkatnya penataan organisasi',
        'Meningkatnya Kepuasan Masyarakat',
        'Meningkatnya Fasilitasi Kesejahteraan',
        'Meningkatnya kualitas pengelolaan keuangan',
      ]);
      expect(k.sasaran.flatMap((s) => s.indikator.map((i) => i.capaian!.toFixed(2)))).toEqual(PK_EXPECTED);
      expect(k.sasaran.flatMap((s) => s.indikator.map((i) => i.nama))).not.toContainEqual(expect.stringMatching(/JUMLAH|Rata-rata/));
      expect(r.tahun).toBe(2024);
    },
  );
});
