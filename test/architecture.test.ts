import { readdirSync, readFileSync, statSync } from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.join(__dirname, '..');
const src = path.join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|js)$/.test(f) ? [p] : [];
  });
}

interface SourceFile {
  /** Relative to the project, with `/`. */
  file: string;
  /** Import specifiers as written. */
  imports: string[];
  /** Office.js used as a value (`Excel.run`, `Office.context`), not as a type, as written. */
  officeCalls?: string[];
}

/** `Excel.…` and `Office.context` in expressions: a type (`Excel.RequestContext` in an annotation) is no call. */
function officeCallsIn(file: string, text: string): string[] {
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const call = `${node.expression.text}.${node.name.text}`;
      if (node.expression.text === 'Excel' || call === 'Office.context') calls.push(call);
    }
    ts.forEachChild(node, visit);
  };
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind));
  return calls;
}

function read(file: string): SourceFile {
  const text = readFileSync(file, 'utf8');
  const relative = path.relative(root, file).split(path.sep).join('/');
  return {
    file: relative,
    imports: [...text.matchAll(/from '([^']+)'|import\('([^']+)'\)|require\('([^']+)'\)|reference types="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]),
    officeCalls: officeCallsIn(relative, text),
  };
}

/** Where an import lands, relative to the project, or the package name for a package. */
function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
}

/** The core's rooms, in the order they may depend on each other: a room imports only rooms before it. */
const ROOMS = ['top', 'read', 'compute', 'report', 'run', 'rekap'] as const;

function roomOf(file: string): (typeof ROOMS)[number] | null {
  const m = /^src\/core\/(?:(read|compute|report|run|rekap)\/)?[^/]+$/.exec(file);
  if (!m) return null;
  return (m[1] as Exclude<(typeof ROOMS)[number], 'top'> | undefined) ?? 'top';
}

