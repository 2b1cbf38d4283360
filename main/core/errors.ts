// Turns anything thrown while talking to E-HPC into an AppError with a stable code, one sentence
// for people and what to do next. Only fields we pick by name are read from what the SDK throws:
// its messages embed request URLs and its UnretryableError carries the whole last request (form
// body included), so neither is ever copied or serialised here.
import { describeError, lookupCode } from '../../preload/shared/error-registry';
import { appError, AppError } from './app-error';
import { redactSecrets } from './redact';

export interface CodeDescription {
  message: string;
  action: string;
  /** Trying again later may succeed (drives the "Try again" affordance, not automatic retries). */
  retryable: boolean;
}

/** Whether the app has its own words for `code` (directly or through its family). */
export { isKnownCode, KNOWN_CODES } from '../../preload/shared/error-registry';

/** The registry's English for `code` (a generic sentence naming it when the code is unknown). */
export function describeCode(code: string): CodeDescription {
  return describeError({ code: lookupCode(code) ? code : sanitizeServerText(code, 80) || '?' });
}

const MAX_SERVER_TEXT = 200;

/**
 * Makes text from a server fit one line of a dialog: no control characters, no run of spaces,
 * no `[object Object]`, bounded length, and none of `redact` (values the caller knows are secret).
 */
export function sanitizeServerText(
  text: unknown,
  max = MAX_SERVER_TEXT,
  redact: readonly string[] = [],
): string {
  let s = typeof text === 'string' ? text : '';
  s = redactSecrets(s, redact);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  s = s
    .replace(/\[object \w+\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > max) s = `${s.slice(0, max - 1).trimEnd()}…`;
  return s;
}

export interface ErrorContext {
  /** The E-HPC action being called, if any (for the generic message). */
  action?: string;
  /** Values that must not appear in any message, e.g. the passwords just sent. */
  redact?: readonly string[];
}

// Codes whose server message names what went wrong (`Invalid param: %s`, `... command: %s`).
const DETAIL_CODES = new Set(['InvalidParams', 'ExecFail']);

const TLS_CODES = new Set([
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** Node's socket and TLS error codes → the app's network codes. */
function networkCode(code: string): string | undefined {
  switch (code) {
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return 'Network.Timeout';
    case 'ECONNREFUSED':
      return 'Network.Refused';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return 'Network.Reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return 'Network.DNS';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
    case 'EADDRNOTAVAIL':
      return 'Network.Unreachable';
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return 'Network.TLS';
  }
  if (code.startsWith('CERT_') || code.includes('_CERT_')) return 'Network.TLS';
  return undefined;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : undefined;

function fromCode(
  code: string,
  extra: { httpStatus?: number; requestId?: string; serverMessage?: unknown },
  ctx: ErrorContext,
): AppError {
  const detail = sanitizeServerText(extra.serverMessage, MAX_SERVER_TEXT, ctx.redact);
  const ids = { httpStatus: extra.httpStatus, requestId: extra.requestId };
  if (lookupCode(code)) {
    const params = DETAIL_CODES.has(code) && detail ? { detail } : undefined;
    return appError(code, { ...ids, params });
  }
  // A code nobody documented: its name and the server's words are all there is.
  const params: Record<string, string> = { code: sanitizeServerText(code, 80) };
  if (ctx.action) params.operation = ctx.action;
  if (detail) params.detail = detail;
  return appError(code, {
    ...ids,
    params,
    variant: ctx.action ? 'operation' : undefined,
    retryable: extra.httpStatus !== undefined && extra.httpStatus >= 500,
  });
}

/**
 * An answer that is not E-HPC's (a gateway's HTML page, JSON without a code): with its HTTP
 * status when known, which the message then names (`BadResponse (HTTP 502)` in the CLI).
 */
export function badResponse(httpStatus?: number, requestId?: string): AppError {
  if (httpStatus === undefined) return appError('BadResponse', { requestId });
  return appError('BadResponse', {
    variant: 'httpStatus',
    httpStatus,
    requestId,
    params: { status: String(httpStatus) },
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** An HTTP error answer the SDK threw: its `data` is the parsed body plus `statusCode`. */
function fromHttpError(
  err: Record<string, unknown>,
  data: Record<string, unknown>,
  ctx: ErrorContext,
): AppError {
  const status = typeof data.statusCode === 'number' ? data.statusCode : undefined;
  const httpStatus = typeof err.statusCode === 'number' ? err.statusCode : status;
  const requestId = str(data.RequestId) ?? str(data.requestId);
  const rawMessage = data.Message ?? data.message;
  const serverMessage = isRecord(rawMessage) ? rawMessage.Msg : rawMessage;
  let code = str(data.Code) ?? str(data.code);
  if (!code || !/^[A-Za-z][\w.-]{0,99}$/.test(code)) {
    // A JSON error without a usable code: name it by what the status says.
    if (httpStatus === 429) code = 'Throttling';
    else if (httpStatus === 503) code = 'ServiceUnavailable';
    else return badResponse(httpStatus, requestId);
  }
  return fromCode(code, { httpStatus, requestId, serverMessage }, ctx);
}

/** Maps anything thrown (the SDK's errors, Node's socket errors, our own) to an AppError. */
export function toAppError(err: unknown, context: ErrorContext = {}): AppError {
  if (err instanceof AppError) return err;
  if (!isRecord(err)) return fromCode('Internal', {}, context);
  const name = typeof err.name === 'string' ? err.name : '';
  const code = typeof err.code === 'string' ? err.code : '';

  if (name === 'RequestTimeoutError' || name.endsWith('TimeoutError')) {
    return fromCode('Network.Timeout', {}, context);
  }
  if (isRecord(err.data) && typeof err.data.statusCode === 'number') {
    return fromHttpError(err, err.data, context);
  }
  const net = code ? networkCode(code) : undefined;
  if (net) return fromCode(net, {}, context);
  // A body that is not JSON (an HTML page from a proxy) or JSON that is not an object.
  if (name === 'SyntaxError' || err.message === 'The value is not a object') {
    return badResponse();
  }
  return fromCode('Internal', {}, context);
}
