/** The items recently viewed, newest first, kept in this profile's storage. */
export interface Visit {
  route: string;
  kind: string;
  title: string;
  /**
   * How the title is shown in whichever language is chosen later: `interface`, a catalogue key
   * (“Calendar”); `country`, the archive's name of a country (“Moldova”, « Moldavie »). Without
   * it, the title is the newsletter's words and shown as they are.
   */
  as?: 'interface' | 'country';
}

const KEY = 'valise.history';
const KEPT = 12;

export function recentVisits(): Visit[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as Visit[];
    return Array.isArray(list) ? list.filter((v) => typeof v.route === 'string' && typeof v.title === 'string') : [];
  } catch {
    return [];
  }
}

export function recordVisit(visit: Visit): void {
  const list = [visit, ...recentVisits().filter((v) => v.route !== visit.route)].slice(0, KEPT);
  localStorage.setItem(KEY, JSON.stringify(list));
}
