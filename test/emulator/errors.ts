// Alibaba-shaped errors: every failure the emulator answers is one of these, turned into the
// `{RequestId, HostId, Code, Message, Recommend}` JSON body the real gateway sends.
import { randomUUID } from 'node:crypto';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Real RequestIds are upper-case UUIDs. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

export function errorBody(
  err: ApiError,
  requestId: string,
  regionId: string,
): Record<string, string> {
  return {
    RequestId: requestId,
    HostId: `ehpc.${regionId}.aliyuncs.com`,
    Code: err.code,
    Message: err.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=EHPC&requestId=${requestId}`,
  };
}

/** Seed pages: `400 InvalidParams — The specified parameter %s is invalid.` */
export function invalidParams(name: string, why?: string): ApiError {
  const detail = why ? ` ${why}` : '';
  return new ApiError(400, 'InvalidParams', `The specified parameter ${name} is invalid.${detail}`);
}

export const clusterNotFound = (): ApiError =>
  new ApiError(404, 'ClusterNotFound', 'The specified cluster does not exist.');

export const invalidClusterStatus = (): ApiError =>
  new ApiError(403, 'InvalidClusterStatus', 'The cluster status does not support the operation.');

export const incorrectCredential = (): ApiError =>
  new ApiError(403, 'IncorrectCredential', 'The username or password is incorrect.');

export const incompleteSignature = (why: string): ApiError =>
  new ApiError(
    400,
    'IncompleteSignature',
    `The request signature does not conform to Aliyun standards. ${why}`,
  );

export const signatureMismatch = (why: string): ApiError =>
  new ApiError(
    400,
    'SignatureDoesNotMatch',
    `Specified signature does not match our calculation. ${why}`,
  );
