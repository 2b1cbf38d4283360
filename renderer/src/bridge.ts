// The one place the page reaches window.ehpc. A call never throws: a broken transport becomes a
// typed error like any other, so every screen has a single error path.
import type {
  AppErrorInfo,
  Operation,
  Request,
  Responses,
  Result,
} from '../../preload/shared/contract';
import { describeError } from '../../preload/shared/error-registry';

export type OpResult<K extends Operation> = Result<Responses[K]>;

const BRIDGE_DOWN = 'Bridge.Unavailable';
const bridgeDown: AppErrorInfo = { code: BRIDGE_DOWN, ...describeError({ code: BRIDGE_DOWN }) };

export async function call<K extends Operation>(op: K, request: Request<K>): Promise<OpResult<K>> {
  try {
    const fn = window.ehpc[op] as (r: Request<K>) => Promise<OpResult<K>>;
    const result = await fn(request);
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: bridgeDown };
  } catch {
    return { ok: false, error: bridgeDown };
  }
}
