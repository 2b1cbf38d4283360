// Runs the built `ehpc-vnc` as a process: through pipes, through a shell pipeline, or on a
// pseudo-terminal (util-linux `script`), the way people and scripts run it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI = resolve('dist/cli/ehpc-vnc.mjs');
/** The installed bin (package.json `bin`): the CommonJS launcher, which answers some commands itself. */
export const BIN = resolve('dist/cli/ehpc-vnc.cjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
  entry: string = CLI,
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [entry, ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A started CLI whose output can be waited on, and that can be sent a signal. */
export interface LiveCli {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  waitFor(text: string | RegExp): Promise<void>;
  exited: Promise<Run>;
}

function live(child: ChildProcessWithoutNullStreams): LiveCli {
  let stdout = '';
  let stderr = '';
  const waiters: { test: (s: string) => boolean; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters])
      if (w.test(stdout + stderr)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), check()));
  child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), check()));
  const exited = new Promise<Run>((done) =>
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr })),
  );
  return {
    child,
    output: () => stdout + stderr,
    exited,
    waitFor: (text) =>
      new Promise<void>((resolveWait, reject) => {
        const test = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
        waiters.push({ test, resolve: resolveWait });
        check();
        void exited.then((r) =>
          reject(new Error(`exited ${r.code} before showing ${String(text)}:\n${stdout}${stderr}`)),
        );
      }),
  };
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): LiveCli {
  return live(spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] }));
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The CLI on a pseudo-terminal: what is written to stdin is typed at it (raw keys included). */
export function startOnTerminal(args: string[], env: NodeJS.ProcessEnv): LiveCli {
  const command = [process.execPath, CLI, ...args].map(shellQuote).join(' ');
  // -e: script exits with the command's exit code; -q: no "Script started" lines.
  return live(
    spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
}

/** A shell pipeline, e.g. `ehpc-vnc clusters | head -1`. */
export function runPipeline(
  cliArgs: string[],
  after: string,
  env: NodeJS.ProcessEnv,
): Promise<Run> {
  const command = `${[process.execPath, CLI, ...cliArgs].map(shellQuote).join(' ')} | ${after}`;
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}
