// The emulator, tested over real HTTP with the real @alicloud/openapi-client: signatures from
// the real client verify, tampered ones do not, and state and faults behave as documented.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EMULATOR_KEY,
  generatedClusters,
  sendRaw,
  signV3,
  startEmulator,
  type Emulator,
  type RecordedRequest,
} from './index';
import { callApi, callFails, realClient, type OpenApiClient } from './real-client';

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const RUNNING = 'ehpc-hz-000001'; // running, VNC running
const MIXED_CASE = 'ehpc-hz-000002'; // 'Running', VNC stopped
const CREATING = 'ehpc-hz-000003';
const LEGACY = 'ehpc-hz-000005'; // answers Message as {Msg}
const SPECIALS = "()~!@#$%^&*-_+=|{}[]:;'/<>,.?";

let emu: Emulator;
let client: OpenApiClient;

beforeEach(async () => {
  emu = await startEmulator();
  client = realClient(emu.host, EMULATOR_KEY);
});

afterEach(async () => {
  await emu.close();
});

const vncArgs = (clusterId: string, cidr = '203.0.113.7') => ({
  query: { ClusterId: clusterId, CidrIp: cidr, Port: '12016' },
});

const passwdArgs = (overrides: Record<string, string> = {}) => ({
  query: { ClusterId: RUNNING },
  body: {
    RunasUser: 'root',
    RunasUserPassword: 'emu-root-pass-1',
    Passwd: 'Str0ng#Passw0rd',
    ...overrides,
  },
});

/** A recorded request, ready to be sent again (optionally changed) byte for byte. */
function replayable(rec: RecordedRequest) {
  // Framing headers are left for Node to set again; they are not signed.
  const framing = ['content-length', 'transfer-encoding', 'connection'];
  const headers = Object.fromEntries(
    Object.entries(rec.headers).filter(([name]) => !framing.includes(name)),
  );
  return { method: rec.method, path: rec.url, headers, body: rec.body };
}

