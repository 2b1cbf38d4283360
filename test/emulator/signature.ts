// ACS3-HMAC-SHA256 (V3) verification, written from the published algorithm rather than from the
// SDK, so that a client bug shows up as a failed signature instead of being mirrored.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError, incompleteSignature, signatureMismatch } from './errors';
import type { EmulatorAccessKey } from './types';

export const ALGORITHM = 'ACS3-HMAC-SHA256';
/** How far x-acs-date may be from the emulator's clock (the gateway allows 15 minutes). */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** Headers whose absence from SignedHeaders makes a request unverifiable. */
const MUST_SIGN = ['host', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce'];

export type QueryPairs = [string, string][];

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ ; space is %20. */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const decodeComponent = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));

/** Splits a raw query string (without '?') into decoded pairs, in order. Throws on bad escapes. */
export function parseQueryPairs(rawSearch: string): QueryPairs {
  if (rawSearch === '') return [];
  return rawSearch.split('&').map((part): [string, string] => {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    return [decodeComponent(key), decodeComponent(value)];
  });
}

export function canonicalQuery(pairs: QueryPairs): string {
  return pairs
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export const sha256Hex = (data: Buffer | string): string =>
  createHash('sha256').update(data).digest('hex');

export interface CanonicalParts {
  method: string;
  pathname: string;
  pairs: QueryPairs;
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
}

export function canonicalRequest(p: CanonicalParts): string {
  const headerBlock = p.signedHeaders.map((h) => `${h}:${(p.headers[h] ?? '').trim()}\n`).join('');
  return [
    p.method,
    p.pathname,
    canonicalQuery(p.pairs),
    headerBlock,
    p.signedHeaders.join(';'),
    p.payloadHash,
  ].join('\n');
}

export function stringToSign(canonical: string): string {
  return `${ALGORITHM}\n${sha256Hex(canonical)}`;
}

export function signatureFor(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(stringToSign(canonical)).digest('hex');
}

export interface ParsedAuthorization {
  credential: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (!header) throw incompleteSignature('The Authorization header is missing.');
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw incompleteSignature(`Unsupported signature algorithm; expected ${ALGORITHM}.`);
  }
  const fields = new Map<string, string>();
  for (const item of header.slice(space + 1).split(',')) {
    const eq = item.indexOf('=');
    if (eq > 0) fields.set(item.slice(0, eq).trim(), item.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signed || !signature) {
    throw incompleteSignature('Authorization needs Credential, SignedHeaders and Signature.');
  }
  if (!/^[0-9a-f]{64}$/i.test(signature)) {
    throw incompleteSignature('Signature must be 64 hex digits.');
  }
  const signedHeaders = signed.split(';');
  const sorted = [...new Set(signedHeaders.map((h) => h.toLowerCase()))].sort();
  if (sorted.join(';') !== signed) {
    throw incompleteSignature('SignedHeaders must be lower case, unique and sorted.');
  }
  return { credential, signedHeaders, signature: signature.toLowerCase() };
}

export interface VerifyInput {
  method: string;
  pathname: string;
  pairs: QueryPairs;
  headers: Record<string, string>;
  body: Buffer;
  now: number;
  findKey: (accessKeyId: string) => EmulatorAccessKey | undefined;
  /** Returns false when the nonce was already used. */
  claimNonce: (nonce: string) => boolean;
}

function checkCoverage(headers: Record<string, string>, signed: string[]): void {
  for (const name of MUST_SIGN) {
    if (headers[name] === undefined) throw incompleteSignature(`The ${name} header is missing.`);
  }
  const mustBeSigned = Object.keys(headers).filter(
    (h) => h.startsWith('x-acs-') || h === 'host' || h === 'content-type',
  );
  const missing = mustBeSigned.filter((h) => !signed.includes(h));
  if (missing.length > 0) {
    throw incompleteSignature(`Headers present but not signed: ${missing.join(', ')}.`);
  }
  const absent = signed.filter((h) => headers[h] === undefined);
  if (absent.length > 0) {
    throw incompleteSignature(`Signed headers not sent: ${absent.join(', ')}.`);
  }
}

function checkDate(value: string, now: number): void {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ApiError(
      400,
      'InvalidTimeStamp.Format',
      'x-acs-date must be UTC in yyyy-MM-ddTHH:mm:ssZ.',
    );
  }
  if (Math.abs(Date.parse(value) - now) > MAX_SKEW_MS) {
    throw new ApiError(
      400,
      'InvalidTimeStamp.Expired',
      'x-acs-date is more than 15 minutes from the server time.',
    );
  }
}

function checkSecurityToken(key: EmulatorAccessKey, headers: Record<string, string>): void {
  const sentId = headers['x-acs-accesskey-id'];
  if (sentId !== undefined && sentId !== key.accessKeyId) {
    throw new ApiError(
      400,
      'InvalidSecurityToken.MismatchWithAccessKey',
      'x-acs-accesskey-id differs from the Credential.',
    );
  }
  if (key.securityToken === undefined) return;
  const token = headers['x-acs-security-token'];
  if (token === undefined || !safeEqual(token, key.securityToken)) {
    throw new ApiError(
      400,
      'InvalidSecurityToken.MismatchWithAccessKey',
      'The security token is missing or does not belong to this AccessKey.',
    );
  }
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Throws the gateway's ApiError when the request is not authentic; returns the key when it is. */
export function verifyV3(input: VerifyInput): EmulatorAccessKey {
  const { headers } = input;
  const auth = parseAuthorization(headers['authorization']);
  checkCoverage(headers, auth.signedHeaders);
  checkDate(headers['x-acs-date'] ?? '', input.now);
  const key = input.findKey(auth.credential);
  if (!key) {
    throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  const payloadHash = sha256Hex(input.body);
  if ((headers['x-acs-content-sha256'] ?? '').toLowerCase() !== payloadHash) {
    throw signatureMismatch('x-acs-content-sha256 is not the SHA-256 of the body received.');
  }
  const canonical = canonicalRequest({
    method: input.method,
    pathname: input.pathname,
    pairs: input.pairs,
    headers,
    signedHeaders: auth.signedHeaders,
    payloadHash,
  });
  if (!safeEqual(signatureFor(key.accessKeySecret, canonical), auth.signature)) {
    throw signatureMismatch(`server string to sign is: ${stringToSign(canonical)}`);
  }
  checkSecurityToken(key, headers);
  if (!input.claimNonce(headers['x-acs-signature-nonce'] ?? '')) {
    throw new ApiError(400, 'SignatureNonceUsed', 'The request signature nonce has been used.');
  }
  return key;
}
