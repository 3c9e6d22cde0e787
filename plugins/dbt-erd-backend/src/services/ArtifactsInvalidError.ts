import { CustomErrorBase } from '@backstage/errors';

/** The artifacts were fetched but are not dbt artifacts the engine can read. */
export class ArtifactsInvalidError extends CustomErrorBase {
  name = 'ArtifactsInvalidError' as const;
}
