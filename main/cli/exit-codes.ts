// Exit codes scripts can branch on (a logout hook retries on 1, gives up on 2, asks for login on 3;
// `status --all --exit-code` says 4 while any VNC is open).
import type { AppErrorInfo } from '../../preload/shared/contract';

export const ExitCode = {
  Ok: 0,
  /** The API or the network failed. */
  Failure: 1,
  /** Invalid input or usage: nothing was sent. */
  Usage: 2,
  /** No credentials, or no keychain to keep them in. */
  Credentials: 3,
  /** `status --all --exit-code`: VNC is running somewhere. */
  VncOpen: 4,
} as const;

const USAGE_CODES = new Set(['Usage', 'InvalidInput', 'InsecureEndpoint']);
const CREDENTIAL_CODES = new Set(['NoCredentials', 'KeychainUnavailable']);

export function exitCodeFor(error: AppErrorInfo): number {
  if (USAGE_CODES.has(error.code)) return ExitCode.Usage;
  if (CREDENTIAL_CODES.has(error.code)) return ExitCode.Credentials;
  return ExitCode.Failure;
}
