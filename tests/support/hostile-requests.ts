/**
 * Hostile requests for every channel of the IPC contract, generated with fast-check from the
 * contract's own zod schemas. The schemas are read through `z.toJSONSchema(args, { io: 'input' })`,
 * so a field added to the contract is generated without touching this file, and a schema feature
 * this file does not know fails loudly instead of being skipped.
 *
 * Two kinds of request:
 *  - valid: the shape the schema asks for (every required key, only known keys, the right types,
 *    within its limits) filled with hostile values: NUL bytes, bidi controls (U+202E…), lone
 *    surrogates, strings as long as the field allows (up to 64 KiB), `__proto__`/`constructor`
 *    words, JSON text with polluting keys and deep nesting where a field is free text, extreme
 *    integers (MAX_SAFE_INTEGER, -0), huge id arrays, and the ids and keys the running app knows.
 *  - invalid: a valid request broken one or more ways: wrong types, extra keys (`__proto__`,
 *    `constructor`, `prototype` as own keys), missing keys, arrays for objects, values just past a
 *    limit, numbers JSON or the schema refuse (MAX_SAFE_INTEGER + 1, 1e308, 0.5), nested garbage
 *    thousands of levels deep; or arguments that are not an object at all.
 *
 * With `nonJson`, values only Electron's structured clone can carry (NaN, ±Infinity, BigInt,
 * undefined, Map, Set, Date, typed arrays) join in: for the dispatcher, never for HTTP.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { CHANNELS, type Channel } from '../../common/contract/channels.std';
import { Bookmark, contract } from '../../common/contract/contract.std';

type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** The part of JSON Schema (draft 2020-12) that z.toJSONSchema writes for the contract. */
export interface JsonSchema {
  $schema?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

const KNOWN_KEYWORDS = new Set<string>([
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'enum',
  'const',
  'anyOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'default',
  'description',
]);

/** The JSON Schema of a channel's arguments, as a caller sends them (defaults still optional). */
export function argsSchema(channel: Channel): JsonSchema {
  return z.toJSONSchema(contract[channel].args, { io: 'input' }) as JsonSchema;
}

/** 64 KiB: the longest string generated; MAX_REQUEST_BYTES refuses most of them whole. */
export const LONGEST_STRING = 64 * 1024;

/** Characters that trip naive code: NUL, bidi controls, separators, BOM, lone surrogates, combining marks. */
export const HOSTILE_CHARS = [
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u202e',
  '\u202d',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u00a0',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\uffff',
  '\ufffd',
  '\u0301\u0301\u0301\u0301',
  '"',
  "'",
  '`',
  '\\',
  '/',
  '%',
  '&',
  '<',
  '>',
  '{',
  '}',
  '$',
  '\u0130',
  '\u00df',
];

/** Words that name object internals, SQL, paths, markup, templates, search syntax and odd scripts. */
export const HOSTILE_WORDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  'then',
  'length',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  'null',
  'undefined',
  'true',
  '[object Object]',
  "' OR 1=1 --",
  '"); DROP TABLE bookmarks; --',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '%00',
  '%2e%2e%2f',
  'title:x',
  '+child -labour',
  'traffic~2',
  'victim^10',
  'lab*',
  ':',
  '~~~',
  '*:*',
  'constructor:x',
  'CON',
  'aux.txt',
  'e\u0301',
  'ﬁ',
  '𝕏',
  '👩‍👩‍👧‍👦',
  'مرحبا',
  'שלום',
  '\u202egnp.exe',
  'A\u0000B',
  'traite des êtres humains',
  'mendicité',
  'ⅷ',
  '٣',
  ' ',
  '',
];

/** Keys that pollute a prototype when code copies them carelessly. */
export const POLLUTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
  '__defineSetter__',
];

/** Numbers at and past the edges; all of them survive JSON (as numbers or, for -0, as 0). */
export const EXTREME_NUMBERS = [
  -0,
  0,
  1,
  -1,
  0.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 1,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER - 1,
  2 ** 53,
  2 ** 63,
  2 ** 64,
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  1e-7,
  0.1 + 0.2,
];

