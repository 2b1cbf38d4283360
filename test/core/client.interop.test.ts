// @alicloud/openapi-client is CommonJS with `exports.default = Client`; the app is ESM. The client
// must find the SDK class however it is loaded: under vitest (the other client tests), under tsx
// (`npm run emulator`, scripts) and from an esbuild bundle with packages external run by plain
// Node (the CLI and Electron main). This runs the same small program both ways against the
// emulator and checks what it prints.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY, startEmulator, type Emulator } from '../emulator';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
// Inside the project so that Node resolves the SDK from its node_modules, as the real bundles do.
const workDir = path.join(root, 'node_modules', '.cache', 'ehpc-client-interop');
const entry = path.join(workDir, 'entry.mts');
const bundle = path.join(workDir, 'entry.mjs');

const program = `
import { EhpcClient } from ${JSON.stringify(path.join(root, 'main/core/ehpc/client.ts'))};
import { AppError } from ${JSON.stringify(path.join(root, 'main/core/app-error.ts'))};
const env = process.env;
const credentials = { accessKeyId: env.EMU_KEY_ID ?? '', accessKeySecret: env.EMU_KEY_SECRET ?? '' };
const client = new EhpcClient({ credentials, regionId: env.EMU_REGION ?? '', endpoint: env.EMU_URL });
const listed = await client.listClusters();
const wrong = new EhpcClient({ credentials: { ...credentials, accessKeySecret: 'wrong' }, regionId: env.EMU_REGION ?? '', endpoint: env.EMU_URL, retry: { maxAttempts: 1 } });
let failure = {};
try {
  await wrong.listRegions();
} catch (e) {
  failure = { isAppError: e instanceof AppError, code: e.code };
}
console.log(JSON.stringify({ count: listed.clusters.length, first: listed.clusters[0]?.id, failure }));
`;

describe('SDK interop outside vitest', () => {
  let emu: Emulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emu = await startEmulator({ clusters: 55 });
    env = {
      ...process.env,
      EMU_URL: emu.url,
      EMU_REGION: emu.regionId,
      EMU_KEY_ID: EMULATOR_KEY.accessKeyId,
      EMU_KEY_SECRET: EMULATOR_KEY.accessKeySecret,
    };
    await mkdir(workDir, { recursive: true });
    await writeFile(entry, program);
  });
  afterAll(() => emu.close());

  const expected = {
    count: 55,
    first: 'ehpc-hz-000001',
    failure: { isAppError: true, code: 'SignatureDoesNotMatch' },
  };

  it('works from an esbuild ESM bundle (packages external) run by node', async () => {
    await build({
      entryPoints: [entry],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const { stdout } = await run(process.execPath, [bundle], { env, cwd: root });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('works under tsx', async () => {
    const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
    const { stdout } = await run(process.execPath, [tsx, entry], { env, cwd: root });
    expect(JSON.parse(stdout)).toEqual(expected);
  });
});
