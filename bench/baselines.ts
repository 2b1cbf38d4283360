// What the app is compared against: the official SDK called the plain way (one Client, callApi,
// no validation, mapping or retries), and a hand-signed request over node:http, the floor below
// which no SDK-based client can go.
import { Agent, request } from 'node:http';
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { EMULATOR_KEY, signV3 } from '../test/emulator';

/** Where the emulator listens (in this process or another). */
export interface Endpoint {
  host: string;
  port: number;
}

type ClientClass = typeof OpenApiModule;
// Loaded from ESM, the CommonJS package's default import is `module.exports`; the class is inside.
const Client: ClientClass =
  (OpenApiModule as unknown as { default?: ClientClass }).default ?? OpenApiModule;
type SdkClient = InstanceType<ClientClass>;
/** callApi reads its runtime options' fields only; none set (tea-util is no dependency of ours). */
const NO_RUNTIME_OPTIONS = {} as Parameters<SdkClient['callApi']>[2];

export type Body = Record<string, unknown>;

export interface BareSdk {
  call(action: string, query: Record<string, string>): Promise<Body>;
}

/** One SDK client for the emulator, used the way its README shows (GET with a query). */
export function bareSdk(emulator: Endpoint): BareSdk {
  const client: SdkClient = new Client(
    new Config({
      accessKeyId: EMULATOR_KEY.accessKeyId,
      accessKeySecret: EMULATOR_KEY.accessKeySecret,
      endpoint: emulator.host,
      protocol: 'http',
      readTimeout: 15_000,
      connectTimeout: 10_000,
    }),
  );
  return {
    async call(action, query) {
      const params = new Params({
        action,
        version: '2018-04-12',
        protocol: 'HTTP',
        pathname: '/',
        method: 'GET',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      });
      const res: unknown = await client.callApi(
        params,
        new OpenApiRequest({ query }),
        NO_RUNTIME_OPTIONS,
      );
      return ((res as { body?: Body }).body ?? {}) as Body;
    },
  };
}

/** Sequential ListClusters pages until TotalCount is reached: what a straightforward script does. */
export async function pageByPageListing(sdk: BareSdk): Promise<number> {
  let fetched = 0;
  for (let page = 1; ; page++) {
    const body = await sdk.call('ListClusters', { PageNumber: String(page), PageSize: '50' });
    const clusters = (body.Clusters as { ClusterInfoSimple?: unknown[] } | undefined)
      ?.ClusterInfoSimple;
    const items = Array.isArray(clusters) ? clusters.length : 0;
    fetched += items;
    const total = typeof body.TotalCount === 'number' ? body.TotalCount : fetched;
    if (items === 0 || fetched >= total) return fetched;
  }
}

/** A hand-signed V3 request (the emulator's reference signer) over a keep-alive node:http agent. */
export function rawSigned(
  emulator: Endpoint,
): (action: string, query: Record<string, string>) => Promise<Body> {
  const agent = new Agent({ keepAlive: true });
  return (action, query) =>
    new Promise((resolve, reject) => {
      const signed = signV3({
        key: EMULATOR_KEY,
        host: emulator.host,
        method: 'GET',
        action,
        version: '2018-04-12',
        query,
      });
      const req = request(
        {
          host: '127.0.0.1',
          port: emulator.port,
          method: signed.method,
          path: signed.path,
          headers: signed.headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body);
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
}
