import { describeErdSource } from 'backstage-plugin-dbt-erd-common';
import { ErdSourceInfo } from '../../api';

/**
 * "dbt Cloud acme, job 42, run 1001" / "local demo" / "artifacts at
 * https://…": where the artifacts came from. Only dbt Cloud kinds say dbt
 * Cloud (the contract's describeErdSource).
 */
export function describeSource(source: ErdSourceInfo): string {
  return describeErdSource(source);
}
