// The one error type of the app. Everything that can go wrong ends up as an AppError: a code
// (E-HPC's, the gateway's, or the app's own), one sentence for people, what to do next, and the
// RequestId when the cloud gave one. The words come from the error registry
// (preload/shared/error-registry.ts) through `appError`; `toInfo()` is what crosses to the
// renderer: no stack, no cause, and the variant and params the window needs to say it in Chinese.
import type { AppErrorInfo } from '../../preload/shared/contract';
import { describeError, type ErrorParams } from '../../preload/shared/error-registry';

export interface AppErrorFields {
  code: string;
  message: string;
  action: string;
  requestId?: string;
  httpStatus?: number;
  retryable?: boolean;
  /** The registry wording the message was made from (see `appError`). */
  variant?: string;
  params?: ErrorParams;
}

export class AppError extends Error {
  readonly code: string;
  readonly action: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly variant?: string;
  readonly params?: ErrorParams;

  constructor(fields: AppErrorFields) {
    super(fields.message);
    this.name = 'AppError';
    this.code = fields.code;
    this.action = fields.action;
    this.requestId = fields.requestId;
    this.httpStatus = fields.httpStatus;
    this.retryable = fields.retryable ?? false;
    if (fields.variant) this.variant = fields.variant;
    if (fields.params) this.params = fields.params;
  }

  toInfo(): AppErrorInfo {
    const info: AppErrorInfo = {
      code: this.code,
      message: this.message,
      action: this.action,
      retryable: this.retryable,
    };
    if (this.requestId) info.requestId = this.requestId;
    if (this.httpStatus !== undefined) info.httpStatus = this.httpStatus;
    if (this.variant) info.variant = this.variant;
    if (this.params) info.params = { ...this.params };
    return info;
  }
}

export interface AppErrorOptions {
  /** A narrower wording of the code, from its registry entry's `variants`. */
  variant?: string;
  /** The text's `{name}` values; `detail` is appended to the message. Never secret. */
  params?: ErrorParams;
  requestId?: string;
  httpStatus?: number;
  /** Overrides the registry's retry class (an unknown code's 5xx). */
  retryable?: boolean;
}

/** An AppError worded by the registry: `appError('InvalidInput', { variant: 'clusterId' })`. */
export function appError(code: string, opts: AppErrorOptions = {}): AppError {
  const text = describeError({ code, variant: opts.variant, params: opts.params }, 'en');
  return new AppError({
    code,
    message: text.message,
    action: text.action,
    retryable: opts.retryable ?? text.retryable,
    requestId: opts.requestId,
    httpStatus: opts.httpStatus,
    variant: opts.variant,
    params: opts.params,
  });
}
