import fs from 'fs';
import path from 'path';
import {
  ConformanceCase,
  readConformanceCases,
  SAMPLES_DIR,
} from '../__testUtils__/dbterdSamples';
import { buildErd } from './buildErd';
import { renderErd } from './renderErd';
import { ErdOptions, RenderOptions } from './types';

const PARSED_TARGETS = ['json', 'drawdb'];

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Drops the fields that stamp dbterd's version or the run date. */
function withoutStamps(target: string, document: any): any {
  const copy = { ...document };
  if (target === 'json') {
    delete copy.$schema;
    copy.metadata = { ...copy.metadata };
    delete copy.metadata.dbterd_version;
  } else {
    delete copy.date;
  }
  return copy;
}

function caseName(c: ConformanceCase): string {
  const options = Object.entries(c.options).map(([k, v]) => `${k}=${v}`);
  return [c.expected, c.target, c.algo, ...options].join(' ');
}

/** What the comparison looks at: the text itself, or the parsed document minus stamps. */
function comparable(target: string, text: string): unknown {
  return PARSED_TARGETS.includes(target)
    ? withoutStamps(target, JSON.parse(text))
    : text;
}

function runCase(c: ConformanceCase) {
  const sampleDir = path.join(SAMPLES_DIR, 'samples', c.sample);
  const buildOptions: Partial<ErdOptions> = {
    algo: c.algo,
    entityGroup: c.options.entityGroup,
    entityNameFormat: c.options.entityNameFormat,
  };
  const renderOptions: RenderOptions = { omitColumns: c.options.omitColumns };
  const { erd } = buildErd(
    {
      manifest: readJson(path.join(sampleDir, 'manifest.json')),
      catalog: readJson(path.join(sampleDir, 'catalog.json')),
    },
    buildOptions,
  );
  return {
    actual: comparable(c.target, renderErd(erd, c.target, renderOptions)),
    expected: comparable(
      c.target,
      fs.readFileSync(path.join(SAMPLES_DIR, 'expected', c.expected), 'utf8'),
    ),
  };
}

/**
 * Every case of ../shared/dbterd-samples/cases.json (relative to the repo
 * root) must reproduce dbterd's reference output. The samples are not part
 * of the repo; without them the suite says so instead of passing silently.
 */
describe('dbterd conformance', () => {
  const cases = readConformanceCases();
  if (!cases) {
    // Skipped on purpose and visibly: a fresh clone has no samples folder.
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('../shared/dbterd-samples not found: conformance cases skipped', () => {});
    return;
  }

  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map(c => [caseName(c), c] as const))('%s', (_name, c) => {
    const { actual, expected } = runCase(c);
    expect(actual).toEqual(expected);
  });
});
