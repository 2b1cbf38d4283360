// Exit codes scripts can branch on (a logout hook retries on 1, gives up on 2, asks for login on 3;
// `status --all --exit-code` says 4 while any VNC is open).
import type { AppErrorInfo } from '../../preload/shared/contract';

export const ExitCode = {
  Ok: 0,
  /** The API or the network failed. */
  Failure: 1,
  /** Invalid input or usage (Ctrl-D at a prompt included): nothing was sent. */
  Usage: 2,
  /** No credentials, credentials E-HPC rejects, or no keychain to keep them in. */
  Credentials: 3,
  /** `status --all --exit-code`: VNC is running somewhere. */
  VncOpen: 4,
  /** Ctrl-C (128 + SIGINT), as shells report it. */
  Cancelled: 130,
} as const;

const USAGE_CODES = new Set(['Usage', 'InvalidInput', 'InsecureEndpoint']);
const CREDENTIAL_CODES = new Set([
  'NoCredentials',
  'KeychainUnavailable',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
]);

/** Whether logging in again (or fixing the key) is what fixes it. */
export function isCredentialCode(code: string): boolean {
  return CREDENTIAL_CODES.has(code) || code.startsWith('InvalidAccessKeyId.');
}

export function exitCodeFor(error: AppErrorInfo): number {
  if (USAGE_CODES.has(error.code)) return ExitCode.Usage;
  if (isCredentialCode(error.code)) return ExitCode.Credentials;
  return ExitCode.Failure;
}
