// The installed `ehpc-vnc` bin, built as CommonJS (dist/cli/ehpc-vnc.cjs): `--version` and plain
// help cost no more than starting Node, since Node's ES module loader is not even set up for
// them; `clusters --cached` is answered by a CommonJS bundle of its own
// (cached-launch.ts, dist/cli/ehpc-vnc-cached.cjs). Everything else runs the ES module entry.
import nodeModule from 'node:module';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { answeredAtOnce } from './fast-path';

type CachedLaunch = typeof import('./cached-launch');

/** The cached answer when the command line may ask for one; false: the full run answers. */
async function answeredFromCache(args: string[]): Promise<boolean> {
  if (!args.includes('--cached')) return false;
  const load = nodeModule.createRequire(__filename);
  const { answeredFromCache: answer } = load(
    join(__dirname, 'ehpc-vnc-cached.cjs'),
  ) as CachedLaunch;
  const io = {
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
  return answer(args, io, process.env);
}

const args = process.argv.slice(2);
if (!answeredAtOnce(args, __dirname)) {
  // Node 22.1+: compiled code is cached between runs, from here on (a no-op on Node 20).
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // Nothing is printed before the cached answer is sure, so on any failure the full run starts
  // from the beginning and says what went wrong.
  void answeredFromCache(args)
    .catch(() => false)
    .then((answered) => {
      if (!answered) void import(pathToFileURL(join(__dirname, 'ehpc-vnc.mjs')).href);
    });
}
