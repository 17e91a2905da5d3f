import { Decimal } from '../../src/core/decimal';
import { InputError } from '../../src/core/errors';
import { SettingError } from '../../src/core/settings';
import { fromWire, fromWireError, toWire, toWireError } from '../../src/peramban/protocol';

/** What the page receives of `value`: through toWire, a structured clone as postMessage makes, and fromWire. */
const across = (value: unknown) => fromWire(structuredClone(toWire(value)));

describe('what crosses between the page and its worker', () => {
  it('brings Decimals back exactly, as Decimals, wherever they sit', () => {
    const money = new Decimal('123456789012345678901234.5678901234');
    const sent = {
      anggaran: money,
      serapan: new Decimal('-0.000000000000000000001'),
      rows: [{ nilai: new Decimal('3894507781') }, [new Decimal('1e-30'), null]],
      nothing: null,
    };
    const back = across(sent) as typeof sent;
    expect(back.anggaran).toBeInstanceOf(Decimal);
    expect(back.anggaran.equals(money)).toBe(true);
    expect(back.anggaran.toFixed()).toBe('123456789012345678901234.5678901234');
    expect(back.serapan.toFixed()).toBe('-0.000000000000000000001');
    expect((back.rows[0] as { nilai: Decimal }).nilai.plus(1).toString()).toBe('3894507782');
    expect(((back.rows[1] as Decimal[])[0] as Decimal).toFixed()).toBe('0.000000000000000000000000000001');
    expect(back.nothing).toBeNull();
  });

  it('keeps what a structured clone keeps: Dates, -Infinity, typed arrays', () => {
    const time = new Date(Date.UTC(2024, 11, 31, 10, 30));
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const back = across({ time, min: Number.NEGATIVE_INFINITY, bytes }) as { time: Date; min: number; bytes: Uint8Array };
    expect(back.time).toEqual(time);
    expect(back.min).toBe(Number.NEGATIVE_INFINITY);
    expect([...back.bytes]).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('brings an inspection’s setting errors back as SettingErrors naming their field', () => {
    const problem = new SettingError(['kolom', 'DPA 2024', 'kolom', 'anggaran'], 'menunjuk kolom B, yang berisi teks, bukan angka');
    const back = across({ masalah: [problem] }) as { masalah: SettingError[] };
    expect(back.masalah[0]).toBeInstanceOf(SettingError);
    expect(back.masalah[0].field).toEqual(['kolom', 'DPA 2024', 'kolom', 'anggaran']);
    expect(back.masalah[0].alasan).toBe(problem.alasan);
    expect(back.masalah[0].message).toBe(problem.message);
  });

  it.each([
    ['a setting', new SettingError(['predikat', 1, 'min'], 'harus lebih kecil dari batas bawah “Sangat Tinggi” (90)'), SettingError],
    ['an input', new InputError('Berkas “x.xlsx” bukan buku kerja .xlsx.'), InputError],
    ['anything else', new TypeError('x is undefined'), Error],
  ])('brings %s error back as its kind, with its message', (_what, error, kind) => {
    const back = fromWireError(structuredClone(toWireError(error)));
    expect(back).toBeInstanceOf(kind);
    expect(back.message).toBe(error.message);
    if (error instanceof SettingError) expect((back as SettingError).field).toEqual(error.field);
  });

  it('sends a thrown value that is not an Error as its text', () => {
    expect(fromWireError(toWireError('kaput')).message).toBe('kaput');
  });
});
