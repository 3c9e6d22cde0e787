import fc from 'fast-check';
import { Json, defineOwn } from './dbtArtifactArbitrary';

/**
 * Ways to spoil a valid artifact: a wrong-typed value at some path, keys
 * named like Object.prototype's own at every level, or text cut short or
 * with a byte replaced.
 */

type Path = (string | number)[];

/** Every path to a value in `root`, root first (breadth-first). */
export function valuePaths(root: Json): Path[] {
  const paths: Path[] = [[]];
  for (let i = 0; i < paths.length; i++) {
    const value = valueAt(root, paths[i]);
    if (Array.isArray(value))
      value.forEach((_, k) => paths.push([...paths[i], k]));
    else if (value && typeof value === 'object')
      Object.keys(value).forEach(k => paths.push([...paths[i], k]));
  }
  return paths;
}

function valueAt(root: Json, path: Path): Json {
  let value: any = root;
  for (const key of path) value = value[key];
  return value;
}

/** `root` with the value at `path` replaced (the root itself when the path is empty). */
function replaceAt(root: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const parent: any = valueAt(root, path.slice(0, -1));
  defineOwn(parent, String(path[path.length - 1]), replacement);
  return root;
}

/** Values of the wrong type for wherever they land. */
export const wrongValueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    0,
    -1,
    1e308,
    1.5,
    '',
    'x',
    true,
    false,
    [],
    {},
    [null],
    [[]],
    { a: 1 },
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

export interface TypeMutation {
  at: number;
  value: Json;
}

export const typeMutationsArb = fc.array(
  fc.record({ at: fc.nat(), value: wrongValueArb }),
  { minLength: 1, maxLength: 3 },
);

/** A copy of `document` with each mutation's value put at some path (picked by `at`). */
export function withWrongTypes(
  document: Json,
  mutations: TypeMutation[],
): Json {
  let result = structuredCloneOwn(document);
  for (const { at, value } of mutations) {
    const paths = valuePaths(result);
    // A copy: constantFrom hands out the same object every run, and a later
    // mutation could write into it (a cycle, then runaway growth).
    result = replaceAt(
      result,
      paths[at % paths.length],
      structuredCloneOwn(value),
    );
  }
  return result;
}

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** What a prototype-polluting key carries: the marker the tests look for, in several shapes. */
export const protoValueArb: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  { polluted: 'yes' },
  { polluted: 'yes', prototype: { polluted: 'yes' } },
  'polluted',
  null,
  ['polluted'],
  1,
);

/** A copy of `document` with `__proto__`, `constructor` and `prototype` as own keys of every object. */
export function withProtoKeys(document: Json, value: Json): Json {
  const result = structuredCloneOwn(document);
  for (const path of valuePaths(result)) {
    const target = valueAt(result, path);
    if (target === null || typeof target !== 'object' || Array.isArray(target))
      continue;
    for (const key of PROTO_KEYS) {
      if (!Object.prototype.hasOwnProperty.call(target, key))
        defineOwn(target, key, structuredCloneOwn(value));
    }
  }
  return result;
}

/** A deep copy that keeps `__proto__` as an own key, as JSON.parse would. */
export function structuredCloneOwn(value: Json): Json {
  return JSON.parse(JSON.stringify(value));
}

export const truncationArb = fc.double({
  min: 0,
  max: 1,
  noNaN: true,
  maxExcluded: true,
});

/** The first `fraction` of the text, so never the whole document. */
export function truncate(text: string, fraction: number): string {
  return text.slice(0, Math.floor(text.length * fraction));
}

export const byteFlipArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  char: fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    '"',
    ',',
    ':',
    '\\',
    ' ',
    '0',
    'n',
    '\u0000',
    '\u00ff',
  ),
});

/** The text with one character replaced by a JSON structural one. */
export function flipChar(
  text: string,
  flip: { at: number; char: string },
): string {
  const i = Math.floor(text.length * flip.at);
  return text.slice(0, i) + flip.char + text.slice(i + 1);
}
