// Issue 13, item 5: `--json` prints the shape docs/CLI.md documents, per command. The table's
// top-level field names are read from the page and compared with what the built CLI prints, so
// the reference and the output cannot drift apart.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { CLI, runCli } from './run-cli';

/** The documented top-level fields of `command`'s result (of its items, for an array). */
function documentedFields(command: string): string[] {
  const page = readFileSync('docs/CLI.md', 'utf8');
  const row = page
    .slice(page.indexOf('| stdout under `--json`'))
    .split('\n')
    .find((l) => l.split('|')[1]?.includes(`\`${command}\``));
  if (!row) throw new Error(`docs/CLI.md documents no --json shape for ${command}`);
  let shape = /`(\[?\{.*?\}\]?)`/.exec(row.split('|')[2] ?? '')?.[1] ?? '';
  // Top level only: drop what nested brackets and braces hold, and notes in parentheses.
  for (let prev = ''; prev !== shape;) {
    prev = shape;
    shape = shape.replace(/^\[?\{|\}\]?$/g, '').replace(/\[[^[\]]*\]|\{[^{}]*\}|\([^()]*\)/g, '');
  }
  return shape
    .split(',')
    .map((f) => f.replace(/:.*$/, '').trim())
    .filter((f) => f && f !== '…')
    .sort();
}

/** Every field printed is documented; every documented one without `?` is printed. */
function expectDocumented(keys: string[], command: string): void {
  const fields = documentedFields(command);
  expect(keys, command).toEqual(expect.arrayContaining(fields.filter((f) => !f.endsWith('?'))));
  expect(
    fields.map((f) => f.replace(/\?$/, '')),
    command,
  ).toEqual(expect.arrayContaining(keys));
}

const keysOf = (value: unknown): string[] =>
  Object.keys((Array.isArray(value) ? value[0] : value) as object).sort();

describe('ehpc-vnc --json shapes, as docs/CLI.md documents them', () => {
  let fx: AppFixture;
  let env: NodeJS.ProcessEnv;
  const id = (n: number) => `ehpc-hz-${String(n).padStart(6, '0')}`;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli is missing: run `npm run build` first.');
    fx = await startAppFixture({ signedIn: false, timeoutMs: 5000 });
    env = {
      ...fx.cliEnv,
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.accessKeySecret,
    };
  });
  afterAll(async () => {
    await fx?.close();
  });

  const cases: [doc: string, args: string[], partial?: boolean][] = [
    ['regions', ['regions']],
    ['status', ['status', id(1)]],
    ['status --all', ['status', '--all']],
    ['start', ['start', id(2), '--cidr', '198.51.100.7']],
    ['connect', ['connect', id(2)]],
    ['stop', ['stop', id(2)]],
    ['stop --all', ['stop', '--all']],
    ['pending --retry', ['pending', '--retry']],
    ['auth status', ['auth', 'status']],
    // Its clusters' items document the first fields only ("…").
    ['clusters', ['clusters']],
  ];

  it.each(cases)('%s', async (doc, args) => {
    if (doc === 'stop --all') {
      fx.settings.rememberCluster(id(1), { cidrIp: '192.0.2.1' });
      fx.settings.rememberCluster(id(5), { cidrIp: '192.0.2.5' });
    }
    const r = await runCli([...args, '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as unknown;
    if (Array.isArray(result)) expect(result.length).toBeGreaterThan(0);
    expectDocumented(keysOf(result), doc);
  });

  it('login and logout print the documented session', async () => {
    const key = `${EMULATOR_KEY.accessKeyId}\n${EMULATOR_KEY.accessKeySecret}\n`;
    const login = await runCli(['login', '--json'], fx.cliEnv, key);
    expect(login.code).toBe(0);
    expectDocumented(keysOf(JSON.parse(login.stdout)), 'login');
    const logout = await runCli(['logout', '--json'], fx.cliEnv);
    expect(logout.code).toBe(0);
    expectDocumented(keysOf(JSON.parse(logout.stdout)), 'logout');
  });

  it('pending lists its entries in the documented shape', async () => {
    fx.settings.addPendingStop({ clusterId: id(3), regionId: 'cn-hangzhou', cidrIp: '192.0.2.3' });
    const r = await runCli(['pending', '--json'], env);
    expect(r.code).toBe(0);
    expectDocumented(keysOf(JSON.parse(r.stdout)), 'pending');
    fx.settings.removePendingStop(id(3));
  });
});
