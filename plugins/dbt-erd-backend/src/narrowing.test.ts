import request from 'supertest';
import {
  demoProjectEntity,
  startDemoBackend,
} from './__testUtils__/startDemoBackend';
import { tabErd } from './__testUtils__/tabErd';

/**
 * An entity's annotations may be all that keeps a team's slice of a shared
 * project to that slice: query parameters narrow them and never widen them.
 */

/** A team's slice of the demo project, as its annotations select it. */
const slice = demoProjectEntity;

const MARTS = [
  'model.acme_analytics.dim_customers',
  'model.acme_analytics.dim_products',
  'model.acme_analytics.fct_order_lines',
  'model.acme_analytics.fct_orders',
  'model.acme_analytics.fct_subscriptions',
];

describe('query parameters narrow the annotations', () => {
  let get: (path: string) => Promise<request.Response>;

  beforeAll(async () => {
    const server = await startDemoBackend([
      slice('marts', { 'getdbt.com/erd-select': 'schema:marts' }),
      slice('marts-without-dims', {
        'getdbt.com/erd-select': 'schema:marts',
        'getdbt.com/erd-exclude': 'model.acme_analytics.dim_',
      }),
      slice('raw-and-models', {
        'getdbt.com/erd-select': 'schema:raw schema:marts',
        'getdbt.com/erd-resource-types': 'model,source',
      }),
      slice('whole-project', {}),
    ]);
    get = path =>
      request(server).get(`/api/dbt-erd/entities/default/component/${path}`);
  });

  const ids = async (path: string) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    return (tabErd(res).nodes as { id: string }[]).map(n => n.id).sort();
  };

  it('empty select and exclude values leave the annotation in force', async () => {
    expect(await ids('marts/erd')).toEqual(MARTS);
    expect(await ids('marts/erd?select=&exclude=')).toEqual(MARTS);
    expect(await ids('marts/erd?select=%20&exclude=&resourceTypes=')).toEqual(
      MARTS,
    );
    expect(await ids('marts-without-dims/erd?exclude=')).toEqual(
      MARTS.slice(2),
    );
  });

  it('select is the annotation AND the query: another schema gives nothing', async () => {
    expect(await ids('marts/erd?select=schema:staging')).toEqual([]);
    expect(
      await ids('marts/erd?select=schema:staging&select=wildcard:*fct_o*'),
    ).toEqual([
      'model.acme_analytics.fct_order_lines',
      'model.acme_analytics.fct_orders',
    ]);
    expect(await ids('marts/erd?select=model.acme_analytics')).toEqual(MARTS);
    // Without an annotation the query selects on its own, as before.
    expect(await ids('whole-project/erd?select=schema:staging')).toHaveLength(
      6,
    );
  });

  it('exclude is the union of both', async () => {
    expect(
      await ids(
        'marts-without-dims/erd?exclude=model.acme_analytics.fct_orders',
      ),
    ).toEqual([
      'model.acme_analytics.fct_order_lines',
      'model.acme_analytics.fct_subscriptions',
    ]);
  });

  it('resource types are the intersection; none in common is a 400 naming both', async () => {
    const all = await ids('raw-and-models/erd');
    expect(all.filter(id => id.startsWith('source.'))).toHaveLength(6);
    expect(
      await ids('raw-and-models/erd?resourceTypes=source&resourceTypes=seed'),
    ).toEqual(all.filter(id => id.startsWith('source.')));
    expect(await ids('marts/erd?resourceTypes=model')).toEqual(MARTS);
    const res = await get('raw-and-models/erd?resourceTypes=seed');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "resourceTypes seed: this entity's ERD draws only model, source; ask for some of those, or leave resourceTypes out",
    );
  });

  it('?format=json, with compiled SQL, holds to the annotation too', async () => {
    const res = await get(
      'marts/erd?format=json&select=&exclude=&resourceTypes=model',
    );
    expect(res.status).toBe(200);
    const nodes: { id: string; compiled_sql: string | null }[] = JSON.parse(
      res.text,
    ).nodes;
    expect(nodes.map(n => n.id).sort()).toEqual(MARTS);
    expect(nodes.some(n => n.compiled_sql)).toBe(true);
    const widened = await get('marts/erd?format=json&select=schema:staging');
    expect(JSON.parse(widened.text).nodes).toEqual([]);
  });

  it('a backtracking-bait or reversed-set wildcard answers at once; too many rules is a 400 naming the cap', async () => {
    // 11 `*?` pairs took 36 s with the regex translation and froze the backend.
    const bait = encodeURIComponent(`wildcard:${'*?'.repeat(40)}x`);
    expect(await ids(`whole-project/erd?select=${bait}`)).toEqual([]);
    expect(await ids(`marts/erd?exclude=${bait}`)).toEqual(MARTS);
    expect(await ids('whole-project/erd?select=wildcard:[z-a]')).toEqual([]);
    expect(
      await ids('whole-project/erd?select=wildcard:*[!z-a]orders'),
    ).toEqual([
      'model.acme_analytics.fct_orders',
      'model.acme_analytics.stg_orders',
    ]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `exclude=m${i}`).join(
      '&',
    );
    const res = await get(`marts/erd?${tooMany}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^102 select and exclude rules given; the limit is 100 rules/,
    );
  });
});
