// Secret hygiene: a full session through the handler table (what the window does) and a full CLI
// session, successes and failures alike; afterwards the AccessKey secret, the run-as password and
// the VNC password appear in no file under the settings folder, no console or CLI output, no
// error, no handler response and no request URL or header the emulator saw.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../preload/shared/contract';
import { EMULATOR_KEY } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const CLI = resolve('dist/cli/ehpc-vnc.mjs');
const id = (n: number) => `ehpc-hz-${String(n).padStart(6, '0')}`;

const RUNAS_PASSWORD = 'emu-root-pass-1';
const VNC_PASSWORD = 'Vnc#Hygiene2026x';
const CLI_VNC_PASSWORD = 'Cli&Hygiene2027y';
const WRONG_SECRET = 'wrong-ak-secret-7c1e';
const WRONG_RUNAS = 'wrong-runas-pass-93b';
/** One character class only: the policy refuses it before anything is sent. */
const WEAK_VNC_PASSWORD = 'weakweakweakweak';
const SECRETS = [
  EMULATOR_KEY.accessKeySecret,
  RUNAS_PASSWORD,
  VNC_PASSWORD,
  CLI_VNC_PASSWORD,
  WRONG_SECRET,
  WRONG_RUNAS,
  WEAK_VNC_PASSWORD,
];