/** What structured clone carries and JSON does not (Electron IPC may deliver these; HTTP never). */
const nonJsonValues = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(NaN, Infinity, -Infinity, undefined, 10n, -(2n ** 64n)),
    fc.constant(null).map(() => new Date(8.64e15 + 1)),
    fc.constant(null).map(
      () =>
        new Map<unknown, unknown>([
          ['key', 'x'],
          ['__proto__', { polluted: true }],
        ]),
    ),
    fc.constant(null).map(() => new Set(['x', 1])),
    fc.constant(null).map(() => new Uint8Array([0, 1, 255])),
    fc.constant(null).map(() => {
      const holed: unknown[] = [];
      holed[1] = 1; // a hole at 0
      return holed;
    }),
  );

/** An object whose keys are all its own, `__proto__` included (as JSON.parse and structured clone make them). */
export function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** A deep copy of plain objects and arrays that keeps own `__proto__` keys own. */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return ownObject(Object.entries(value).map(([k, v]) => [k, clone(v)] as const));
  }
  return value;
}

export interface HostileOptions {
  /**
   * Values the running app knows (bookmark ids, item keys, upload and job ids) for a field, read
   * at generation time, so requests also reach rows and jobs that exist. `path` is the field's
   * path in the arguments (array items as `[]`).
   */
  known?: (path: readonly string[], schema: JsonSchema) => readonly unknown[] | undefined;
  /** Add values only structured clone carries (for the dispatcher, as Electron IPC delivers them). */
  nonJson?: boolean;
}

type Arb = fc.Arbitrary<unknown>;

const regexOf = (pattern: string) => new RegExp(pattern);
const fits = (s: JsonSchema, value: string) =>
  value.length >= (s.minLength ?? 0) &&
  value.length <= (s.maxLength ?? Infinity) &&
  (!s.pattern || regexOf(s.pattern).test(value));

/** Strings a long string is made of: repeated up to the field's limit. */
const LONG_UNITS = ['a', '\u0000', '\u202e', 'é', '𝕏', '\ud800', 'constructor ', '<b>', '"\\', ' ', 'a/', '0', 'A+/='];

/** A string stretched to `length` by repeating it, if the result still fits the schema. */
function stretch(s: JsonSchema, seed: string, length: number): string {
  if (!seed) return seed;
  const long = seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
  return fits(s, long) ? long : seed;
}

/** Pads or cuts a string to the schema's length limits (cutting may split a surrogate pair: hostile too). */
function clampLength(s: JsonSchema, value: string): string {
  const max = Math.min(s.maxLength ?? LONGEST_STRING, LONGEST_STRING);
  const cut = value.length > max ? value.slice(0, max) : value;
  return cut.length < (s.minLength ?? 0) ? cut + '\u202e'.repeat((s.minLength ?? 0) - cut.length) : cut;
}

/** A live pool of known values, or the fallback while the pool is empty. */
function fromPool(pool: () => readonly unknown[] | undefined, fallback: Arb): Arb {
  return fc.tuple(fc.nat(), fallback).map(([i, otherwise]) => {
    const values = pool();
    return values && values.length > 0 ? values[i % values.length] : otherwise;
  });
}

/** JSON values with hostile keys and leaves, a few levels deep. */
function garbageArb(nonJson: boolean): Arb {
  const leaf: Arb = fc.oneof(
    fc.constantFrom<unknown>(...EXTREME_NUMBERS),
    fc.constantFrom<unknown>(...HOSTILE_WORDS),
    fc.boolean(),
    fc.constant(null),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer(),
    ...(nonJson ? [nonJsonValues()] : []),
  );
  const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 8 }));
  const { value } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(ownObject),
  }));
  return fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: deepArb(leaf) });
}

/** Arrays and objects nested hundreds to thousands of levels deep. */
function deepArb(leaf: Arb): Arb {
  return fc
    .tuple(
      fc.integer({ min: 100, max: 3_000 }),
      fc.constantFrom('array', 'object', 'mixed'),
      fc.constantFrom(...POLLUTING_KEYS, 'a'),
      leaf,
    )
    .map(([depth, how, key, inner]) => {
      let value = inner;
      for (let i = 0; i < depth; i++) {
        const asArray = how === 'array' || (how === 'mixed' && i % 2 === 0);
        value = asArray ? [value] : ownObject([[key, value]]);
      }
      return value;
    });
}

