import { ArtifactIndex } from '../artifacts/types';
import {
  Cardinality,
  EdgeConfidence,
  EdgeProvenance,
  ErdInferenceSummary,
  ErdTableKey,
} from '../types';

/** A relationship an algorithm found, between two node unique_ids. */
export interface FoundRelationship {
  /** Test id, constraint name or semantic model id; the sort key of the output. */
  name: string;
  /** Referenced (PK) side. */
  toId: string;
  /** Referencing (FK) side. */
  fromId: string;
  toColumns: string[];
  fromColumns: string[];
  cardinality: Cardinality;
  label: string | null;
  /** Set when algorithms are combined, and always by `inferred`. */
  provenance?: EdgeProvenance;
  /** `inferred` only: why the relationship is believed. */
  evidence?: string[];
  confidence?: EdgeConfidence;
}

export interface AlgorithmResult {
  relationships: FoundRelationship[];
  /** node unique_id → lower-cased primary key column names, when the algorithm knows them. */
  primaryKeys?: Map<string, Set<string>>;
  warnings?: string[];
  /** `inferred` only: how the SQL was read and how much was found. */
  inference?: ErdInferenceSummary;
}

export interface AlgorithmOptions {
  /** The whole `--algo` value, rule included (`test_relationship:(name:...)`). */
  algo: string;
  /** The keys the project states, when the caller has detected them already. */
  keys?: Map<string, ErdTableKey[]>;
}

export interface ErdAlgorithm {
  name: string;
  description: string;
  /** Throws ErdInputError when `options.algo` carries a rule this algorithm cannot read. */
  validate?(options: AlgorithmOptions): void;
  findRelationships(
    index: ArtifactIndex,
    options: AlgorithmOptions,
  ): AlgorithmResult;
  /**
   * Which tests `findRelationships` reads, by unique_id, so that a streaming
   * reader can leave the others unparsed. Absent: every test may be read.
   */
  relevantTests?(options: AlgorithmOptions): (testUniqueId: string) => boolean;
  /**
   * Whether `findRelationships` reads `index.nodes`. When false, a streaming
   * reader may leave out the nodes the resource-type selection drops anyway.
   * Absent: it does.
   */
  readsNodes?: boolean;
  /**
   * Whether `findRelationships` reads `modelSql` and `dependsOn` of nodes,
   * which a streaming reader otherwise leaves out. Absent: it does not.
   */
  readsModelSql?: boolean;
}
