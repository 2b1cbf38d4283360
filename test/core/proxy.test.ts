// Which requests go through which proxy (main/core/ehpc/proxy.ts: curl's and Go's reading of
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY), and the SDK transport honouring it over real sockets:
// a CONNECT proxy that knows a name nobody else resolves, so an answer proves the tunnel.
// The HTTPS path, with its own CA, is tested through the built CLI (test/cli/proxy.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { bypassesProxy, proxyFor, type ProxyEnv } from '../../main/core/ehpc/proxy';
import { createSdkTransport } from '../../main/core/ehpc/sdk-transport';
import { EMULATOR_KEY, startEmulator, type Emulator } from '../emulator';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy';

const url = (s: string): URL => new URL(s);
const E = 'https://ehpc.cn-hangzhou.aliyuncs.com';

describe('proxy policy', () => {
  it('takes https_proxy for https:// and http_proxy for http://, lower case first', () => {
    const env: ProxyEnv = {
      HTTPS_PROXY: 'http://upper:3128',
      https_proxy: 'http://lower:3128',
      HTTP_PROXY: 'http://plain:8080',
    };
    expect(proxyFor(url(E), env)?.host).toBe('lower:3128');
    expect(proxyFor(url(E), { HTTPS_PROXY: 'http://upper:3128' })?.host).toBe('upper:3128');
    expect(proxyFor(url('http://10.0.0.5:8080'), env)?.host).toBe('plain:8080');
    // No fallback from one scheme's variable to the other (curl, Go): HTTP_PROXY is not for HTTPS.
    expect(proxyFor(url(E), { HTTP_PROXY: 'http://plain:8080' })).toBeUndefined();
    expect(proxyFor(url(E), { HTTPS_PROXY: '  ' })).toBeUndefined();
    expect(proxyFor(url(E), {})).toBeUndefined();
  });

  it('reads a proxy without a scheme as http://, and keeps its user and password', () => {
    const proxy = proxyFor(url(E), { HTTPS_PROXY: 'user:p%40ss@proxy.corp:3128' });
    expect(proxy?.protocol).toBe('http:');
    expect(proxy?.host).toBe('proxy.corp:3128');
    expect(proxy?.username).toBe('user');
    expect(proxyFor(url(E), { HTTPS_PROXY: 'https://proxy.corp' })?.protocol).toBe('https:');
  });

  it('refuses what is not an http(s) proxy URL, naming the variable but never its value', () => {
    for (const value of ['socks5://u:hunter2@h:1080', 'http://', 'ftp://h']) {
      let thrown: unknown;
      try {
        proxyFor(url(E), { https_proxy: value });
      } catch (err) {
        thrown = err;
      }
      expect(thrown, value).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('InvalidInput');
      expect((thrown as AppError).message).toMatch(/HTTPS_PROXY/);
      expect((thrown as AppError).message).not.toMatch(/hunter2|socks|ftp/);
    }
  });

  it('never proxies this machine', () => {
    const env = { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1' };
    for (const target of [
      'https://127.0.0.1:8443',
      'http://localhost:1',
      'https://[::1]:9',
      'http://127.9.9.9',
    ])
      expect(proxyFor(url(target), env), target).toBeUndefined();
  });

  it.each([
    ['*', E, true],
    ['ehpc.cn-hangzhou.aliyuncs.com', E, true],
    ['aliyuncs.com', E, true],
    ['.aliyuncs.com', E, true],
    ['*.aliyuncs.com', E, true],
    ['ALIYUNCS.COM', E, true],
    ['example.com, aliyuncs.com', E, true],
    ['example.com aliyuncs.com', E, true],
    ['aliyuncs.com:443', E, true],
    ['aliyuncs.com:8443', E, false],
    ['yuncs.com', E, false],
    ['cn-hangzhou', E, false],
    ['example.com', E, false],
    ['', E, false],
    ['10.0.0.5', 'https://10.0.0.5', true],
    ['0.5', 'https://10.0.0.5', false],
    ['10.0.0.0/8', 'https://10.0.0.5', true],
    ['10.0.0.0/8', 'https://11.0.0.5', false],
    ['10.0.0.0/8', E, false],
    ['fd00::/8', 'https://[fd00::2]:8443', true],
    ['[fd00::2]:8443', 'https://[fd00::2]:8443', true],
    ['fd00::2', 'https://[fd00::2]', true],
  ])('NO_PROXY=%j for %s: bypass %s', (noProxy, target, bypass) => {
    expect(bypassesProxy(url(target), { NO_PROXY: noProxy })).toBe(bypass);
    expect(bypassesProxy(url(target), { no_proxy: noProxy })).toBe(bypass);
  });
});

describe('the SDK transport behind a proxy', () => {
  const NAME = 'ehpc-standin.test';
  let emulator: Emulator;
  let first: ConnectProxy;
  let second: ConnectProxy;

  beforeAll(async () => {
    emulator = await startEmulator();
    first = await startConnectProxy({ [NAME]: '127.0.0.1' });
    second = await startConnectProxy({ [NAME]: '127.0.0.1' });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await emulator?.close();
  });

  const transport = (proxyEnv: ProxyEnv, host = `${NAME}:${emulator.port}`) =>
    createSdkTransport({
      credentials: EMULATOR_KEY,
      // Plain HTTP to a name that is not this machine: only the transport is under test here
      // (resolveEndpoint would refuse it), and the proxy tunnels it with CONNECT all the same.
      endpoint: { protocol: 'http', host },
      timeoutMs: 5000,
      regionId: emulator.regionId,
      proxyEnv,
    });

  it('tunnels each call through its own transport’s proxy, even when they overlap', async () => {
    const viaFirst = transport({ http_proxy: first.url });
    const viaSecond = transport({ HTTP_PROXY: second.url });
    const answers = await Promise.all([
      viaFirst('ListClusters', 'GET', {}),
      viaSecond('ListClusters', 'GET', {}),
      viaFirst('GetVisualServiceStatus', 'GET', { ClusterId: 'ehpc-hz-000001' }),
    ]);
    for (const answer of answers) expect(answer.statusCode).toBe(200);
    expect(first.connects.length).toBeGreaterThanOrEqual(1);
    expect(second.connects.length).toBeGreaterThanOrEqual(1);
    expect(new Set([...first.connects, ...second.connects])).toEqual(
      new Set([`${NAME}:${emulator.port}`]),
    );
  });

  it('goes direct without a proxy variable, and for NO_PROXY', async () => {
    first.connects.length = 0;
    const direct = transport({}, emulator.host);
    expect((await direct('ListClusters', 'GET', {})).statusCode).toBe(200);
    const listed = transport({ HTTP_PROXY: first.url, NO_PROXY: NAME });
    await expect(listed('ListClusters', 'GET', {})).rejects.toMatchObject({
      code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/),
    });
    expect(first.connects).toEqual([]);
  });

  it('says BadResponse with the proxy’s status when the proxy refuses the tunnel', async () => {
    first.refuse = 407;
    try {
      const before = emulator.count();
      await expect(
        transport({ HTTP_PROXY: first.url })('ListClusters', 'GET', {}),
      ).rejects.toMatchObject({ code: 'BadResponse', httpStatus: 407 });
      expect(emulator.count()).toBe(before);
    } finally {
      first.refuse = undefined;
    }
  });

  it('turns a gateway page into BadResponse with its status, through the tunnel too', async () => {
    emulator.inject({ action: 'ListClusters', times: 1, fault: { kind: 'html', status: 503 } });
    await expect(
      transport({ HTTP_PROXY: first.url })('ListClusters', 'GET', {}),
    ).rejects.toMatchObject({ code: 'BadResponse', httpStatus: 503 });
  });
});