/** Free text: hostile pieces joined, long runs, JSON documents (with own `__proto__` keys), any UTF-16. */
function freeTextArb(s: JsonSchema): Arb {
  const max = Math.min(s.maxLength ?? LONGEST_STRING, LONGEST_STRING);
  const min = s.minLength ?? 0;
  const piece = fc.oneof(
    fc.constantFrom(...HOSTILE_CHARS),
    fc.constantFrom(...HOSTILE_WORDS),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ maxLength: 12 }),
  );
  const mixed = fc
    .tuple(fc.array(piece, { maxLength: 24 }), fc.constantFrom(' ', ' ', '', '\u202e', '\u0000', '/'))
    .map(([pieces, glue]) => pieces.join(glue));
  const long = fc
    .tuple(fc.constantFrom(...LONG_UNITS), fc.integer({ min: Math.max(min, 1), max: Math.max(min, max, 1) }))
    .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
  const atLimit = fc.constantFrom(...LONG_UNITS).map((unit) => unit.repeat(Math.ceil(max / unit.length)).slice(0, max));
  const json = garbageArb(false).map((value) => JSON.stringify(value) ?? 'null');
  return fc
    .oneof(
      { weight: 6, arbitrary: mixed },
      { weight: 2, arbitrary: long },
      { weight: 1, arbitrary: atLimit },
      { weight: 2, arbitrary: json },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 200) }) },
    )
    .map((text) => clampLength(s, String(text)));
}

/** A string matching a pattern: generated from the regex, hostile words that happen to match, stretched to the limit. */
function patternArb(s: JsonSchema): Arb {
  const re = regexOf(s.pattern!);
  const max = Math.min(s.maxLength ?? LONGEST_STRING, LONGEST_STRING);
  const literal = [
    ...HOSTILE_WORDS,
    ...HOSTILE_WORDS.map((w) => w.toLowerCase()),
    'constructor/prototype',
    '0',
    '0/0',
    'a..b',
    'a--',
    'nan',
    'infinity',
  ].filter((w) => fits(s, w));
  const generated = fc.stringMatching(re).filter((x) => fits(s, x));
  const stretched = fc
    .tuple(fc.stringMatching(re), fc.integer({ min: 1, max }))
    .map(([x, n]) => stretch(s, x, n))
    .filter((x) => fits(s, x));
  return fc.oneof(
    { weight: 4, arbitrary: generated },
    { weight: 1, arbitrary: stretched },
    ...(literal.length ? [{ weight: 1, arbitrary: fc.constantFrom(...literal) }] : []),
  );
}

function integerBounds(s: JsonSchema): [number, number] {
  const lo = Math.max(
    s.minimum ?? -Infinity,
    s.exclusiveMinimum !== undefined ? Math.floor(s.exclusiveMinimum) + 1 : -Infinity,
    Number.MIN_SAFE_INTEGER,
  );
  const hi = Math.min(
    s.maximum ?? Infinity,
    s.exclusiveMaximum !== undefined ? Math.ceil(s.exclusiveMaximum) - 1 : Infinity,
    Number.MAX_SAFE_INTEGER,
  );
  return [lo, hi];
}

function integerArb(s: JsonSchema): Arb {
  const [lo, hi] = integerBounds(s);
  const edges = [lo, hi, lo + 1, hi - 1, 0, -0, 1, Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 32].filter(
    (n) => n >= lo && n <= hi,
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 2, arbitrary: fc.bigInt({ min: BigInt(lo), max: BigInt(hi) }).map(Number) },
    { weight: 2, arbitrary: fc.integer({ min: lo, max: Math.min(hi, lo + 60) }) },
  );
}

function numberArb(s: JsonSchema): Arb {
  const lo = s.minimum ?? -Number.MAX_VALUE;
  const hi = s.maximum ?? Number.MAX_VALUE;
  const edges = [lo, hi, -0, 0, 1e308, Number.MIN_VALUE, 0.1 + 0.2].filter((n) => n >= lo && n <= hi);
  return fc.oneof(fc.constantFrom(...edges), fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }));
}

