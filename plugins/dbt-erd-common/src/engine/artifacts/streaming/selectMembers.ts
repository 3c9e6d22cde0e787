import { malformedJson } from './byteErrors';
import { ByteWriter } from './byteWriter';
import { FieldPlan } from './fieldPlan';
import {
  CLOSE_BRACE,
  COLON,
  COMMA,
  NOT_A_VALUE,
  OPEN_BRACE,
  QUOTE,
  skipWhitespace,
  stringEnd,
  valueEnd,
} from './jsonBytes';

/** Signals that the value runs past the bytes at hand. */
export const INCOMPLETE = -1;

/**
 * Copies a JSON value keeping only the object members a FieldPlan names
 * (recursively), so that JSON.parse then sees a few hundred bytes of a
 * node instead of its SQL, config and lineage. A value that is not an
 * object is copied whole, so the readers report its shape exactly as they
 * would after a JSON.parse of the whole file.
 */
export class MemberSelector {
  constructor(private readonly file: string) {}

  /**
   * Writes the selected value at `from` into `out`; the index just past it,
   * or INCOMPLETE when `end` comes first. `offset` is the absolute position
   * of `bytes[0]`, for error messages.
   */
  select(
    bytes: Uint8Array,
    from: number,
    end: number,
    plan: FieldPlan,
    out: ByteWriter,
    offset: number,
  ): number {
    if (bytes[from] !== OPEN_BRACE) {
      return this.copyValue(bytes, from, end, out, offset);
    }
    out.byte(OPEN_BRACE);
    let kept = 0;
    let i = skipWhitespace(bytes, from + 1, end);
    if (i < end && bytes[i] === CLOSE_BRACE) {
      out.byte(CLOSE_BRACE);
      return i + 1;
    }
    for (;;) {
      if (i >= end) return INCOMPLETE;
      if (bytes[i] !== QUOTE)
        throw malformedJson(this.file, offset + i, 'a key');
      const keyStart = i;
      const keyEnd = stringEnd(bytes, i + 1, end);
      if (keyEnd < 0) return INCOMPLETE;
      i = skipWhitespace(bytes, keyEnd, end);
      if (i >= end) return INCOMPLETE;
      if (bytes[i] !== COLON) throw malformedJson(this.file, offset + i, "':'");
      const valueStart = skipWhitespace(bytes, i + 1, end);
      if (valueStart >= end) return INCOMPLETE;

      let wanted: FieldPlan | null | undefined;
      try {
        wanted = plan.match(bytes, keyStart + 1, keyEnd - 1);
      } catch {
        // An escaped key is decoded with JSON.parse; a bad escape is the input's fault.
        throw malformedJson(
          this.file,
          offset + keyStart,
          'a valid JSON string',
        );
      }
      let after: number;
      if (wanted === undefined) {
        after = this.skipValue(bytes, valueStart, end, offset);
      } else {
        if (kept++ > 0) out.byte(COMMA);
        out.copy(bytes, keyStart, keyEnd);
        out.byte(COLON);
        after =
          wanted === null
            ? this.copyValue(bytes, valueStart, end, out, offset)
            : this.select(bytes, valueStart, end, wanted, out, offset);
      }
      if (after < 0) return INCOMPLETE;

      i = skipWhitespace(bytes, after, end);
      if (i >= end) return INCOMPLETE;
      if (bytes[i] === CLOSE_BRACE) {
        out.byte(CLOSE_BRACE);
        return i + 1;
      }
      if (bytes[i] !== COMMA)
        throw malformedJson(this.file, offset + i, "',' or '}'");
      i = skipWhitespace(bytes, i + 1, end);
    }
  }

  private skipValue(
    bytes: Uint8Array,
    from: number,
    end: number,
    offset: number,
  ): number {
    const after = valueEnd(bytes, from, end);
    if (after === NOT_A_VALUE)
      throw malformedJson(this.file, offset + from, 'a value');
    return after < 0 ? INCOMPLETE : after;
  }

  private copyValue(
    bytes: Uint8Array,
    from: number,
    end: number,
    out: ByteWriter,
    offset: number,
  ): number {
    const after = this.skipValue(bytes, from, end, offset);
    if (after >= 0) out.copy(bytes, from, after);
    return after;
  }
}
