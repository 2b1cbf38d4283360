// The real EhpcClient (and the real @alicloud/openapi-client underneath) against the emulator,
// over real HTTP on loopback. Retries sleep through an injected no-op, so nothing here waits on
// a clock except the deliberately short timeouts of the hang tests.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { EhpcClient } from '../../main/core/ehpc/client';
import type { AttemptInfo, EhpcClientOptions } from '../../main/core/ehpc/types';
import { clusterIdFor, EMULATOR_KEY, startEmulator, type Emulator } from '../emulator';
import { GATEWAY_ERROR_CODES, SEED_ERROR_CODES } from '../support/documented-codes';

const RUNAS_PASSWORD = 'emu-root-pass-1';
const NEW_VNC_PASSWORD = 'Vnc-Pass.2024x';

const noSleep = (): Promise<void> => Promise.resolve();

function clientFor(emu: Emulator, over: Partial<EhpcClientOptions> = {}): EhpcClient {
  return new EhpcClient({
    credentials: EMULATOR_KEY,
    regionId: emu.regionId,
    endpoint: emu.url,
    sleep: noSleep,
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the call to fail');
}

describe('EhpcClient against the emulator', () => {
  let emu: Emulator;
  let client: EhpcClient;
  const running = () => clusterIdFor(emu.regionId, 1);

  beforeAll(async () => {
    emu = await startEmulator({});
    client = clientFor(emu);
  });
  afterEach(() => emu.clearFaults());
  afterAll(() => emu.close());

  describe('signatures', () => {
    it('signs every operation so that the emulator accepts it', async () => {
      const before = emu.requests.length;
      await client.listRegions();
      await client.listClusters();
      await client.listUsers(running());
      await client.getVncStatus(running());
      await client.startVnc(running(), '203.0.113.7');
      await client.stopVnc(running(), '203.0.113.7');
      await client.modifyVncPassword({
        clusterId: running(),
        runasUser: 'root',
        runasUserPassword: RUNAS_PASSWORD,
        passwd: NEW_VNC_PASSWORD,
      });
      const sent = emu.requests.slice(before);
      expect(sent.map((r) => r.action)).toEqual([
        'ListRegions',
        'ListClusters',
        'ListUsers',
        'GetVisualServiceStatus',
        'StartVisualService',
        'StopVisualService',
        'ModifyVisualServicePasswd',
      ]);
      for (const r of sent) {
        expect(r.signatureValid, r.action).toBe(true);
        expect(r.status, r.action).toBe(200);
        expect(r.headers['x-acs-version']).toBe('2018-04-12');
        expect(r.headers['authorization']).toMatch(/^ACS3-HMAC-SHA256 Credential=/);
      }
    });

    it('maps a wrong secret to SignatureDoesNotMatch, not retried', async () => {
      const wrong = clientFor(emu, {
        credentials: { ...EMULATOR_KEY, accessKeySecret: `${EMULATOR_KEY.accessKeySecret}x` },
      });
      const before = emu.count('ListClusters');
      const e = await failure(wrong.listClusters());
      expect(e.code).toBe('SignatureDoesNotMatch');
      expect(e.httpStatus).toBe(400);
      expect(e.requestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(e.message).toBe('The AccessKey secret does not match the AccessKey ID.');
      expect(emu.count('ListClusters') - before).toBe(1);
    });

    it('verifies credentials with the whole cluster list, or the mapped refusal', async () => {
      const { page } = await client.verifyCredentials();
      expect(page?.clusters.length).toBe(page?.totalCount);
      expect(page?.clusters.length).toBeGreaterThan(0);
      const wrong = clientFor(emu, {
        credentials: { ...EMULATOR_KEY, accessKeySecret: 'definitely-wrong' },
      });
      expect((await failure(wrong.verifyCredentials())).code).toBe('SignatureDoesNotMatch');
    });

    it('maps an unknown AccessKey ID to InvalidAccessKeyId.NotFound', async () => {
      const stranger = clientFor(emu, {
        credentials: { accessKeyId: 'LTAI5tNoSuchKey0000', accessKeySecret: 'whatever-secret' },
      });
      expect((await failure(stranger.listRegions())).code).toBe('InvalidAccessKeyId.NotFound');
    });

    it('sends an STS security token with its key', async () => {
      const sts = {
        accessKeyId: 'STS.EmulatorTemp0001',
        accessKeySecret: 'sts-secret-value',
        securityToken: 'sts-token-value',
      };
      emu.addAccessKey(sts);
      const ok = clientFor(emu, { credentials: sts });
      expect((await ok.listRegions()).length).toBeGreaterThan(0);
      const tokenless = clientFor(emu, {
        credentials: { accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret },
      });
      expect((await failure(tokenless.listRegions())).code).toMatch(/^InvalidSecurityToken\./);
    });
  });

  describe('reads', () => {
    it('lists regions', async () => {
      const regions = await client.listRegions();
      expect(regions).toContainEqual({ regionId: 'cn-hangzhou', localName: '华东1（杭州）' });
    });

    it('maps clusters and lower-cases their status', async () => {
      const { clusters, totalCount, requestId } = await client.listClusters();
      expect(totalCount).toBe(clusters.length);
      expect(requestId).toBeTruthy();
      const second = clusters.find((c) => c.id === clusterIdFor(emu.regionId, 2));
      expect(second).toMatchObject({ name: 'render-farm-01', status: 'running', nodeCount: 16 });
      expect(second?.regionId).toBe(emu.regionId);
      for (const c of clusters) expect(c.status).toBe(c.status.toLowerCase());
    });

    it('reads the VNC state from both Message shapes', async () => {
      const s1 = await client.getVncStatus(clusterIdFor(emu.regionId, 5)); // {Msg} shape
      expect(s1.vnc).toBe('running');
      expect(s1.message).toMatch(/^active \(running\) since /);
      expect(s1.requestId).toBeTruthy();
      emu.setCluster(clusterIdFor(emu.regionId, 5), { vnc: 'stopped' });
      expect((await client.getVncStatus(clusterIdFor(emu.regionId, 5))).vnc).toBe('stopped');
    });

    it('lists every user over several pages', async () => {
      const id = clusterIdFor(emu.regionId, 2);
      const users = Array.from({ length: 120 }, (_, i) => ({
        name: `user${String(i).padStart(3, '0')}`,
        group: 'users' as const,
        password: 'p',
        addTime: '2024-01-01T00:00:00Z',
      }));
      emu.setCluster(id, { users });
      const before = emu.count('ListUsers');
      const listed = await client.listUsers(id);
      expect(listed.map((u) => u.name)).toEqual(users.map((u) => u.name));
      expect(listed[0]).toEqual({ name: 'user000', group: 'users' });
      expect(emu.count('ListUsers') - before).toBe(3);
    });

    it('maps ClusterNotFound', async () => {
      const e = await failure(client.getVncStatus('ehpc-hz-nosuch'));
      expect(e).toMatchObject({ code: 'ClusterNotFound', httpStatus: 404 });
    });
  });

  describe('writes', () => {
    it('starts and stops VNC with the CidrIp and port 12016 in a POST form', async () => {
      const id = running();
      emu.setCluster(id, { vnc: 'stopped' });
      const started = await client.startVnc(id, '198.51.100.0/24');
      expect(started).toMatchObject({ clusterId: id, message: 'Service started.' });
      expect(emu.cluster(id)?.vnc).toBe('running');
      const stopped = await client.stopVnc(id, '198.51.100.0/24');
      expect(stopped.message).toBe('Service stopped');
      expect(stopped.requestId).toBeTruthy();
      expect(emu.cluster(id)?.vnc).toBe('stopped');
      const stop = emu.requests.filter((r) => r.action === 'StopVisualService').at(-1);
      expect(stop?.method).toBe('POST');
      expect(stop?.query).toEqual({ RegionId: 'cn-hangzhou' });
      expect(stop?.form).toEqual({ ClusterId: id, CidrIp: '198.51.100.0/24', Port: '12016' });
    });

    it('sets the VNC password with both passwords only in the form body', async () => {
      const id = running();
      const result = await client.modifyVncPassword({
        clusterId: id,
        runasUser: 'root',
        runasUserPassword: RUNAS_PASSWORD,
        passwd: 'Fresh-Pass.77',
      });
      expect(result).toMatchObject({ clusterId: id, message: 'Service started.' });
      expect(emu.cluster(id)?.vncPassword).toBe('Fresh-Pass.77');
      const sent = emu.requests.filter((r) => r.action === 'ModifyVisualServicePasswd').at(-1);
      expect(sent?.method).toBe('POST');
      // Only RegionId in the URL: the passwords travel in the body.
      expect(sent?.url).toBe('/?RegionId=cn-hangzhou');
      expect(sent?.form).toMatchObject({
        RunasUser: 'root',
        RunasUserPassword: RUNAS_PASSWORD,
        Passwd: 'Fresh-Pass.77',
      });
    });

    it('maps a wrong run-as password to IncorrectCredential, once, without echoing it', async () => {
      const before = emu.count('ModifyVisualServicePasswd');
      const e = await failure(
        client.modifyVncPassword({
          clusterId: running(),
          runasUser: 'root',
          runasUserPassword: 'not-the-password',
          passwd: 'Other-Pass.88',
        }),
      );
      expect(e).toMatchObject({ code: 'IncorrectCredential', httpStatus: 403, retryable: false });
      expect(e.requestId).toBeTruthy();
      expect(emu.count('ModifyVisualServicePasswd') - before).toBe(1);
      const shown = JSON.stringify(e.toInfo()) + String(e.stack);
      expect(shown).not.toContain('not-the-password');
      expect(shown).not.toContain('Other-Pass.88');
    });

    it('refuses bad input before sending anything', async () => {
      const before = emu.requests.length;
      expect((await failure(client.stopVnc(running(), '10.0.0.0/33'))).code).toBe('InvalidInput');
      expect((await failure(client.getVncStatus('bad id; rm -rf'))).code).toBe('InvalidInput');
      expect(
        (
          await failure(
            client.modifyVncPassword({
              clusterId: running(),
              runasUser: 'root',
              runasUserPassword: '',
              passwd: 'x',
            }),
          )
        ).code,
      ).toBe('InvalidInput');
      expect(emu.requests.length).toBe(before);
    });
  });

  describe('every documented error code', () => {
    const CODES = [...SEED_ERROR_CODES, ...GATEWAY_ERROR_CODES];

    it.each(CODES)('%i %s arrives mapped, with its RequestId', async (status, code) => {
      const single = clientFor(emu, { retry: { maxAttempts: 1 } });
      emu.inject({ action: 'StopVisualService', times: 1, fault: { kind: 'error', status, code } });
      const e = await failure(single.stopVnc(running(), '203.0.113.7'));
      expect(e.code).toBe(code);
      expect(e.httpStatus).toBe(status);
      expect(e.requestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(e.message).not.toMatch(/returned the error/);
      if (code !== 'InvalidParams' && code !== 'ExecFail')
        expect(e.message).not.toContain('Injected');
      expect(e.action.length).toBeGreaterThan(10);
    });

    it('carries an unknown code and its message', async () => {
      emu.inject({
        action: 'ListRegions',
        times: 1,
        fault: {
          kind: 'error',
          status: 400,
          code: 'Quota.Exceeded',
          message: 'Quota\nexceeded for X.',
        },
      });
      const e = await failure(client.listRegions());
      expect(e.code).toBe('Quota.Exceeded');
      expect(e.message).toBe(
        'E-HPC returned the error Quota.Exceeded (ListRegions): Quota exceeded for X.',
      );
    });
  });

  describe('retries, counted by the emulator', () => {
    it('503 twice then success → 3 requests', async () => {
      const attempts: AttemptInfo[] = [];
      const c = clientFor(emu, { onAttempt: (a) => attempts.push(a) });
      emu.inject({
        action: 'ListRegions',
        times: 2,
        fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
      });
      const before = emu.count('ListRegions');
      expect((await c.listRegions()).length).toBeGreaterThan(0);
      expect(emu.count('ListRegions') - before).toBe(3);
      expect(attempts.map((a) => [a.attempt, a.error?.code])).toEqual([
        [1, 'ServiceUnavailable'],
        [2, 'ServiceUnavailable'],
        [3, undefined],
      ]);
    });

    it('400 InvalidParams → 1 request', async () => {
      emu.inject({
        action: 'ListRegions',
        fault: { kind: 'error', status: 400, code: 'InvalidParams' },
      });
      const before = emu.count('ListRegions');
      expect((await failure(client.listRegions())).code).toBe('InvalidParams');
      expect(emu.count('ListRegions') - before).toBe(1);
    });

    it('503 forever → exactly 4 requests, with backoff between them', async () => {
      const sleeps: number[] = [];
      const c = clientFor(emu, {
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        random: () => 0.999,
      });
      emu.inject({
        action: 'GetVisualServiceStatus',
        fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
      });
      const before = emu.count('GetVisualServiceStatus');
      expect((await failure(c.getVncStatus(running()))).code).toBe('ServiceUnavailable');
      expect(emu.count('GetVisualServiceStatus') - before).toBe(4);
      expect(sleeps).toEqual([299, 599, 1198]);
    });

    it('a write in conflict is retried until it goes through', async () => {
      const id = running();
      emu.inject({
        action: 'ModifyVisualServicePasswd',
        times: 2,
        fault: { kind: 'error', status: 403, code: 'ConflictOpt' },
      });
      const before = emu.count('ModifyVisualServicePasswd');
      await client.modifyVncPassword({
        clusterId: id,
        runasUser: 'root',
        runasUserPassword: RUNAS_PASSWORD,
        passwd: 'Retry-Pass.99',
      });
      expect(emu.count('ModifyVisualServicePasswd') - before).toBe(3);
      expect(emu.cluster(id)?.vncPassword).toBe('Retry-Pass.99');
    });

    it('AgentError is retried once only', async () => {
      emu.inject({
        action: 'StartVisualService',
        fault: { kind: 'error', status: 403, code: 'AgentError' },
      });
      const before = emu.count('StartVisualService');
      expect((await failure(client.startVnc(running(), '203.0.113.7'))).code).toBe('AgentError');
      expect(emu.count('StartVisualService') - before).toBe(2);
    });
  });

  describe('faults on the wire', () => {
    it('latency within the timeout is fine', async () => {
      emu.inject({ action: 'ListRegions', times: 1, fault: { kind: 'latency', ms: 50 } });
      const c = clientFor(emu, { timeoutMs: 5000 });
      expect((await c.listRegions()).length).toBeGreaterThan(0);
    });

    it('a hung read times out as Network.Timeout and is tried once more', async () => {
      emu.inject({ action: 'ListRegions', fault: { kind: 'hang' } });
      const c = clientFor(emu, { timeoutMs: 300 });
      const before = emu.count('ListRegions');
      const e = await failure(c.listRegions());
      expect(e.code).toBe('Network.Timeout');
      expect(e.message).toBe('E-HPC did not answer in time.');
      expect(emu.count('ListRegions') - before).toBe(2);
    });

    it('a hung write times out and is not repeated', async () => {
      emu.inject({ action: 'StopVisualService', fault: { kind: 'hang' } });
      const c = clientFor(emu, { timeoutMs: 300 });
      const before = emu.count('StopVisualService');
      expect((await failure(c.stopVnc(running(), '203.0.113.7'))).code).toBe('Network.Timeout');
      expect(emu.count('StopVisualService') - before).toBe(1);
    });

    it('a reset connection is Network.Reset (retried once)', async () => {
      emu.inject({ action: 'ListRegions', fault: { kind: 'reset' } });
      const before = emu.count('ListRegions');
      expect((await failure(client.listRegions())).code).toBe('Network.Reset');
      expect(emu.count('ListRegions') - before).toBe(2);
    });

    it('a reset once, then an answer, succeeds', async () => {
      emu.inject({ action: 'ListRegions', times: 1, fault: { kind: 'reset' } });
      expect((await client.listRegions()).length).toBeGreaterThan(0);
    });

    it('an HTML page from a proxy is BadResponse', async () => {
      emu.inject({ action: 'ListRegions', fault: { kind: 'html', status: 502 } });
      const before = emu.count('ListRegions');
      const e = await failure(client.listRegions());
      expect(e.code).toBe('BadResponse');
      expect(e.message).not.toMatch(/html|Unexpected token/i);
      expect(emu.count('ListRegions') - before).toBe(1);
    });

    it('a closed port is Network.Refused, not retried', async () => {
      const gone = await startEmulator({});
      const url = gone.url;
      await gone.close();
      const attempts: AttemptInfo[] = [];
      const c = new EhpcClient({
        credentials: EMULATOR_KEY,
        regionId: 'cn-hangzhou',
        endpoint: url,
        sleep: noSleep,
        onAttempt: (a) => attempts.push(a),
      });
      expect((await failure(c.listRegions())).code).toBe('Network.Refused');
      expect(attempts).toHaveLength(1);
    });
  });

  describe('secrets', () => {
    it('never appear in a recorded URL, query, header or attempt report', async () => {
      const attempts: AttemptInfo[] = [];
      const c = clientFor(emu, { onAttempt: (a) => attempts.push(a) });
      const id = running();
      await c.modifyVncPassword({
        clusterId: id,
        runasUser: 'root',
        runasUserPassword: RUNAS_PASSWORD,
        passwd: NEW_VNC_PASSWORD,
      });
      await failure(
        c.modifyVncPassword({
          clusterId: id,
          runasUser: 'root',
          runasUserPassword: 'Wrong-Runas-1',
          passwd: NEW_VNC_PASSWORD,
        }),
      );
      emu.inject({
        action: 'ModifyVisualServicePasswd',
        times: 1,
        fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
      });
      await c.modifyVncPassword({
        clusterId: id,
        runasUser: 'root',
        runasUserPassword: RUNAS_PASSWORD,
        passwd: NEW_VNC_PASSWORD,
      });
      const secrets = [
        RUNAS_PASSWORD,
        'Wrong-Runas-1',
        NEW_VNC_PASSWORD,
        EMULATOR_KEY.accessKeySecret,
      ];
      for (const r of emu.requests) {
        const visible = JSON.stringify([r.url, r.query, r.headers]);
        for (const s of secrets) {
          expect(visible).not.toContain(s);
          expect(visible).not.toContain(encodeURIComponent(s));
        }
      }
      const reported = JSON.stringify(attempts.map((a) => ({ ...a, error: a.error?.toInfo() })));
      expect(attempts.length).toBe(4);
      for (const s of secrets) expect(reported).not.toContain(s);
    });
  });
});

describe('ListClusters paging', () => {
  const emulators: Emulator[] = [];
  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
  });
  async function emulatorWith(n: number, latencyMs = 0): Promise<Emulator> {
    const emu = await startEmulator({ clusters: n, latencyMs });
    emulators.push(emu);
    return emu;
  }

  it.each([
    [0, 1],
    [1, 1],
    [50, 1],
    [51, 2],
    [137, 3],
  ])('%i clusters → all of them, in order, in %i requests of PageSize 50', async (n, requests) => {
    const emu = await emulatorWith(n);
    const { clusters, totalCount } = await clientFor(emu).listClusters();
    expect(totalCount).toBe(n);
    expect(clusters.map((c) => c.id)).toEqual(
      Array.from({ length: n }, (_, i) => clusterIdFor(emu.regionId, i + 1)),
    );
    expect(emu.count('ListClusters')).toBe(requests);
    const pages = emu.requests.map((r) => r.query['PageNumber']).sort();
    expect(pages).toEqual(Array.from({ length: requests }, (_, i) => String(i + 1)));
    for (const r of emu.requests) expect(r.query['PageSize']).toBe('50');
  });

  it('without expectedTotal, asks for page 2 only after page 1 answered', async () => {
    const emu = await emulatorWith(137, 30);
    const listing = clientFor(emu).listClusters();
    await emu.waitForRequests(2, 'ListClusters');
    expect(emu.requests[0]?.query['PageNumber']).toBe('1');
    expect(emu.requests[0]?.status).toBe(200);
    expect((await listing).clusters).toHaveLength(137);
  });

  it('with expectedTotal, sends the expected pages in the same wave as page 1', async () => {
    const emu = await emulatorWith(137, 200);
    const listing = clientFor(emu).listClusters({ expectedTotal: 137 });
    await emu.waitForRequests(3, 'ListClusters');
    // All three were on the wire before any was answered.
    expect(emu.requests.map((r) => r.status)).toEqual([0, 0, 0]);
    const { clusters } = await listing;
    expect(clusters).toHaveLength(137);
    expect(emu.count('ListClusters')).toBe(3);
  });

  it('fetches what the real TotalCount adds beyond the expectation', async () => {
    const emu = await emulatorWith(137);
    const { clusters } = await clientFor(emu).listClusters({ expectedTotal: 20 });
    expect(clusters).toHaveLength(137);
    expect(emu.count('ListClusters')).toBe(3);
  });

  it('ignores speculative pages past the real end', async () => {
    const emu = await emulatorWith(60);
    const { clusters, totalCount } = await clientFor(emu).listClusters({ expectedTotal: 200 });
    expect(totalCount).toBe(60);
    expect(clusters).toHaveLength(60);
    expect(emu.count('ListClusters')).toBe(4);
  });

  it('pages with a smaller PageSize when asked to', async () => {
    const emu = await emulatorWith(12);
    const { clusters } = await clientFor(emu).listClusters({ pageSize: 5, concurrency: 1 });
    expect(clusters.map((c) => c.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => clusterIdFor(emu.regionId, i + 1)),
    );
    expect(emu.count('ListClusters')).toBe(3);
  });

  it('fails the whole list when a page keeps failing', async () => {
    const emu = await emulatorWith(137);
    emu.inject({
      action: 'ListClusters',
      fault: { kind: 'error', status: 403, code: 'NotAuthorized' },
    });
    const e = await failure(clientFor(emu).listClusters());
    expect(e.code).toBe('NotAuthorized');
  });
});
