// The real @alicloud/openapi-client, set up for the emulator the way ehpc-api.md describes, for
// the emulator's own tests (the app's client is tested separately, against the same server).
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import type { EmulatorAccessKey } from './types';

// Loaded from ESM, the CJS package's default import is its `exports` object, whose `default` is
// the Client class; bundlers hand over the class itself. Accept both.
type ClientClass = typeof OpenApiModule;
const Client: ClientClass =
  (OpenApiModule as unknown as { default?: ClientClass }).default ?? OpenApiModule;

export type OpenApiClient = InstanceType<ClientClass>;

/** callApi reads its runtime options' fields only; none set (tea-util is no dependency of ours). */
const NO_RUNTIME_OPTIONS = {} as Parameters<OpenApiClient['callApi']>[2];

export interface ClientOptions {
  readTimeout?: number;
  connectTimeout?: number;
}

export function realClient(
  host: string,
  key: EmulatorAccessKey,
  opts: ClientOptions = {},
): OpenApiClient {
  return new Client(
    new Config({
      accessKeyId: key.accessKeyId,
      accessKeySecret: key.accessKeySecret,
      securityToken: key.securityToken,
      endpoint: host,
      protocol: 'http',
      readTimeout: opts.readTimeout ?? 10_000,
      connectTimeout: opts.connectTimeout ?? 5_000,
    }),
  );
}

export interface CallInput {
  method?: 'GET' | 'POST';
  query?: Record<string, string>;
  body?: Record<string, string>;
  version?: string;
}

export interface CallResult {
  statusCode: number;
  body: Record<string, unknown>;
}

export async function callApi(
  client: OpenApiClient,
  action: string,
  input: CallInput = {},
): Promise<CallResult> {
  const params = new Params({
    action,
    version: input.version ?? '2018-04-12',
    protocol: 'HTTPS',
    pathname: '/',
    method: input.method ?? (input.body ? 'POST' : 'GET'),
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const request = new OpenApiRequest({ query: input.query, body: input.body });
  const res = (await client.callApi(params, request, NO_RUNTIME_OPTIONS)) as {
    statusCode: number;
    body: Record<string, unknown>;
  };
  return { statusCode: res.statusCode, body: res.body };
}

/** What the client throws for an HTTP error or a transport failure. */
export interface ClientError {
  name: string;
  code?: string;
  statusCode?: number;
  message: string;
  data?: Record<string, unknown>;
}

/** Runs a call that must fail and returns what it threw. */
export async function callFails(
  client: OpenApiClient,
  action: string,
  input: CallInput = {},
): Promise<ClientError> {
  try {
    await callApi(client, action, input);
  } catch (err) {
    return err as ClientError;
  }
  throw new Error(`${action} was expected to fail but succeeded`);
}
