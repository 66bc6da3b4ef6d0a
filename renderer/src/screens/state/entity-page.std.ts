/**
 * What an entity's page (Entity.dom.tsx) shows, pure: the facts it has a value for, its roles by
 * issue, and its related items grouped by type. The labels' tables stay in the page, where the
 * interface's strings are read (tests/support/i18n-keys.ts reads `.dom` files).
 */
import type { EntitySummary } from '../../../../common/contract/contract.std';

/** The facts of `fields` ([field of the data, label]) that `data` has a value for (not null, undefined or empty), in their order. */
export function shownFacts(
  fields: readonly [string, string][],
  data: Record<string, unknown>,
): [field: string, label: string, value: unknown][] {
  return fields
    .filter(([field]) => data[field] !== null && data[field] !== undefined && data[field] !== '')
    .map(([field, label]) => [field, label, data[field]]);
}

export interface Role {
  issue: string;
  role: string | null;
  organisation: string | null;
}

/** A person's roles issue by issue, as the archive gives them (`data.issues`), or none. */
export function rolesOf(data: Record<string, unknown>): Role[] {
  return Array.isArray(data.issues) ? (data.issues as Role[]) : [];
}

/** The non-empty groups of `related` by the types of `groups` ([type, label]), in that order; a type not in `groups` (a contact) is left out. */
export function relatedGroups<T extends string>(
  groups: readonly [T, string][],
  related: readonly EntitySummary[],
): { type: T; label: string; list: EntitySummary[] }[] {
  return groups
    .map(([type, label]) => ({ type, label, list: related.filter((r) => r.type === type) }))
    .filter((g) => g.list.length > 0);
}
