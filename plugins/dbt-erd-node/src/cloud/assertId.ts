import { InputError } from '@backstage/errors';

/** Ids go into URL paths, so only positive integers are accepted. */
export function assertId(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new InputError(
      `dbt Cloud ${what} id must be a positive integer, got ${String(value)}`,
    );
  }
}
