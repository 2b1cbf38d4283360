// The shape of one error code's entry in the registry (see ../error-registry.ts).

/** A message and what to do next, in one language. `{name}` placeholders are filled from params. */
export type Text = readonly [message: string, action: string];

/**
 * Whether trying again later may succeed: drives the "Try again" affordance and the
 * pending-stop journal, never automatic retries of a non-idempotent call.
 */
export type RetryClass = 'transient' | 'permanent';

/** A narrower wording under the same code, chosen by the call site (`appError(code, { variant })`). */
export interface Variant {
  en: Text;
  zh: Text;
  retry?: RetryClass;
}

export interface CodeEntry {
  /** What the code means, for people reading the code and the docs (never shown in the UI). */
  meaning: string;
  retry: RetryClass;
  en: Text;
  zh: Text;
  /** A few words for lists ("Last error: …", "Still pending: X (…)"), where a sentence is too much. */
  short?: { en: string; zh: string };
  variants?: Record<string, Variant>;
}

// Actions several codes share, written once.
export const GRANT_RAM =
  'Ask your administrator to grant this RAM user the E-HPC permissions listed in the README.';
export const GRANT_RAM_ZH = '请让管理员为此 RAM 用户授予 README 中列出的 E-HPC 权限。';
export const TRY_LATER = 'Try again in a few minutes.';
export const TRY_LATER_ZH = '请几分钟后重试。';
export const SUPPORT =
  'Try again; if it keeps failing, contact Alibaba Cloud support and quote the request ID.';
export const SUPPORT_ZH = '请重试；如仍失败，请凭 RequestId 联系阿里云支持。';
export const WAIT_MINUTE = 'Wait a minute and try again.';
export const WAIT_MINUTE_ZH = '请等待一分钟后重试。';
