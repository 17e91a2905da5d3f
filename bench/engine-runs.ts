/**
 * One engine measurement in a fresh process, as a CLI run has it: reads the workbook, runs `hitung`
 * once untimed (the JIT's warm-up), then RUNS timed runs. Prints the seconds as JSON.
 */
import { workbookFromXlsx } from '../src/adapters/fs/xlsx-file';
import { hitung } from '../src/core/compute/engine';

async function main(): Promise<void> {
  const [input, runs] = process.argv.slice(2);
  const workbook = await workbookFromXlsx(input);
  if (hitung(workbook).temuan.some((t) => t.tingkat === 'galat')) throw new Error('the generated workbook should have no galat');
  const seconds: number[] = [];
  for (let i = 0; i < Number(runs); i++) {
    const start = process.hrtime.bigint();
    hitung(workbook);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  console.log(JSON.stringify({ seconds }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
