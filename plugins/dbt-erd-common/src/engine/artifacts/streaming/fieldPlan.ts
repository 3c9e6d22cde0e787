import { BACKSLASH } from './jsonBytes';

/**
 * Which members of a JSON object to keep: `true` keeps the value whole, a
 * nested spec keeps only those members of an object value.
 */
export interface FieldSpec {
  [key: string]: true | FieldSpec;
}

interface PlannedField {
  /** The key as JSON writes it between the quotes. */
  bytes: Uint8Array;
  then: FieldPlan | null;
}

/**
 * A FieldSpec compiled for matching raw key bytes, so that the keys of
 * unwanted members (most of a dbt node) are never decoded.
 */
export class FieldPlan {
  /** Planned fields indexed by key length, the cheapest first filter. */
  private readonly byLength: (PlannedField[] | undefined)[] = [];
  private readonly byName = new Map<string, FieldPlan | null>();

  static of(spec: FieldSpec): FieldPlan {
    return new FieldPlan(spec);
  }

  private constructor(spec: FieldSpec) {
    const encoder = new TextEncoder();
    for (const [key, value] of Object.entries(spec)) {
      const then = value === true ? null : FieldPlan.of(value);
      const bytes = encoder.encode(key);
      const sameLength = this.byLength[bytes.length] ?? [];
      sameLength.push({ bytes, then });
      this.byLength[bytes.length] = sameLength;
      this.byName.set(key, then);
    }
  }

  /**
   * The member whose key sits between `start` and `end` (quotes excluded):
   * `undefined` to drop it, `null` to keep it whole, a plan to filter it.
   */
  match(
    bytes: Uint8Array,
    start: number,
    end: number,
  ): FieldPlan | null | undefined {
    const candidates = this.byLength[end - start];
    if (candidates) {
      for (const candidate of candidates) {
        if (sameBytes(candidate.bytes, bytes, start)) return candidate.then;
      }
    }
    // An escaped key (`"n\u0061me"`) may still spell a wanted name.
    for (let i = start; i < end; i++) {
      if (bytes[i] === BACKSLASH) {
        const key = JSON.parse(
          new TextDecoder().decode(bytes.subarray(start - 1, end + 1)),
        );
        return this.byName.get(key);
      }
    }
    return undefined;
  }
}

function sameBytes(wanted: Uint8Array, bytes: Uint8Array, at: number) {
  for (let i = 0; i < wanted.length; i++) {
    if (bytes[at + i] !== wanted[i]) return false;
  }
  return true;
}
