// `ehpc-vnc`: the tray app's core from a terminal or a script (a logout hook that stops VNC).
// Every command goes through the same AppService and handler validation as the app; this file
// parses the command line, registers the commands (one line each) and turns errors into output.
import { Command, CommanderError, type OutputConfiguration } from 'commander';
import type { AppService } from '../core/app-service';
import type { CommandSpec, Context, Runtime } from './command-spec';
import { CancelledError, usageError } from './cli-error';
import { auth, login, logout, whoami } from './commands/account';
import { clusters, regions } from './commands/clusters';
import { completion, version } from './commands/completion';
import { connect } from './commands/connect';
import { pending } from './commands/pending';
import { passwd, start, status, stop } from './commands/vnc';
import { exitCodeFor, ExitCode } from './exit-codes';
import { addGlobalOptions, helpFooter, type GlobalOptions } from './global-options';
import { printError, type CliIO } from './output';
import { StdinLines } from './prompts';
import { CLI_VERSION } from './version';

type Chosen = { spec: CommandSpec; args: string[]; opts: Record<string, unknown> };

export function buildProgram(
  choose: (chosen: Chosen) => void,
  output: OutputConfiguration,
): Command {
  // Before the commands are added: each copies its parent's output settings when created.
  const program = addGlobalOptions(new Command('ehpc-vnc').configureOutput(output))
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
  add(connect);
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
  const ctx: CliContext = {
    io,
    env,
    global,
    json: Boolean(global.json),
    lines: new StdinLines(io),
    runtime: () =>
      (runtime ??= import('./runtime').then((rt) => {
        ctx.loaded = rt;
        return rt;
      })),
    service: () =>
      (service ??= ctx.runtime().then((rt) => (ctx.built = rt.buildService(global, io, env)))),
    cachedClusters: () =>
      import('./cached-clusters').then((m) => m.cachedClusterList(global, io, env)),
  };
  return ctx;
}

/** The context with what has been loaded so far, for the Ctrl-C handler (which cannot wait). */
interface CliContext extends Context {
  loaded?: Runtime;
  built?: AppService;
}

/** Ctrl-C, at a prompt or mid-command: `Cancelled.`, and whether stops were journalled. */
function reportCancelled(rt: Runtime, ctx: CliContext, json: boolean): number {
  const count = ctx.built?.listPendingStops().length ?? 0;
  const text =
    count > 0
      ? rt.describeError({
          code: 'Cancelled',
          variant: 'journalled',
          params: { count: String(count) },
        })
      : { message: rt.describeError({ code: 'Cancelled' }).message, action: '' };
  if (json) printError(ctx.io, { code: 'Cancelled', retryable: false, ...text }, true);
  else ctx.io.stderr.write(`${[text.message, text.action].filter(Boolean).join('\n')}\n`);
  return ExitCode.Cancelled;
}

/**
 * Ctrl-C mid-command. Answered synchronously, ahead of the settings library's own handler, which
 * re-raises the signal (and so would end the process before anything is printed).
 */
function onInterrupt(ctx: CliContext, json: boolean): () => void {
  return () => {
    if (ctx.loaded) process.exit(reportCancelled(ctx.loaded, ctx, json));
    process.exit(ExitCode.Cancelled);
  };
}

async function reportError(
  err: unknown,
  ctx: CliContext | undefined,
  io: CliIO,
  json: boolean,
): Promise<number> {
  const rt = await import('./runtime');
  if (err instanceof CancelledError && ctx) return reportCancelled(rt, ctx, json);
  const { errorInfo } = rt;
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
  const program = buildProgram((c) => (chosen = c), {
    writeOut: (s) => io.stdout.write(s),
    // Help shown for an error (`help bogus`, no command) goes to stderr; under --json stderr
    // carries only the one JSON line, so it is left out there.
    writeErr: (s) => (json ? undefined : io.stderr.write(s)),
    outputError: (s) => (parserMessage += s),
  });
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.exitCode === 0) return ExitCode.Ok;
    const detail = parserMessage.replace(/^error:\s*/i, '').trim();
    // A command's own help lists its options: name it when the command is known.
    const command = argv.find((a) => program.commands.some((c) => c.name() === a));
    const usage =
      command && command !== 'help'
        ? usageError('parserCommand', { detail, command })
        : usageError('parser', { detail });
    return reportError(usage, undefined, io, json);
  }
  if (!chosen) {
    if (json) return reportError(usageError('parser', { detail: '' }), undefined, io, json);
    program.outputHelp({ error: true });
    return ExitCode.Usage;
  }
  const ctx: CliContext = contextFor(io, env, program.opts<GlobalOptions>());
  const interrupted = onInterrupt(ctx, json);
  process.prependListener('SIGINT', interrupted);
  try {
    return await chosen.spec.run(ctx, chosen.args, chosen.opts);
  } catch (err) {
    return await reportError(err, ctx, io, json);
  } finally {
    process.off('SIGINT', interrupted);
    // The cluster cache is written after the answer; the command is done when it is on disk.
    await ctx.built?.idle();
  }
}
