// What `ehpc-vnc` answers before loading anything: the version, and a plain help request from
// help.json (commander's own text, written at build time by scripts/build.mjs). Shared by the
// CommonJS launcher (the installed bin: no ES module loader at all) and the ES module entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_VERSION } from './version';

const HELP_FLAGS = ['--help', '-h'];

/** Whose help a plain help request asks for: '' for the program, a command's name, or undefined. */
function helpTopic(args: string[]): string | undefined {
  const [first, second, ...rest] = args;
  if (rest.length > 0 || first === undefined) return undefined;
  if (second === undefined) return HELP_FLAGS.includes(first) || first === 'help' ? '' : undefined;
  if (first === 'help') return second;
  return HELP_FLAGS.includes(second) && !first.startsWith('-') ? first : undefined;
}

/** The help text of `topic`; undefined when help.json is absent (run from source) or lacks it. */
function cachedHelp(dir: string, topic: string): string | undefined {
  try {
    const texts = JSON.parse(readFileSync(join(dir, 'help.json'), 'utf8')) as Record<
      string,
      string
    >;
    return Object.hasOwn(texts, topic) ? texts[topic] : undefined;
  } catch {
    return undefined;
  }
}

/** Prints the version or a cached help text and returns true; false when the CLI must run. */
export function answeredAtOnce(args: string[], dir: string): boolean {
  if (args.length === 1 && ['--version', '-V', 'version'].includes(args[0] as string)) {
    process.stdout.write(`${CLI_VERSION}\n`);
    return true;
  }
  const topic = helpTopic(args);
  const help = topic === undefined ? undefined : cachedHelp(dir, topic);
  if (help === undefined) return false;
  process.stdout.write(help);
  return true;
}
