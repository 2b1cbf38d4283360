// How results and errors are printed: results on stdout (text, or only JSON under --json), errors
// on stderr in at most three lines (or one JSON line under --json). Strings from the server are
// escaped, so a cluster name cannot move the cursor or change the terminal's title.
import type { AppErrorInfo } from '../../preload/shared/contract';

export interface CliIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

// C0 and C1 control characters, DEL, and the bidi overrides that reorder what a line shows.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A server string made safe for a terminal: control characters become visible `\uXXXX` escapes. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify already escapes C0 characters; this also escapes C1 and bidi controls. */
export function printJson(io: CliIO, value: unknown): void {
  const text = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  io.stdout.write(`${text}\n`);
}

/** Aligned columns for people (cells escaped); scripts use --json. */
export function printTable(io: CliIO, rows: string[][], out = io.stdout): void {
  const safe = rows.map((row) => row.map(escapeControl));
  const widths = safe.reduce<number[]>(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, [...cell].length)),
    [],
  );
  for (const row of safe) {
    out.write(
      `${row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
}

/** The code as people read it: `BadResponse (HTTP 502)` when the answer was not E-HPC's. */
export function shownCode(error: AppErrorInfo): string {
  if (!error.code) return error.httpStatus ? `HTTP ${error.httpStatus}` : 'Error';
  if (error.code === 'BadResponse' && error.httpStatus) {
    return `BadResponse (HTTP ${error.httpStatus})`;
  }
  return error.code;
}

const oneLine = (text: string): string => escapeControl(text.replace(/\s+/g, ' ').trim());

/** An error as --json prints it, alone on stderr or inside a result (stop --all's failures). */
export interface JsonError {
  code: string;
  message: string;
  requestId: string | null;
  /** Present when the answer had an HTTP status (E-HPC's, or a gateway's). */
  httpStatus?: number;
}

export function jsonError(error: AppErrorInfo): JsonError {
  return {
    code: error.code,
    message: `${error.message} ${error.action}`.trim(),
    requestId: error.requestId ?? null,
    ...(error.httpStatus ? { httpStatus: error.httpStatus } : {}),
  };
}

/** At most three lines: what happened (with the code), what to do, the RequestId. */
export function printError(io: CliIO, error: AppErrorInfo, json = false): void {
  if (json) {
    io.stderr.write(`${JSON.stringify({ error: jsonError(error) })}\n`);
    return;
  }
  const lines = [`error (${shownCode(error)}): ${error.message}`, error.action];
  if (error.requestId) lines.push(`RequestId: ${error.requestId}`);
  io.stderr.write(`${lines.map(oneLine).join('\n')}\n`);
}
