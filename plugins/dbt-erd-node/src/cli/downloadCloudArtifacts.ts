import { DbtCloudArtifacts, DbtCloudClient, DbtCloudLogger } from '../cloud';
import { CliLog } from './cliLog';
import { DbtCloudSettings } from './dbtCloudSettings';
import { LoadedArtifacts } from './LoadedArtifacts';

function clientLogger(log: CliLog): DbtCloudLogger {
  return {
    // Request-by-request detail is noise on a terminal.
    debug: () => {},
    info: message => log.info(message),
    warn: message => log.warn(message),
  };
}

/** The downloaded bytes as the engine's input; the client warned about a missing catalog. */
function toLoadedArtifacts(
  { manifest, catalog, warnings }: DbtCloudArtifacts,
  origin: string,
): LoadedArtifacts {
  return {
    origin,
    manifest: manifest as Uint8Array,
    catalog: catalog as Uint8Array | undefined,
    warnings,
    catalogWarned: catalog === undefined,
  };
}

/**
 * manifest.json and catalog.json of a dbt Cloud run, or of a job's latest
 * successful run with docs (the client falls back to the job's artifacts
 * endpoint when there is none), as bytes for the engine's streaming
 * reader. Kept in memory: unlike dbterd, nothing is
 * written into the local target/ folder.
 */
export async function downloadCloudArtifacts(
  settings: DbtCloudSettings,
  log: CliLog,
): Promise<LoadedArtifacts> {
  const client = new DbtCloudClient({
    accountName: settings.accountId,
    accountId: settings.accountId,
    accessUrl: settings.accessUrl,
    token: settings.token,
    logger: clientLogger(log),
  });
  try {
    if (settings.runId !== undefined) {
      if (settings.jobId !== undefined) {
        log.info(
          `Both run id ${settings.runId} and job id ${settings.jobId} given; the run id wins`,
        );
      }
      log.info(
        `Downloading artifacts of dbt Cloud run ${settings.runId} (account ${settings.accountId}) from ${settings.accessUrl}`,
      );
      return toLoadedArtifacts(
        await client.fetchRunArtifacts(settings.runId, { as: 'bytes' }),
        `dbt Cloud run ${settings.runId}`,
      );
    }
    log.info(
      `Downloading artifacts of the latest successful run with docs of dbt Cloud job ${settings.jobId} (account ${settings.accountId}) from ${settings.accessUrl}`,
    );
    const artifacts = await client.fetchJobArtifacts(settings.jobId!, {
      as: 'bytes',
    });
    if (artifacts.run) log.info(`Using dbt Cloud run ${artifacts.run.id}`);
    return toLoadedArtifacts(
      artifacts,
      artifacts.run
        ? `dbt Cloud run ${artifacts.run.id}`
        : `the latest artifacts of dbt Cloud job ${settings.jobId}`,
    );
  } finally {
    await client.close();
  }
}
