import { invalidEntry, malformedJson, truncatedJson } from './byteErrors';
import { ByteWriter } from './byteWriter';
import {
  DocumentReader,
  MemberHandling,
  SectionReader,
} from './documentReader';
import { FieldPlan } from './fieldPlan';
import {
  CLOSE_BRACE,
  COLON,
  COMMA,
  OPEN_BRACE,
  QUOTE,
  bomLength,
  NOT_A_VALUE,
  skipWhitespace,
  stringEnd,
  valueEnd,
} from './jsonBytes';
import { INCOMPLETE, MemberSelector } from './selectMembers';
import { ValueSkipper } from './valueSkipper';

// Where the scan stands; every state resumes at a token boundary.
const enum State {
  DocumentStart,
  TopFirstKey,
  TopKey,
  TopColon,
  TopDecide,
  TopValue,
  TopSkip,
  TopAfterValue,
  EntryFirstKey,
  EntryKey,
  EntryColon,
  EntryValue,
  EntrySkip,
  EntryAfterValue,
  DocumentEnd,
}

const KEEP_WHOLE = FieldPlan.of({});
const BOM_FIRST_BYTE = 0xef;

/**
 * A push scanner over the bytes of one big JSON object (a dbt artifact).
 * It walks the top-level members and, for the sections the reader wants,
 * their entries; each wanted entry is cut to the fields its plan names and
 * parsed alone, everything else is stepped over unparsed. It never needs
 * more of the file than the entry at hand, so the file can arrive in chunks
 * of any size and be larger than any string V8 can hold.
 */
export class DocumentScanner {
  private state = State.DocumentStart;
  private topKey = '';
  private handling: MemberHandling = { kind: 'skip' };
  private section: SectionReader | null = null;
  private entryKey = '';
  private entryPlan: FieldPlan | null = null;
  private pauseAsked = false;
  private readonly skipper: ValueSkipper;
  private readonly selector: MemberSelector;
  private readonly scratch = new ByteWriter();
  private readonly decoder = new TextDecoder();

  /** Bytes wanted from the returned position before scanning again pays off. */
  needed = 0;
  /** The reader asked to stop before `topKey`; call scan again to resume. */
  paused = false;

  constructor(
    private readonly file: string,
    private readonly reader: DocumentReader,
  ) {
    this.skipper = new ValueSkipper(file);
    this.selector = new MemberSelector(file);
  }

  get done(): boolean {
    return this.state === State.DocumentEnd;
  }

  /**
   * Reads what it can of `bytes[from..]` and returns how far it got: bytes
   * before that are no longer needed. `offset` is the absolute position of
   * `bytes[0]` in the file; `atEnd` says no more bytes will come.
   */
  scan(bytes: Uint8Array, from: number, offset: number, atEnd: boolean) {
    const end = bytes.length;
    this.paused = false;
    this.needed = 0;
    let i = from;
    for (;;) {
      // Inside a skipped value whitespace may belong to a string: leave it.
      if (!this.skipper.inProgress) i = skipWhitespace(bytes, i, end);
      if (i >= end) {
        if (atEnd && this.state !== State.DocumentEnd)
          throw truncatedJson(this.file, offset + i);
        return i;
      }
      const next = this.step(bytes, i, end, offset);
      if (next < 0) {
        // The token at `i` runs past the bytes at hand: wait for twice as
        // many, so a huge entry is rescanned only a logarithmic number of times.
        if (atEnd) throw truncatedJson(this.file, offset + end);
        this.needed = Math.max(1, (end - i) * 2);
        return i;
      }
      if (this.paused) return next;
      i = next;
    }
  }

