// The one error type of the app. Everything that can go wrong ends up as an AppError: a code
// (E-HPC's, the gateway's, or the app's own), one sentence for people, what to do next, and the
// RequestId when the cloud gave one. `toInfo()` is what crosses to the renderer: no stack, no cause.
import type { AppErrorInfo } from '../../preload/shared/contract';

export interface AppErrorFields {
  code: string;
  message: string;
  action: string;
  requestId?: string;
  httpStatus?: number;
  retryable?: boolean;
}

export class AppError extends Error {
  readonly code: string;
  readonly action: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;

  constructor(fields: AppErrorFields) {
    super(fields.message);
    this.name = 'AppError';
    this.code = fields.code;
    this.action = fields.action;
    this.requestId = fields.requestId;
    this.httpStatus = fields.httpStatus;
    this.retryable = fields.retryable ?? false;
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
    return info;
  }
}

/** Input the app refuses before anything is sent. */
export function invalidInput(
  message: string,
  action = 'Correct the value and try again.',
): AppError {
  return new AppError({ code: 'InvalidInput', message, action });
}
