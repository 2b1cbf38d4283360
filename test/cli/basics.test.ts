// Issue 13, items 1, 2, 5 and 7 through the built CLI as a process: --version, a quiet EPIPE,
// Ctrl-D and Ctrl-C on a pseudo-terminal, Ctrl-C mid-command, --timeout, errors in the CLI's
// words (BadResponse with its HTTP status, a cluster ID that says what one looks like), --json
// (only the result on stdout, errors as one JSON line on stderr), escaped server strings, and
// the wide-CIDR confirmation of `start`.
import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY, gate } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { CLI, runCli, runPipeline, startCli, startOnTerminal } from './run-cli';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('ehpc-vnc basics', () => {
  let fx: AppFixture;
  let env: NodeJS.ProcessEnv;
  const id = (n: number) => `ehpc-hz-${String(n).padStart(6, '0')}`;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli is missing: run `npm run build` first.');
    fx = await startAppFixture({ signedIn: false, timeoutMs: 2000 });
    env = {
      ...fx.cliEnv,
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.accessKeySecret,
    };
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('prints its version with --version, -V and version', async () => {
    for (const args of [['--version'], ['-V'], ['version']]) {
      const r = await runCli(args, fx.cliEnv);
      expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('exits quietly when the reader of its output leaves (clusters | head -1)', async () => {
    for (let n = 100; n < 2600; n++)
      fx.emulator.addCluster({ id: id(n), name: `bulk-${n}`, status: 'running', vnc: 'stopped' });
    const r = await runPipeline(['clusters'], 'head -1', env);
    expect(r.stdout).toMatch(/^ID\s+NAME\s+STATUS\n$/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (let n = 100; n < 2600; n++) fx.emulator.removeCluster(id(n));
  });

  it('Ctrl-D at a prompt says nothing was done and exits 2', async () => {
    const before = fx.emulator.count();
    const cli = startOnTerminal(['login'], fx.cliEnv);
    await cli.waitFor('AccessKey ID:');
    cli.child.stdin.write('\u0004');
    const r = await cli.exited;
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Nothing entered \(Ctrl-D\): nothing was done/);
    expect(fx.emulator.count()).toBe(before);
  });

  it('a pipe that ends early names what it expected, as the prompt writes it', async () => {
    const login = await runCli(['login'], fx.cliEnv, '');
    expect(login.code).toBe(2);
    expect(login.stderr).toMatch(/^error \(Usage\): Expected AccessKey ID on stdin\.$/m);
    const passwd = await runCli(['passwd', id(1)], env, 'run-as\n');
    expect(passwd.code).toBe(2);
    expect(passwd.stderr).toMatch(/^error \(Usage\): Expected new VNC password on stdin\.$/m);
  });

  it('Ctrl-C at a hidden prompt prints Cancelled. and exits 130', async () => {
    const cli = startOnTerminal(['passwd', id(1)], env);
    await cli.waitFor('Password of root on the cluster:');
    cli.child.stdin.write('secr\u0003');
    const r = await cli.exited;
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/Cancelled\./);
    expect(r.stdout).not.toContain('secr');
  });

  it('Ctrl-C mid-command prints Cancelled., says the stop is journalled, and exits 130', async () => {
    fx.settings.rememberCluster(id(1), { cidrIp: '192.0.2.1' });
    const held = gate();
    fx.emulator.inject({ action: 'StopVisualService', fault: held.fault });
    const before = fx.emulator.count('StopVisualService');
    const cli = startCli(['stop', id(1)], env);
    await fx.emulator.waitForRequests(before + 1, 'StopVisualService');
    cli.child.kill('SIGINT');
    const r = await cli.exited;
    held.open();
    fx.emulator.clearFaults();
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(
      /^Cancelled\.\n1 stop\(s\) are recorded as pending: run `ehpc-vnc pending --retry`/,
    );
    expect(fx.settings.pendingStops()).toMatchObject([{ clusterId: id(1) }]);
    fx.settings.removePendingStop(id(1));
  });

  it('checks --timeout against its bounds, and shows its default in --help', async () => {
    for (const bad of ['0', '601', 'soon']) {
      const r = await runCli(['clusters', '--timeout', bad], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--timeout takes a number of seconds from 1 to 600/);
    }
    const help = await runCli(['--help'], env);
    expect(help.stdout).toMatch(/--timeout <seconds>[\s\S]*\(default: 15\)/);
  });

  // The SDK drops the status of a body it cannot parse; main/core/ehpc/sdk-http-hook.ts keeps it.
  it('says an answer was not E-HPC’s (a gateway page), in at most three lines', async () => {
    fx.emulator.inject({ action: 'ListClusters', fault: { kind: 'html', status: 502 } });
    const r = await runCli(['clusters'], env);
    fx.emulator.clearFaults();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \(BadResponse \(HTTP 502\)\): .*HTTP 502.*proxy or gateway/);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  });

  it('says what a cluster ID looks like instead of the schema’s words', async () => {
    const r = await runCli(['status', 'x'.repeat(80)], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/A cluster ID looks like ehpc-hz-FYUr32\*\*\*\*/);
    expect(r.stderr).not.toMatch(/Too big|expected string|clusterId:/);
    const cidr = await runCli(['start', id(1), '--cidr', '300.1.2.3'], env);
    expect(cidr.code).toBe(2);
    expect(cidr.stderr).toMatch(/e\.g\.|such as 203\.0\.113\.7/);
    expect(fx.emulator.count('StartVisualService')).toBe(0);
  });

  it("names the command's own help for its unknown options", async () => {
    const r = await runCli(['stop', '--bogus'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error (Usage): The command line is not valid: unknown option '--bogus'.\nSee `ehpc-vnc stop --help`.\n",
    );
  });

  it('under --json prints only the result on stdout, errors as one JSON line on stderr', async () => {
    const usage = await runCli(['status', '--json'], env);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(usage.stderr)).toEqual({
      error: {
        code: 'Usage',
        message: expect.stringMatching(/cluster ID, or --all/),
        requestId: null,
      },
    });

    // Parser errors too, with no help text before the line; no command at all as well.
    for (const args of [['--json', 'help', 'bogus'], ['--json'], ['stop', '--bogus', '--json']]) {
      const parser = await runCli(args, env);
      expect(parser.code).toBe(2);
      expect(parser.stdout).toBe('');
      expect(parser.stderr.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(parser.stderr)).toMatchObject({ error: { code: 'Usage' } });
    }

    fx.emulator.inject({
      action: 'GetVisualServiceStatus',
      fault: { kind: 'error', status: 404, code: 'ClusterNotFound' },
    });
    const api = await runCli(['status', id(1), '--json'], env);
    fx.emulator.clearFaults();
    expect(api.code).toBe(1);
    expect(api.stdout).toBe('');
    const body = JSON.parse(api.stderr) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('ClusterNotFound');
    expect(body.error.requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('escapes control characters in server strings', async () => {
    fx.emulator.addCluster({
      id: id(90),
      name: 'evil\u001b]0;pwned\u0007\u001b[2J',
      status: 'running',
      vnc: 'stopped',
    });
    const r = await runCli(['clusters'], env);
    fx.emulator.removeCluster(id(90));
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain('evil\\u001b]0;pwned\\u0007\\u001b[2J');
  });

  it('start with a wide CIDR needs --yes, says why, and sends nothing without it', async () => {
    for (const cidr of ['0.0.0.0/0', '::/0', '10.0.0.0/8']) {
      const r = await runCli(['start', id(2), '--cidr', cidr], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/very wide range of addresses[\s\S]*--yes/);
    }
    expect(fx.emulator.count('StartVisualService')).toBe(0);
    const yes = await runCli(['start', id(2), '--cidr', '10.0.0.0/8', '--yes'], env);
    expect(yes.stderr).toBe('');
    expect(yes.code).toBe(0);
    expect(fx.emulator.count('StartVisualService')).toBe(1);
    const narrow = await runCli(['stop', id(2)], env);
    expect(narrow.code).toBe(0);
  });

  it('stop --all prints one summary line and one table of the failures', async () => {
    fx.settings.rememberCluster(id(1), { cidrIp: '192.0.2.1' });
    fx.settings.rememberCluster(id(5), { cidrIp: '192.0.2.5' });
    fx.emulator.inject({
      action: 'StopVisualService',
      clusterId: id(5),
      fault: { kind: 'error', status: 407, code: 'NotAuthorized' },
    });
    const r = await runCli(['stop', '--all'], env);
    fx.emulator.clearFaults();
    expect(r.code).toBe(1);
    // One line, whatever the earlier tests left running.
    expect(r.stdout).toMatch(
      /^Stopped VNC on \d+ clusters? in 1 region; \d+ already stopped; 0 recorded as pending; 1 failed\.\n$/,
    );
    const table = r.stderr.trim().split('\n');
    expect(table[0]).toMatch(/^CLUSTER\s+ERROR\s+WHAT HAPPENED$/);
    expect(table[1]).toMatch(new RegExp(`^${id(5)}\\s+NotAuthorized\\s+RAM does not allow`));
    expect(table).toHaveLength(2);

    // Under --json each failure carries the error in the shape of a --json error, nothing more.
    fx.emulator.inject({
      action: 'StopVisualService',
      clusterId: id(5),
      fault: { kind: 'error', status: 407, code: 'NotAuthorized' },
    });
    const json = await runCli(['stop', '--all', '--json'], env);
    fx.emulator.clearFaults();
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const { failed } = JSON.parse(json.stdout) as { failed: { error: object }[] };
    expect(failed).toEqual([
      {
        clusterId: id(5),
        error: {
          code: 'NotAuthorized',
          message: expect.stringMatching(/^RAM does not allow/) as string,
          requestId: expect.any(String) as string,
          httpStatus: 407,
        },
      },
    ]);
  });
});
