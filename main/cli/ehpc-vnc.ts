// Entry point of the `ehpc-vnc` binary. `--version` is answered here, before anything is loaded;
// every other command imports the parser, and the core only when a command needs it.
import nodeModule from 'node:module';
import { CLI_VERSION } from './version';

const argv = process.argv.slice(2);

// `clusters | head -1`: the reader left; stop quietly instead of printing a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

function reportBug(err: unknown): void {
  // Only a bug gets here; still no stack trace for people, just what to report.
  process.stderr.write(
    `error: unexpected failure (${err instanceof Error ? err.name : 'unknown'}). Please report it.\n`,
  );
  process.exitCode = 1;
}

if (argv.length === 1 && ['--version', '-V', 'version'].includes(argv[0] as string)) {
  process.stdout.write(`${CLI_VERSION}\n`);
} else {
  // Node 22.1+: cache compiled code between runs (a no-op where the runtime lacks it).
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  import('./program')
    .then(({ main }) => main(argv, io, process.env))
    .then((code) => {
      process.exitCode = code;
    }, reportBug);
}
