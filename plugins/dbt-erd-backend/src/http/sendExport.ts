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

/** Sends the ERD in one of dbterd's formats as a file download. */
export function sendExport(
  res: Response,
  response: ErdResponse,
  format: string,
  entityName: string,
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
  res.send(target.render(erd));
}
