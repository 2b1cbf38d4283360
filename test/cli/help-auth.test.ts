// Issue 13, items 3 and 6 through the built CLI: `auth status` / `whoami` (which key, from where,
// masked, for which region and endpoint), login's warning when the environment overrides the
// keychain, every command's --help (global options, examples, exit codes, environment), and
// the completion scripts (bash's checked by bash itself).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { CLI, runCli } from './run-cli';

const COMMANDS = [
  'login',
  'logout',
  'auth',
  'whoami',
  'regions',
  'clusters',
  'status',
  'start',
  'stop',
  'connect',
  'pending',
  'passwd',
  'completion',
  'version',
];

describe('ehpc-vnc help and auth', () => {
  let fx: AppFixture;
  let envKey: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli is missing: run `npm run build` first.');
    fx = await startAppFixture({ signedIn: false, timeoutMs: 2000 });
    envKey = {
      ...fx.cliEnv,
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.accessKeySecret,
    };
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('auth status says no key is set up, and exits 3', async () => {
    const r = await runCli(['auth', 'status'], fx.cliEnv);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^Source\s+none$/m);
    expect(r.stderr).toMatch(/ehpc-vnc login.*ALIBABA_CLOUD_ACCESS_KEY_ID/);
  });

  it('auth status and whoami name the source, the masked key, the region and the endpoint', async () => {
    const r = await runCli(['auth', 'status', '--json'], envKey);
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(status).toMatchObject({
      signedIn: true,
      source: 'env',
      regionId: 'cn-hangzhou',
      endpoint: fx.emulator.url,
    });
    expect(status.accessKeyId).toMatch(/\*{4}/);
    expect(JSON.stringify(status)).not.toContain(EMULATOR_KEY.accessKeyId);
    expect(JSON.stringify(status)).not.toContain(EMULATOR_KEY.accessKeySecret);

    const who = await runCli(['whoami'], envKey);
    expect(who.code).toBe(0);
    expect(who.stdout).toMatch(/^Source\s+environment/m);
    expect(who.stdout).toMatch(/^Region\s+cn-hangzhou$/m);
    expect(who.stdout).toContain(fx.emulator.url);
  });

  it('login warns that the environment variables will override what it stores', async () => {
    const r = await runCli(
      ['login'],
      envKey,
      `${EMULATOR_KEY.accessKeyId}\n${EMULATOR_KEY.accessKeySecret}\n`,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: ALIBABA_CLOUD_ACCESS_KEY_ID\/SECRET are set/);
    // What it prints is about the stored key, not the environment's (whose ID it does not show).
    expect(r.stdout).toMatch(
      /^Saved the AccessKey in the system keychain .*are used while they are set\.$/m,
    );
    const stored = await runCli(['auth', 'status'], fx.cliEnv);
    expect(stored.stdout).toMatch(/^Source\s+system keychain$/m);
    // Under --json the warning is a JSON line too, and stdout the session alone.
    const json = await runCli(
      ['login', '--json'],
      envKey,
      `${EMULATOR_KEY.accessKeyId}\n${EMULATOR_KEY.accessKeySecret}\n`,
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stderr)).toMatchObject({ warning: { code: 'EnvOverride' } });
    expect(JSON.parse(json.stdout)).toMatchObject({ signedIn: true });
    await runCli(['logout'], fx.cliEnv);
  });

  it('keeps one keychain entry per profile (--profile, ALIBABA_CLOUD_PROFILE)', async () => {
    const login = await runCli(
      ['login', '--profile', 'work'],
      fx.cliEnv,
      `${EMULATOR_KEY.accessKeyId}\n${EMULATOR_KEY.accessKeySecret}\n`,
    );
    expect(login.code).toBe(0);
    const work = await runCli(['auth', 'status', '--json'], {
      ...fx.cliEnv,
      ALIBABA_CLOUD_PROFILE: 'work',
    });
    expect(JSON.parse(work.stdout)).toMatchObject({ profile: 'work', source: 'keychain' });
    // The default profile is the app's original entry: untouched by the work profile's login.
    const plain = await runCli(['auth', 'status'], fx.cliEnv);
    expect(plain.code).toBe(3);
    expect(await fx.vault.resolveAccessKey()).toBeNull();
    await fx.vault.saveAccessKey(EMULATOR_KEY);
    const stored = await runCli(['whoami', '--json'], fx.cliEnv);
    expect(JSON.parse(stored.stdout)).toMatchObject({ profile: 'default', source: 'keychain' });
    await fx.vault.deleteAccessKey();
    expect((await runCli(['logout', '--profile', 'work'], fx.cliEnv)).code).toBe(0);
    const gone = await runCli(['auth', 'status', '--profile', 'work'], fx.cliEnv);
    expect(gone.code).toBe(3);
    const bad = await runCli(['whoami', '--profile', 'no such'], fx.cliEnv);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a profile name/);
  });

  it('rejected credentials exit 3', async () => {
    const r = await runCli(['clusters'], {
      ...fx.cliEnv,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIunknownkey0000',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'whatever',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/InvalidAccessKeyId/);
  });

  it.each(COMMANDS)(
    '%s --help lists the global options, examples, exit codes and environment',
    async (name) => {
      const r = await runCli([name, '--help'], fx.cliEnv);
      expect(r.code).toBe(0);
      for (const part of [
        'Global Options:',
        '--region',
        '--timeout',
        '--json',
        'Examples:',
        '$ ehpc-vnc',
        'Exit codes:',
        '130',
        'Environment:',
        'ALIBABA_CLOUD_ACCESS_KEY_ID',
      ])
        expect(r.stdout).toContain(part);
      const examples = r.stdout.split('Examples:\n')[1]?.split('\n\n')[0] ?? '';
      expect(examples.split('\n').filter((l) => l.startsWith('  $ '))).toHaveLength(
        examples.split('\n').length,
      );
      expect(examples.split('\n').length).toBeGreaterThanOrEqual(2);
      expect(examples.split('\n').length).toBeLessThanOrEqual(3);
    },
  );

  it('prints completion scripts; bash accepts its own', async () => {
    const bash = await runCli(['completion', 'bash'], fx.cliEnv);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain('complete -F _ehpc_vnc ehpc-vnc');
    const loaded = spawnSync('bash', ['-c', `${bash.stdout}\ncomplete -p ehpc-vnc`], {
      encoding: 'utf8',
    });
    expect(loaded.status).toBe(0);
    expect(loaded.stdout).toContain('_ehpc_vnc');
    // Every global option --help lists is completed, in every shell.
    const help = await runCli(['--help'], fx.cliEnv);
    const globals = [...help.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map(
      (m) => m[1] ?? '',
    );
    expect(globals).toEqual(expect.arrayContaining(['--profile', '--yes', '--timeout']));
    for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
      const r = await runCli(['completion', shell], fx.cliEnv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('whoami');
      for (const flag of globals)
        expect(r.stdout, `${shell} ${flag}`).toMatch(
          shell === 'fish' ? new RegExp(`-l ${flag.slice(2)}\\b`) : new RegExp(`${flag}\\b`),
        );
    }
    const bad = await runCli(['completion', 'tcsh'], fx.cliEnv);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bash, zsh, fish or powershell/);
  });
});
