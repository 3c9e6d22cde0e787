import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ErdReadPermissions } from './access/ErdReadPermissions';
import { ReadableEntities } from './ReadableEntities';

const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', namespace: 'default' },
  spec: {},
};
const ref = { kind: 'component', namespace: 'default', name: 'shop' };
const member = mockCredentials.user('user:default/member');
const outsider = mockCredentials.user('user:default/outsider');

const userOf = (options: unknown) =>
  (options as { credentials: BackstageCredentials<any> }).credentials.principal
    .userEntityRef ??
  (options as { credentials: BackstageCredentials<any> }).credentials.principal
    .subject;

/** A promise and its resolver, to hold a lookup in flight. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>(resolve => {
    open = resolve;
  });
  return { open, opened };
}

/**
 * The catalog returns `shop` after `held` opens; dbt-erd.erd.read is
 * allowed to the principals in `allowed`.
 */
function setup(allowed: Set<string>, held = Promise.resolve()) {
  const catalog = catalogServiceMock.mock({
    getEntityByRef: async () => {
      await held;
      return shop;
    },
  });
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(() => ({
        result: allowed.has(userOf(options))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })) as any,
  });
  const entities = new ReadableEntities(
    catalog,
    new ErdReadPermissions(permissions),
  );
  return { catalog, permissions, entities };
}

describe('ReadableEntities', () => {
  it('asks the catalog and the permission backend once for concurrent reads of one entity by one principal', async () => {
    const held = gate();
    const { catalog, permissions, entities } = setup(
      new Set(['user:default/member']),
      held.opened,
    );
    const loads = Array.from({ length: 20 }, () => entities.load(ref, member));
    held.open();
    const loaded = await Promise.all(loads);
    expect(loaded.every(entity => entity === shop)).toBe(true);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('answers a denied principal 404 while an allowed one reads the same entity', async () => {
    const held = gate();
    const { catalog, entities } = setup(
      new Set(['user:default/member']),
      held.opened,
    );
    const allowed = entities.load(ref, member);
    const denied = entities.load(ref, outsider);
    held.open();
    await expect(denied).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(allowed).resolves.toBe(shop);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
    // Each lookup with its own caller's credentials.
    expect(
      catalog.getEntityByRef.mock.calls.map(([, options]) => userOf(options)),
    ).toEqual(['user:default/member', 'user:default/outsider']);
  });

  it('never lends a user an answer looked up for another, even one denied while the other is held', async () => {
    const heldForMember = gate();
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async (_ref, options) => {
        if (userOf(options) === 'user:default/member') {
          await heldForMember.opened;
          return shop;
        }
        return undefined;
      },
    });
    const entities = new ReadableEntities(
      catalog,
      new ErdReadPermissions(mockServices.permissions()),
    );
    const allowed = entities.load(ref, member);
    // Settles while the member's lookup is still held.
    await expect(entities.load(ref, outsider)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    heldForMember.open();
    await expect(allowed).resolves.toBe(shop);
  });

  it('keeps nothing once settled: a revoked permission is seen by the next read', async () => {
    const allowed = new Set(['user:default/member']);
    const { catalog, entities } = setup(allowed);
    await expect(entities.load(ref, member)).resolves.toBe(shop);
    allowed.clear();
    await expect(entities.load(ref, member)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('does not share between services of different access restrictions, nor with users', async () => {
    const held = gate();
    const { catalog, entities } = setup(new Set(), held.opened);
    const plain = mockCredentials.service('plugin:catalog');
    const restricted = mockCredentials.service('plugin:catalog', {
      permissionNames: ['catalog.entity.read'],
    });
    const loads = [
      entities.load(ref, plain),
      entities.load(ref, restricted),
      entities.load(ref, member),
      entities.load(ref, plain),
    ].map(load => load.catch(error => error.name));
    held.open();
    expect(await Promise.all(loads)).toEqual([
      'NotFoundError',
      'NotFoundError',
      'NotFoundError',
      'NotFoundError',
    ]);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
  });

  it('shares a lookup only between reads of the same ref', async () => {
    const held = gate();
    const { catalog, entities } = setup(
      new Set(['user:default/member']),
      held.opened,
    );
    const loads = [
      entities.load(ref, member),
      entities.load({ ...ref }, member),
      entities.load({ ...ref, name: 'other' }, member),
      entities.load({ ...ref, namespace: 'other' }, member),
    ];
    held.open();
    await Promise.all(loads);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
  });
});
