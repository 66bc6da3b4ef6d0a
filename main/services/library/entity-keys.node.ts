/**
 * Keys once given never change. The pipeline derives an entity's key from what the text says of
 * it, so a later issue can change it: "the Council of Europe (CoE)" gives the acronym as key, a
 * fuller name or a title gives another slug. After the entities are found again over the whole
 * library, every entity whose derived key was never given, and which shares a mention with a
 * key given before that is now gone, takes that older key back; the derived key is recorded as an
 * alias of it. Two given keys that turn out to be one entity: the one kept is the oldest, and the
 * other is recorded as merged into it. A key whose every mention is gone (its issue removed)
 * resolves to nothing: only what existed in a removed issue alone is orphaned.
 */
import type Database from 'better-sqlite3';
import type { EntityRecord } from '../../../db/pipeline/entities/extract-entities.std';

export interface GivenKey {
  key: string;
  type: string;
  name: string;
  mentions: string[];
}

export interface KeyAlias {
  alias: string;
  key: string;
  why: 'renamed' | 'merged';
}

export interface KeyLedger {
  /** Every key given so far, oldest first. */
  given(): GivenKey[];
  aliases(): KeyAlias[];
  /** Records the keys present now (their latest mentions) and the aliases found. */
  record(present: EntityRecord[], aliases: KeyAlias[], at: string): void;
  /** The key an alias (or a chain of them) resolves to, or null if it is not an alias. */
  resolve(key: string): string | null;
}

/** Longest chain of aliases followed (a renamed key later merged, …); more means a cycle. */
const MAX_CHAIN = 16;

export function keyLedger(db: Database.Database): KeyLedger {
  const given = db.prepare<[], { key: string; type: string; name: string; mentions: string }>(
    'SELECT key, type, name, mentions FROM entity_keys ORDER BY first_seen, rowid',
  );
  const aliases = db.prepare<[], KeyAlias>('SELECT alias, key, why FROM key_aliases ORDER BY recorded_at, rowid');
  const one = db.prepare<[string], { key: string }>('SELECT key FROM key_aliases WHERE alias = ?');
  const upsertKey = db.prepare(
    `INSERT INTO entity_keys (key, type, name, mentions, first_seen) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name, mentions = excluded.mentions`,
  );
  const upsertAlias = db.prepare(
    'INSERT INTO key_aliases (alias, key, why, recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT (alias) DO UPDATE SET key = excluded.key, why = excluded.why',
  );
  return {
    given: () => given.all().map((r) => ({ ...r, mentions: JSON.parse(r.mentions) as string[] })),
    aliases: () => aliases.all(),
    record(present, found, at) {
      db.transaction(() => {
        for (const e of present) upsertKey.run(e.key, e.type, e.name, JSON.stringify(e.mentions), at);
        for (const a of found) upsertAlias.run(a.alias, a.key, a.why, at);
      }).immediate();
    },
    resolve(key) {
      let current = key;
      for (let step = 0; step < MAX_CHAIN; step++) {
        const next = one.get(current)?.key;
        if (!next || next === current) return current === key ? null : current;
        current = next;
      }
      return null;
    },
  };
}

/** Every string in `value` equal to a renamed key, replaced by the key kept (a person's organisation, …). */
function rekeyData(value: unknown, renamed: Map<string, string>): unknown {
  if (typeof value === 'string') return renamed.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => rekeyData(v, renamed));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rekeyData(v, renamed)]));
  return value;
}

/**
 * The entities with every key given before kept: returns them, renamed where the pipeline now
 * derives another key, and the aliases to record (derived key → key kept, merged key → key kept).
 * `given` is oldest first; `earlier` are the aliases recorded before.
 */
export function keepGivenKeys(
  entities: EntityRecord[],
  given: GivenKey[],
  earlier: KeyAlias[],
): { entities: EntityRecord[]; aliases: KeyAlias[] } {
  const present = new Set(entities.map((e) => e.key));
  const gone = given.filter((g) => !present.has(g.key));
  const renamed = new Map<string, string>();
  const aliases: KeyAlias[] = [];
  const earlierTo = new Map(earlier.map((a) => [a.alias, a.key]));
  const claimed = new Set<string>();
  const givenKeys = new Set(given.map((g) => g.key));
  for (const e of entities) {
    if (givenKeys.has(e.key)) continue;
    const mentions = new Set(e.mentions);
    // A derived key already recorded as an alias goes back to its key, if that key is free.
    const before = earlierTo.get(e.key);
    const matches = gone.filter(
      (g) => g.type === e.type && !claimed.has(g.key) && (g.key === before || g.mentions.some((m) => mentions.has(m))),
    );
    if (matches.length === 0) continue;
    const [kept, ...merged] = matches;
    claimed.add(kept!.key);
    renamed.set(e.key, kept!.key);
    aliases.push({ alias: e.key, key: kept!.key, why: 'renamed' });
    for (const m of merged) {
      claimed.add(m.key);
      aliases.push({ alias: m.key, key: kept!.key, why: 'merged' });
    }
  }
  // A given key gone whose mentions now belong to an entity that kept its own key: merged into it.
  const out = entities.map((e) => (renamed.has(e.key) ? { ...e, key: renamed.get(e.key)! } : e));
  for (const g of gone.filter((x) => !claimed.has(x.key))) {
    const into = out.find((e) => e.type === g.type && e.mentions.some((m) => g.mentions.includes(m)));
    if (into) aliases.push({ alias: g.key, key: into.key, why: 'merged' });
  }
  return {
    entities: renamed.size ? out.map((e) => ({ ...e, data: rekeyData(e.data, renamed) as EntityRecord['data'] })) : out,
    aliases,
  };
}
