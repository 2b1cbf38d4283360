// A reference V3 signer for hand-made requests (tampering tests, the legacy `Action` query form).
// It shares the canonicalisation with the verifier on purpose: tests of the real client are what
// check the two against an independent implementation.
import { randomBytes } from 'node:crypto';
import { ALGORITHM, canonicalRequest, rfc3986, sha256Hex, signatureFor } from './signature';
import type { EmulatorAccessKey } from './types';

export interface SignV3Input {
  key: EmulatorAccessKey;
  host: string;
  method?: 'GET' | 'POST';
  action?: string;
  version?: string;
  /** Sent in the query string. */
  query?: Record<string, string>;
  /** Sent as an application/x-www-form-urlencoded body. */
  form?: Record<string, string>;
  /** Extra headers, signed too when they are x-acs-* (as the client does). */
  headers?: Record<string, string>;
  date?: Date;
  nonce?: string;
}

export interface SignedRequest {
  method: string;
  /** Path and query, e.g. `/?ClusterId=...`. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

const formEncode = (record: Record<string, string>): string =>
  Object.entries(record)
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');

export function signV3(input: SignV3Input): SignedRequest {
  const method = input.method ?? (input.form ? 'POST' : 'GET');
  const query = input.query ?? {};
  const body = input.form ? formEncode(input.form) : '';
  const headers: Record<string, string> = {
    host: input.host,
    'x-acs-date': (input.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': input.nonce ?? randomBytes(16).toString('hex'),
    'x-acs-content-sha256': sha256Hex(body),
    ...(input.action !== undefined ? { 'x-acs-action': input.action } : {}),
    ...(input.version !== undefined ? { 'x-acs-version': input.version } : {}),
    ...(input.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...(input.key.securityToken ? { 'x-acs-security-token': input.key.securityToken } : {}),
    ...Object.fromEntries(
      Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    ),
  };
  const signedHeaders = Object.keys(headers)
    .filter((h) => h.startsWith('x-acs-') || h === 'host' || h === 'content-type')
    .sort();
  const pairs = Object.entries(query);
  const canonical = canonicalRequest({
    method,
    pathname: '/',
    pairs,
    headers,
    signedHeaders,
    payloadHash: headers['x-acs-content-sha256'] ?? '',
  });
  const signature = signatureFor(input.key.accessKeySecret, canonical);
  headers['authorization'] =
    `${ALGORITHM} Credential=${input.key.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  const search = pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
  return { method, path: search ? `/?${search}` : '/', headers, body };
}
