import {
  DBT_CLOUD_CI_JOB_ID_ANNOTATION,
  DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION,
  DBT_CLOUD_JOB_ID_ANNOTATION,
  DBT_CLOUD_RUN_ID_ANNOTATION,
} from 'backstage-plugin-dbt-erd-common';
import { ErdDiffBase } from '../../api';

/** What an entity's annotations let it compare with. */
export interface CompareOptions {
  /** Drawn from dbt Cloud: only then are there runs to compare. */
  dbtCloud: boolean;
  /** A job annotation: "the previous run" exists. */
  previous: boolean;
  /** The CI job annotation's id. */
  ciJobId?: string;
}

export function compareOptions(
  annotations: Record<string, string | undefined> = {},
): CompareOptions {
  const has = (name: string) => Boolean(annotations[name]?.trim());
  return {
    dbtCloud: [
      DBT_CLOUD_JOB_ID_ANNOTATION,
      DBT_CLOUD_RUN_ID_ANNOTATION,
      DBT_CLOUD_ENVIRONMENT_ID_ANNOTATION,
    ].some(has),
    previous: has(DBT_CLOUD_JOB_ID_ANNOTATION),
    ciJobId: annotations[DBT_CLOUD_CI_JOB_ID_ANNOTATION]?.trim() || undefined,
  };
}

/** "the previous run", "run 123", "job 45's latest run", "the latest CI run". */
export function describeBase(base: ErdDiffBase): string {
  if (base === 'previous') return 'the previous run';
  if (base === 'ci') return 'the latest CI run';
  const [kind, id] = base.split(':');
  return kind === 'run' ? `run ${id}` : `job ${id}'s latest run`;
}

/** A typed run or job id as a base, or undefined when it is not a positive number. */
export function typedBase(
  kind: 'run' | 'job',
  text: string,
): ErdDiffBase | undefined {
  const id = text.trim();
  return /^[1-9]\d{0,14}$/.test(id)
    ? (`${kind}:${id}` as ErdDiffBase)
    : undefined;
}
