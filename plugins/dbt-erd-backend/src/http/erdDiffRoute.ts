import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Request, Router } from 'express';
import { ErdDiffService } from '../services/ErdDiffService';
import { ErdOptionsQuery } from '../services/readErdOptions';
import { parseBaseRef } from '../sources/resolveBaseSource';
import { sendServedErd } from './sendServedErd';

/** `md` is short for `markdown`; either sends erd-diff.md, `json` sends erd-diff.json. */
const DIFF_FORMATS = ['json', 'markdown', 'md'];

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
    const { base, format, ...query } = req.query as ErdOptionsQuery & {
      base?: unknown;
      format?: unknown;
    };
    const ref = parseBaseRef(base);
    if (format !== undefined && !DIFF_FORMATS.includes(String(format))) {
      throw new InputError(
        `format "${String(format).slice(
          0,
          40,
        )}" is not a diff format; use json, markdown or md`,
      );
    }
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