function arrayArb(s: JsonSchema, item: Arb, itemSchema: JsonSchema): Arb {
  const min = s.minItems ?? 0;
  const max = s.maxItems ?? 10_000;
  const arbs: fc.WeightedArbitrary<unknown>[] = [
    { weight: 6, arbitrary: fc.array(item, { minLength: min, maxLength: Math.min(max, min + 8) }) },
  ];
  // Huge arrays of scalars only: repeating an object or an array a few hundred times only makes
  // a request the size limit refuses whole, and slowly.
  if (max > min + 8 && itemSchema.type !== 'object' && itemSchema.type !== 'array') {
    // Huge arrays, built cheaply: one value repeated, or (for integers) a run of them.
    const size = fc.oneof(fc.constant(max), fc.integer({ min: min + 9, max }));
    arbs.push({
      weight: 1,
      arbitrary: fc.tuple(size, item).map(([n, x]) => Array.from({ length: n }, () => clone(x))),
    });
    if (itemSchema.type === 'integer') {
      const [lo, hi] = integerBounds(itemSchema);
      arbs.push({
        weight: 1,
        arbitrary: fc
          .tuple(size, fc.constantFrom(lo, Math.max(lo, hi - max)))
          .map(([n, start]) => Array.from({ length: n }, (_, i) => Math.min(hi, start + i))),
      });
    }
  }
  return fc.oneof(...arbs);
}

function objectArb(s: JsonSchema, path: readonly string[], options: HostileOptions): Arb {
  const properties = s.properties ?? {};
  const shape: Record<string, Arb> = {};
  for (const [key, schema] of Object.entries(properties)) shape[key] = validArb(schema, [...path, key], options);
  const record = fc.record(shape, { requiredKeys: s.required ?? [] });
  if (s.additionalProperties === false) return record.map(clone);
  // Free-form keys are allowed: polluting ones among them.
  const extra =
    s.additionalProperties && typeof s.additionalProperties === 'object'
      ? validArb(s.additionalProperties, [...path, '*'], options)
      : garbageArb(!!options.nonJson);
  return fc
    .tuple(record, fc.array(fc.tuple(fc.constantFrom(...POLLUTING_KEYS), extra), { maxLength: 3 }))
    .map(([known, extras]) => ownObject([...Object.entries(known), ...extras]));
}

function assertKnown(schema: JsonSchema, path: readonly string[]): void {
  const unknown = Object.keys(schema).filter((k) => !KNOWN_KEYWORDS.has(k));
  if (unknown.length)
    throw new Error(
      `hostile-requests: no generator for ${unknown.join(', ')} at ${path.join('.') || 'arguments'}: teach tests/support/hostile-requests.ts`,
    );
  if (schema.format) throw new Error(`hostile-requests: no generator for format ${schema.format} at ${path.join('.')}`);
}

/** Arguments of the right shape, filled with hostile values. */
export function validArb(schema: JsonSchema, path: readonly string[] = [], options: HostileOptions = {}): Arb {
  assertKnown(schema, path);
  const arb = ((): Arb => {
    if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => validArb(branch, path, options)));
    if (Array.isArray(schema.type))
      return fc.oneof(...schema.type.map((type) => validArb({ ...schema, type }, path, options)));
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'object':
        return objectArb(schema, path, options);
      case 'array': {
        if (!schema.items) throw new Error(`hostile-requests: an array without items at ${path.join('.')}`);
        const item = validArb(schema.items, [...path, '[]'], options);
        return arrayArb(schema, item, schema.items);
      }
      case 'string':
        return schema.pattern ? patternArb(schema) : freeTextArb(schema);
      case 'integer':
        return integerArb(schema);
      case 'number':
        return numberArb(schema);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        throw new Error(
          `hostile-requests: no generator for type ${String(schema.type)} at ${path.join('.') || 'arguments'}`,
        );
    }
  })();
  const known = options.known;
  if (!known || schema.type === 'object' || schema.type === 'array') return arb;
  const pool = () => known(path, schema);
  return fc.oneof(arb, fromPool(pool, arb));
}

/** A place in a generated value that a mutation can break, with the schema it must meet there. */
interface Site {
  path: (string | number)[];
  schema: JsonSchema;
}

