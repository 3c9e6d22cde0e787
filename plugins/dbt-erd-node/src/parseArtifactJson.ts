import { DbtArtifactError } from './errors';

/** JSON.parse with an error that names the file instead of a parser trace. */
export function parseArtifactJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DbtArtifactError(
      file,
      `${file} is not valid JSON (${
        (error as Error).message
      }); re-run dbt to write it again`,
    );
  }
}
