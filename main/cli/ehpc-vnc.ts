// Entry point of `ehpc-vnc` as an ES module (dist/cli/ehpc-vnc.mjs; the installed bin is the
// CommonJS launcher, which imports this). `--version` and plain help are answered at once
// (fast-path.ts); every other command imports the parser, and the core only when it needs it.
import nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { answeredAtOnce } from './fast-path';
import { quietOnEpipe } from './quiet-epipe';

const argv = process.argv.slice(2);

process.stdout.on('error', quietOnEpipe);

function reportBug(err: unknown): void {
  // Only a bug gets here; still no stack trace for people, just what to report.
  process.stderr.write(
    `error: unexpected failure (${err instanceof Error ? err.name : 'unknown'}). Please report it.\n`,
  );
  process.exitCode = 1;
}

if (!answeredAtOnce(argv, fileURLToPath(new URL('.', import.meta.url)))) {
  // Node 22.1+: cache compiled code between runs (a no-op where the runtime lacks it, and when
  // the installed bin, launcher.ts, has turned it on already).
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const io = {
    // On first use only: most commands never read stdin, and setting it up costs time.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
  import('./program')
    .then(({ main }) => main(argv, io, process.env))
    .then((code) => {
      process.exitCode = code;
    }, reportBug);
}
