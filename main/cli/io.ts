// How the CLI talks to people and scripts: secrets from a hidden prompt on a terminal or from
// stdin lines in a pipe (never from argv), results as text or JSON, errors in at most three lines.
import { read } from 'read';
import type { AppErrorInfo } from '../../preload/shared/contract';

export interface CliIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Reads the lines piped to stdin once, so that several secrets can be taken from it in order. */
export class StdinLines {
  private lines?: string[];
  constructor(private readonly stdin: NodeJS.ReadStream) {}

  async next(what: string): Promise<string> {
    if (!this.lines) {
      let text = '';
      this.stdin.setEncoding('utf8');
      for await (const chunk of this.stdin) text += chunk as string;
      this.lines = text.split(/\r?\n/);
    }
    const line = this.lines.shift();
    if (line === undefined || line === '') throw new UsageError(`Expected ${what} on stdin.`);
    return line;
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Asks for a secret: a hidden prompt on a terminal, the next stdin line otherwise. */
export async function askSecret(
  io: CliIO,
  lines: StdinLines,
  prompt: string,
  opts: { confirm?: boolean } = {},
): Promise<string> {
  if (!io.stdin.isTTY) return lines.next(prompt.replace(/:\s*$/, '').toLowerCase());
  const ask = (p: string) =>
    read({ prompt: p, silent: true, replace: '*', input: io.stdin, output: io.stderr });
  const value = await ask(prompt);
  if (!value) throw new UsageError('Nothing entered.');
  if (opts.confirm && (await ask('Again, to confirm: ')) !== value) {
    throw new UsageError('The two entries differ.');
  }
  return value;
}

/** Asks for a non-secret value (an AccessKey ID): echoed on a terminal. */
export async function askLine(io: CliIO, lines: StdinLines, prompt: string): Promise<string> {
  if (!io.stdin.isTTY) return lines.next(prompt.replace(/:\s*$/, '').toLowerCase());
  return (await read({ prompt, input: io.stdin, output: io.stderr })).trim();
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Aligned columns for people; scripts use --json. */
export function printTable(io: CliIO, rows: string[][]): void {
  const widths = rows.reduce<number[]>(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, [...cell].length)),
    [],
  );
  for (const row of rows) {
    io.stdout.write(
      `${row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
}

/** At most three lines: what happened (with the code), what to do, the RequestId. */
export function printError(io: CliIO, error: AppErrorInfo): void {
  const code = error.code || (error.httpStatus ? `HTTP ${error.httpStatus}` : 'Error');
  const lines = [`error (${code}): ${error.message}`, error.action];
  if (error.requestId) lines.push(`RequestId: ${error.requestId}`);
  io.stderr.write(`${lines.map((l) => l.replace(/\s+/g, ' ').trim()).join('\n')}\n`);
}
