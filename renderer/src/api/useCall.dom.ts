/**
 * Loads one contract call for a screen, re-running when its inputs change. The state belongs to
 * the inputs it was loaded for: the render after an input changes already says "loading", never
 * the previous item's "ready" (the e2e wrapper relies on it).
 */
import { useEffect, useState } from 'react';
import { ContractError } from '../../../common/contract/errors.std';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: ContractError };

export function useCall<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const key = JSON.stringify(deps);
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<T> }>({ key, value: { state: 'loading' } });
  useEffect(() => {
    let current = true;
    setLoaded({ key, value: { state: 'loading' } });
    load().then(
      (value) => current && setLoaded({ key, value: { state: 'ready', value } }),
      (error: unknown) =>
        current &&
        setLoaded({
          key,
          value: {
            state: 'error',
            error: error instanceof ContractError ? error : new ContractError('INTERNAL', String(error)),
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return loaded.key === key ? loaded.value : { state: 'loading' };
}