/** Every import that breaks a rule of the architecture, as `file → import: why`. */
function violations(sources: SourceFile[]): string[] {
  const out: string[] = [];
  for (const { file, imports, officeCalls = [] } of sources) {
    // Excel is reached through the Office adapter only (the demo stands in for Excel itself).
    if (!/^src\/(adapters\/office|demo)\//.test(file)) for (const call of officeCalls) out.push(`${file} → ${call}: Office.js is called only in src/adapters/office`);
    for (const spec of imports) {
      const to = target(file, spec);
      const say = (why: string) => out.push(`${file} → ${spec}: ${why}`);
      if (to.startsWith('test/')) say('src never imports from test/');
      const room = roomOf(file);
      if (room !== null) {
        if (!spec.startsWith('.')) {
          if (spec !== 'decimal.js') say('the core imports no package but decimal.js');
          continue;
        }
        const toRoom = roomOf(to.replace(/(\.tsx?)?$/, '.ts'));
        if (toRoom === null) say('the core imports nothing outside src/core');
        else if (ROOMS.indexOf(toRoom) > ROOMS.indexOf(room)) say(`${room} may not import ${toRoom} (read ← compute ← report ← run ← rekap)`);
      }
      if (/^src\/adapters\/(xlsx|docx|zip)\//.test(file) && builtinModules.includes(spec.replace(/^node:/, ''))) {
        say('the .xlsx, .docx and zip adapters run in a browser’s worker too: Node’s modules only in src/adapters/fs');
      }
      if (/^src\/(taskpane|commands)\//.test(file)) {
        if (/^src\/core\/compute\/engine$/.test(to)) say('the pane and the ribbon compute only through the Office adapter');
        if (spec === 'exceljs' || to.startsWith('src/adapters/xlsx')) say('the pane and the ribbon never use the .xlsx adapter');
      }
    }
  }
  return out;
}

describe('the architecture', () => {
  const sources = files(src).map(read);

  it('holds in src/: read ← compute ← report inside the core, the core host-free, nothing from test/', () => {
    expect(sources.filter((s) => s.file.startsWith('src/core/')).length).toBeGreaterThan(20);
    expect(violations(sources)).toEqual([]);
    for (const file of files(path.join(src, 'core'))) {
      expect(readFileSync(file, 'utf8')).not.toMatch(/\b(Excel|Office)\.(run|context|onReady|actions|RequestContext|Range|Worksheet)\b/);
    }
  });

  it.each([
    ['src/core/read/header.ts', '../compute/match', /read may not import compute/],
    ['src/core/compute/match.ts', '../report/tables', /compute may not import report/],
    ['src/core/report/tables.ts', '../run/run', /report may not import run/],
    ['src/core/run/run.ts', '../rekap/rekap', /run may not import rekap/],
    ['src/core/decimal.ts', './read/amount', /top may not import read/],
    ['src/core/read/amount.ts', 'exceljs', /imports no package/],
    ['src/core/report/tables.ts', '../../adapters/xlsx/read', /nothing outside src\/core/],
    ['src/demo/demo.tsx', '../../test/support/big-workbook', /never imports from test/],
    ['src/taskpane/App.tsx', '../core/compute/engine', /only through the Office adapter/],
    ['src/commands/commands.ts', '../adapters/xlsx/read', /never use the .xlsx adapter/],
    ['src/adapters/xlsx/package.ts', 'zlib', /Node’s modules only in src\/adapters\/fs/],
    ['src/adapters/zip/zip.ts', 'zlib', /Node’s modules only in src\/adapters\/fs/],
    ['src/adapters/docx/build-docx.ts', 'node:stream', /Node’s modules only in src\/adapters\/fs/],
  ])('catches %s importing %s', (file, spec, why) => {
    expect(violations([{ file, imports: [spec] }])).toEqual([expect.stringMatching(why)]);
  });

  it.each([
    ['src/taskpane/host.ts', 'Excel.run'],
    ['src/commands/commands.ts', 'Office.context'],
  ])('catches %s calling %s', (file, call) => {
    expect(violations([{ file, imports: [], officeCalls: [call] }])).toEqual([expect.stringMatching(/Office.js is called only in src\/adapters\/office/)]);
  });

  it('tells a call of Office.js from its types', () => {
    const text = 'let c: Excel.RequestContext; const e: Office.AddinCommands.Event = x; Excel.run(f); Office.context.ui.messageParent(m); Office.onReady(g);';
    expect(officeCallsIn('src/taskpane/x.ts', text)).toEqual(['Excel.run', 'Office.context']);
  });

  it('allows what the layers allow', () => {
    expect(
      violations([
        { file: 'src/core/report/tables.ts', imports: ['../compute/budget', '../read/kinerja-sheet', '../decimal', './table'] },
        { file: 'src/core/compute/engine.ts', imports: ['../read/detect', './budget', '../settings'] },
        { file: 'src/core/rekap/tables.ts', imports: ['../report/table', '../compute/engine', '../decimal', './rekap'] },
        { file: 'src/core/decimal.ts', imports: ['decimal.js', './rect'] },
        { file: 'src/taskpane/App.tsx', imports: ['../adapters/office/hitung-excel', '../core/report/table', 'react'] },
        { file: 'src/adapters/fs/xlsx-file.ts', imports: ['fs', 'path', '../xlsx/read'] },
        { file: 'src/adapters/office/office-env.ts', imports: ['./hitung-excel'], officeCalls: ['Excel.run', 'Office.context'] },
        { file: 'src/demo/demo.tsx', imports: ['../taskpane/host'], officeCalls: ['Excel.run'] },
      ]),
    ).toEqual([]);
  });
});

describe('npm test on a machine with only Node and npm', () => {
  it('runs no program of the system but Node: mkfifo only through test/support/programs.ts, mount only as root where it works', () => {
    const testFiles = files(path.join(root, 'test')).filter((f) => /\.test\.ts$/.test(f) || /[\\/]test[\\/](helpers|support[\\/](?!programs)[^\\/]+)\.ts$/.test(f));
    const called = testFiles.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\b(?:spawn|spawnSync|execFile|execFileSync|exec|execSync)\(\s*'([^']+)'/g)].map((m) => `${path.relative(root, f)}: ${m[1]}`),
    );
    expect(called.filter((c) => !/: u?mount$/.test(c))).toEqual([]);
  });
});
