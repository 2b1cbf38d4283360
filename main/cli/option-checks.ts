// The global options every command that reaches the core checks first (--region, --profile,
// --timeout): one place for the full run (runtime.ts) and for `clusters --cached`, which answers
// without the core (cached-clusters.ts). Light on purpose: no zod, no core.
import { isValidRegionId } from '../../preload/shared/validation';
import { isValidProfileName } from '../core/vault';
import { CliError } from './cli-error';
import { TIMEOUT_BOUNDS, type GlobalOptions } from './global-options';

export interface CheckedOptions {
  /** --region or ALIBABA_CLOUD_REGION_ID; undefined: the settings' region. */
  region?: string;
  timeoutMs: number;
}

/** Throws the CLI's InvalidInput for a region, profile or timeout out of bounds. */
export function checkGlobalOptions(opts: GlobalOptions, env: NodeJS.ProcessEnv): CheckedOptions {
  const region = opts.region ?? env.ALIBABA_CLOUD_REGION_ID;
  if (region !== undefined && !isValidRegionId(region)) {
    throw new CliError('InvalidInput', 'cliRegion', { region });
  }
  if (opts.profile !== undefined && !isValidProfileName(opts.profile)) {
    throw new CliError('InvalidInput', 'cliProfile', { profile: opts.profile.slice(0, 80) });
  }
  const seconds = Number(opts.timeout ?? TIMEOUT_BOUNDS.default);
  if (!Number.isFinite(seconds) || seconds < TIMEOUT_BOUNDS.min || seconds > TIMEOUT_BOUNDS.max) {
    throw new CliError('InvalidInput', 'cliTimeout');
  }
  return { ...(region ? { region } : {}), timeoutMs: Math.round(seconds * 1000) };
}

/** Where the core's warnings go: stderr, one line each. */
export const warnTo =
  (io: { stderr: NodeJS.WritableStream }) =>
  (message: string): void => {
    io.stderr.write(`warning: ${message}\n`);
  };
