import { ErdInputError } from '../../errors';

/** Errors about the bytes themselves, worded like the engine's other input errors. */

export function malformedJson(
  file: string,
  at: number,
  expected: string,
): ErdInputError {
  return new ErdInputError(
    `${file}: not valid JSON at byte ${at} (expected ${expected}); ` +
      `pass the ${file} written by dbt, unmodified`,
  );
}

export function truncatedJson(file: string, at: number): ErdInputError {
  return new ErdInputError(
    `${file}: the file ends at byte ${at}, before its JSON document does ` +
      `(truncated?); pass the whole ${file} written by dbt`,
  );
}

export function invalidEntry(
  file: string,
  path: string,
  error: unknown,
): ErdInputError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ErdInputError(
    `${file}: ${path} is not valid JSON (${reason}); ` +
      `pass the ${file} written by dbt, unmodified`,
  );
}