function sitesOf(value: unknown, schema: JsonSchema, path: (string | number)[] = [], into: Site[] = []): Site[] {
  into.push({ path, schema });
  const branch = schema.anyOf?.find((b) => (b.type === 'null') === (value === null)) ?? schema;
  if (branch.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, sub] of Object.entries(branch.properties ?? {})) {
      if (Object.hasOwn(value, key)) sitesOf((value as Record<string, unknown>)[key], sub, [...path, key], into);
    }
  } else if (branch.type === 'array' && Array.isArray(value) && branch.items) {
    // A few items, not all 5,000.
    for (const i of [...new Set([0, value.length - 1])].filter((i) => i >= 0))
      sitesOf(value[i], branch.items, [...path, i], into);
  }
  return into;
}

const getAt = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined),
    root,
  );

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  if (parent && typeof parent === 'object')
    Object.defineProperty(parent, path[path.length - 1]!, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return root;
}

/** A value just outside what the schema takes at this site, of the same type where there is one. */
function pastTheLimit(schema: JsonSchema, current: unknown, pick: number): unknown {
  const branch = schema.anyOf?.find((b) => b.type !== 'null') ?? schema;
  const choose = <T>(options: T[]): T => options[pick % options.length]!;
  if (branch.enum)
    return choose([
      String(branch.enum[0]).toUpperCase(),
      ` ${String(branch.enum[0])}`,
      `${String(branch.enum[0])}\u0000`,
      '',
      'constructor',
      0,
    ]);
  switch (branch.type) {
    case 'string': {
      const text = typeof current === 'string' ? current : '';
      const options: unknown[] = [42, null, [text], { toString: text }];
      if (branch.maxLength !== undefined) options.push('a'.repeat(branch.maxLength + 1));
      if (branch.minLength) options.push('');
      // A line break breaks every pattern of the contract (keys, ids, tags, dates, base64).
      if (branch.pattern) options.push(`${text}\nx`, `x\n${text}`, `\u202e${text}\nx`, `${text}\u0000\nx`);
      return choose(options);
    }
    case 'integer':
    case 'number': {
      const [lo, hi] = integerBounds(branch);
      const options: unknown[] = ['1', Number.MAX_SAFE_INTEGER + 1, 1e308, -1e308, 0.5, true, null, []];
      if (Number.isFinite(lo) && lo > Number.MIN_SAFE_INTEGER) options.push(lo - 1);
      if (Number.isFinite(hi) && hi < Number.MAX_SAFE_INTEGER) options.push(hi + 1);
      if (branch.type === 'integer') options.push(lo + 0.5);
      return choose(options);
    }
    case 'array': {
      const items = Array.isArray(current) ? current : [];
      const options: unknown[] = [{ 0: items[0] }, items.length ? items[0] : 'x', [null], [[items[0]]]];
      // One item too many, of scalars (repeating a nested array here would multiply its size).
      const scalar = (x: unknown) => (x !== null && typeof x === 'object' ? 1 : (x ?? 1));
      if (branch.maxItems !== undefined)
        options.push(
          Array.from({ length: branch.maxItems + 1 }, (_, i) => scalar(items[i % Math.max(1, items.length)])),
        );
      if (branch.minItems) options.push([]);
      return choose(options);
    }
    case 'object':
      return choose([[current], Object.values((current ?? {}) as object), 'object', null, 0]);
    case 'boolean':
      return choose(['true', 0, 1, null]);
    default:
      return choose([undefined, 'x']);
  }
}

type Mutation = 'extra-key' | 'drop-key' | 'wrong-type' | 'past-limit' | 'wrap-in-array' | 'deep-garbage';
const MUTATIONS: Mutation[] = ['extra-key', 'drop-key', 'wrong-type', 'past-limit', 'wrap-in-array', 'deep-garbage'];

