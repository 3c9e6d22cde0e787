import type {
  Erd,
  ErdNode,
  ErdNodeDetails,
  ErdTableKey,
} from '../engine/types';
import type { ErdSourceInfo } from './sourceInfo';

/**
 * What the ERD route answers for `?format` absent, before the tab encoding
 * (see encodeTabErd): the canonical ERD plus where it came from and what a
 * person should know about it.
 */
export type ErdResponse = Erd & {
  source: ErdSourceInfo;
  warnings: string[];
};

/**
 * `GET /entities/:namespace/:kind/:name/erd/tables/:tableId`: what the
 * table drawer shows beyond the diagram, descriptions first. The tab's
 * payload leaves these out, since they are most of an ERD's bytes.
 */
export interface ErdTableResponse {
  /** The table as the ERD has it, descriptions included (never compiled SQL). */
  table: ErdNode;
  /** Package, relation and exposures, when the engine knows them. */
  details?: ErdNodeDetails;
  /** The keys the table states, if any. */
  keys: ErdTableKey[];
}
