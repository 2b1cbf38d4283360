// The installed `ehpc-vnc` bin, built as CommonJS (dist/cli/ehpc-vnc.cjs): `--version` and plain
// help cost no more than starting Node, since Node's ES module loader is not even set up for
// them. Everything else runs the ES module entry beside it.
import nodeModule from 'node:module';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { answeredAtOnce } from './fast-path';

if (!answeredAtOnce(process.argv.slice(2), __dirname)) {
  // Node 22.1+: compiled code is cached between runs, from the entry on (a no-op on Node 20).
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  void import(pathToFileURL(join(__dirname, 'ehpc-vnc.mjs')).href);
}
