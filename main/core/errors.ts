// Turns anything thrown while talking to E-HPC into an AppError with a stable code, one sentence
// for people and what to do next. Only fields we pick by name are read from what the SDK throws:
// its messages embed request URLs and its UnretryableError carries the whole last request (form
// body included), so neither is ever copied or serialised here.
import { AppError } from './app-error';
import { redactSecrets } from './redact';

export interface CodeDescription {
  message: string;
  action: string;
  /** Trying again later may succeed (drives the "Try again" affordance, not automatic retries). */
  retryable: boolean;
}

const GRANT_RAM =
  'Ask your administrator to grant this RAM user the E-HPC permissions listed in the README.';
const TRY_LATER = 'Try again in a few minutes.';
const SUPPORT =
  'Try again; if it keeps failing, contact Alibaba Cloud support and quote the request ID.';

const d = (message: string, action: string, retryable = false): CodeDescription => ({
  message,
  action,
  retryable,
});

/** Every code the app knows by name: the seeds' tables, the API gateway's, and the app's own. */
const CATALOG: Record<string, CodeDescription> = {
  // E-HPC, seeds 000 and 003
  InvalidParams: d(
    'E-HPC rejected a parameter of the request.',
    'Check the values you entered and try again.',
  ),
  NotEnabled: d(
    'E-HPC is not activated for this Alibaba Cloud account.',
    'Activate E-HPC in the Alibaba Cloud console, or sign in with an AccessKey of another account.',
  ),
  InDebt: d(
    'The Alibaba Cloud account has overdue payments.',
    'Settle the overdue payment in the Alibaba Cloud billing console, then try again.',
  ),
  InvalidClusterStatus: d(
    "The cluster's current state does not allow this operation.",
    'Wait until the cluster is running, refresh, and try again.',
    true,
  ),
  ConflictOpt: d(
    'Another operation is already running on this cluster.',
    'Wait a moment and try again.',
    true,
  ),
  AgentError: d(
    'The E-HPC agent on the cluster did not answer correctly.',
    "Check that the cluster's login node is running, then try again.",
    true,
  ),
  IncorrectCredential: d(
    'The run-as user name or password is incorrect.',
    "Enter that user's password on the cluster (not the VNC password) and try again.",
  ),
  ExecFail: d(
    'A command failed on the cluster.',
    "Check the cluster's login node and the run-as user, then try again.",
  ),
  ClusterNotFound: d(
    'The cluster does not exist in this region.',
    'Refresh the cluster list, or check the selected region.',
  ),
  AliyunError: d('Another Alibaba Cloud service that E-HPC relies on failed.', TRY_LATER, true),
  NotAuthorized: d('RAM does not allow this AccessKey to perform this operation.', GRANT_RAM),
  PartFailure: d(
    'Part of the operation failed.',
    'Refresh to see the current state, then retry what failed.',
    true,
  ),
  UnknownError: d('E-HPC reported an unknown error.', SUPPORT, true),
  ServiceUnavailable: d('E-HPC is temporarily unavailable.', TRY_LATER, true),

  // The API gateway, in front of every product
  'InvalidAccessKeyId.NotFound': d(
    'The AccessKey ID does not exist.',
    'Check the AccessKey ID, or create a new AccessKey in the RAM console, and sign in again.',
  ),
  'InvalidAccessKeyId.Inactive': d(
    'The AccessKey is disabled.',
    'Enable it in the RAM console, or sign in with an active AccessKey.',
  ),
  SignatureDoesNotMatch: d(
    'The AccessKey secret does not match the AccessKey ID.',
    'Enter the AccessKey secret again and sign in.',
  ),
  IncompleteSignature: d(
    'Alibaba Cloud rejected the request signature as incomplete.',
    'Sign in again; if it persists, check that no proxy alters the requests.',
  ),
  'InvalidSecurityToken.Expired': d(
    'The STS security token has expired.',
    'Get a new temporary credential and sign in again.',
  ),
  'InvalidSecurityToken.Malformed': d(
    'The STS security token is malformed.',
    'Copy the whole security token again and sign in.',
  ),
  'InvalidSecurityToken.MismatchWithAccessKey': d(
    'The STS security token does not belong to this AccessKey ID.',
    'Sign in with the AccessKey ID, secret and security token issued together.',
  ),
  Throttling: d(
    'Alibaba Cloud is limiting the rate of requests.',
    'Wait a minute and try again.',
    true,
  ),
  'Throttling.User': d(
    'This account has sent too many requests; Alibaba Cloud is limiting it.',
    'Wait a minute and try again.',
    true,
  ),
  'Throttling.Api': d(
    'This operation is receiving too many requests; Alibaba Cloud is limiting it.',
    'Wait a minute and try again.',
    true,
  ),
  'Forbidden.RAM': d('RAM does not allow this AccessKey to call E-HPC.', GRANT_RAM),
  'Forbidden.AccessKeyDisabled': d(
    'The AccessKey is disabled.',
    'Enable it in the RAM console, or sign in with an active AccessKey.',
  ),
  NoPermission: d('This AccessKey has no permission for this operation.', GRANT_RAM),
  'InvalidTimeStamp.Expired': d(
    "This computer's clock differs too much from Alibaba Cloud's time.",
    "Correct the computer's clock (turn on automatic time), then try again.",
  ),
  SignatureNonceUsed: d(
    'Alibaba Cloud rejected the request as a repeat of an earlier one.',
    'Try the operation again.',
    true,
  ),
  InvalidVersion: d(
    'This endpoint does not support the E-HPC API version the app uses (2018-04-12).',
    'Choose another region, or check the endpoint setting.',
  ),
  'InvalidAction.NotFound': d(
    'This endpoint does not offer the requested E-HPC operation.',
    'Check the region and the endpoint setting; E-HPC may not be available in this region.',
  ),
  InvalidRegionId: d(
    'The region is not valid for E-HPC.',
    'Choose another region from the list and try again.',
  ),
  InternalError: d('Alibaba Cloud had an internal error.', SUPPORT, true),

  // The app's own
  'Network.Timeout': d(
    'E-HPC did not answer in time.',
    'Check your network connection, then refresh to see whether the operation took effect.',
    true,
  ),
  'Network.Refused': d(
    'The connection to the E-HPC endpoint was refused.',
    'Check the endpoint setting, your proxy and your firewall, then try again.',
    true,
  ),
  'Network.Reset': d(
    'The connection to E-HPC was interrupted.',
    'Check your network connection and try again.',
    true,
  ),
  'Network.DNS': d(
    "The E-HPC endpoint's host name could not be resolved.",
    'Check your internet connection and DNS, and that the region is right.',
    true,
  ),
  'Network.TLS': d(
    'The secure connection to E-HPC could not be verified.',
    "Check the computer's clock and any proxy that inspects HTTPS traffic, then try again.",
  ),
  'Network.Unreachable': d(
    'The E-HPC endpoint cannot be reached from this network.',
    'Check your network connection and proxy, then try again.',
    true,
  ),
  BadResponse: d(
    'E-HPC sent an answer the app could not read (a proxy or gateway may have replied instead).',
    'Try again later; if you use a proxy, check it.',
    true,
  ),
  InsecureEndpoint: d(
    'The endpoint uses plain HTTP, which would expose requests and passwords on the network.',
    'Use an https:// endpoint; plain http:// is allowed only for this computer (127.0.0.1, localhost, [::1]).',
  ),
  InvalidInput: d('A value is not valid.', 'Correct the value and try again.'),
  Internal: d(
    'Something unexpected went wrong in the app.',
    'Try again; if it keeps happening, report it with the steps that led to it.',
  ),
};

