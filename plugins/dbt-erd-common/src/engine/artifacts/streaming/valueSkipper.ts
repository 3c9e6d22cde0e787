import { malformedJson } from './byteErrors';
import {
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  RAN_OUT,
  RAN_OUT_AFTER_BACKSLASH,
  isScalarStart,
  nestedEnd,
  scalarEnd,
  stringEnd,
  unpackRanOut,
} from './jsonBytes';

const FRESH = 0;
const NESTED = 1;
const STRING = 2;
const SCALAR = 3;
const OUTSIDE_STRING = 0;

/**
 * Steps over one JSON value without parsing it, keeping its place between
 * calls, so that a value spread over many chunks (a 100 MB `macros`
 * section) is skipped without ever being held. It checks structure only
 * (brackets, strings, escapes), not full JSON syntax: what it skips is
 * never read.
 */
export class ValueSkipper {
  private mode = FRESH;
  private depth = 0;
  /** OUTSIDE_STRING, or where in a string the previous bytes ended. */
  private stringState = OUTSIDE_STRING;

  constructor(private readonly file: string) {}

  /** Part of a value was skipped and the rest is still to come. */
  get inProgress(): boolean {
    return this.mode !== FRESH;
  }

  reset(): void {
    this.mode = FRESH;
    this.depth = 0;
    this.stringState = OUTSIDE_STRING;
  }

  /**
   * Continues the skip at `from`: the index just past the value, or -1 when
   * `end` came first (call again with the next bytes). `offset` is the
   * absolute position of `bytes[0]`, for error messages.
   */
  skip(bytes: Uint8Array, from: number, end: number, offset = 0): number {
    let i = from;
    if (this.mode === FRESH) {
      if (i >= end) return -1;
      i = this.start(bytes, i, offset);
    }
    if (this.mode === SCALAR) {
      const after = scalarEnd(bytes, i, end);
      if (after >= end) return -1;
      this.reset();
      return after;
    }
    if (this.stringState !== OUTSIDE_STRING) {
      if (this.stringState === RAN_OUT_AFTER_BACKSLASH) {
        if (i >= end) return -1;
        i++; // the escaped byte
      }
      const after = stringEnd(bytes, i, end);
      if (after < 0) {
        this.stringState = after;
        return -1;
      }
      this.stringState = OUTSIDE_STRING;
      if (this.mode === STRING) {
        this.reset();
        return after;
      }
      i = after;
    }
    const after = nestedEnd(bytes, i, end, this.depth);
    if (after >= 0) {
      this.reset();
      return after;
    }
    const stopped = unpackRanOut(after);
    this.depth = stopped.depth;
    this.stringState = stopped.stringState;
    return -1;
  }

  /** Reads the first byte of the value; the index after what it consumed. */
  private start(bytes: Uint8Array, i: number, offset: number): number {
    const first = bytes[i];
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      this.mode = NESTED;
      this.depth = 1;
      return i + 1;
    }
    if (first === QUOTE) {
      this.mode = STRING;
      this.stringState = RAN_OUT;
      return i + 1;
    }
    if (isScalarStart(first)) {
      this.mode = SCALAR;
      return i;
    }
    throw malformedJson(this.file, offset + i, 'a value');
  }
}