function mutate(
  root: unknown,
  schema: JsonSchema,
  mutation: Mutation,
  pick: number,
  garbage: unknown,
  key: string,
): unknown {
  const sites = sitesOf(root, schema);
  const site = sites[pick % sites.length]!;
  const here = getAt(root, site.path);
  switch (mutation) {
    case 'extra-key': {
      // Onto the nearest object: the site's own, or the root's.
      const objects = sites.filter((s) => {
        const v = getAt(root, s.path);
        return v && typeof v === 'object' && !Array.isArray(v);
      });
      const target = objects[pick % Math.max(1, objects.length)];
      if (!target) return ownObject([[key, garbage]]);
      return setAt(root, [...target.path, key], garbage);
    }
    case 'drop-key': {
      const withRequired = sites.filter(
        (s) => (s.schema.required?.length ?? 0) > 0 && getAt(root, s.path) && typeof getAt(root, s.path) === 'object',
      );
      const target = withRequired[pick % Math.max(1, withRequired.length)];
      if (!target) return [root];
      const object = getAt(root, target.path) as Record<string, unknown>;
      delete object[target.schema.required![pick % target.schema.required!.length]!];
      return root;
    }
    case 'wrong-type':
      return setAt(root, site.path, typeof garbage === typeof here && !Array.isArray(garbage) ? [garbage] : garbage);
    case 'past-limit':
      return setAt(root, site.path, pastTheLimit(site.schema, here, pick));
    case 'wrap-in-array':
      return setAt(root, site.path, [here]);
    case 'deep-garbage':
      return setAt(root, site.path, garbage);
  }
}

/** Arguments a channel must refuse: a valid request broken one to three ways, or no object at all. */
export function invalidArb(schema: JsonSchema, options: HostileOptions = {}): Arb {
  const garbage = garbageArb(!!options.nonJson);
  const broken = fc
    .tuple(
      validArb(schema, [], options),
      fc.array(
        fc.tuple(
          fc.constantFrom(...MUTATIONS),
          fc.nat(),
          garbage,
          fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 10 })),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([args, mutations]) =>
      mutations.reduce(
        (value, [mutation, pick, junk, key]) => mutate(value, schema, mutation, pick, junk, key),
        clone(args),
      ),
    );
  const notAnObject = fc.oneof(
    garbage.filter((g) => !(g && typeof g === 'object' && !Array.isArray(g))),
    validArb(schema, [], options).map((args) => [args]),
    fc.constantFrom<unknown>('', 'null', '{}', 0, -0, true, [], null),
    ...(options.nonJson ? [nonJsonValues()] : []),
  );
  return fc.oneof(
    { weight: 5, arbitrary: broken },
    { weight: 2, arbitrary: notAnObject },
    { weight: 1, arbitrary: garbage },
  );
}

/** A Valise bookmarks export (as `bookmarks:import` takes it) whose records are generated from the contract's Bookmark. */
export function bookmarkExportArb(options: HostileOptions = {}): fc.Arbitrary<string> {
  const record = z.toJSONSchema(Bookmark.omit({ id: true, orphaned: true }), { io: 'input' }) as JsonSchema;
  // Keep records short enough that a file of a few fits the 50,000-character limit.
  const short = (s: JsonSchema): JsonSchema => {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('string') && !s.pattern) return { ...s, maxLength: Math.min(s.maxLength ?? 60, 60) };
    if (s.type === 'array') return { ...s, maxItems: Math.min(s.maxItems ?? 4, 4), items: s.items && short(s.items) };
    if (s.anyOf) return { ...s, anyOf: s.anyOf.map(short) };
    if (s.properties)
      return { ...s, properties: Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, short(v)])) };
    return s;
  };
  const dates = fc
    .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString());
  const dayLike = fc.oneof(
    dates.map((d) => d.slice(0, 10)),
    fc.constantFrom('2021-13-45', '0000-00-00', '9999-99-99', 'garbage', '2021', '\u0000', ''),
    fc.constant(null),
  );
  const known = (path: readonly string[], schema: JsonSchema): readonly unknown[] | undefined =>
    options.known?.(path, schema);
  const base = validArb(short(record), ['bookmarks', '[]'], { known, nonJson: false });
  const item = fc
    .tuple(base, dates, dates, dayLike, fc.option(fc.constantFrom(...POLLUTING_KEYS), { freq: 4 }))
    .map(([r, created, updated, eventStart, polluting]) => {
      const fields = Object.entries(r as Record<string, unknown>).map(([k, v]): [string, unknown] => [
        k,
        k === 'createdAt' ? created : k === 'updatedAt' ? updated : k === 'eventStart' ? eventStart : v,
      ]);
      return ownObject(polluting ? [...fields, [polluting, { polluted: true }]] : fields);
    });
  return fc
    .tuple(
      fc.constantFrom('valise-bookmarks', 'valise-bookmarks', 'valise-bookmarks', 'Valise-bookmarks', ''),
      fc.constantFrom<unknown>(1, 1, 1, 0, -0, 2, 1.5, -1e308, Number.MAX_SAFE_INTEGER + 1, '1'),
      fc.array(item, { maxLength: 8 }),
      fc.option(fc.constantFrom(...POLLUTING_KEYS), { freq: 3 }),
    )
    .map(([format, version, bookmarks, polluting]) => {
      const fields: [string, unknown][] = [
        ['format', format],
        ['version', version],
        ['exportedAt', new Date(0).toISOString()],
        ['bookmarks', bookmarks],
      ];
      return JSON.stringify(ownObject(polluting ? [...fields, [polluting, { polluted: true }]] : fields));
    });
}

