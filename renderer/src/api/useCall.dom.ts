/** Loads one contract call for a screen, re-running when its inputs change. */
import { useEffect, useState } from 'react';
import { ContractError } from '../../../common/errors.std';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: ContractError };

export function useCall<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load().then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (error: unknown) =>
        current &&
        setLoaded({
          state: 'error',
          error: error instanceof ContractError ? error : new ContractError('INTERNAL', String(error)),
        }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return loaded;
}