describe('secret hygiene after full sessions', () => {
  let fx: AppFixture;
  const responses: Result<unknown>[] = [];
  const output: string[] = [];
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    if (!existsSync(CLI)) {
      throw new Error('dist/cli/ehpc-vnc.mjs is missing: run `node scripts/build.mjs cli` first.');
    }
    fx = await startAppFixture({ signedIn: false, timeoutMs: 1500 });
    // Capture everything the process prints, while still printing it.
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      const original = console[method].bind(console);
      const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        output.push(args.map(String).join(' '));
        original(...args);
      });
      restore.push(() => spy.mockRestore());
    }
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      const spy = vi.spyOn(stream, 'write').mockImplementation(((
        chunk: unknown,
        ...rest: never[]
      ) => {
        output.push(String(chunk));
        return original(chunk as string, ...rest);
      }) as typeof stream.write);
      restore.push(() => spy.mockRestore());
    }
  });
  afterAll(async () => {
    for (const undo of restore) undo();
    await fx?.close();
  });

  async function call<T>(promise: Promise<Result<T>>): Promise<Result<T>> {
    const result = await promise;
    responses.push(result as Result<unknown>);
    return result;
  }

  function cli(args: string[], stdin = ''): Promise<number> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: fx.cliEnv,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
      child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
      child.on('error', fail);
      child.on('close', (code) => done(code ?? -1));
      child.stdin.end(stdin);
    });
  }

  it('runs a full window session, failures included', async () => {
    const h = fx.handlers;
    expect(
      (
        await call(
          h.signIn({
            accessKeyId: EMULATOR_KEY.accessKeyId,
            accessKeySecret: WRONG_SECRET,
            regionId: 'cn-hangzhou',
          }),
        )
      ).ok,
    ).toBe(false);
    expect(
      (
        await call(
          h.signIn({
            accessKeyId: EMULATOR_KEY.accessKeyId,
            accessKeySecret: EMULATOR_KEY.accessKeySecret,
            regionId: 'cn-hangzhou',
          }),
        )
      ).ok,
    ).toBe(true);
    await call(h.getSession({}));
    await call(h.listClusters({ refresh: true }));
    await call(h.selectCluster({ clusterId: id(2) }));
    expect((await call(h.startVnc({ clusterId: id(2), cidrIp: '203.0.113.0/24' }))).ok).toBe(true);
    await call(h.getVncStatus({ clusterId: id(2) }));
    const wrong = await call(
      h.setVncPassword({
        clusterId: id(2),
        runasUser: 'root',
        runasPassword: WRONG_RUNAS,
        rememberRunasPassword: true,
        newPassword: VNC_PASSWORD,
      }),
    );
    expect(wrong.ok ? '' : wrong.error.code).toBe('IncorrectCredential');
    const weak = await call(
      h.setVncPassword({
        clusterId: id(2),
        runasUser: 'root',
        runasPassword: RUNAS_PASSWORD,
        rememberRunasPassword: true,
        newPassword: WEAK_VNC_PASSWORD,
      }),
    );
    expect(weak.ok ? '' : weak.error.code).toBe('InvalidInput');
    const set = await call(
      h.setVncPassword({
        clusterId: id(2),
        runasUser: 'root',
        runasPassword: RUNAS_PASSWORD,
        rememberRunasPassword: true,
        newPassword: VNC_PASSWORD,
      }),
    );
    expect(set.ok).toBe(true);
    expect(fx.emulator.cluster(id(2))?.vncPassword).toBe(VNC_PASSWORD);
    // Again with the remembered run-as password.
    const again = await call(
      h.setVncPassword({
        clusterId: id(2),
        runasUser: 'root',
        rememberRunasPassword: false,
        newPassword: VNC_PASSWORD,
      }),
    );
    expect(again.ok).toBe(true);
    await call(h.hasRememberedRunasPassword({ clusterId: id(2), runasUser: 'root' }));
    expect((await call(h.copySecret({ text: VNC_PASSWORD, clearAfterSeconds: 5 }))).ok).toBe(true);
    // A stop the network cuts off goes to the journal in settings.json.
    fx.emulator.inject({ action: 'StopVisualService', times: 2, fault: { kind: 'reset' } });
    await call(h.stopVnc({ clusterId: id(2) }));
    await call(h.listPendingStops({}));
    await call(h.retryPendingStops({}));
    await call(h.setAutoStop({ onQuit: 'all', dailyAt: '18:00' }));
    await call(h.getAutoStop({}));
    await call(h.getPreferences({}));
    await call(h.getState({}));
    await call(h.stopAllVnc({}));
    await call(h.forgetRunasPassword({ clusterId: id(2), runasUser: 'root' }));
    expect(responses.length).toBeGreaterThan(20);
  });

  it('runs a full CLI session, failures included', async () => {
    expect(await cli(['login'], `${EMULATOR_KEY.accessKeyId}\n${WRONG_SECRET}\n`)).toBe(3); // rejected credentials: exit 3
    expect(
      await cli(['login'], `${EMULATOR_KEY.accessKeyId}\n${EMULATOR_KEY.accessKeySecret}\n`),
    ).toBe(0);
    expect(await cli(['clusters', '--json'])).toBe(0);
    expect(await cli(['start', id(1), '--cidr', '198.51.100.1'])).toBe(0);
    expect(await cli(['passwd', id(1)], `${WRONG_RUNAS}\n${CLI_VNC_PASSWORD}\n`)).toBe(1);
    expect(await cli(['passwd', id(1), '--json'], `${RUNAS_PASSWORD}\n${CLI_VNC_PASSWORD}\n`)).toBe(
      0,
    );
    fx.emulator.inject({ action: 'StopVisualService', times: 2, fault: { kind: 'reset' } });
    expect(await cli(['stop', id(1)])).toBe(1);
    expect(await cli(['pending', '--json'])).toBe(0);
    expect(await cli(['pending', '--retry'])).toBe(0);
    expect(await cli(['logout'])).toBe(0);
  }, 120_000);

  it('leaves no secret in files, output, responses, errors, URLs or headers', async () => {
    const files = await readdir(fx.settingsDir, { recursive: true });
    const contents = await Promise.all(
      files.map((f) => readFile(join(fx.settingsDir, f), 'utf8').catch(() => '')),
    );
    expect(contents.join('')).toContain('pendingStops'); // the file the journal lives in was read
    const requests = fx.emulator.requests;
    expect(requests.length).toBeGreaterThan(20);
    const haystacks: Record<string, string> = {
      'settings files': contents.join('\n'),
      'console and CLI output': output.join('\n'),
      'handler responses': responses.map((r) => JSON.stringify(r)).join('\n'),
      'request URLs': requests.map((q) => q.url).join('\n'),
      'request headers': requests.map((q) => JSON.stringify(q.headers)).join('\n'),
    };
    expect(haystacks['console and CLI output']).toMatch(/Signed in as/);
    for (const secret of SECRETS) {
      for (const [where, text] of Object.entries(haystacks)) {
        expect(text.includes(secret), `${where} contain a secret`).toBe(false);
      }
    }
  });
});
