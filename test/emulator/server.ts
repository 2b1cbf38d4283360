// The HTTP side: one loopback server that records every request, authenticates it like the
// gateway, applies injected faults, and dispatches to the operations.
import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { ApiError, errorBody, newRequestId } from './errors';
import { FaultQueue } from './faults';
import { ECS_API_VERSION, runEcsOperation } from './ecs-operations';
import { describeCall, readBody, type IncomingCall } from './incoming';
import { runOperation } from './operations';
import { generatedClusters, sampleClusters } from './seed-data';
import { verifyV3 } from './signature';
import { ClusterStore } from './state';
import type { Emulator, EmulatorAccessKey, EmulatorOptions, Fault, RecordedRequest } from './types';

export const API_VERSION = '2018-04-12';

/** Fake credentials, deliberately not shaped like a real `LTAI...` AccessKey. */
export const EMULATOR_KEY: EmulatorAccessKey = {
  accessKeyId: 'TESTAKID00000000001',
  accessKeySecret: 'emulator-secret-not-a-real-key-0001',
};

const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';

interface Waiter {
  n: number;
  action?: string;
  resolve: () => void;
}

class EmulatorServer {
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultQueue();
  readonly keys = new Map<string, EmulatorAccessKey>();
  private readonly nonces = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: Waiter[] = [];
  private closing = false;
  readonly server: HttpServer | HttpsServer;

  constructor(
    readonly regionId: string,
    readonly store: ClusterStore,
    keys: EmulatorAccessKey[],
    private readonly latencyMs: number,
    private readonly onSettled: (r: RecordedRequest) => void = () => undefined,
    tls?: EmulatorOptions['tls'],
  ) {
    const listener = (req: IncomingMessage, res: ServerResponse): void => {
      // An emulator bug must surface as a 500 to the client under test, not crash the test run.
      this.handle(req, res).catch(() => {
        if (!res.headersSent && !this.closing) {
          this.sendError(res, new ApiError(500, 'UnknownError', 'The emulator failed.'));
        }
      });
    };
    this.server = tls ? createHttpsServer(tls, listener) : createServer(listener);
    for (const k of keys) this.keys.set(k.accessKeyId, { ...k });
  }

  count(action?: string): number {
    return action === undefined
      ? this.requests.length
      : this.requests.filter((r) => r.action === action).length;
  }