  /** Consumes one token or value at `i`; the index after it, or INCOMPLETE. */
  private step(
    bytes: Uint8Array,
    i: number,
    end: number,
    offset: number,
  ): number {
    const byte = bytes[i];
    switch (this.state) {
      case State.DocumentStart: {
        if (byte === BOM_FIRST_BYTE) {
          if (end - i < 3) return INCOMPLETE;
          if (bomLength(bytes, i, end) > 0) return i + 3;
        }
        if (byte !== OPEN_BRACE) throw this.reader.notAnObject();
        this.state = State.TopFirstKey;
        return i + 1;
      }
      case State.TopFirstKey:
      case State.TopKey: {
        if (byte === CLOSE_BRACE && this.state === State.TopFirstKey) {
          this.state = State.DocumentEnd;
          return i + 1;
        }
        const keyEnd = this.readKey(bytes, i, end, offset);
        if (keyEnd < 0) return INCOMPLETE;
        this.topKey = this.decodeKey(bytes, i, keyEnd, offset);
        this.state = State.TopColon;
        return keyEnd;
      }
      case State.TopColon:
        this.expect(byte, COLON, offset + i, "':'");
        this.state = State.TopDecide;
        return i + 1;
      case State.TopDecide:
        if (!this.pauseAsked) {
          this.pauseAsked = true;
          if (this.reader.pauseBefore(this.topKey)) {
            this.paused = true;
            return i;
          }
        }
        this.pauseAsked = false;
        this.handling = this.reader.handle(this.topKey);
        this.state = State.TopValue;
        return i;
      case State.TopValue:
        return this.readTopValue(bytes, i, end, offset);
      case State.TopSkip:
        return this.continueSkip(bytes, i, end, offset, State.TopAfterValue);
      case State.TopAfterValue:
        if (byte === COMMA) this.state = State.TopKey;
        else if (byte === CLOSE_BRACE) this.state = State.DocumentEnd;
        else throw malformedJson(this.file, offset + i, "',' or '}'");
        return i + 1;
      case State.EntryFirstKey:
      case State.EntryKey: {
        if (byte === CLOSE_BRACE && this.state === State.EntryFirstKey) {
          this.state = State.TopAfterValue;
          return i + 1;
        }
        const keyEnd = this.readKey(bytes, i, end, offset);
        if (keyEnd < 0) return INCOMPLETE;
        this.entryKey = this.decodeKey(bytes, i, keyEnd, offset);
        this.state = State.EntryColon;
        return keyEnd;
      }
      case State.EntryColon:
        this.expect(byte, COLON, offset + i, "':'");
        this.entryPlan = this.section!.planFor(this.entryKey);
        this.state = this.entryPlan ? State.EntryValue : State.EntrySkip;
        this.skipper.reset();
        return i + 1;
      case State.EntryValue:
        return this.readEntry(bytes, i, end, offset);
      case State.EntrySkip:
        return this.continueSkip(bytes, i, end, offset, State.EntryAfterValue);
      case State.EntryAfterValue:
        if (byte === COMMA) this.state = State.EntryKey;
        else if (byte === CLOSE_BRACE) this.state = State.TopAfterValue;
        else throw malformedJson(this.file, offset + i, "',' or '}'");
        return i + 1;
      default:
        throw malformedJson(this.file, offset + i, 'the end of the file');
    }
  }

  private readTopValue(
    bytes: Uint8Array,
    i: number,
    end: number,
    offset: number,
  ): number {
    const handling = this.handling;
    if (handling.kind === 'skip') {
      this.skipper.reset();
      this.state = State.TopSkip;
      return i;
    }
    if (handling.kind === 'entries' && bytes[i] === OPEN_BRACE) {
      this.section = handling.section;
      this.state = State.EntryFirstKey;
      return i + 1;
    }
    const after = this.parseValue(bytes, i, end, offset, KEEP_WHOLE);
    if (after < 0) return INCOMPLETE;
    handling.onValue(this.parsed(this.topKey));
    this.state = State.TopAfterValue;
    return after;
  }

  private readEntry(
    bytes: Uint8Array,
    i: number,
    end: number,
    offset: number,
  ): number {
    const after = this.parseValue(bytes, i, end, offset, this.entryPlan!);
    if (after < 0) return INCOMPLETE;
    const value = this.parsed(`${this.topKey}.${this.entryKey}`);
    this.section!.onEntry(this.entryKey, value);
    this.state = State.EntryAfterValue;
    return after;
  }

  /** A skip that may span chunks: all bytes at hand are consumed. */
  private continueSkip(
    bytes: Uint8Array,
    i: number,
    end: number,
    offset: number,
    next: State,
  ): number {
    const after = this.skipper.skip(bytes, i, end, offset);
    if (after < 0) return end;
    this.state = next;
    return after;
  }

  /** Selects the planned members of the value at `i` into the scratch buffer. */
  private parseValue(
    bytes: Uint8Array,
    i: number,
    end: number,
    offset: number,
    plan: FieldPlan,
  ): number {
    this.scratch.reset();
    if (plan === KEEP_WHOLE) {
      const after = valueEnd(bytes, i, end);
      if (after === NOT_A_VALUE)
        throw malformedJson(this.file, offset + i, 'a value');
      if (after < 0) return INCOMPLETE;
      this.scratch.copy(bytes, i, after);
      return after;
    }
    return this.selector.select(bytes, i, end, plan, this.scratch, offset);
  }

  private parsed(path: string): unknown {
    const text = this.decoder.decode(this.scratch.view());
    try {
      return JSON.parse(text);
    } catch (error) {
      throw invalidEntry(this.file, path, error);
    }
  }

  private readKey(
    bytes: Uint8Array,
    i: number,
    end: number,
    offset: number,
  ): number {
    if (bytes[i] !== QUOTE) throw malformedJson(this.file, offset + i, 'a key');
    const keyEnd = stringEnd(bytes, i + 1, end);
    return keyEnd < 0 ? INCOMPLETE : keyEnd;
  }

  private decodeKey(
    bytes: Uint8Array,
    start: number,
    end: number,
    offset: number,
  ): string {
    const key = this.decoder.decode(bytes.subarray(start + 1, end - 1));
    if (!key.includes('\\')) return key;
    // A bad escape (`"\x"`) is the input's fault: ErdInputError, not SyntaxError.
    try {
      return JSON.parse(this.decoder.decode(bytes.subarray(start, end)));
    } catch {
      throw malformedJson(this.file, offset + start, 'a valid JSON string');
    }
  }

  private expect(byte: number, wanted: number, at: number, name: string) {
    if (byte !== wanted) throw malformedJson(this.file, at, name);
  }
}
