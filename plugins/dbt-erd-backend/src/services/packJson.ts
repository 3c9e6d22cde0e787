import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createGzip, gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/** How deep objects and arrays are walked before a value is stringified whole. */
const WALK_DEPTH = 3;
/** Text handed to gzip at a time; the event loop gets a turn between two. */
const PIECE_CHARS = 1024 * 1024;
/** gzip's output buffers: few and large, not thousands of 16 kB ones to free. */
const GZIP_CHUNK_BYTES = 1024 * 1024;

export interface PackJsonOptions {
  /**
   * Awaited between two pieces of text (by default: one turn of the event
   * loop), e.g. to give way to answers in progress.
   */
  beforePiece?: () => Promise<unknown>;
}

/** What the shared cache holds for one value, and the length of its JSON text. */
export interface PackedJson {
  packed: string;
  jsonLength: number;
}

/**
 * A value to what the shared cache holds: its JSON text, gzipped, as
 * base64. A project index is tens of megabytes of JSON: stringifying it in
 * one call would hold the event loop for hundreds of milliseconds (the
 * first view of a fresh build, and every other request, waiting behind
 * it), so the text is made in pieces, the loop gets a turn between two, and
 * each piece is compressed in zlib's thread pool as it comes, at a low
 * level (on a 40 MB index level 3 is several times faster than the default
 * and only slightly larger). The text is the same as `JSON.stringify`'s.
 * Not a streaming stringifier library: `@discoveryjs/json-ext`'s
 * `stringifyChunked` walks every value in JavaScript, 3 to 8 times slower
 * than the native `JSON.stringify` this applies to each subtree (14 MB of
 * index-shaped JSON: 390-460 ms against 57-150 ms).
 */
export async function packJson(
  value: unknown,
  options: PackJsonOptions = {},
): Promise<PackedJson> {
  let jsonLength = 0;
  const gzipped: Buffer[] = [];
  await pipeline(
    Readable.from(
      textPieces(
        value,
        length => (jsonLength += length),
        options.beforePiece ?? (() => nextTurn()),
      ),
    ),
    createGzip({ level: 3, chunkSize: GZIP_CHUNK_BYTES }),
    async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) gzipped.push(chunk);
    },
  );
  return { packed: Buffer.concat(gzipped).toString('base64'), jsonLength };
}

/** What `packJson` made, back to the JSON text. */
export async function unpackJson(packed: string): Promise<string> {
  return (await gunzipAsync(Buffer.from(packed, 'base64'))).toString('utf8');
}

/** Elements of an array stringified to estimate the length of all of them. */
const SAMPLE_SIZE = 64;

/**
 * About the length of `JSON.stringify(value)`, at a small fraction of its
 * cost: plain objects and arrays are walked like `packJson` walks them, and
 * of a long array only some elements, evenly spread, are stringified, their
 * length scaled to the whole.
 */
export function estimateJsonLength(value: unknown, depth = WALK_DEPTH): number {
  if (depth > 0 && Array.isArray(value)) {
    const step = Math.max(1, Math.floor(value.length / SAMPLE_SIZE));
    let sampled = 0;
    let length = 0;
    for (let i = 0; i < value.length; i += step) {
      sampled += 1;
      length += estimateJsonLength(value[i], depth - 1) + 1;
    }
    // Brackets, and a comma between two elements.
    return sampled ? 1 + Math.round((length * value.length) / sampled) : 2;
  }
  if (depth > 0 && isWalkableObject(value)) {
    // Braces, and a comma before every member but the first.
    let length = 1;
    for (const [key, member] of Object.entries(value)) {
      if (isOmitted(member)) continue;
      length += JSON.stringify(key).length + 2;
      length += estimateJsonLength(member, depth - 1);
    }
    return Math.max(2, length);
  }
  return (JSON.stringify(value) ?? 'null').length;
}

async function* textPieces(
  value: unknown,
  count: (length: number) => void,
  beforePiece: () => Promise<unknown>,
): AsyncIterable<string> {
  let piece = '';
  for (const part of jsonParts(value, WALK_DEPTH)) {
    piece += part;
    if (piece.length < PIECE_CHARS) continue;
    count(piece.length);
    yield piece;
    piece = '';
    await beforePiece();
  }
  count(piece.length);
  yield piece;
}

/**
 * `JSON.stringify(value)` as consecutive parts: plain objects and arrays
 * are walked `depth` levels down (their members, then elements, each
 * stringified alone); anything deeper, or with a `toJSON`, whole.
 */
function* jsonParts(value: unknown, depth: number): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // As JSON.stringify writes an array's undefined, function or symbol.
      if (isOmitted(value[i])) yield 'null';
      else yield* jsonParts(value[i], depth - 1);
    }
    yield ']';
    return;
  }
  if (depth > 0 && isWalkableObject(value)) {
    yield '{';
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (isOmitted(member)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonParts(member, depth - 1);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

function isOmitted(value: unknown): boolean {
  return (
    value === undefined ||
    typeof value === 'function' ||
    typeof value === 'symbol'
  );
}

function isWalkableObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}
