// Issue 13, item 4, and the first test of the HTTPS path: the built CLI, run as a process with
// HTTPS_PROXY (either case) and NODE_EXTRA_CA_CERTS in its environment, reaches an HTTPS
// stand-in (the E-HPC emulator with a certificate from a CA made for this run) through a real
// CONNECT proxy. The stand-in's name (ehpc-standin.test) resolves only inside the proxy, so an
// answer proves the request went through it. Also: NO_PROXY and this machine go around the
// proxy; without the CA the call fails with the registry's TLS message; a proxy that never
// answers CONNECT ends with a timeout; a gateway's HTML page says `BadResponse (HTTP 502)`.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_KEY, startEmulator, type Emulator } from '../emulator';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy';
import { makeTestCa, type TestCa } from '../support/test-ca';
import { CLI, runCli } from './run-cli';

const STANDIN = 'ehpc-standin.test';

describe('ehpc-vnc through an HTTPS proxy', () => {
  let dir: string;
  let ca: TestCa;
  let emulator: Emulator;
  let proxy: ConnectProxy;
  let base: NodeJS.ProcessEnv;
  let viaName: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli is missing: run `npm run build` first.');
    dir = await mkdtemp(join(tmpdir(), 'ehpc-vnc-proxy-'));
    ca = makeTestCa(dir, [STANDIN], ['127.0.0.1']);
    emulator = await startEmulator({ tls: { key: ca.key, cert: ca.cert } });
    proxy = await startConnectProxy({ [STANDIN]: '127.0.0.1' });
    base = {
      PATH: process.env.PATH,
      HOME: dir,
      EHPC_VNC_CONFIG_DIR: join(dir, 'config'),
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.accessKeySecret,
      ALIBABA_CLOUD_REGION_ID: emulator.regionId,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    };
    viaName = {
      ...base,
      EHPC_VNC_ENDPOINT: `https://${STANDIN}:${emulator.port}`,
      HTTPS_PROXY: proxy.url,
      NODE_EXTRA_CA_CERTS: ca.caFile,
    };
  });
  afterAll(async () => {
    await proxy?.close();
    await emulator?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    proxy.connects.length = 0;
    proxy.hang = false;
    emulator.clearFaults();
  });

  it('lists clusters over HTTPS through the proxy (HTTPS_PROXY and https_proxy)', async () => {
    const upper = await runCli(['clusters', '--json'], viaName);
    expect(upper.stderr).toBe('');
    expect(upper.code).toBe(0);
    const { clusters } = JSON.parse(upper.stdout) as { clusters: { id: string }[] };
    expect(clusters.map((c) => c.id)).toContain('ehpc-hz-000001');
    expect(proxy.connects).toContain(`${STANDIN}:${emulator.port}`);
    // The stand-in saw the request under its name, signed for it, inside the tunnel.
    const last = emulator.requests.at(-1);
    expect(last?.headers.host).toBe(`${STANDIN}:${emulator.port}`);
    expect(last?.signatureValid).toBe(true);

    proxy.connects.length = 0;
    const { HTTPS_PROXY: _unused, ...withoutUpper } = viaName;
    const lower = await runCli(['clusters', '--json'], { ...withoutUpper, https_proxy: proxy.url });
    expect(lower.code).toBe(0);
    expect(proxy.connects).toContain(`${STANDIN}:${emulator.port}`);
  });

  it('goes around the proxy for NO_PROXY entries (name, domain, host:port, *)', async () => {
    // The name resolves only inside the proxy: going around it, the CLI cannot find the host.
    // (Every form of entry is in test/core/proxy.test.ts; here, that the CLI reads them.)
    const runs = await Promise.all(
      ['.test', `${STANDIN}:${emulator.port}`, '*'].map((noProxy) =>
        runCli(['clusters'], { ...viaName, NO_PROXY: noProxy }),
      ),
    );
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error \(Network\.DNS\)/);
    }
    expect(proxy.connects).toEqual([]);
    // An entry for another port or another domain leaves the proxy in use.
    const still = await runCli(['clusters'], {
      ...viaName,
      no_proxy: `${STANDIN}:1, example.com`,
    });
    expect(still.code).toBe(0);
    expect(proxy.connects).toEqual([`${STANDIN}:${emulator.port}`]);
  });

  it('goes direct to this machine, proxy or not', async () => {
    const direct = await runCli(['clusters'], {
      ...viaName,
      EHPC_VNC_ENDPOINT: `https://127.0.0.1:${emulator.port}`,
    });
    expect(direct.code).toBe(0);
    expect(proxy.connects).toEqual([]);
  });

  it('says the secure connection could not be verified when the CA is not trusted', async () => {
    const { NODE_EXTRA_CA_CERTS: _unused, ...untrusting } = viaName;
    const before = emulator.count();
    const r = await runCli(['clusters'], untrusting);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error \(Network\.TLS\): The secure connection to E-HPC could not be verified\.\n/,
    );
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    expect(proxy.connects).toContain(`${STANDIN}:${emulator.port}`);
    expect(emulator.count()).toBe(before);
  });

  it('ends with a timeout when the proxy never answers CONNECT', async () => {
    proxy.hang = true;
    const r = await runCli(['clusters', '--timeout', '1'], viaName);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \(Network\.Timeout\)/);
    expect(proxy.connects.length).toBeGreaterThan(0);
  });

  it('names the HTTP status of a gateway page: BadResponse (HTTP 502)', async () => {
    emulator.inject({ action: 'ListClusters', fault: { kind: 'html', status: 502 } });
    const r = await runCli(['clusters'], viaName);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^error \(BadResponse \(HTTP 502\)\): E-HPC's address answered with HTTP 502 and a page that is not from E-HPC/,
    );
    expect(lines.length).toBeLessThanOrEqual(3);

    emulator.inject({ action: 'ListClusters', fault: { kind: 'html', status: 502 } });
    const json = await runCli(['clusters', '--json'], viaName);
    expect(json.stdout).toBe('');
    expect(JSON.parse(json.stderr)).toMatchObject({
      error: { code: 'BadResponse', httpStatus: 502 },
    });
  });

  it('fetches credentials from ALIBABA_CLOUD_CREDENTIALS_URI through the proxy too', async () => {
    const sts = {
      accessKeyId: 'STS.PROXYTEST0001',
      accessKeySecret: 'sts-secret-proxy-test-0001',
      securityToken: 'sts-token-proxy-test',
    };
    emulator.addAccessKey(sts);
    const served: string[] = [];
    const creds = createServer((req, res) => {
      served.push(req.headers.host ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          Code: 'Success',
          AccessKeyId: sts.accessKeyId,
          AccessKeySecret: sts.accessKeySecret,
          SecurityToken: sts.securityToken,
          Expiration: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        }),
      );
    });
    await new Promise<void>((resolve) => creds.listen(0, '127.0.0.1', resolve));
    const { port } = creds.address() as AddressInfo;
    // A name only the proxy resolves: the chain reaches it through the tunnel or not at all.
    const credsName = 'credentials.test';
    const credsProxy = await startConnectProxy({
      [credsName]: '127.0.0.1',
      [STANDIN]: '127.0.0.1',
    });
    try {
      const {
        ALIBABA_CLOUD_ACCESS_KEY_ID: _id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: _secret,
        ...keyless
      } = viaName;
      const r = await runCli(['clusters', '--json'], {
        ...keyless,
        HTTPS_PROXY: credsProxy.url,
        HTTP_PROXY: credsProxy.url,
        // The keychain of a service nobody uses: empty, so the chain is asked.
        EHPC_VNC_KEYCHAIN_SERVICE: `E-HPC VNC Tray proxy test ${process.pid}`,
        DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
        ALIBABA_CLOUD_CREDENTIALS_URI: `http://${credsName}:${port}/`,
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(served).toEqual([`${credsName}:${port}`]);
      expect(credsProxy.connects).toEqual([`${credsName}:${port}`, `${STANDIN}:${emulator.port}`]);
      expect(emulator.requests.at(-1)?.headers['x-acs-security-token']).toBe(sts.securityToken);
    } finally {
      await credsProxy.close();
      await new Promise((resolve) => creds.close(resolve));
    }
  });

  it('lists the proxy variables in every help', async () => {
    const r = await runCli(['clusters', '--help'], base);
    expect(r.stdout).toMatch(/HTTPS_PROXY, NO_PROXY .*either case/);
    expect(r.stdout).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('refuses a proxy variable that is not a proxy URL, without echoing it', async () => {
    const r = await runCli(['clusters'], {
      ...viaName,
      HTTPS_PROXY: 'socks5://u:secret@host:1080',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/HTTPS_PROXY environment variable is not a proxy URL/);
    expect(r.stderr).not.toMatch(/secret|socks5/);
  });
});