/** A short printable form of a value (fast-check's own printer recurses, and a 3,000-deep value overflows it). */
export function describeValue(value: unknown, max = 400): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_key, v: unknown) =>
        typeof v === 'bigint'
          ? `${v}n`
          : v === undefined
            ? '<undefined>'
            : typeof v === 'number' && !Number.isFinite(v)
              ? String(v)
              : v,
      ) ?? String(value);
  } catch (error) {
    text = `<${(error as Error).message}>`;
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

function request(channel: unknown, args: unknown, kind: RequestKind): HostileRequest {
  const req: HostileRequest = { channel, args, kind };
  // How fast-check prints a counterexample: short, and without recursing into deep nesting.
  Object.defineProperty(req, fc.toStringMethod, {
    value: () => `${kind} ${describeValue(channel, 80)} ${describeValue(args)}`,
    enumerable: false,
  });
  return req;
}

export type RequestKind = 'valid' | 'invalid' | 'unknown-channel';
export interface HostileRequest {
  /** A contract channel, or (for `unknown-channel`) anything else, not always a string. */
  channel: unknown;
  args: unknown;
  kind: RequestKind;
}

/** Field-specific extras: free text a service parses as a document is also given documents. */
function extrasFor(channel: Channel, options: HostileOptions): Partial<Record<string, Arb>> {
  if (channel === 'bookmarks:import') return { content: bookmarkExportArb(options) };
  return {};
}

/** Valid and invalid requests of one channel. */
export function channelRequests(
  channel: Channel,
  options: HostileOptions = {},
): { valid: fc.Arbitrary<HostileRequest>; invalid: fc.Arbitrary<HostileRequest> } {
  const schema = argsSchema(channel);
  let valid = validArb(schema, [], options);
  const extras = extrasFor(channel, options);
  if (Object.keys(extras).length) {
    const withExtras = fc
      .tuple(valid, ...Object.entries(extras).map(([key, arb]) => arb!.map((v) => [key, v] as const)))
      .map(([args, ...fields]) =>
        ownObject(
          [...Object.entries(args as object), ...fields].filter(
            ([k], i, all) => all.findLastIndex(([other]) => other === k) === i,
          ),
        ),
      );
    valid = fc.oneof(valid, withExtras);
  }
  return {
    valid: valid.map((args) => request(channel, args, 'valid')),
    invalid: invalidArb(schema, options).map((args) => request(channel, args, 'invalid')),
  };
}

/** Channel names that are not the contract's, some of them close to it. */
export const FOREIGN_CHANNELS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'app:info\u0000',
  'APP:INFO',
  ' app:info',
  'valise:app:info',
  'bookmarks:*',
  'shell:openExternal',
  '',
];

/** Requests over every channel of the contract, valid and invalid in equal measure, and a few to channels it lacks. */
export function hostileRequests(options: HostileOptions = {}): fc.Arbitrary<HostileRequest> {
  const perChannel = CHANNELS.map((channel) => channelRequests(channel, options));
  const foreign = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...FOREIGN_CHANNELS),
        fc.string({ unit: 'binary', maxLength: 100 }),
        fc.constantFrom<unknown>(null, 42, ['app:info']),
      ),
      garbageArb(!!options.nonJson),
    )
    .map(([channel, args]) => request(channel, args, 'unknown-channel'));
  return fc.oneof(
    {
      weight: 24,
      arbitrary: fc
        .nat(CHANNELS.length * 2 - 1)
        .chain((i) => (i % 2 === 0 ? perChannel[i >> 1]!.valid : perChannel[i >> 1]!.invalid)),
    },
    { weight: 1, arbitrary: foreign },
  );
}
