/**
 * The HTTP status for each error the plugin knows, by error name. Upstream
 * problems (dbt Cloud refusing the token, bad artifacts) are 502 because
 * the user's request was fine; time-outs and unreachable upstreams are 504.
 */
const STATUS_BY_ERROR_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
  DbtCloudAuthError: 502,
  DbtCloudNotFoundError: 404,
  DbtCloudRunNotReadyError: 409,
  DbtCloudArtifactTooLargeError: 502,
  DbtCloudResponseError: 502,
  DbtCloudRateLimitedError: 503,
  DbtCloudTimeoutError: 504,
  DbtCloudUnavailableError: 504,
  DbtArtifactError: 502,
  ArtifactsInvalidError: 502,
};

export function errorStatus(name: string): number | undefined {
  return STATUS_BY_ERROR_NAME[name];
}
