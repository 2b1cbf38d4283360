// Turns a raw Node request into what the gateway reasons about: the signed pieces (method, path,
// query pairs, headers, body bytes) and the RPC call (action, version, business parameters).
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors';
import { parseQueryPairs, type QueryPairs } from './signature';

const MAX_BODY_BYTES = 1 << 20;

export interface IncomingCall {
  method: string;
  url: string;
  pathname: string;
  pairs: QueryPairs;
  query: Record<string, string>;
  form: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
  action: string;
  version: string;
  /** Query then form, the form winning; without Action/Version. */
  params: Record<string, string>;
  /** Why the request could not even be parsed, answered after it is recorded. */
  parseError?: ApiError;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Later pairs win, as in most form parsers. */
const toRecord = (pairs: QueryPairs): Record<string, string> => Object.fromEntries(pairs);

function safePairs(raw: string, where: string): { pairs: QueryPairs; error?: ApiError } {
  try {
    return { pairs: parseQueryPairs(raw) };
  } catch {
    return {
      pairs: [],
      error: new ApiError(400, 'InvalidParams', `The ${where} is not valid percent-encoding.`),
    };
  }
}

export function describeCall(req: IncomingMessage, body: Buffer): IncomingCall {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  const query = safePairs(q < 0 ? '' : url.slice(q + 1), 'query string');
  const headers = flatHeaders(req);
  const isForm = (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  const form = isForm ? safePairs(body.toString('utf8'), 'form body') : { pairs: [] };
  const queryRecord = toRecord(query.pairs);
  const formRecord = toRecord(form.pairs);
  const params: Record<string, string> = { ...queryRecord, ...formRecord };
  delete params['Action'];
  delete params['Version'];
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    pathname,
    pairs: query.pairs,
    query: queryRecord,
    form: formRecord,
    headers,
    body,
    action: headers['x-acs-action'] ?? queryRecord['Action'] ?? '',
    version: headers['x-acs-version'] ?? queryRecord['Version'] ?? '',
    params,
    parseError: query.error ?? form.error,
  };
}
