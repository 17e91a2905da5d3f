#!/usr/bin/env node
import { runCli } from './run';

/** Writes lines into a stream until it fails (a pipe closed early, as by `| head -1`): later lines are dropped, and the run goes on. */
function lines(stream: NodeJS.WriteStream): (line: string) => void {
  let open = true;
  stream.on('error', () => (open = false));
  return (line) => {
    if (open) stream.write(line + '\n');
  };
}

runCli(process.argv.slice(2), { out: lines(process.stdout), err: lines(process.stderr) }).then((code) => {
  process.exitCode = code;
});
