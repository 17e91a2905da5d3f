import { classifyCode, splitLeadingCode, splitSegments } from '../../../src/core/read/kode';

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
