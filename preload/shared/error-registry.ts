// The error-code registry: for every code the app can show (E-HPC's, the API gateway's and the
// app's own) its meaning, retry class, and message and action in English and Simplified Chinese.
// Pure code, no imports beyond the tables: main builds its AppErrors from it, the CLI prints its
// English, the tray and the window show it in the user's language.
import { APP_CODES } from './error-codes/app';
import { CLI_CODES, CLI_WORDINGS } from './error-codes/cli';
import { CONNECT_CODES } from './error-codes/connect';
import { EHPC_CODES } from './error-codes/ehpc';
import { SUPPORT, SUPPORT_ZH, type CodeEntry, type Text } from './error-codes/entry';
import { EXPOSURE_CODES } from './error-codes/exposure';
import { GATEWAY_CODES } from './error-codes/gateway';
import { INPUT_CODES } from './error-codes/input';
import { NETWORK_CODES } from './error-codes/network';

export type { CodeEntry, RetryClass, Text } from './error-codes/entry';

export type ErrorLocale = 'en' | 'zh-CN';

/** Values for a text's `{name}` placeholders. Never secret: they reach the window and the logs. */
export type ErrorParams = Readonly<Record<string, string>>;

/** Adds the CLI's wordings (error-codes/cli.ts) to the entries' variants. */
function withCliWordings(codes: Record<string, CodeEntry>): Record<string, CodeEntry> {
  const merged = { ...codes };
  for (const [code, variants] of Object.entries(CLI_WORDINGS)) {
    const entry = merged[code];
    if (entry) merged[code] = { ...entry, variants: { ...entry.variants, ...variants } };
  }
  return merged;
}

export const ERROR_CODES: Readonly<Record<string, CodeEntry>> = withCliWordings({
  ...EHPC_CODES,
  ...GATEWAY_CODES,
  ...NETWORK_CODES,
  ...INPUT_CODES,
  ...APP_CODES,
  ...CLI_CODES,
  ...EXPOSURE_CODES,
  ...CONNECT_CODES,
});

/** Every code the registry names. */
export const KNOWN_CODES: readonly string[] = Object.keys(ERROR_CODES);

/** A code the app does not know: E-HPC's words for it are all there is. */
const UNKNOWN_CODE: CodeEntry = {
  meaning: 'Any code not named above; {code} is the (sanitised) code.',
  retry: 'permanent',
  en: ['E-HPC returned the error {code}.', SUPPORT],
  zh: ['E-HPC 返回了错误 {code}。', SUPPORT_ZH],
  variants: {
    // {operation}: the E-HPC action that was called.
    operation: {
      en: ['E-HPC returned the error {code} ({operation}).', SUPPORT],
      zh: ['E-HPC 返回了错误 {code}（{operation}）。', SUPPORT_ZH],
    },
  },
};

/** Families of gateway codes that share one meaning, for members not named above. */
const FAMILIES: readonly [prefix: string, base: string][] = [
  ['Throttling.', 'Throttling'],
  ['InvalidSecurityToken.', 'InvalidSecurityToken.Malformed'],
  ['InvalidAccessKeyId.', 'InvalidAccessKeyId.NotFound'],
  ['Forbidden.', 'Forbidden.RAM'],
  ['Network.', 'Network.Unreachable'],
];

/** The entry for `code`, directly or through its family; undefined for a code the app does not know. */
export function lookupCode(code: string): CodeEntry | undefined {
  if (Object.hasOwn(ERROR_CODES, code)) return ERROR_CODES[code];
  const family = FAMILIES.find(([prefix]) => code.startsWith(prefix));
  return family ? ERROR_CODES[family[1]] : undefined;
}

export function isKnownCode(code: string): boolean {
  return lookupCode(code) !== undefined;
}

/** What a call site names; the texts come from the registry. */
export interface ErrorSpec {
  code: string;
  /** A narrower wording of the code (see the entry's `variants`). */
  variant?: string;
  /** `{name}` values; `detail` (server or system words, already sanitised) is appended. */
  params?: ErrorParams;
}

export interface ErrorText {
  message: string;
  action: string;
  retryable: boolean;
}

function fill(template: string, params: ErrorParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? (params[name] as string) : whole,
  );
}

/** "Message: detail." in English, "消息：detail。" in Chinese. */
function withDetail(message: string, detail: string | undefined, locale: ErrorLocale): string {
  const d = detail?.trim().replace(/[.。]$/, '');
  if (!d) return message;
  const ends = /[.!?…)）。]$/.test(d);
  return locale === 'zh-CN'
    ? `${message.replace(/[。.]$/, '')}：${d}${ends ? '' : '。'}`
    : `${message.replace(/\.$/, '')}: ${d}${ends ? '' : '.'}`;
}

/** The message, action and retry class of an error, in `locale`. */
export function describeError(spec: ErrorSpec, locale: ErrorLocale = 'en'): ErrorText {
  const entry = lookupCode(spec.code);
  const base = entry ?? UNKNOWN_CODE;
  const params = entry ? spec.params : { code: spec.code, ...spec.params };
  const variant = spec.variant ? base.variants?.[spec.variant] : undefined;
  const texts: Text =
    (locale === 'zh-CN' ? variant?.zh : variant?.en) ?? (locale === 'zh-CN' ? base.zh : base.en);
  return {
    message: withDetail(fill(texts[0], params), params?.detail, locale),
    action: fill(texts[1], params),
    retryable: (variant?.retry ?? base.retry) === 'transient',
  };
}

/** A few words for a code, for lists; falls back to the message without its full stop. */
export function shortReason(code: string, locale: ErrorLocale): string {
  const entry = lookupCode(code);
  const short = entry?.short?.[locale === 'zh-CN' ? 'zh' : 'en'];
  if (short) return short;
  const { message } = describeError({ code }, locale);
  return message.replace(/[.。]$/, '');
}

/** The shape of an error as it crosses to the window or the tray (AppErrorInfo fits it). */
export interface ShownError extends ErrorSpec {
  message: string;
  action: string;
  /** A stop kept in the journal: what happens next is PendingStop's action, not the cause's. */
  pendingStop?: true;
}

/**
 * An error in the user's language. English is the text main wrote (from this registry, or the
 * server's words for a code nobody knows); other languages are rendered from the registry with
 * the same variant and params.
 */
export function localizeError(
  error: ShownError,
  locale: ErrorLocale,
): { message: string; action: string } {
  if (locale === 'en') return { message: error.message, action: error.action };
  const { message } = describeError(error, locale);
  const { action } = describeError(error.pendingStop ? { code: 'PendingStop' } : error, locale);
  return { message, action };
}
