import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { Erd, ErdColumn, ErdDiff, ErdNode } from 'backstage-plugin-dbt-erd-common';

/** Where the ERD came from, as the backend reports it. */
export interface ErdSourceInfo {
  kind: 'local' | 'url' | 'dbt-cloud-run' | 'dbt-cloud-job' | 'dbt-cloud-environment';
  name: string;
  jobId?: number;
  runId?: number;
  environmentId?: number;
  finishedAt?: string;
  url?: string;
}

/** The ERD of one entity: the canonical ERD JSON plus its source and warnings. */
export type EntityErd = Erd & {
  source: ErdSourceInfo;
  warnings: string[];
};

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

/** Options the user may narrow in the tab; they override the annotations. */
export interface ErdQuery {
  select?: string[];
  exclude?: string[];
  resourceTypes?: string[];
  algo?: string;
  entityNameFormat?: string;
  entityGroup?: string;
}

/** The backend's download formats (dbterd targets). */
export type ErdExportFormat =
  | 'dbml'
  | 'mermaid'
  | 'plantuml'
  | 'd2'
  | 'graphviz'
  | 'drawdb'
  | 'json';

export const ERD_EXPORT_FORMATS: Array<{ format: ErdExportFormat; label: string }> = [
  { format: 'dbml', label: 'DBML' },
  { format: 'mermaid', label: 'Mermaid' },
  { format: 'plantuml', label: 'PlantUML' },
  { format: 'd2', label: 'D2' },
  { format: 'graphviz', label: 'GraphViz' },
  { format: 'drawdb', label: 'DrawDB' },
  { format: 'json', label: 'JSON' },
];

/** Reads ERDs from the dbt-erd backend. */
export interface DbtErdApi {
  getEntityErd(entity: CompoundEntityRef, query?: ErdQuery): Promise<EntityErd>;
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
  /** Asks the backend to drop its cached artifacts and rebuild the ERD. */
  refresh(entity: CompoundEntityRef, query?: ErdQuery): Promise<void>;
}

/** @public */
export const dbtErdApiRef = createApiRef<DbtErdApi>({ id: 'plugin.dbt-erd.api' });
