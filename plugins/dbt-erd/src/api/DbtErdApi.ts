import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { Erd } from 'backstage-plugin-dbt-erd-common';

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

/** Options the user may narrow in the tab; they override the annotations. */
export interface ErdQuery {
  select?: string[];
  exclude?: string[];
  resourceTypes?: string[];
  algo?: string;
  entityNameFormat?: string;
  entityGroup?: string;
}

/** Reads ERDs from the dbt-erd backend. */
export interface DbtErdApi {
  getEntityErd(entity: CompoundEntityRef, query?: ErdQuery): Promise<EntityErd>;
}

/** @public */
export const dbtErdApiRef = createApiRef<DbtErdApi>({ id: 'plugin.dbt-erd.api' });
