import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  DbtArtifactError,
  DbtCloudArtifactTooLargeError,
  DbtCloudAuthError,
  DbtCloudNotFoundError,
  DbtCloudRateLimitedError,
  DbtCloudResponseError,
  DbtCloudRunNotReadyError,
  DbtCloudTimeoutError,
  DbtCloudUnavailableError,
} from 'backstage-plugin-dbt-erd-node';
import { ArtifactsInvalidError } from '../services/ArtifactsInvalidError';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * The HTTP status of each error class the plugin knows. Upstream problems
 * (dbt Cloud refusing the token, bad artifacts) are 502 because the user's
 * request was fine; time-outs and unreachable upstreams are 504.
 */
const STATUS_BY_ERROR_CLASS: ReadonlyArray<readonly [ErrorClass, number]> = [
  [InputError, 400],
  [AuthenticationError, 401],
  [NotAllowedError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [NotImplementedError, 501],
  [ServiceUnavailableError, 503],
  [DbtCloudAuthError, 502],
  [DbtCloudNotFoundError, 404],
  [DbtCloudRunNotReadyError, 409],
  [DbtCloudArtifactTooLargeError, 502],
  [DbtCloudResponseError, 502],
  [DbtCloudRateLimitedError, 503],
  [DbtCloudTimeoutError, 504],
  [DbtCloudUnavailableError, 504],
  [DbtArtifactError, 502],
  [ArtifactsInvalidError, 502],
];

/**
 * The status for an error, or undefined for one the plugin does not know
 * (a 500 whose message is not shown). Matched by class; an error from a
 * second copy of one of these packages in the bundle (same class, another
 * identity) is matched by the class's own name.
 */
export function errorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  for (const [errorClass, status] of STATUS_BY_ERROR_CLASS) {
    if (error instanceof errorClass) return status;
  }
  for (const [errorClass, status] of STATUS_BY_ERROR_CLASS) {
    if (error.name === errorClass.name) return status;
  }
  return undefined;
}