  waitForRequests(n: number, action?: string): Promise<void> {
    if (this.count(action) >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, action, resolve }));
  }

  private notify(): void {
    const ready = this.waiters.filter((w) => this.count(w.action) >= w.n);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  /** A timer that close() can cancel, so no response is attempted after shutdown. */
  private delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private record(call: IncomingCall): RecordedRequest {
    const rec: RecordedRequest = {
      action: call.action,
      method: call.method,
      url: call.url,
      query: call.query,
      form: call.form,
      headers: call.headers,
      body: call.body.toString('utf8'),
      signatureValid: false,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(rec);
    this.notify();
    return rec;
  }

  private authenticate(call: IncomingCall): ApiError | undefined {
    try {
      verifyV3({
        method: call.method,
        pathname: call.pathname,
        pairs: call.pairs,
        headers: call.headers,
        body: call.body,
        now: Date.now(),
        findKey: (id) => this.keys.get(id),
        claimNonce: (nonce) => {
          if (this.nonces.has(nonce)) return false;
          this.nonces.add(nonce);
          return true;
        },
      });
      return undefined;
    } catch (err) {
      if (err instanceof ApiError) return err;
      throw err;
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof ApiError) this.sendError(res, err);
      return;
    }
    const call = describeCall(req, body);
    const rec = this.record(call);
    const authError = call.parseError ?? this.authenticate(call);
    rec.signatureValid = authError === undefined;
    const fault = this.faults.take(call.action, call.params['ClusterId']);
    if (fault && !(await this.applyFault(fault, req, res, rec))) return;
    const outcome = authError ?? this.dispatch(call);
    await this.delay(this.latencyMs);
    if (this.closing) return;
    if (outcome instanceof ApiError) this.sendError(res, outcome, rec);
    else this.sendJson(res, 200, outcome, rec);
  }

  /** Returns true when the request should go on to be answered normally. */
  private async applyFault(
    fault: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    rec: RecordedRequest,
  ): Promise<boolean> {
    switch (fault.kind) {
      case 'latency':
        await this.delay(fault.ms);
        return !this.closing;
      case 'gate':
        await fault.opened;
        if (this.closing) return false;
        return fault.then ? this.applyFault(fault.then, req, res, rec) : true;
      case 'hang':
        this.onSettled(rec);
        return false;
      case 'reset':
        req.socket.destroy();
        this.onSettled(rec);
        return false;
      case 'error':
        await this.delay(this.latencyMs);
        if (!this.closing) {
          const message = fault.message ?? `Injected ${fault.code}.`;
          this.sendError(res, new ApiError(fault.status, fault.code, message), rec);
        }
        return false;
      case 'html': {
        await this.delay(this.latencyMs);
        if (this.closing) return false;
        rec.status = fault.status ?? 502;
        res.writeHead(rec.status, { 'content-type': 'text/html' });
        res.end(HTML_502);
        this.onSettled(rec);
        return false;
      }
    }
  }

  private dispatch(call: IncomingCall): ApiError | Record<string, unknown> {
    try {
      if (call.method !== 'GET' && call.method !== 'POST') {
        return new ApiError(
          405,
          'UnsupportedHTTPMethod',
          `HTTP method ${call.method} is not supported.`,
        );
      }
      if (call.pathname !== '/') {
        return new ApiError(404, 'InvalidAction.NotFound', 'RPC calls use the path /.');
      }
      if (call.action === '') {
        return new ApiError(400, 'MissingParameter', 'The input parameter Action is not supplied.');
      }
      // One port, two products: ECS's version picks ECS, as its own endpoint would.
      if (call.version === ECS_API_VERSION) {
        return runEcsOperation(call.action, call.params, this.store);
      }
      if (call.version !== API_VERSION) {
        return new ApiError(
          400,
          'InvalidVersion',
          `Specified parameter Version is not valid; E-HPC serves ${API_VERSION}, ECS ${ECS_API_VERSION}.`,
        );
      }
      return runOperation(call.action, call.params, { store: this.store, now: () => new Date() });
    } catch (err) {
      if (err instanceof ApiError) return err;
      return new ApiError(500, 'UnknownError', 'An unknown error occurred.');
    }
  }

  private sendJson(
    res: ServerResponse,
    status: number,
    body: Record<string, unknown>,
    rec?: RecordedRequest,
  ): void {
    const requestId = newRequestId();
    if (rec) rec.status = status;
    res.writeHead(status, {
      'content-type': 'application/json;charset=utf-8',
      'x-acs-request-id': requestId,
    });
    res.end(JSON.stringify({ RequestId: requestId, ...body }));
    if (rec) this.onSettled(rec);
  }

  private sendError(res: ServerResponse, err: ApiError, rec?: RecordedRequest): void {
    if (rec) rec.code = err.code;
    const requestId = newRequestId();
    if (rec) rec.status = err.status;
    res.writeHead(err.status, {
      'content-type': 'application/json;charset=utf-8',
      'x-acs-request-id': requestId,
    });
    res.end(JSON.stringify(errorBody(err, requestId, this.regionId)));
    if (rec) this.onSettled(rec);
  }

  close(): Promise<void> {
    this.closing = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function seedsFor(opts: EmulatorOptions, regionId: string) {
  if (typeof opts.clusters === 'number') return generatedClusters(opts.clusters, regionId);
  return opts.clusters ?? sampleClusters(regionId);
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const regionId = opts.regionId ?? 'cn-hangzhou';
  const store = new ClusterStore(regionId, seedsFor(opts, regionId));
  const emu = new EmulatorServer(
    regionId,
    store,
    opts.accessKeys ?? [EMULATOR_KEY],
    opts.latencyMs ?? 0,
    opts.onSettled,
    opts.tls,
  );
  await new Promise<void>((resolve, reject) => {
    emu.server.once('error', reject);
    emu.server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  let connections = 0;
  const open = new Set<Socket>();
  emu.server.on('connection', (socket: Socket) => {
    connections++;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  const { port } = emu.server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${host}`,
    host,
    port,
    regionId,
    requests: emu.requests,
    count: (action) => emu.count(action),
    waitForRequests: (n, action) => emu.waitForRequests(n, action),
    inject: (rule) => emu.faults.inject(rule),
    clearFaults: () => emu.faults.clear(),
    cluster: (id) => store.peek(id),
    clusters: () => store.all(),
    setCluster: (id, patch) => store.update(id, patch),
    addCluster: (seed) => store.add(seed),
    removeCluster: (id) => store.remove(id),
    addAccessKey: (k) => void emu.keys.set(k.accessKeyId, { ...k }),
    connectionCount: () => connections,
    closeIdleConnections: async () => {
      emu.server.closeIdleConnections();
      // Resolves once each closed socket is gone on this side: its FIN has been sent.
      const closing = [...open].filter((socket) => socket.destroyed);
      await Promise.all(
        closing.map((socket) => new Promise((resolve) => socket.once('close', resolve))),
      );
    },
    close: () => emu.close(),
  };
}
