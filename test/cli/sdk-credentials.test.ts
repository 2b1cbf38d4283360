// Issue 13, item 3: the CLI finds what the aliyun CLI and the SDKs already have, through the
// official @alicloud/credentials chain, with real files in a throwaway HOME: the aliyun CLI's
// ~/.aliyun/config.json (its current profile, or ALIBABA_CLOUD_PROFILE) and the SDKs'
// ~/.alibabacloud/credentials. The keychain and the environment stay first.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { CLI, runCli } from './run-cli';

describe('ehpc-vnc with the SDKs’ credentials', () => {
  let fx: AppFixture;
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli is missing: run `npm run build` first.');
    fx = await startAppFixture({ signedIn: false, timeoutMs: 2000 });
    home = await mkdtemp(join(tmpdir(), 'ehpc-home-'));
    // No metadata server here: the chain's ECS RAM role step is switched off, as documented.
    env = { ...fx.cliEnv, HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' };
  });
  afterEach(async () => {
    await rm(join(home, '.aliyun'), { recursive: true, force: true });
    await rm(join(home, '.alibabacloud'), { recursive: true, force: true });
  });
  afterAll(async () => {
    await fx?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  const aliyunConfig = (current: string, profiles: Record<string, string>) =>
    JSON.stringify({
      current,
      profiles: Object.entries(profiles).map(([name, secret]) => ({
        name,
        mode: 'AK',
        access_key_id: EMULATOR_KEY.accessKeyId,
        access_key_secret: secret,
        region_id: 'cn-hangzhou',
      })),
    });

  it('uses the aliyun CLI’s current profile from ~/.aliyun/config.json', async () => {
    await mkdir(join(home, '.aliyun'));
    await writeFile(
      join(home, '.aliyun', 'config.json'),
      aliyunConfig('work', { work: EMULATOR_KEY.accessKeySecret, other: 'wrong-secret' }),
    );
    const who = await runCli(['auth', 'status', '--json'], env);
    expect(who.code).toBe(0);
    expect(JSON.parse(who.stdout)).toMatchObject({ signedIn: true, source: 'sdk' });
    const list = await runCli(['clusters', '--json'], env);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    // ALIBABA_CLOUD_PROFILE picks another of its profiles: the wrong secret is refused (exit 3).
    const other = await runCli(['clusters'], { ...env, ALIBABA_CLOUD_PROFILE: 'other' });
    expect(other.code).toBe(3);
    expect(other.stderr).toMatch(/SignatureDoesNotMatch/);
  });

  it('uses ~/.alibabacloud/credentials', async () => {
    await mkdir(join(home, '.alibabacloud'));
    await writeFile(
      join(home, '.alibabacloud', 'credentials'),
      [
        '[default]',
        'type = access_key',
        `access_key_id = ${EMULATOR_KEY.accessKeyId}`,
        `access_key_secret = ${EMULATOR_KEY.accessKeySecret}`,
        '',
      ].join('\n'),
    );
    const r = await runCli(['clusters', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ regionId: 'cn-hangzhou' });
  });

  it('with none of them, names `ehpc-vnc login` and the environment variables (exit 3)', async () => {
    const r = await runCli(['clusters'], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/ehpc-vnc login.*ALIBABA_CLOUD_ACCESS_KEY_ID/);
  });
});
