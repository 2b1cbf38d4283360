// The installed `ehpc-vnc` bin, built as CommonJS (dist/cli/ehpc-vnc.cjs): `--version` and plain
// help cost no more than starting Node, since Node's ES module loader is not even set up for
// them. Everything else runs the ES module entry beside it.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { answeredAtOnce } from './fast-path';

if (!answeredAtOnce(process.argv.slice(2), __dirname)) {
  void import(pathToFileURL(join(__dirname, 'ehpc-vnc.mjs')).href);
}
