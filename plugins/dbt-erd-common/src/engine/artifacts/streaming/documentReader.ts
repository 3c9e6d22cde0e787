import { FieldPlan } from './fieldPlan';

/** Reads the entries of one top-level object (`nodes`, `sources`...) one at a time. */
export interface SectionReader {
  /** How much of an entry to parse, from its key alone; null skips it unparsed. */
  planFor(key: string): FieldPlan | null;
  onEntry(key: string, value: unknown): void;
}

/** What the scanner does with one top-level member of the document. */
export type MemberHandling =
  | { kind: 'skip' }
  /** Parse the whole value (small members such as `metadata`). */
  | { kind: 'value'; onValue(value: unknown): void }
  /**
   * Read an object value entry by entry; any other value (null, a list) is
   * parsed whole and given to `onValue`, whose readers then judge its shape.
   */
  | { kind: 'entries'; section: SectionReader; onValue(value: unknown): void };

/** The caller's side of a DocumentScanner: one dbt artifact's layout. */
export interface DocumentReader {
  handle(key: string): MemberHandling;
  /** True stops the scan before this member, until the caller resumes it. */
  pauseBefore(key: string): boolean;
  /** The error for a document whose top-level value is not an object. */
  notAnObject(): Error;
}

export const SKIP: MemberHandling = { kind: 'skip' };
