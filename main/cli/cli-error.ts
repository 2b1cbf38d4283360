// An error the CLI itself raises before (or instead of) asking E-HPC: a registry code and variant,
// worded when it is printed, so that neither the words nor the registry load on the happy path.
import type { ErrorParams } from '../../preload/shared/error-registry';

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly code: string,
    readonly variant?: string,
    readonly params?: ErrorParams,
  ) {
    super(`${code}${variant ? `/${variant}` : ''}`);
  }
}

/** A wrong command line, or a prompt left without an answer: exit 2, nothing sent. */
export const usageError = (variant?: string, params?: ErrorParams): CliError =>
  new CliError('Usage', variant, params);

/** Ctrl-C: exit 130. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}
