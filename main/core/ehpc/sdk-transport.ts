// The one place that touches @alicloud/openapi-client. It is CommonJS with `exports.default =
// Client` and `__esModule`: TypeScript types the default import as the class, but Node's ESM
// loader (used by tsx and vitest's externalised deps) and esbuild's bundles of our ES modules
// hand us `module.exports` itself, so the class is at `.default`. `clientClass` takes whichever
// it is given. Named exports (Config, Params, OpenApiRequest) come through as they are.
//
// The SDK is imported on the first call, not at start-up: it is most of the core's load time,
// and the tray should be on screen before anything needs it. In the app's bundle this dynamic
// import is a chunk of its own (scripts/build.mjs), loaded only then.
import type OpenApiModule from '@alicloud/openapi-client';
import type { Config } from '@alicloud/openapi-client';
import { badResponse } from '../errors';
import type { Endpoint } from './endpoint';
import type { ProxyEnv } from './proxy';
import { proxyAgents } from './proxy-agent';
import { installSdkHttpHook, withCallScope, type CallScope } from './sdk-http-hook';
import type { AccessKey } from './types';

type OpenApiClient = InstanceType<typeof OpenApiModule>;
type OpenApiClientClass = new (config: Config) => OpenApiClient;

function clientClass(mod: unknown): OpenApiClientClass {
  if (typeof mod === 'function') return mod as OpenApiClientClass;
  const inner = (mod as { default?: unknown } | null)?.default;
  if (typeof inner === 'function') return inner as OpenApiClientClass;
  throw new Error('@alicloud/openapi-client: no Client class found');
}

async function importSdk() {
  const imported = await import('@alicloud/openapi-client');
  // esbuild's split chunk of a CommonJS package exports only `default` (= module.exports): the
  // named exports are then inside it.
  const openApi: typeof imported =
    imported.Config === undefined ? (imported.default as unknown as typeof imported) : imported;
  return {
    Client: clientClass(openApi.default),
    Config: openApi.Config,
    OpenApiRequest: openApi.OpenApiRequest,
    Params: openApi.Params,
  };
}

/**
 * `callApi`'s runtime options. The SDK types them as @alicloud/tea-util's RuntimeOptions class,
 * but only ever reads their fields (never a method), so a plain object does: importing that
 * package ourselves would pull in a second copy of it with moment, moment-timezone and lodash.
 */
type RuntimeOptions = Parameters<OpenApiClient['callApi']>[2];
function runtimeOptions(fields: {
  readTimeout: number;
  connectTimeout: number;
  autoretry: boolean;
}): RuntimeOptions {
  return fields as unknown as RuntimeOptions;
}

/** What the SDK throws when a body is not JSON, or JSON that is not an object. */
const isUnreadableBody = (err: unknown): boolean =>
  err instanceof Error &&
  (err.name === 'SyntaxError' || err.message === 'The value is not a object');

let sdk: ReturnType<typeof importSdk> | undefined;
const loadSdk = (): ReturnType<typeof importSdk> => (sdk ??= installSdkHttpHook().then(importSdk));

export const API_VERSION = '2018-04-12';
const CONNECT_TIMEOUT_CAP_MS = 10_000;

export type HttpMethod = 'GET' | 'POST';
export type RpcParams = Record<string, string | number>;

export interface RpcResponse {
  body: Record<string, unknown>;
  statusCode?: number;
}

/**
 * Sends one signed RPC call; throws what the SDK throws (mapped by the caller), except for an
 * answer that is not JSON, which is thrown as BadResponse with its HTTP status.
 */
export type RpcTransport = (
  action: string,
  method: HttpMethod,
  params: RpcParams,
) => Promise<RpcResponse>;

export interface TransportOptions {
  credentials: AccessKey;
  endpoint: Endpoint;
  timeoutMs: number;
  /** Sent as `RegionId` in the query of every call (ehpc-api.md: "RegionId on every call"). */
  regionId?: string;
  /** The product's API version: E-HPC's by default, ECS's for the ECS client. */
  version?: string;
  /** Where HTTPS_PROXY, NO_PROXY, ... are read (proxy.ts): the process's environment by default. */
  proxyEnv?: ProxyEnv;
}

export function createSdkTransport(opts: TransportOptions): RpcTransport {
  const readTimeout = opts.timeoutMs;
  const connectTimeout = Math.min(opts.timeoutMs, CONNECT_TIMEOUT_CAP_MS);
  // The environment's proxy (HTTPS_PROXY, NO_PROXY, ...), if any, for every request it sends.
  const agentFor = proxyAgents(connectTimeout, opts.proxyEnv);
  let client: Promise<OpenApiClient> | undefined;
  const getClient = async (): Promise<OpenApiClient> => {
    const { Client, Config } = await loadSdk();
    const config = new Config({
      accessKeyId: opts.credentials.accessKeyId,
      accessKeySecret: opts.credentials.accessKeySecret,
      endpoint: opts.endpoint.host,
      protocol: opts.endpoint.protocol,
      readTimeout,
      connectTimeout,
    });
    if (opts.credentials.securityToken) config.securityToken = opts.credentials.securityToken;
    return new Client(config);
  };

  return async (action, method, params) => {
    const { OpenApiRequest, Params } = await loadSdk();
    client ??= getClient();
    // Everything as strings: the V3 canonical query and the form encoder then agree byte for byte.
    const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    // RegionId says where the request is meant for, in the query of every call, so that one
    // loopback stand-in can serve every region (and a POST's secrets stay in its body).
    const region = opts.regionId ? { RegionId: opts.regionId } : {};
    const request = new OpenApiRequest(
      method === 'GET' ? { query: { ...region, ...values } } : { query: region, body: values },
    );
    const apiParams = new Params({
      action,
      version: opts.version ?? API_VERSION,
      protocol: opts.endpoint.protocol.toUpperCase(),
      pathname: '/',
      method,
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    const runtime = runtimeOptions({ readTimeout, connectTimeout, autoretry: false });
    const sdkClient = await client;
    const scope: CallScope = { agentFor };
    const res = await withCallScope(scope, () =>
      sdkClient.callApi(apiParams, request, runtime),
    ).catch((err: unknown) => {
      // The SDK parses the body before it looks at the status: a gateway's HTML page arrives
      // here as a SyntaxError, and only the scope still knows what status came with it.
      if (isUnreadableBody(err) && scope.lastStatus !== undefined) {
        throw badResponse(scope.lastStatus);
      }
      throw err;
    });
    const body: unknown = res.body;
    const statusCode: unknown = res.statusCode;
    return {
      body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
      statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    };
  };
}
