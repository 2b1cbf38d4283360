// `ehpc-vnc`: the tray app's core from a terminal or a script (a logout hook that stops VNC).
// Every command goes through the same AppService and handler validation as the app; this file
// parses the command line, registers the commands (one line each) and turns errors into output.
import { Command, CommanderError } from 'commander';
import type { AppService } from '../core/app-service';
import type { CommandSpec, Context, Runtime } from './command-spec';
import { CancelledError, usageError } from './cli-error';
import { auth, login, logout, whoami } from './commands/account';
import { clusters, regions } from './commands/clusters';
import { completion, version } from './commands/completion';
import { pending } from './commands/pending';
import { passwd, start, status, stop } from './commands/vnc';
import { exitCodeFor, ExitCode } from './exit-codes';
import { addGlobalOptions, helpFooter, type GlobalOptions } from './global-options';
import { printError, type CliIO } from './output';
import { StdinLines } from './prompts';
import { CLI_VERSION } from './version';

type Chosen = { spec: CommandSpec; args: string[]; opts: Record<string, unknown> };

export function buildProgram(choose: (chosen: Chosen) => void): Command {
  const program = addGlobalOptions(new Command('ehpc-vnc'))
    .description('Set and stop the VNC remote visualization of Alibaba Cloud E-HPC clusters.')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError(false)
    .exitOverride()
    .addHelpText(
      'after',
      helpFooter(['ehpc-vnc login', 'ehpc-vnc clusters --json', 'ehpc-vnc stop --all']),
    );

  const add = (spec: CommandSpec): void => {
    const cmd = program
      .command(spec.usage)
      .description(spec.summary)
      .aliases([...(spec.aliases ?? [])])
      .exitOverride()
      .addHelpText('after', helpFooter(spec.examples));
    (spec.options ? spec.options(cmd) : cmd).action((...a: unknown[]) => {
      const command = a[a.length - 1] as Command;
      choose({ spec, args: command.args, opts: command.opts() });
    });
  };
  // The commands, one line each.
  add(login);
  add(logout);
  add(auth);
  add(whoami);
  add(regions);
  add(clusters);
  add(status);
  add(start);
  add(stop);
  add(pending);
  add(passwd);
  add(completion(() => program.commands.map((c) => c.name())));
  add(version(() => CLI_VERSION));
  return program;
}

/** Builds the command's context: the runtime and the service are imported and built on first use. */
function contextFor(io: CliIO, env: NodeJS.ProcessEnv, global: GlobalOptions): Context {
  let runtime: Promise<Runtime> | undefined;
  let service: Promise<AppService> | undefined;
  const ctx: Context = {
    io,
    env,
    global,
    json: Boolean(global.json),
    lines: new StdinLines(io.stdin),
    runtime: () => (runtime ??= import('./runtime')),
    service: () =>
      (service ??= ctx.runtime().then((rt) => {
        const built = rt.buildService(global, io, env);
        built$ = built;
        return built;
      })),
  };
  let built$: AppService | undefined;
  Object.defineProperty(ctx, 'built', { get: () => built$ });
  return ctx;
}

const builtService = (ctx: Context): AppService | undefined =>
  (ctx as Context & { built?: AppService }).built;

/** Ctrl-C, at a prompt or mid-command: `Cancelled.`, and whether stops were journalled. */
async function reportCancelled(
  ctx: Context | undefined,
  io: CliIO,
  json: boolean,
): Promise<number> {
  const { describeError } = await import('./runtime');
  const service = ctx && builtService(ctx);
  const count = service?.listPendingStops().length ?? 0;
  const text =
    count > 0
      ? describeError({
          code: 'Cancelled',
          variant: 'journalled',
          params: { count: String(count) },
        })
      : { message: describeError({ code: 'Cancelled' }).message, action: '' };
  if (json) printError(io, { code: 'Cancelled', retryable: false, ...text }, true);
  else io.stderr.write(`${[text.message, text.action].filter(Boolean).join('\n')}\n`);
  return ExitCode.Cancelled;
}

async function reportError(
  err: unknown,
  ctx: Context | undefined,
  io: CliIO,
  json: boolean,
): Promise<number> {
  if (err instanceof CancelledError) return reportCancelled(ctx, io, json);
  const { errorInfo } = await import('./runtime');
  const info = errorInfo(err);
  printError(io, info, json);
  // A journalled stop is a failure to retry later (1), even when the keychain was the cause.
  return info.pendingStop ? ExitCode.Failure : exitCodeFor(info);
}

/** Runs the CLI and resolves to its exit code. Only Ctrl-C mid-command calls process.exit. */
export async function main(argv: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const json = argv.includes('--json');
  let chosen: Chosen | undefined;
  let parserMessage = '';
  const program = buildProgram((c) => (chosen = c));
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: (s) => (parserMessage += s),
  });
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.exitCode === 0) return ExitCode.Ok;
    const detail = parserMessage.replace(/^error:\s*/i, '').trim();
    return reportError(usageError('parser', { detail }), undefined, io, json);
  }
  if (!chosen) {
    program.outputHelp({ error: true });
    return ExitCode.Usage;
  }
  const ctx = contextFor(io, env, program.opts<GlobalOptions>());
  const onInterrupt = (): void => {
    void reportCancelled(ctx, io, json).then((code) => process.exit(code));
  };
  process.once('SIGINT', onInterrupt);
  try {
    return await chosen.spec.run(ctx, chosen.args, chosen.opts);
  } catch (err) {
    return await reportError(err, ctx, io, json);
  } finally {
    process.off('SIGINT', onInterrupt);
    // The cluster cache is written after the answer; the command is done when it is on disk.
    await builtService(ctx)?.idle();
  }
}
