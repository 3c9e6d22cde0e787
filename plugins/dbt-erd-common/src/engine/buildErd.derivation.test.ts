// Test-only: the generator (a node-library) makes the projects these tests read.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import {
  generateDemoArtifacts,
  generateScaledArtifacts,
} from '@internal/dbt-artifacts-generator';
import { testRelationshipAlgorithm } from './algorithms/testRelationship';
import { indexArtifacts } from './artifacts/indexArtifacts';
import { buildErdFromIndex, ErdDerivation } from './buildErd';
import { ErdInputError } from './errors';
import { ErdOptions } from './types';

const VIEWS: Partial<ErdOptions>[] = [
  {},
  { algo: 'model_contract' },
  { resourceTypes: ['model', 'source'] },
  { entityNameFormat: 'schema.table' },
  { entityGroup: 'schema' },
  { exclude: ['schema:staging'] },
  { algo: 'semantic' },
  { algo: 'test_relationship,inferred', entityGroup: 'schema' },
  { select: ['+fct_orders'], resourceTypes: ['model', 'source', 'seed'] },
  { entityNameFormat: 'resource.package.model', exclude: ['tag:nothing'] },
  {},
];

const demo = indexArtifacts(generateDemoArtifacts());
const scaled = indexArtifacts(generateScaledArtifacts({ models: 80 }));

/** The build as JSON text: byte for byte what the exports and the tab are made from. */
const text = (value: unknown) => JSON.stringify(value);

describe('ErdDerivation', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['demo', demo],
    ['scaled', scaled],
  ])(
    'derives every view of the %s project as a fresh build does, whatever came before',
    (_name, index) => {
      const derivation = new ErdDerivation(index);
      for (const views of [VIEWS, [...VIEWS].reverse()]) {
        for (const view of views) {
          expect(text(derivation.build(view))).toBe(
            text(buildErdFromIndex(index, view)),
          );
        }
      }
    },
  );

  it('draws what each algorithm finds, not the first one asked', () => {
    const derivation = new ErdDerivation(demo);
    const tests = derivation.build({ algo: 'test_relationship' });
    const contracts = derivation.build({ algo: 'model_contract' });
    expect(text(contracts.erd.edges)).not.toBe(text(tests.erd.edges));
    expect(text(contracts)).toBe(
      text(buildErdFromIndex(demo, { algo: 'model_contract' })),
    );
  });

  it('runs an algorithm once per index, and again for another index', () => {
    const find = jest.spyOn(testRelationshipAlgorithm, 'findRelationships');
    const derivation = new ErdDerivation(demo);
    derivation.build({});
    derivation.build({ entityGroup: 'schema' });
    derivation.build({ exclude: ['schema:staging'] });
    expect(find).toHaveBeenCalledTimes(1);

    const other = new ErdDerivation(scaled);
    const otherView = other.build({});
    expect(find).toHaveBeenCalledTimes(2);
    expect(find.mock.calls[1][0]).toBe(scaled);
    expect(text(otherView)).not.toBe(text(derivation.build({})));
  });

  it('hands out nothing it keeps: changing one view leaves the next as it was', () => {
    const derivation = new ErdDerivation(demo);
    const fresh = text(buildErdFromIndex(demo, {}));
    const { erd, warnings } = derivation.build({});
    expect(erd.edges.length).toBeGreaterThan(0);
    erd.edges[0].from_columns.push('changed');
    erd.edges[0].to_columns.length = 0;
    erd.nodes[0].columns.push({ ...erd.nodes[0].columns[0], name: 'changed' });
    erd.nodes[0].columns[0].is_primary_key =
      !erd.nodes[0].columns[0].is_primary_key;
    const keys = Object.values(erd.extras!.keys!)[0];
    keys[0].columns.push('changed');
    warnings.push('changed');
    expect(text(derivation.build({}))).toBe(fresh);
  });

  it('keeps no failed algorithm: a bad rule is refused each time', () => {
    const derivation = new ErdDerivation(demo);
    const bad = { algo: 'test_relationship:(name:' };
    expect(() => derivation.build(bad)).toThrow(ErdInputError);
    expect(() => derivation.build(bad)).toThrow(ErdInputError);
    expect(text(derivation.build({}))).toBe(text(buildErdFromIndex(demo, {})));
  });
});
