// What a command needs beyond argv: the core, the contract's validation and the error wording.
// Loaded by `import()` on a command's first use, so --help and --version never load the core, zod,
// keytar or the SDK.
import { contract, type AppErrorInfo, type Request } from '../../preload/shared/contract';
import { describeError, lookupCode } from '../../preload/shared/error-registry';
import { checkVncPassword } from '../../preload/shared/validation';
import type { AppService } from '../core/app-service';
import { createCore } from '../core/compose';
import { configDir } from '../core/config-dir';
import { headlessConfirmations } from '../core/confirmations';
import { toAppError } from '../core/errors';
import { CliError } from './cli-error';
import type { GlobalOptions } from './global-options';
import { checkGlobalOptions, warnTo } from './option-checks';
import type { CliIO } from './output';

export { isWideCidr } from '../../preload/shared/validation';
export { resolveEndpoint } from '../core/ehpc/endpoint';
export { describeError } from '../../preload/shared/error-registry';

export function buildService(opts: GlobalOptions, io: CliIO, env: NodeJS.ProcessEnv): AppService {
  const { region, timeoutMs } = checkGlobalOptions(opts, env);
  return createCore({
    settingsDir: configDir(env),
    onWarning: warnTo(io),
    env,
    ...(env.EHPC_VNC_KEYCHAIN_SERVICE ? { keychainService: env.EHPC_VNC_KEYCHAIN_SERVICE } : {}),
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    sdkCredentials: true,
    // Nobody to ask: a wide CidrIp goes ahead only with --yes (the start command says why first).
    confirm: headlessConfirmations({ allowWide: opts.yes === true }),
    timeoutMs,
    ...(region ? { regionId: region } : {}),
  }).service;
}

type Validated =
  | 'signIn'
  | 'getVncStatus'
  | 'startVnc'
  | 'stopVnc'
  | 'setVncPassword'
  | 'hasRememberedRunasPassword'
  | 'connect';

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Request fields with a wording of their own (InvalidInput/cli<Field>). */
const WORDED_FIELDS = new Set([
  'cidrIp',
  'runasUser',
  'accessKeyId',
  'accessKeySecret',
  'regionId',
  'runasPassword',
]);

/** A zod issue as a sentence saying what a valid value looks like (no schema internals). */
function invalidField(field: string, value: unknown): CliError {
  if (field === 'clusterId') return new CliError('InvalidInput', 'cliClusterId');
  if (field === 'newPassword') {
    const failed = checkVncPassword(typeof value === 'string' ? value : '').rules.find(
      (r) => !r.ok,
    );
    const variant: Record<string, string> = {
      length: 'cliPasswordLength',
      classes: 'cliPasswordClasses',
      charset: 'cliPasswordCharset',
    };
    return new CliError('InvalidInput', variant[failed?.id ?? 'length']);
  }
  if (WORDED_FIELDS.has(field)) return new CliError('InvalidInput', `cli${capitalised(field)}`);
  return new CliError('InvalidInput', 'cliOther', { field });
}

/** Validates a request with the same contract schema the app's IPC uses. */
export function validated<K extends Validated>(
  op: K,
  request: Record<string, unknown>,
): Request<K> {
  const parsed = contract[op].request.safeParse(request);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'input');
    throw invalidField(field, request[field]);
  }
  return parsed.data as Request<K>;
}

/** The CLI's wording of an error when the registry has one (no button words), else the app's. */
export function cliWords(info: AppErrorInfo): AppErrorInfo {
  if (info.pendingStop)
    return { ...info, action: describeError({ code: 'PendingStop', variant: 'cli' }).action };
  const variants = lookupCode(info.code)?.variants ?? {};
  // The CLI's wording of this variant, else of the code (a platform's keychain, say).
  const cliVariant = [info.variant ? `cli${capitalised(info.variant)}` : undefined, 'cli'].find(
    (v) => v !== undefined && Object.hasOwn(variants, v),
  );
  if (!cliVariant) return info;
  const text = describeError({ code: info.code, variant: cliVariant, params: info.params }, 'en');
  return { ...info, message: text.message, action: text.action };
}

/** Anything thrown, as the CLI prints it. */
export function errorInfo(err: unknown): AppErrorInfo {
  if (err instanceof CliError) {
    const text = describeError({ code: err.code, variant: err.variant, params: err.params }, 'en');
    return { code: err.code, message: text.message, action: text.action, retryable: false };
  }
  return cliWords(toAppError(err).toInfo());
}
