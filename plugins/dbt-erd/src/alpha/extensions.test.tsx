import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { dbtErdEntityContent } from './extensions';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', annotations },
  spec: {},
});

describe('dbtErdEntityContent', () => {
  it('is an ERD tab at dbt-erd, shown only for entities with a dbt annotation', () => {
    const tester = createExtensionTester(dbtErdEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('dbt-erd');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('ERD');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(entity({ 'getdbt.com/cloud-job-id': '42' }))).toBe(true);
    expect(
      filter?.(entity({ 'getdbt.com/artifacts-location': 'local:demo' })),
    ).toBe(true);
    expect(filter?.(entity({}))).toBe(false);
  });
});
