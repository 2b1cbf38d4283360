// Issue #13 item 3 from the CLI's side: without --profile or ALIBABA_CLOUD_PROFILE, the built
// `ehpc-vnc` uses the profile the app's settings chose; either of those wins over it for the one
// run and leaves the settings alone. Real processes, the real keychain, the emulator.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keytarKeychain } from '../../main/core/keychain';
import { CredentialVault } from '../../main/core/vault';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { CLI, runCli } from './run-cli';

const WORK_KEY = {
  accessKeyId: 'TESTAKIDWORK00000002',
  accessKeySecret: 'emulator-secret-work-profile-0002',
};

describe('ehpc-vnc and the app’s active profile', () => {
  let fx: AppFixture;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli is missing: run `npm run build` first.');
    fx = await startAppFixture({ clusters: 2, timeoutMs: 3000 });
    fx.emulator.addAccessKey(WORK_KEY);
    await new CredentialVault({ service: fx.keychainService, profile: 'work' }).saveAccessKey(
      WORK_KEY,
    );
  });
  afterAll(async () => {
    const keychain = keytarKeychain();
    for (const { account } of await keychain.findCredentials(fx.keychainService))
      await keychain.deletePassword(fx.keychainService, account);
    await fx?.close();
  });

  it('follows the settings’ profile; --profile and ALIBABA_CLOUD_PROFILE win for one run', async () => {
    const before = await runCli(['whoami', '--json'], fx.cliEnv);
    expect(JSON.parse(before.stdout)).toMatchObject({
      profile: 'default',
      accessKeyId: 'TEST****0001',
    });

    // What the window's profile choice does.
    expect((await fx.handlers.useProfile({ profile: 'work' })).ok).toBe(true);
    const after = await runCli(['whoami', '--json'], fx.cliEnv);
    expect(JSON.parse(after.stdout)).toMatchObject({
      profile: 'work',
      accessKeyId: 'TEST****0002',
    });
    const listed = await runCli(['clusters', '--json'], fx.cliEnv);
    expect(listed.code).toBe(0);
    const request = fx.emulator.requests.filter((r) => r.action === 'ListClusters').at(-1);
    expect(request?.headers.authorization).toContain(`Credential=${WORK_KEY.accessKeyId}`);

    const flag = await runCli(['whoami', '--json', '--profile', 'default'], fx.cliEnv);
    expect(JSON.parse(flag.stdout)).toMatchObject({
      profile: 'default',
      accessKeyId: 'TEST****0001',
    });
    const env = await runCli(['whoami', '--json'], {
      ...fx.cliEnv,
      ALIBABA_CLOUD_PROFILE: 'default',
    });
    expect(JSON.parse(env.stdout)).toMatchObject({ profile: 'default' });
    // Neither changed the app's choice.
    expect(fx.settings.get().profile).toBe('work');
  });
});