/** Families of gateway codes that share one meaning, for members not named above. */
const FAMILIES: [prefix: string, base: string][] = [
  ['Throttling.', 'Throttling'],
  ['InvalidSecurityToken.', 'InvalidSecurityToken.Malformed'],
  ['InvalidAccessKeyId.', 'InvalidAccessKeyId.NotFound'],
  ['Forbidden.', 'Forbidden.RAM'],
  ['Network.', 'Network.Unreachable'],
];

function lookup(code: string): CodeDescription | undefined {
  const exact = CATALOG[code];
  if (exact) return exact;
  const family = FAMILIES.find(([prefix]) => code.startsWith(prefix));
  return family ? CATALOG[family[1]] : undefined;
}

/** Whether the app has its own words for `code` (directly or through its family). */
export function isKnownCode(code: string): boolean {
  return lookup(code) !== undefined;
}

/** The catalogue's codes, for tests and for the renderer's translation table. */
export const KNOWN_CODES: readonly string[] = Object.keys(CATALOG);

export function describeCode(code: string): CodeDescription {
  const known = lookup(code);
  if (known) return known;
  return d(
    `E-HPC returned the error ${sanitizeServerText(code, 80) || 'without a code'}.`,
    SUPPORT,
  );
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
  const known = lookup(code);
  const detail = sanitizeServerText(extra.serverMessage, MAX_SERVER_TEXT, ctx.redact);
  let message: string;
  let action: string;
  let retryable: boolean;
  if (known) {
    ({ action, retryable } = known);
    message =
      DETAIL_CODES.has(code) && detail
        ? `${known.message.replace(/\.$/, '')}: ${detail.replace(/\.$/, '')}.`
        : known.message;
  } else {
    const safeCode = sanitizeServerText(code, 80);
    const what = ctx.action ? ` (${ctx.action})` : '';
    message = detail
      ? `E-HPC returned the error ${safeCode}${what}: ${detail}`
      : `E-HPC returned the error ${safeCode}${what}.`;
    action = SUPPORT;
    retryable = extra.httpStatus !== undefined && extra.httpStatus >= 500;
  }
  return new AppError({
    code,
    message,
    action,
    retryable,
    httpStatus: extra.httpStatus,
    requestId: extra.requestId,
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
    else code = 'BadResponse';
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
    return fromCode('BadResponse', {}, context);
  }
  return fromCode('Internal', {}, context);
}
