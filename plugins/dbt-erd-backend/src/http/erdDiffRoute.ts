import { Entity } from '@backstage/catalog-model';
import { Request, Router } from 'express';
import { ErdDiffService } from '../services/ErdDiffService';
import { erdDiffQuerySchema } from 'backstage-plugin-dbt-erd-common';
import { parseBaseRef } from '../sources/resolveBaseSource';
import { sendServedErd } from './sendServedErd';
import { validatedQuery } from './validatedQuery';

/**
 * `GET /entities/:namespace/:kind/:name/erd/diff?base=<ref>`: the entity's
 * ERD compared with another run's. The entity is read with the caller's
 * credentials, as for the ERD route; the ERD's option parameters apply to
 * both sides; `format=markdown` (or `md`) sends erd-diff.md and
 * `format=json` erd-diff.json as a download.
 */
export function addErdDiffRoute(
  router: Router,
  {
    loadEntity,
    erdDiffService,
  }: {
    loadEntity: (req: Request) => Promise<Entity>;
    erdDiffService: ErdDiffService;
  },
): void {
  router.get('/entities/:namespace/:kind/:name/erd/diff', async (req, res) => {
    const entity = await loadEntity(req);
    const { base, format, ...query } = validatedQuery(req, erdDiffQuerySchema);
    const ref = parseBaseRef(base);
    if (format === 'markdown' || format === 'md') {
      const markdown = await erdDiffService.getMarkdown(entity, ref, query);
      res.setHeader(
        'Content-Disposition',
        'attachment; filename="erd-diff.md"',
      );
      res.setHeader('Cache-Control', 'private, no-cache');
      res.type('text/markdown; charset=utf-8').send(markdown);
      return;
    }
    if (format === 'json') {
      res.setHeader(
        'Content-Disposition',
        'attachment; filename="erd-diff.json"',
      );
    }
    sendServedErd(
      req,
      res,
      await erdDiffService.getServedDiff(entity, ref, query),
    );
  });
}
