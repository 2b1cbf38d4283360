// `clusters --cached`, answered by the installed bin (launcher.ts) from a
// CommonJS bundle of its own (dist/cli/ehpc-vnc-cached.cjs), before Node's ES module loader is
// even set up: the parser and the cached read (cached-clusters.ts), and nothing else. Whenever
// anything else is needed (another command, a usage error or help, no region known, nothing
// cached, any error) it prints nothing and says so, and the ES module entry runs the command
// from the start: so the output and the errors are the full run's, byte for byte.
import { CommanderError } from 'commander';
import type { Context } from './command-spec';
import { cachedClusterList } from './cached-clusters';
import { ExitCode } from './exit-codes';
import type { GlobalOptions } from './global-options';
import type { CliIO } from './output';
import { buildProgram } from './program';
import { StdinLines } from './prompts';
import { quietOnEpipe } from './quiet-epipe';

/** Thrown where the full run must take over; never printed. */
const TAKE_OVER = new Error('the full run answers');
const takeOver = (): never => {
  throw TAKE_OVER;
};

/** True when the cached list was printed (exit 0); false: nothing was printed, run the full CLI. */
export async function answeredFromCache(
  argv: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  let chosen: Parameters<Parameters<typeof buildProgram>[0]>[0] | undefined;
  const silent = (): void => undefined;
  const program = buildProgram((c) => (chosen = c), {
    writeOut: silent,
    writeErr: silent,
    outputError: silent,
  });
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return false;
    throw err;
  }
  if (!chosen || chosen.spec.usage !== 'clusters' || chosen.opts.cached !== true) return false;
  const global = program.opts<GlobalOptions>();
  const ctx: Context = {
    io,
    env,
    global,
    json: Boolean(global.json),
    lines: new StdinLines(io),
    runtime: takeOver,
    service: takeOver,
    cachedClusters: () => Promise.resolve(cachedClusterList(global, io, env) ?? takeOver()),
  };
  // As the full run has them while nothing but the parser is loaded.
  const interrupted = (): never => process.exit(ExitCode.Cancelled);
  process.prependListener('SIGINT', interrupted);
  process.stdout.on('error', quietOnEpipe);
  try {
    process.exitCode = await chosen.spec.run(ctx, chosen.args, chosen.opts);
    return true;
  } catch {
    process.stdout.off('error', quietOnEpipe);
    return false;
  } finally {
    process.off('SIGINT', interrupted);
  }
}
