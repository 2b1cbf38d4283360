// Runs one bridge operation at a time for a component and keeps what the screen needs to show:
// pending, the last value, the last error. A result that arrives after unmount, or after a newer
// call, is dropped so a slow answer can never overwrite a fresh one.
import { useCallback, useRef, useState } from 'react';
import type { AppErrorInfo, Operation, Request, Responses } from '../../../preload/shared/contract';
import { call, type OpResult } from '../bridge';
import { useMounted } from './use-mounted';

export interface OperationState<T> {
  pending: boolean;
  value?: T;
  error?: AppErrorInfo;
}

export interface OperationHandle<K extends Operation> extends OperationState<Responses[K]> {
  run(request: Request<K>): Promise<OpResult<K> | undefined>;
  reset(): void;
}

export function useOperation<K extends Operation>(op: K): OperationHandle<K> {
  const [state, setState] = useState<OperationState<Responses[K]>>({ pending: false });
  const generation = useRef(0);
  const mounted = useMounted();

  const run = useCallback(
    async (request: Request<K>) => {
      const mine = ++generation.current;
      setState((s) => ({ pending: true, value: s.value }));
      const result = await call(op, request);
      if (!mounted.current || mine !== generation.current) return undefined;
      setState((s) =>
        result.ok
          ? { pending: false, value: result.value }
          : { pending: false, value: s.value, error: result.error },
      );
      return result;
    },
    [op, mounted],
  );

  const reset = useCallback(() => {
    generation.current++;
    setState({ pending: false });
  }, []);

  return { ...state, run, reset };
}
