import { EngineResult } from '../compute/engine';
import { buildNarasi, draftWarning, Narasi } from './narrative';
import { Table } from './table';
import { buildTables } from './tables';

/**
 * Everything a run reports, worked out once from the engine's result: chapter III's narrative, the
 * tables in report order with the narrative placed beside them, and the draft warning. The sheets,
 * the Word document, the HTML and the JSON are all drawn from it.
 */
export interface Report {
  result: EngineResult;
  narasi: Narasi;
  tables: Table[];
  /** While the figures rest on galat or on a doubtful reading, what the pane and the .docx say first; null otherwise. */
  draftWarning: string | null;
}

export function buildReport(result: EngineResult): Report {
  const narasi = buildNarasi(result);
  return { result, narasi, tables: buildTables(result, narasi), draftWarning: draftWarning(result) };
}
