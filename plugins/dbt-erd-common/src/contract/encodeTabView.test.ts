// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- generated test projects
import {
  generateDemoArtifacts,
  generateHostileArtifacts,
  generateScaledArtifacts,
} from '@internal/dbt-artifacts-generator';
import { indexArtifacts } from '../engine/artifacts/indexArtifacts';
import { ErdDerivation } from '../engine/buildErd';
import { ErdOptions } from '../engine/types';
import { encodeTabView } from './encodeTabView';
import { ErdSourceInfo } from './sourceInfo';
import { encodeTabErd } from './tabPayload';

const VIEWS: Partial<ErdOptions>[] = [
  {},
  { algo: 'model_contract' },
  { resourceTypes: ['model', 'source'] },
  { entityNameFormat: 'schema.table' },
  { entityGroup: 'schema' },
  { exclude: ['schema:staging'] },
  { algo: 'semantic' },
  { algo: 'test_relationship,inferred', entityGroup: 'database.schema' },
  { select: ['+fct_orders'], resourceTypes: ['model', 'source', 'seed'] },
  { entityNameFormat: 'resource.package.model', exclude: ['tag:nothing'] },
];

const source: ErdSourceInfo = { kind: 'local', name: 'demo' };

describe('encodeTabView', () => {
  it.each([
    ['demo', generateDemoArtifacts],
    ['hostile', generateHostileArtifacts],
    ['scaled', () => generateScaledArtifacts({ models: 80 })],
  ])(
    'writes, byte for byte, the payload encodeTabErd makes of the canonical ERD of the %s project',
    (_name, make) => {
      const derivation = new ErdDerivation(indexArtifacts(make()));
      for (const options of VIEWS) {
        const { erd, warnings } = derivation.build(options);
        expect(
          JSON.stringify(encodeTabView(derivation.view(options), source)),
        ).toBe(JSON.stringify(encodeTabErd({ ...erd, source, warnings })));
      }
    },
  );

  it('keeps the flags and added columns of the view, not of another view of the index', () => {
    const derivation = new ErdDerivation(
      indexArtifacts(generateDemoArtifacts()),
    );
    const all = encodeTabView(derivation.view({}), source);
    const contracts = encodeTabView(
      derivation.view({ algo: 'model_contract' }),
      source,
    );
    expect(JSON.stringify(encodeTabView(derivation.view({}), source))).toBe(
      JSON.stringify(all),
    );
    expect(JSON.stringify(contracts)).not.toBe(JSON.stringify(all));
  });
});
