import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const src = path.join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'|require\('([^']+)'\)|reference types="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]);

describe('the layers', () => {
  it('keep the core free of any host: only decimal.js, no Office.js, ExcelJS, docx, React or Node modules', () => {
    for (const file of files(path.join(src, 'core'))) {
      for (const dep of imports(file)) expect([path.relative(src, file), dep]).toEqual([path.relative(src, file), expect.stringMatching(/^(\.\/|decimal\.js$)/)]);
      expect(readFileSync(file, 'utf8')).not.toMatch(/\b(Excel|Office)\.(run|context|onReady|actions|RequestContext|Range|Worksheet)\b/);
    }
  });

  it('let the task pane and the ribbon command compute only through the Excel adapter', () => {
    for (const file of [...files(path.join(src, 'taskpane')), ...files(path.join(src, 'commands'))]) {
      const deps = imports(file);
      expect(deps).not.toContain('../core/engine');
      expect(deps.filter((d) => d.includes('exceljs') || d.includes('adapters/xlsx'))).toEqual([]);
    }
  });
});
