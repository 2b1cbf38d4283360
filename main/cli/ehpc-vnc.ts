// Entry point of the `ehpc-vnc` binary. `--version` is answered here, before anything is loaded;
// every other command imports the parser, and the core only when a command needs it.
import { readFileSync } from 'node:fs';
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

const HELP_FLAGS = ['--help', '-h'];

/** Whose help a plain help request asks for: '' for the program, a command's name, or undefined. */
function helpTopic(args: string[]): string | undefined {
  const [first, second, ...rest] = args;
  if (rest.length > 0 || first === undefined) return undefined;
  if (second === undefined) return HELP_FLAGS.includes(first) || first === 'help' ? '' : undefined;
  if (first === 'help') return second;
  return HELP_FLAGS.includes(second) && !first.startsWith('-') ? first : undefined;
}

/**
 * The help texts commander printed at build time (scripts/build.mjs writes help.json beside this
 * file), so a plain `--help` loads no parser. Absent when run from source: commander answers.
 */
function cachedHelp(topic: string): string | undefined {
  try {
    const texts = JSON.parse(readFileSync(new URL('./help.json', import.meta.url), 'utf8')) as
      Record<string, string> | undefined;
    return texts && Object.hasOwn(texts, topic) ? texts[topic] : undefined;
  } catch {
    return undefined;
  }
}

const topic = helpTopic(argv);
const help = topic === undefined ? undefined : cachedHelp(topic);

if (argv.length === 1 && ['--version', '-V', 'version'].includes(argv[0] as string)) {
  process.stdout.write(`${CLI_VERSION}\n`);
} else if (help !== undefined) {
  process.stdout.write(help);
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
