import { CustomErrorBase } from '@backstage/errors';

/** An artifact file is missing, unreadable, or not valid dbt JSON. */
export class DbtArtifactError extends CustomErrorBase {
  name = 'DbtArtifactError' as const;
  constructor(readonly file: string, message: string) {
    super(message);
  }
}
