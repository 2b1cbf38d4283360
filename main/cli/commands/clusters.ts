// Listing: the regions E-HPC offers, and the clusters of the region (fresh, or --cached at once).
import type { CommandSpec } from '../command-spec';
import { ExitCode } from '../exit-codes';
import { escapeControl, printJson, printTable } from '../output';

export const regions: CommandSpec = {
  usage: 'regions',
  summary: 'list the regions E-HPC offers',
  examples: ['ehpc-vnc regions', 'ehpc-vnc regions --json'],
  async run(ctx) {
    const list = await (await ctx.service()).listRegions();
    if (ctx.json) printJson(ctx.io, list);
    else
      printTable(
        ctx.io,
        list.map((r) => [r.regionId, r.localName ?? '']),
      );
    return ExitCode.Ok;
  },
};

export const clusters: CommandSpec = {
  usage: 'clusters',
  summary: 'list the clusters of the region',
  examples: [
    'ehpc-vnc clusters',
    'ehpc-vnc clusters --cached --json',
    'ehpc-vnc clusters --region cn-shanghai | head -1',
  ],
  options: (c) =>
    c.option('--cached', 'print the list cached by the last refresh (app or CLI), at once'),
  async run(ctx, _args, opts) {
    // --cached: what the window shows first, with no request (a fresh list when none is cached),
    // read without the core when the region is given.
    const list =
      (opts.cached ? await ctx.cachedClusters() : undefined) ??
      (await (await ctx.service()).listClusters({ refresh: !opts.cached }));
    if (ctx.json) {
      printJson(ctx.io, {
        regionId: list.regionId,
        fetchedAt: list.fetchedAt ?? null,
        fromCache: list.fromCache,
        clusters: list.clusters,
      });
      return ExitCode.Ok;
    }
    if (list.fromCache) {
      ctx.io.stderr.write(
        `Cached at ${list.fetchedAt}; run \`ehpc-vnc clusters\` without --cached for the current list.\n`,
      );
    }
    if (list.clusters.length === 0) {
      ctx.io.stdout.write(`No clusters in ${escapeControl(list.regionId)}.\n`);
    } else {
      printTable(ctx.io, [
        ['ID', 'NAME', 'STATUS'],
        ...list.clusters.map((c) => [c.id, c.name, c.status]),
      ]);
    }
    return ExitCode.Ok;
  },
};
