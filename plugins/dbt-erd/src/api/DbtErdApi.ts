import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ERD_TARGET_LABELS,
  ErdColumn,
  ErdDiff,
  ErdNode,
  ErdQuery,
  ErdResponse,
  ErdSourceInfo,
  ErdTableResponse,
} from 'backstage-plugin-dbt-erd-common';

/** Where the ERD came from, as the backend reports it (the common contract). */
export type { ErdSourceInfo };

/** Options the user may narrow in the tab (the common contract). */
export type { ErdQuery };

/**
 * The ERD of one entity as the tab holds it: the canonical ERD plus its
 * source and warnings, decoded from the tab's compact payload, so
 * descriptions are null (getTableDetails has them).
 */
export type EntityErd = ErdResponse;

/**
 * What to compare an entity's ERD with (the diff route's `base`): the job's
 * previous run, the latest run of the CI job annotation, a run, a job's latest run.
 */
export type ErdDiffBase = 'previous' | 'ci' | `run:${number}` | `job:${number}`;

/**
 * The diff route's answer: `erd-diff.json` plus both sides' sources and the
 * base side of removed tables and columns (to draw them as ghosts).
 */
export type EntityErdDiff = ErdDiff & {
  sources: { base: ErdSourceInfo; head: ErdSourceInfo };
  ghosts: {
    tables: ErdNode[];
    columns: Array<{ table_id: string; columns: ErdColumn[] }>;
  };
  warnings: string[];
};

/** One table's details for the drawer, descriptions included. */
export type EntityErdTable = ErdTableResponse;

/** A backend download format: a name of the engine's target registry (ERD_TARGETS). */
export type ErdExportFormat = string;

/** The backend's download formats, from the engine's target registry. */
export const ERD_EXPORT_FORMATS: ReadonlyArray<{
  format: ErdExportFormat;
  label: string;
}> = ERD_TARGET_LABELS.map(({ name, label }) => ({ format: name, label }));

/** Reads ERDs from the dbt-erd backend. */
export interface DbtErdApi {
  getEntityErd(entity: CompoundEntityRef, query?: ErdQuery): Promise<EntityErd>;
  /** One table of the entity's ERD (same options) with its descriptions, for the drawer. */
  getTableDetails(
    entity: CompoundEntityRef,
    tableId: string,
    query?: ErdQuery,
  ): Promise<EntityErdTable>;
  /** Where the backend serves the ERD as a file in `format`. */
  getExportUrl(
    entity: CompoundEntityRef,
    format: ErdExportFormat,
    query?: ErdQuery,
  ): Promise<string>;
  /** Fetches the export (with the user's credentials) and saves it as a file. */
  downloadExport(
    entity: CompoundEntityRef,
    format: ErdExportFormat,
    query?: ErdQuery,
  ): Promise<void>;
  /** The entity's ERD (head) compared with `base`'s. */
  getErdDiff(
    entity: CompoundEntityRef,
    base: ErdDiffBase,
    query?: ErdQuery,
  ): Promise<EntityErdDiff>;
  /** Saves the diff as `erd-diff.md` or `erd-diff.json`. */
  downloadErdDiff(
    entity: CompoundEntityRef,
    base: ErdDiffBase,
    format: 'md' | 'json',
    query?: ErdQuery,
  ): Promise<void>;
  /** Asks the backend to drop its cached artifacts and rebuild the ERD; resolves to the fresh ERD. */
  refresh(entity: CompoundEntityRef, query?: ErdQuery): Promise<EntityErd>;
}

/** @public */
export const dbtErdApiRef = createApiRef<DbtErdApi>({
  id: 'plugin.dbt-erd.api',
});
