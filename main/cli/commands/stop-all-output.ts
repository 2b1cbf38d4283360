// How `stop --all` reports: one summary line, then one table of the failures (not two lines per
// cluster); under --json the result object. Exit 1 when any stop failed.
import type { StopAllResult } from '../../../preload/shared/shapes';
import type { Context } from '../command-spec';
import { ExitCode } from '../exit-codes';
import { printJson, printTable, shownCode } from '../output';

export async function printStopAll(ctx: Context, result: StopAllResult): Promise<number> {
  const ok = result.failed.length === 0;
  if (ctx.json) {
    printJson(ctx.io, { ok, ...result });
    return ok ? ExitCode.Ok : ExitCode.Failure;
  }
  const failed = result.failed.length;
  ctx.io.stdout.write(
    `Stopped VNC on ${result.stopped.length} cluster(s); ${result.alreadyStopped.length} already stopped` +
      `${failed ? `; ${failed} failed` : ''}.\n`,
  );
  if (!ok) {
    const { cliWords, describeError } = await ctx.runtime();
    printTable(
      ctx.io,
      [
        ['CLUSTER', 'ERROR', 'WHAT HAPPENED'],
        ...result.failed.map((f) => {
          const info = cliWords(f.error);
          return [f.clusterId, shownCode(info), info.message];
        }),
      ],
      ctx.io.stderr,
    );
    if (result.failed.some((f) => f.error.pendingStop))
      ctx.io.stderr.write(`${describeError({ code: 'PendingStop', variant: 'cli' }).action}\n`);
  }
  return ok ? ExitCode.Ok : ExitCode.Failure;
}
