import { CellValue, isCellError } from '../grid';
import { parseAmount } from './amount';
import { parseKinerjaValue } from './kinerja-sheet';
import { splitSegments } from './kode';

/** What a cell holds, to tell a column of figures from one of words. */
export type Content = 'figure' | 'text' | 'unclear' | 'empty';

/** An amount on a DPA or realisasi sheet: a number, or text such as `2.700.414.981`; `1.2` and `7.01.01` are row numbers and codes. */
export function budgetContent(v: CellValue): Content {
  if (typeof v === 'number') return 'figure';
  if (typeof v !== 'string') return v === null ? 'empty' : 'unclear';
  const amount = parseAmount(v);
  if (amount.kind === 'empty') return 'empty';
  const segments = splitSegments(v);
  // `12` written as text may be an amount or a row's number.
  if (segments?.length === 1) return 'unclear';
  if (segments && segments.slice(1).some((s) => s.length !== 3)) return 'text';
  return amount.kind === 'number' ? 'figure' : 'text';
}

/** A target or realisasi: a figure, a range or a SAKIP grade; a few words without a figure may be a level of a scale (`WTP`, `Sangat Baik`). */
export function kinerjaContent(v: CellValue): Content {
  const value = parseKinerjaValue(v, null, { lembar: '', sel: '' });
  if (value === null) return 'empty';
  if (value.nilai !== null || value.rentang !== null) return 'figure';
  if (isCellError(v) || value.teks.split(/\s+/).length <= 3) return 'unclear';
  return 'text';
}
