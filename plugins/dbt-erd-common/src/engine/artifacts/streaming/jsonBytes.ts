/**
 * Byte-level JSON primitives. The loops keep all state in locals and report
 * where they stopped through the return value: V8 compiles such loops
 * about twice as fast as ones that store state into an object on the way
 * out, and these loops see every byte of a manifest.
 */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const COLON = 0x3a;
export const COMMA = 0x2c;

// Module-local copies for the loops below: a bundler may turn imported
// constants into property loads, which cost in a per-byte loop.
const Q = 0x22;
const BS = 0x5c;
const OB = 0x7b;
const CB = 0x7d;
const OK = 0x5b;
const CK = 0x5d;

/** The bytes ran out inside a string. */
export const RAN_OUT = -1;
/** The bytes ran out right after a backslash inside a string. */
export const RAN_OUT_AFTER_BACKSLASH = -2;
/** What should be a value starts with a byte no JSON value starts with. */
export const NOT_A_VALUE = -3;

export function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The first non-whitespace index at or after `from` (or `end`). */
export function skipWhitespace(
  bytes: Uint8Array,
  from: number,
  end: number,
): number {
  let i = from;
  while (i < end && isWhitespace(bytes[i])) i++;
  return i;
}

/**
 * From inside a string (just past its opening quote, or where a previous
 * call stopped), the index just past its closing quote; RAN_OUT or
 * RAN_OUT_AFTER_BACKSLASH when `end` comes first.
 */
export function stringEnd(bytes: Uint8Array, from: number, end: number) {
  let i = from;
  while (i < end) {
    const byte = bytes[i++];
    if (byte === Q) return i;
    if (byte === BS) {
      if (i >= end) return RAN_OUT_AFTER_BACKSLASH;
      i++;
    }
  }
  return RAN_OUT;
}

/**
 * Where nested content ends: from `from`, with `depth` brackets open and
 * outside any string, the index just past the bracket that closes them.
 * When `end` comes first, a negative code packing the depth and whether a
 * string (or an escape in it) was open; see `unpackRanOut`.
 */
export function nestedEnd(
  bytes: Uint8Array,
  from: number,
  end: number,
  depth: number,
): number {
  let i = from;
  let open = depth;
  while (i < end) {
    const byte = bytes[i++];
    if (byte === Q) {
      const after = stringEnd(bytes, i, end);
      if (after < 0) return packRanOut(open, after);
      i = after;
    } else if (byte === OB || byte === OK) {
      open++;
    } else if (byte === CB || byte === CK) {
      if (--open === 0) return i;
    }
  }
  return packRanOut(open, 0);
}

function packRanOut(depth: number, stringState: number): number {
  return -(depth * 4 + -stringState) - 1;
}

/** Where `nestedEnd` stopped: open brackets, and 0, RAN_OUT or RAN_OUT_AFTER_BACKSLASH. */
export function unpackRanOut(code: number): {
  depth: number;
  stringState: number;
} {
  const packed = -(code + 1);
  return { depth: Math.floor(packed / 4), stringState: -(packed % 4) };
}

function isScalarByte(byte: number): boolean {
  // Digits, sign, exponent, point and the letters of true/false/null.
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2b ||
    byte === 0x2e ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x45
  );
}

/** The end of a number or literal starting at `from`; `end` when it may go on. */
export function scalarEnd(bytes: Uint8Array, from: number, end: number) {
  let i = from;
  while (i < end && isScalarByte(bytes[i])) i++;
  return i;
}

export function isScalarStart(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x74 || // t(rue)
    byte === 0x66 || // f(alse)
    byte === 0x6e // n(ull)
  );
}

/**
 * The index just past the complete value at `from`: RAN_OUT when the bytes
 * end first, NOT_A_VALUE when no value starts there.
 */
export function valueEnd(bytes: Uint8Array, from: number, end: number) {
  const first = bytes[from];
  if (first === OB || first === OK) {
    const after = nestedEnd(bytes, from + 1, end, 1);
    return after < 0 ? RAN_OUT : after;
  }
  if (first === Q) {
    const after = stringEnd(bytes, from + 1, end);
    return after < 0 ? RAN_OUT : after;
  }
  if (isScalarStart(first)) {
    const after = scalarEnd(bytes, from, end);
    return after < end ? after : RAN_OUT;
  }
  return NOT_A_VALUE;
}

/** A UTF-8 BOM, which some editors prepend and JSON.parse would refuse. */
export function bomLength(bytes: Uint8Array, from: number, end: number) {
  return end - from >= 3 &&
    bytes[from] === 0xef &&
    bytes[from + 1] === 0xbb &&
    bytes[from + 2] === 0xbf
    ? 3
    : 0;
}