describe('signatures from the real client', () => {
  it('verifies a GET with query parameters and answers a fresh RequestId', async () => {
    const a = await callApi(client, 'ListClusters', { query: { PageNumber: '1', PageSize: '2' } });
    const b = await callApi(client, 'ListRegions');
    expect(a.statusCode).toBe(200);
    expect(a.body['RequestId']).toMatch(UUID);
    expect(b.body['RequestId']).toMatch(UUID);
    expect(a.body['RequestId']).not.toBe(b.body['RequestId']);
    expect(emu.requests.map((r) => [r.action, r.signatureValid, r.status])).toEqual([
      ['ListClusters', true, 200],
      ['ListRegions', true, 200],
    ]);
    const regions = b.body['Regions'] as { RegionInfo: { RegionId: string; LocalName: string }[] };
    expect(regions.RegionInfo.length).toBeGreaterThanOrEqual(8);
    expect(regions.RegionInfo.every((r) => r.RegionId && r.LocalName)).toBe(true);
  });

  it('verifies a GET whose query has special characters, spaces and unicode', async () => {
    const odd = `no such ${SPECIALS} 集群`;
    const err = await callFails(client, 'GetVisualServiceStatus', { query: { ClusterId: odd } });
    expect([err.statusCode, err.code]).toEqual([404, 'ClusterNotFound']);
    expect(emu.requests[0]?.signatureValid).toBe(true);
    expect(emu.requests[0]?.query['ClusterId']).toBe(odd);
  });

  it('verifies a POST form body with every special character, spaces and unicode', async () => {
    const runas = `pa ss wörd 中文 ${SPECIALS}`;
    emu.setCluster(RUNNING, {
      users: [{ name: 'root', group: 'wheel', password: runas, addTime: '2024-01-01T00:00:00Z' }],
    });
    const newPasswd = `Aa1${SPECIALS.slice(0, 27)}`;
    const res = await callApi(client, 'ModifyVisualServicePasswd', {
      ...passwdArgs({ RunasUserPassword: runas, Passwd: newPasswd }),
    });
    expect(res.body['Message']).toBe('Service started.');
    expect(emu.cluster(RUNNING)?.vncPassword).toBe(newPasswd);
    const rec = emu.requests[0];
    expect(rec?.signatureValid).toBe(true);
    expect(rec?.form['RunasUserPassword']).toBe(runas);
    expect(rec?.url).not.toContain('Passwd');
    expect(rec?.url).not.toContain(encodeURIComponent(newPasswd));
  });

  it('verifies an STS key only with its security token', async () => {
    const sts = {
      accessKeyId: 'STS.TESTEMULATOR0001',
      accessKeySecret: 'sts-secret',
      securityToken: 'tok-1',
    };
    emu.addAccessKey(sts);
    expect((await callApi(realClient(emu.host, sts), 'ListRegions')).statusCode).toBe(200);
    const wrong = await callFails(
      realClient(emu.host, { ...sts, securityToken: 'tok-2' }),
      'ListRegions',
    );
    expect(wrong.code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
    const none = await callFails(
      realClient(emu.host, { ...sts, securityToken: undefined }),
      'ListRegions',
    );
    expect(none.code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
  });

  it('rejects a wrong secret and an unknown AccessKey ID', async () => {
    const wrong = await callFails(
      realClient(emu.host, { ...EMULATOR_KEY, accessKeySecret: 'not-the-secret' }),
      'ListRegions',
    );
    expect([wrong.code, wrong.statusCode]).toEqual(['SignatureDoesNotMatch', 400]);
    const unknown = await callFails(
      realClient(emu.host, { accessKeyId: 'TESTAKIDUNKNOWN00001', accessKeySecret: 'x' }),
      'ListRegions',
    );
    expect([unknown.code, unknown.statusCode]).toEqual(['InvalidAccessKeyId.NotFound', 404]);
    expect(emu.requests.every((r) => !r.signatureValid)).toBe(true);
  });
});

describe('tampering with what the real client sent', () => {
  let original: ReturnType<typeof replayable>;

  beforeEach(async () => {
    await callApi(client, 'ModifyVisualServicePasswd', passwdArgs());
    const rec = emu.requests[0];
    if (!rec) throw new Error('nothing recorded');
    original = replayable(rec);
  });

  const code = async (req: ReturnType<typeof replayable>) => {
    const res = await sendRaw(emu.port, req);
    return [res.status, res.json()['Code']];
  };

  it('refuses an exact replay (nonce already used)', async () => {
    expect(await code(original)).toEqual([400, 'SignatureNonceUsed']);
  });

  it('detects a changed body, with or without a matching content hash', async () => {
    const body = original.body.replace('Str0ng', 'Weak00');
    expect(await code({ ...original, body })).toEqual([400, 'SignatureDoesNotMatch']);
    const { createHash } = await import('node:crypto');
    const headers = {
      ...original.headers,
      'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
    };
    expect(await code({ ...original, body, headers })).toEqual([400, 'SignatureDoesNotMatch']);
    expect(emu.cluster(RUNNING)?.vncPassword).toBe('Str0ng#Passw0rd');
  });

  it('detects a changed query and a changed signed header', async () => {
    const path = original.path.replace(RUNNING, MIXED_CASE);
    expect(await code({ ...original, path })).toEqual([400, 'SignatureDoesNotMatch']);
    const headers = { ...original.headers, 'x-acs-action': 'StopVisualService' };
    expect(await code({ ...original, headers })).toEqual([400, 'SignatureDoesNotMatch']);
  });

  it('calls a request with missing pieces incomplete', async () => {
    const without = (name: string) => {
      const headers = Object.fromEntries(
        Object.entries(original.headers).filter(([h]) => h !== name),
      );
      return { ...original, headers };
    };
    expect(await code(without('authorization'))).toEqual([400, 'IncompleteSignature']);
    expect(await code(without('x-acs-date'))).toEqual([400, 'IncompleteSignature']);
    const extra = { ...original, headers: { ...original.headers, 'x-acs-extra': '1' } };
    expect(await code(extra)).toEqual([400, 'IncompleteSignature']);
  });
});

describe('hand-signed requests', () => {
  it('accepts Action and Version in the query, still under a V3 signature', async () => {
    const req = signV3({
      key: EMULATOR_KEY,
      host: emu.host,
      query: { Action: 'ListClusters', Version: '2018-04-12', PageSize: '1' },
    });
    const res = await sendRaw(emu.port, req);
    expect(res.status).toBe(200);
    expect(res.json()['PageSize']).toBe(1);
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('answers the gateway codes for version, action and clock', async () => {
    const send = async (over: Partial<Parameters<typeof signV3>[0]>) => {
      const res = await sendRaw(
        emu.port,
        signV3({
          key: EMULATOR_KEY,
          host: emu.host,
          action: 'ListRegions',
          version: '2018-04-12',
          ...over,
        }),
      );
      return [res.status, res.json()['Code']];
    };
    expect(await send({ version: '2024-07-30' })).toEqual([400, 'InvalidVersion']);
    expect(await send({ action: 'DescribeNothing' })).toEqual([404, 'InvalidAction.NotFound']);
    expect(await send({ date: new Date(Date.now() - 3600_000) })).toEqual([
      400,
      'InvalidTimeStamp.Expired',
    ]);
  });
});

describe('error bodies', () => {
  it('have the Alibaba shape, a fresh RequestId and the seed status', async () => {
    const err = await callFails(client, 'StopVisualService', vncArgs('ehpc-hz-999999'));
    expect(err.code).toBe('ClusterNotFound');
    expect(err.statusCode).toBe(404);
    expect(Object.keys(err.data ?? {})).toEqual(
      expect.arrayContaining(['RequestId', 'HostId', 'Code', 'Message', 'Recommend']),
    );
    expect(err.data?.['RequestId']).toMatch(UUID);
    expect(emu.requests[0]?.code).toBe('ClusterNotFound');
  });
});

describe('ListClusters pagination', () => {
  it('pages through generated clusters', async () => {
    await emu.close();
    emu = await startEmulator({ clusters: 23 });
    client = realClient(emu.host, EMULATOR_KEY);
    const page = async (n: number, size: number) =>
      (
        await callApi(client, 'ListClusters', {
          query: { PageNumber: String(n), PageSize: String(size) },
        })
      ).body;
    const ids = (b: Record<string, unknown>) =>
      (b['Clusters'] as { ClusterInfoSimple: { Id: string }[] }).ClusterInfoSimple.map((c) => c.Id);
    const third = await page(3, 10);
    expect([third['TotalCount'], third['PageNumber'], third['PageSize']]).toEqual([23, 3, 10]);
    expect(ids(third)).toEqual(['ehpc-hz-000021', 'ehpc-hz-000022', 'ehpc-hz-000023']);
    expect(ids(await page(4, 10))).toEqual([]);
    expect(ids(await page(1, 50))).toHaveLength(23);
    const defaults = (await callApi(client, 'ListClusters')).body;
    expect([defaults['PageNumber'], defaults['PageSize'], ids(defaults).length]).toEqual([
      1, 10, 10,
    ]);
  });

  it('refuses out-of-range pages, naming the parameter', async () => {
    for (const [name, value] of [
      ['PageSize', '0'],
      ['PageSize', '51'],
      ['PageSize', 'ten'],
      ['PageNumber', '0'],
    ] as const) {
      const err = await callFails(client, 'ListClusters', { query: { [name]: value } });
      expect([err.code, err.statusCode]).toEqual(['InvalidParams', 400]);
      expect(err.message).toContain(name);
    }
  });

  it('generates the same mixed set every time', () => {
    const a = generatedClusters(20, 'cn-hangzhou');
    expect(generatedClusters(20, 'cn-hangzhou')).toEqual(a);
    const statuses = a.map((c) => c.status);
    expect(statuses.filter((s) => s.toLowerCase() === 'running')).toHaveLength(16);
    expect(statuses).toContain('Running');
    expect(statuses).toContain('creating');
    expect(statuses).toContain('exception');
  });
});

describe('connections', () => {
  const ask = () => callApi(client, 'GetVisualServiceStatus', { query: { ClusterId: RUNNING } });

  it('are kept alive between requests, and closed when idle on demand', async () => {
    await ask();
    await ask();
    // The SDK reuses its connection: the round trip counted in the bench is the request's alone.
    expect(emu.connectionCount()).toBe(1);
    await emu.closeIdleConnections();
    // The FIN is in this machine's kernel now. The client reads it at its next poll phase and
    // drops the socket in the close phase after it: two turns of the event loop, whatever the
    // machine's load (a timer could fire before either on a busy machine).
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    await ask();
    expect(emu.connectionCount()).toBe(2);
  });
});

describe('VNC operations keep state', () => {
  const status = async (id: string) =>
    (await callApi(client, 'GetVisualServiceStatus', { query: { ClusterId: id } })).body['Message'];

  it('stops, then reports inactive; starts, then reports active', async () => {
    expect(await status(RUNNING)).toMatch(/^active \(running\) since /);
    const stopped = await callApi(client, 'StopVisualService', vncArgs(RUNNING, '198.51.100.0/24'));
    expect(stopped.body['Message']).toBe('Service stopped');
    expect(await status(RUNNING)).toBe('inactive (dead) , ws service is not running.');
    expect(emu.cluster(RUNNING)?.stopCidrIp).toBe('198.51.100.0/24');
    const started = await callApi(client, 'StartVisualService', vncArgs(RUNNING, '203.0.113.9'));
    expect(started.body['Message']).toBe('Service started.');
    expect(emu.cluster(RUNNING)).toMatchObject({ vnc: 'running', cidrIp: '203.0.113.9' });
    expect(await status(RUNNING)).toMatch(/^active \(running\)/);
  });

  it('answers the older {Msg} shape for a legacy cluster', async () => {
    expect(await status(LEGACY)).toEqual({ Msg: expect.stringMatching(/^active \(running\)/) });
  });

  it('accepts a mixed-case Running cluster and refuses one being created', async () => {
    expect(await status(MIXED_CASE)).toMatch(/^inactive/);
    const err = await callFails(client, 'StopVisualService', vncArgs(CREATING));
    expect([err.code, err.statusCode]).toEqual(['InvalidClusterStatus', 403]);
  });

  it('checks Port, CidrIp and presence of parameters', async () => {
    const bad = async (query: Record<string, string>) => {
      const err = await callFails(client, 'StopVisualService', { query });
      return [err.code, err.message];
    };
    const base = vncArgs(RUNNING).query;
    expect(await bad({ ...base, Port: '12015' })).toEqual([
      'InvalidParams',
      expect.stringContaining('Port'),
    ]);
    expect(await bad({ ...base, CidrIp: '300.1.1.1' })).toEqual([
      'InvalidParams',
      expect.stringContaining('CidrIp'),
    ]);
    const { CidrIp: _omit, ...noCidr } = base;
    expect(await bad(noCidr)).toEqual(['InvalidParams', expect.stringContaining('CidrIp')]);
    expect(emu.cluster(RUNNING)?.vnc).toBe('running');
  });

  it('lists users without root', async () => {
    const res = await callApi(client, 'ListUsers', { query: { ClusterId: RUNNING } });
    const users = (res.body['Users'] as { UserInfo: { Name: string; Group: string }[] }).UserInfo;
    expect(users.map((u) => [u.Name, u.Group])).toEqual([
      ['alice', 'users'],
      ['bob', 'wheel'],
    ]);
  });

  it('sets the VNC password only with the right credentials and a compliant password', async () => {
    const fails = async (over: Record<string, string>) => {
      const err = await callFails(client, 'ModifyVisualServicePasswd', passwdArgs(over));
      return [err.statusCode, err.code];
    };
    expect(await fails({ RunasUserPassword: 'wrong' })).toEqual([403, 'IncorrectCredential']);
    expect(await fails({ RunasUser: 'nobody' })).toEqual([403, 'IncorrectCredential']);
    expect(await fails({ Passwd: 'short1A' })).toEqual([400, 'InvalidParams']);
    expect(await fails({ Passwd: 'alllowercase1' })).toEqual([400, 'InvalidParams']);
    expect(await fails({ Passwd: 'Has Space 123' })).toEqual([400, 'InvalidParams']);
    expect(emu.cluster(RUNNING)?.vncPassword).toBeUndefined();
    await callApi(
      client,
      'ModifyVisualServicePasswd',
      passwdArgs({ RunasUser: 'alice', RunasUserPassword: 'emu-alice-pass-1' }),
    );
    expect(emu.cluster(RUNNING)?.vncPassword).toBe('Str0ng#Passw0rd');
    for (const r of emu.requests) {
      expect(r.url).not.toContain('Str0ng');
      expect(r.url).not.toContain('emu-');
    }
  });
});

describe('faults', () => {
  it('answers an injected error for the given times, then recovers', async () => {
    emu.inject({
      action: 'StopVisualService',
      times: 2,
      fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    });
    for (let i = 0; i < 2; i++) {
      const err = await callFails(client, 'StopVisualService', vncArgs(RUNNING));
      expect([err.statusCode, err.code]).toEqual([503, 'ServiceUnavailable']);
    }
    expect((await callApi(client, 'StopVisualService', vncArgs(RUNNING))).statusCode).toBe(200);
    expect(emu.count('StopVisualService')).toBe(3);
    expect(emu.count()).toBe(3);
  });

  it('consumes matching rules in order of injection', async () => {
    emu.inject({ times: 1, fault: { kind: 'error', status: 403, code: 'ConflictOpt' } });
    emu.inject({ times: 1, fault: { kind: 'error', status: 500, code: 'UnknownError' } });
    expect((await callFails(client, 'ListRegions')).code).toBe('ConflictOpt');
    expect((await callFails(client, 'ListRegions')).code).toBe('UnknownError');
    expect((await callApi(client, 'ListRegions')).statusCode).toBe(200);
  });

  it('targets one cluster only', async () => {
    const conflict = { kind: 'error', status: 403, code: 'ConflictOpt' } as const;
    emu.inject({ clusterId: MIXED_CASE, fault: conflict });
    const status = (id: string) => ({ query: { ClusterId: id } });
    expect((await callApi(client, 'GetVisualServiceStatus', status(RUNNING))).statusCode).toBe(200);
    expect((await callFails(client, 'GetVisualServiceStatus', status(MIXED_CASE))).code).toBe(
      'ConflictOpt',
    );
    expect((await callFails(client, 'GetVisualServiceStatus', status(MIXED_CASE))).code).toBe(
      'ConflictOpt',
    );
    emu.clearFaults();
    expect((await callApi(client, 'GetVisualServiceStatus', status(MIXED_CASE))).statusCode).toBe(
      200,
    );
  });

  it('returns a proxy HTML page that the client cannot parse as JSON', async () => {
    emu.inject({ times: 1, fault: { kind: 'html' } });
    const err = await callFails(client, 'ListRegions');
    expect(err.name).toBe('SyntaxError');
    expect(emu.requests[0]?.status).toBe(502);
  });

  it('resets the socket', async () => {
    emu.inject({ times: 1, fault: { kind: 'reset' } });
    const err = await callFails(client, 'ListRegions');
    expect(err.code).toBe('ECONNRESET');
    expect((await callApi(client, 'ListRegions')).statusCode).toBe(200);
  });

  it('hangs until the client gives up, and close() ends hung sockets', async () => {
    emu.inject({ times: 1, fault: { kind: 'hang' } });
    const impatient = realClient(emu.host, EMULATOR_KEY, { readTimeout: 300 });
    const timedOut = await callFails(impatient, 'ListRegions');
    expect(timedOut.name).toBe('RequestTimeoutError');

    emu.inject({ times: 1, fault: { kind: 'hang' } });
    const pending = callFails(client, 'ListRegions');
    await emu.waitForRequests(2);
    await emu.close();
    const err = await pending;
    expect(err.code).toBe('ECONNRESET');
    emu = await startEmulator(); // for afterEach
  });

  it('delays a response by an injected latency', async () => {
    emu.inject({ times: 1, fault: { kind: 'latency', ms: 60_000 } });
    const impatient = realClient(emu.host, EMULATOR_KEY, { readTimeout: 1_000 });
    expect((await callFails(impatient, 'ListRegions')).name).toBe('RequestTimeoutError');
    expect((await callApi(client, 'ListRegions')).statusCode).toBe(200);
    expect(emu.count('ListRegions')).toBe(2);
  });
});
