// "Detect my address": asks the HTTPS URL the user chose in Settings (none by default, so the app
// calls no outside service on its own) and accepts only one public IP address as the answer,
// returned as a single-host block (/32, /128) for the user to confirm before anything uses it.
import type { DetectedAddress } from '../../preload/shared/contract';
import {
  hostCidr,
  ipFamily,
  isAllowedDetectUrl,
  isPublicIp,
} from '../../preload/shared/ip-address';
import { appError } from './app-error';

/** An address service answers a few bytes; anything longer is not one. */
const MAX_ANSWER_BYTES = 256;
const DEFAULT_TIMEOUT_MS = 10_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface AddressDetectionDeps {
  /** The URL set in Settings (empty: none). */
  url: () => string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

const fail = (variant: string, params?: Record<string, string>) =>
  appError('AddressDetection', { variant, ...(params ? { params } : {}) });

/** The one address in an answer, or why there is none. Pure: tested on its own. */
export function parseAddressAnswer(body: string): DetectedAddress {
  const answer = body.trim();
  // One token on one line: no HTML page, no JSON, no list of addresses.
  if (answer === '' || /\s/.test(answer) || answer.length > 45) throw fail('badAnswer');
  const family = ipFamily(answer);
  if (family === null) throw fail('badAnswer');
  if (!isPublicIp(answer)) throw fail('notPublic', { address: answer });
  return { address: answer, cidrIp: hostCidr(answer), family };
}

export async function detectAddress(deps: AddressDetectionDeps): Promise<DetectedAddress> {
  const url = deps.url().trim();
  if (url === '') throw fail('notConfigured');
  if (!isAllowedDetectUrl(url)) throw fail('insecureUrl');
  const fetchFn = deps.fetch ?? ((u: string, init: RequestInit) => fetch(u, init));
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'GET',
      // A redirect could lead anywhere (plain HTTP included): the URL chosen is the one asked.
      redirect: 'error',
      headers: { accept: 'text/plain' },
      signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch {
    throw fail('unreachable');
  }
  if (!response.ok) throw fail('unreachable');
  if (/html/i.test(response.headers.get('content-type') ?? '')) throw fail('badAnswer');
  return parseAddressAnswer(await readBounded(response));
}

/** The body as text, refusing (not truncating) one larger than an address answer can be. */
async function readBounded(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw fail('badAnswer');
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
