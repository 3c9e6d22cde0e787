import { decodeTabErd, ErdResponse } from 'backstage-plugin-dbt-erd-common';

/** The ERD a tab GET (or refresh) answered, decoded as the frontend does. */
export function tabErd(res: { body: unknown }): ErdResponse {
  return decodeTabErd(res.body as Parameters<typeof decodeTabErd>[0]);
}
