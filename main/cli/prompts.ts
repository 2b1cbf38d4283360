// Prompts: secrets from a hidden prompt on a terminal or from stdin lines in a pipe (never from
// argv). On a terminal, Ctrl-D ends the prompt with nothing done (exit 2) and Ctrl-C cancels
// (exit 130); in a pipe, a missing line is a usage error.
import { CancelledError, usageError } from './cli-error';
import type { CliIO } from './output';

/** Reads the lines piped to stdin once, so that several secrets can be taken from it in order. */
export class StdinLines {
  private lines?: string[];
  /** Takes the streams, not stdin itself: setting up process.stdin costs time a command may not need. */
  constructor(private readonly io: Pick<CliIO, 'stdin'>) {}

  async next(what: string): Promise<string> {
    if (!this.lines) {
      let text = '';
      const stdin = this.io.stdin;
      stdin.setEncoding('utf8');
      for await (const chunk of stdin) text += chunk as string;
      this.lines = text.split(/\r?\n/);
    }
    const line = this.lines.shift();
    if (line === undefined || line === '') throw usageError('stdin', { what });
    return line;
  }
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';

/** One line from a terminal in raw mode: echoed, or `*` per character when `hidden`. */
function terminalLine(io: CliIO, prompt: string, hidden: boolean): Promise<string> {
  const stdin = io.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.setRawMode(false);
      stdin.pause();
      io.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const c of chunk.toString()) {
        if (c === CTRL_C) return finish(new CancelledError('Cancelled.'));
        if (c === CTRL_D) {
          if (value === '') return finish(usageError('eof'));
          continue;
        }
        if (c === '\r' || c === '\n') return finish();
        if (c === '\u007f' || c === '\b') {
          if (value.length > 0) {
            value = [...value].slice(0, -1).join('');
            io.stderr.write('\b \b');
          }
          continue;
        }
        if (c < ' ') continue;
        value += c;
        io.stderr.write(hidden ? '*' : c);
      }
    };
    // The terminal closed under the prompt: as Ctrl-D.
    const onEnd = () => finish(usageError('eof'));
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    // Shown once the terminal is raw: keys typed after the prompt appears are read one by one.
    io.stderr.write(prompt);
  });
}

/** A prompt as a stdin error names it: "password of root…", but "AccessKey ID" kept as written. */
function stdinName(prompt: string): string {
  return prompt.replace(/:\s*$/, '').replace(/^[A-Z](?=[a-z]*\b)/, (c) => c.toLowerCase());
}

/** Asks for a secret: a hidden prompt on a terminal, the next stdin line otherwise. */
export async function askSecret(
  io: CliIO,
  lines: StdinLines,
  prompt: string,
  opts: { confirm?: boolean } = {},
): Promise<string> {
  if (!io.stdin.isTTY) return lines.next(stdinName(prompt));
  const value = await terminalLine(io, prompt, true);
  if (!value) throw usageError('empty');
  if (opts.confirm && (await terminalLine(io, 'Again, to confirm: ', true)) !== value) {
    throw usageError('differ');
  }
  return value;
}

/** Asks for a non-secret value (an AccessKey ID): echoed on a terminal. */
export async function askLine(io: CliIO, lines: StdinLines, prompt: string): Promise<string> {
  if (!io.stdin.isTTY) return lines.next(stdinName(prompt));
  const value = (await terminalLine(io, prompt, false)).trim();
  if (!value) throw usageError('empty');
  return value;
}
