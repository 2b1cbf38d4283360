// Options and shared types of the E-HPC client. The response types it resolves to live in the
// IPC contract (preload/shared/contract.ts): the client speaks the app's vocabulary, not the API's.
import type { AppError } from '../app-error';

export interface AccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface AttemptInfo {
  action: string;
  attempt: number;
  /** Absent when the attempt succeeded. Carries code and RequestId, never a secret. */
  error?: AppError;
}

export interface EhpcClientOptions {
  credentials: AccessKey;
  regionId: string;
  /** Overrides the endpoint: `https://ehpc-vpc.cn-hangzhou.aliyuncs.com`, or `http://127.0.0.1:18080`. */
  endpoint?: string;
  /** Read timeout of one request; the connect timeout is min(timeoutMs, 10 s). Default 15000. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Injectable for tests: a number in [0, 1), as Math.random. */
  random?: () => number;
  onAttempt?: (info: AttemptInfo) => void;
}
