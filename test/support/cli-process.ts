import { spawn, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { temporaryFolder } from './temp';

/** The CLI in a process of its own, compiled from the sources, for what must be measured or run apart. */

const root = path.join(__dirname, '..', '..');

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMb: number;
}

/** The environment the compiled CLI runs in: its packages are the project's. */
export const CLI_ENV = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };

/** Compiles the CLI into a temporary folder (readable by every user) and returns its main.js. */
export async function compileCli(): Promise<string> {
  const out = await temporaryFolder('hc-cli-');
  await fs.chmod(out, 0o755);
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', out], {
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(tsc.stdout + tsc.stderr);
  return path.join(out, 'cli', 'main.js');
}

/**
 * The CLI's sources transpiled file by file, without type checking (npm run typecheck does that), into
 * a temporary folder: a second where compileCli takes a minute, for tests of what only the built CLI
 * does (its worker threads start from their .js file).
 */
export async function transpileCli(): Promise<string> {
  const out = await temporaryFolder('hc-cli-');
  await fs.chmod(out, 0o755);
  const src = path.join(root, 'src');
  for (const folder of ['core', 'adapters/xlsx', 'adapters/zip', 'adapters/fs', 'adapters/docx', 'cli']) {
    for (const name of await fs.readdir(path.join(src, folder), { recursive: true })) {
      if (!name.endsWith('.ts')) continue;
      const file = path.join(src, folder, name);
      const { outputText } = ts.transpileModule(await fs.readFile(file, 'utf8'), {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      const target = path.join(out, path.relative(src, file)).replace(/\.ts$/, '.js');
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, outputText);
    }
  }
  return path.join(out, 'cli', 'main.js');
}

/** Runs it, killed after `limitSeconds`; reports wall time and peak resident memory. */
export function runCliProcess(main: string, args: string[], options: { limitSeconds?: number; uid?: number; gid?: number } = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', path.join(root, 'bench', 'report-rss.js'), main, ...args], {
      env: CLI_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), (options.limitSeconds ?? 60) * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const kb = Number(/PEAK_RSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ code, stdout, stderr: stderr.replace(/\n?PEAK_RSS_KB \d+\n/, ''), seconds: Number(process.hrtime.bigint() - start) / 1e9, peakMb: kb / 1024 });
    });
  });
}
