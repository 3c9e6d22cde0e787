import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { DbtErdApi, dbtErdApiRef } from '../api';
import { DbtErdContent } from '../components/DbtErdContent';

/** The backend's local project `demo`, as an entity annotation. */
export const LOCAL_DEMO = { 'getdbt.com/artifacts-location': 'local:demo' };

/** The catalog Component default/shop with these annotations (default: LOCAL_DEMO). */
export function shopEntity(
  annotations: Record<string, string> = LOCAL_DEMO,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', namespace: 'default', annotations },
    spec: {},
  };
}

/**
 * The ERD tab (DbtErdContent) of `entity` (default: shopEntity()) in a test
 * app whose dbt-erd API answers as `api` does; other options go to
 * renderInTestApp (route entries, mounted routes).
 */
export function renderErdTab(
  api: Partial<DbtErdApi>,
  options: { entity?: Entity } & Parameters<typeof renderInTestApp>[1] = {},
) {
  const { entity = shopEntity(), ...appOptions } = options;
  return renderInTestApp(
    <TestApiProvider apis={[[dbtErdApiRef, api]]}>
      <EntityProvider entity={entity}>
        <DbtErdContent />
      </EntityProvider>
    </TestApiProvider>,
    appOptions,
  );
}
