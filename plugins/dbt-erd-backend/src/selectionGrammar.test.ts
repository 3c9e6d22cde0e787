import request from 'supertest';
import {
  demoProjectEntity,
  startDemoBackend,
} from './__testUtils__/startDemoBackend';
import { tabErd } from './__testUtils__/tabErd';

/** dbt's selection grammar through the annotation and the tab's query, end to end. */

const entity = (name: string, select: string) =>
  demoProjectEntity(name, { 'getdbt.com/erd-select': select });

const model = (name: string) => `model.acme_analytics.${name}`;

describe("dbt's selection grammar over HTTP", () => {
  let get: (path: string) => Promise<request.Response>;

  beforeAll(async () => {
    const server = await startDemoBackend([
      entity('orders-lineage', '+fct_orders'),
      entity('finance', 'path:models/marts/finance'),
    ]);
    get = path =>
      request(server).get(`/api/dbt-erd/entities/default/component/${path}`);
  });

  const ids = async (path: string) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    return tabErd(res)
      .nodes.map(n => n.id)
      .sort();
  };

  it('the annotation takes graph operators and methods', async () => {
    expect(await ids('orders-lineage/erd')).toEqual(
      ['fct_orders', 'stg_orders', 'stg_payments'].map(model),
    );
    expect(await ids('finance/erd')).toEqual(
      ['customer_lifetime_value', 'fct_daily_revenue'].map(model),
    );
  });

  it("the query's terms narrow it", async () => {
    expect(
      await ids('orders-lineage/erd?select=config.materialized:view'),
    ).toEqual(['stg_orders', 'stg_payments'].map(model));
    expect(await ids('finance/erd?exclude=fct_orders%2B')).toEqual([]);
  });

  it('a bad term is a 400 naming it and what is allowed', async () => {
    const res = await get('finance/erd?select=colour:red');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /select rule "colour:red": unsupported selection type "colour" \(in "colour:red"\); use a name/,
    );
  });
});
