// Entry point of the `ehpc-vnc` binary.
import { main } from './program';

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
main(process.argv.slice(2), io, process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Only a bug gets here; still no stack trace for people, just what to report.
    process.stderr.write(
      `error: unexpected failure (${err instanceof Error ? err.name : 'unknown'}). Please report it.\n`,
    );
    process.exitCode = 1;
  },
);
