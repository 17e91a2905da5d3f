import { Decimal } from '../../src/core/decimal';
import { EngineResult } from '../../src/core/compute/engine';
import { finding } from '../../src/core/findings';

/** `result` with `n` jumlah findings instead of its own, each with a cell, amounts and a message as the engine writes them. */
export function withFindings(result: EngineResult, n: number): EngineResult {
  const temuan = Array.from({ length: n }, (_, i) => {
    const written = new Decimal(1_250_000_000 + i * 1_000);
    const computed = written.minus(1_000 + i);
    return finding(
      'jumlah',
      { lembar: 'DPA 2024', sel: `C${i + 5}` },
      `Jumlah Sub Kegiatan 7.01.01.2.01.${String(i % 10_000).padStart(4, '0')} Penyediaan Layanan Dasar di DPA 2024!C${i + 5} tidak sama dengan jumlah rinciannya.`,
      {
        tertulis: written,
        seharusnya: computed,
      },
    );
  });
  return { ...result, temuan };
}
