import {
  buildManifest,
  exposure,
  modelId,
  modelNode,
} from '../__testUtils__/artifacts';
import { jsonBytes } from '../artifacts/streaming/__testUtils__/byteChunks';
import { buildErdFromBytes } from '../artifacts/streaming/buildErdFromBytes';
import { buildErd } from '../buildErd';
import { toJson } from '../targets/json';
import { exposureEntityRef, ownerLinks, toEntityRef } from './catalogLinks';

const ORDERS = modelId('orders');

function manifest() {
  const [dashboardId, dashboard] = exposure('revenue_dashboard', [ORDERS]);
  const [pageId, page] = exposure('orders_app', [ORDERS]);
  const [plainId, plain] = exposure('spreadsheet', [ORDERS]);
  return buildManifest({
    nodes: [
      modelNode('orders', {
        columns: { order_id: {} },
        meta: { owner: 'team-finance' },
        extra: { group: 'finance' },
      }),
      modelNode('customers', {
        columns: { customer_id: {} },
        meta: { owner: 'mara.okafor@acme.example' },
      }),
    ],
    exposures: [
      [
        dashboardId,
        {
          ...dashboard,
          meta: { backstage_entity: 'component:default/revenue-dashboard' },
        },
      ],
      [
        pageId,
        {
          ...page,
          url: 'https://backstage.acme.example/catalog/default/system/orders-app/docs',
        },
      ],
      [plainId, { ...plain, url: 'https://sheets.example/abc' }],
    ],
  });
}

describe('catalog links', () => {
  it('reads entity refs, defaulting kind and namespace, and refuses e-mails and display names', () => {
    expect(toEntityRef('team-finance', 'group')).toBe(
      'group:default/team-finance',
    );
    expect(toEntityRef('User:Acme/jdoe', 'group')).toBe('user:acme/jdoe');
    expect(toEntityRef('mara@acme.example', 'group')).toBeNull();
    expect(toEntityRef('Mara Okafor', 'group')).toBeNull();
    expect(toEntityRef(42, 'group')).toBeNull();
    expect(
      exposureEntityRef({}, 'https://x.example/catalog/default/Component/shop'),
    ).toBe('component:default/shop');
    expect(exposureEntityRef({ backstage_entity: 'shop' }, null)).toBe(
      'component:default/shop',
    );
    expect(ownerLinks('finance', 'finance')).toEqual([
      { entityRef: 'group:default/finance', via: 'dbt group' },
    ]);
  });

  it("puts exposures' entities and owners in the ERD's node details, the same from bytes, never in the JSON", async () => {
    const erd = buildErd({ manifest: manifest(), catalog: {} }).erd;
    const orders = erd.extras!.nodeDetails[ORDERS];
    expect(orders.exposureEntities).toEqual([
      {
        entityRef: 'component:default/revenue-dashboard',
        via: 'revenue_dashboard',
      },
      { entityRef: 'system:default/orders-app', via: 'orders_app' },
    ]);
    expect(orders.owners).toEqual([
      { entityRef: 'group:default/finance', via: 'dbt group' },
      { entityRef: 'group:default/team-finance', via: 'meta.owner' },
    ]);
    const customers = erd.extras!.nodeDetails[modelId('customers')];
    expect(customers.owners).toBeUndefined();
    expect(customers.exposureEntities).toBeUndefined();
    expect(toJson(erd)).not.toContain('revenue-dashboard');

    const streamed = await buildErdFromBytes({
      manifest: jsonBytes(manifest()),
      catalog: null,
    });
    expect(streamed.erd.extras!.nodeDetails).toEqual(erd.extras!.nodeDetails);
  });
});
