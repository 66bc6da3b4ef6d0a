/**
 * The search screen's call (#26 item 4): as useCall, but a partial answer (from the small index
 * while the full one loads, complete-search.std.ts) may come before the complete one. The screen
 * stays "loading" until the complete answer (the e2e wrapper waits for it), and shows the partial
 * answer meanwhile in place of the skeleton.
 */
import { useEffect, useState } from 'react';
import type { SearchQuery, SearchResult } from '../../../common/contract/contract.std';
import { ContractError } from '../../../common/contract/errors.std';
import { api } from '../api/client.dom';
import type { Loaded } from '../api/useCall.dom';
import { askCompleting } from './complete-search.std';

interface Searched {
  key: string;
  value: Loaded<SearchResult>;
  partial: SearchResult | null;
}

export function useSearch(
  query: SearchQuery,
  deps: readonly unknown[],
): { loaded: Loaded<SearchResult>; partial: SearchResult | null } {
  const key = JSON.stringify(deps);
  const [searched, setSearched] = useState<Searched>({ key, value: { state: 'loading' }, partial: null });
  useEffect(() => {
    let current = true;
    setSearched({ key, value: { state: 'loading' }, partial: null });
    const show = (result: SearchResult) => {
      if (!current) return;
      if (result.partial) setSearched({ key, value: { state: 'loading' }, partial: result });
      else setSearched({ key, value: { state: 'ready', value: result }, partial: null });
    };
    askCompleting(api.search.query, query, show).catch(
      (error: unknown) =>
        current &&
        setSearched({
          key,
          value: {
            state: 'error',
            error: error instanceof ContractError ? error : new ContractError('INTERNAL', String(error)),
          },
          partial: null,
        }),
    );
    return () => {
      current = false;
    };
    // The query is read through `deps` (its URL parameters), as useCall reads its inputs.
  }, [key]);
  return searched.key === key
    ? { loaded: searched.value, partial: searched.partial }
    : { loaded: { state: 'loading' }, partial: null };
}
