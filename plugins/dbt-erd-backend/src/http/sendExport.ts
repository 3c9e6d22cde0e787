import { InputError } from '@backstage/errors';
import { ERD_TARGETS, getErdTarget } from 'backstage-plugin-dbt-erd-common';
import { Response } from 'express';
import { ErdResponse } from '../services/ErdService';

/** Refuses an unknown export format before any work is done for it. */
export function assertExportFormat(format: string): void {
  if (!ERD_TARGETS.includes(format)) {
    throw new InputError(
      `format "${format.slice(
        0,
        40,
      )}" is not supported; use one of ${ERD_TARGETS.join(', ')}`,
    );
  }
}

/** Said in a `json` export whose compiled SQL the caller may not see. */
export const SQL_WITHHELD_NOTE =
  'compiled_sql omitted: the dbt-erd.erd.read-sql permission is not granted for this entity';

/** Sends the ERD in one of dbterd's formats as a file download. */
export function sendExport(
  res: Response,
  response: ErdResponse,
  format: string,
  entityName: string,
  { sqlWithheld = false }: { sqlWithheld?: boolean } = {},
) {
  assertExportFormat(format);
  const { source: _source, warnings: _warnings, ...erd } = response;
  const target = getErdTarget(format);
  const extension = target.fileName.slice(target.fileName.lastIndexOf('.'));
  const fileName = `${entityName.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  )}-erd${extension}`;
  res.setHeader('Content-Type', `${target.contentType}; charset=utf-8`);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  const text = target.render(erd);
  if (sqlWithheld) {
    // The note goes first in the document (and in a header), so whoever
    // reads the file learns why compiled_sql is null; the rest stays
    // byte-identical to dbterd's output.
    res.setHeader('Dbt-Erd-Omitted', 'compiled_sql');
    res.send(
      text.replace(/^\{/, `{"notes": [${JSON.stringify(SQL_WITHHELD_NOTE)}], `),
    );
    return;
  }
  res.send(text);
}
