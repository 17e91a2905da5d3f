import { OutlineLevels, classifyCode, isOutlineMarker, splitLeadingCode, splitSegments } from '../../../src/core/read/kode';

describe('codes', () => {
  const sipd = { sipdSheet: true, underSubKegiatan: false };
  it('tells SIPD, rekening and outline apart', () => {
    expect(classifyCode('7.01.01', sipd)!.kind).toBe('sipd');
    expect(classifyCode('7.01.01.2.02.0001', sipd)!.kind).toBe('sipd');
    expect(classifyCode('5.1.02.01.01.0024', sipd)!.kind).toBe('rekening');
    expect(classifyCode('5.1', { sipdSheet: true, underSubKegiatan: true })!.kind).toBe('rekening');
    expect(classifyCode('5.1', { sipdSheet: false, underSubKegiatan: false })!.kind).toBe('outline');
    expect(classifyCode('1.2.1', { sipdSheet: false, underSubKegiatan: false })!.kind).toBe('outline');
    expect(classifyCode('Program', sipd)).toBeNull();
  });
  it('compares segment by segment, numerically', () => {
    expect(classifyCode('7.01.01.2.02.0001', sipd)!.key).toBe(classifyCode('7.01.01.2.02.01', sipd)!.key);
    expect(classifyCode('7.01.01.2.02.0010', sipd)!.key).not.toBe(classifyCode('7.01.01.2.02.01', sipd)!.key);
  });
});

describe('segments and leading codes', () => {
  it('splits a dotted number, ignoring spaces and a final dot', () => {
    expect(splitSegments('7.01.01.')).toEqual(['7', '01', '01']);
    expect(splitSegments('7. 01 .01')).toEqual(['7', '01', '01']);
    expect(splitSegments('7.01.a')).toBeNull();
    expect(splitSegments('')).toBeNull();
  });
  it('finds a code written in front of a name', () => {
    expect(splitLeadingCode('7.01.01.2.02.0001 Penyediaan Gaji')).toEqual({ code: '7.01.01.2.02.0001', rest: 'Penyediaan Gaji' });
    expect(splitLeadingCode('1.2. Kegiatan Alfa')).toEqual({ code: '1.2', rest: 'Kegiatan Alfa' });
    expect(splitLeadingCode('2024 Belanja')).toBeNull();
    expect(splitLeadingCode('Program Satu')).toBeNull();
  });
  it('reads short codes as urusan and bidang on a SIPD sheet, as outline numbers elsewhere', () => {
    expect(classifyCode('7', { sipdSheet: true, underSubKegiatan: false })!.kind).toBe('sipd');
    expect(classifyCode('7.01', { sipdSheet: true, underSubKegiatan: false })!.kind).toBe('sipd');
    expect(classifyCode('7', { sipdSheet: false, underSubKegiatan: false })!.kind).toBe('outline');
  });
});

describe('outline levels in any mix of styles', () => {
  const depths = (...texts: string[]) => {
    const levels = new OutlineLevels();
    return texts.map((t) => levels.depthOf(t));
  };
  it('opens a level for each new style and closes the deeper ones when a style comes back', () => {
    expect(depths('I', 'A', '1', '1.1', 'a.', 'b)', '2', 'B', 'II', 'A')).toEqual([1, 2, 3, 4, 5, 5, 3, 2, 1, 2]);
  });
  it('tells a Roman numeral from a letter by the sequence it continues', () => {
    expect(depths('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J')).toEqual(Array(10).fill(1));
    expect(depths('I', 'A', 'II', 'III', 'IV', 'V')).toEqual([1, 2, 1, 1, 1, 1]);
    expect(depths('a.', 'i.', 'ii.', 'b.')).toEqual([1, 2, 2, 1]);
  });
  it('reads dotted numbers one level per segment, as before', () => {
    expect(depths('1', '1.2', '1.2.1', '2')).toEqual([1, 2, 3, 1]);
    expect(depths('1.1', '1.1.1', '1.2')).toEqual([2, 3, 2]);
  });
  it('knows a marker when it sees one', () => {
    expect(['I', 'iv.', 'a)', '(b)', '1)', 'A.'].map(isOutlineMarker)).toEqual([true, true, true, true, true, true]);
    expect(['1', '1.2', 'Ab', 'Program', ''].map(isOutlineMarker)).toEqual([false, false, false, false, false]);
    expect(depths('Program', 'DI.')).toEqual([null, null]);
  });
});
