import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTempDirs,
  DEMO_ARTIFACTS_DIR,
  runCliCapturing,
} from './__testUtils__/cliHarness';

describe('dbt-erd run with the inferred algorithm', () => {
  const temp = createTempDirs();
  afterAll(() => temp.cleanup());

  async function provenances(algo: string): Promise<string[]> {
    const out = temp.make();
    const run = await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '-a',
      algo,
      '-t',
      'json',
      '-o',
      out,
    ]);
    expect(run.exitCode).toBe(0);
    const erd = JSON.parse(readFileSync(join(out, 'output.json'), 'utf8'));
    for (const edge of erd.edges.filter(
      (e: { provenance?: string }) => e.provenance === 'inferred',
    )) {
      expect(['high', 'medium']).toContain(edge.confidence);
      expect(edge.evidence.length).toBeGreaterThan(0);
    }
    return erd.edges.map((e: { provenance: string }) => e.provenance);
  }

  it('-a inferred -t json writes edges with provenance, evidence and confidence', async () => {
    expect(new Set(await provenances('inferred'))).toEqual(
      new Set(['inferred']),
    );
  });

  it('-a test_relationship,inferred gives the union, each edge with its provenance', async () => {
    expect(new Set(await provenances('test_relationship,inferred'))).toEqual(
      new Set(['test', 'inferred']),
    );
  });

  it('refuses an unknown rule of inferred, naming what to write', async () => {
    const run = await runCliCapturing([
      'run',
      '-ad',
      DEMO_ARTIFACTS_DIR,
      '-a',
      'inferred:(confidence:sure)',
    ]);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderrLines.join('\n')).toContain(
      'confidence: high, medium or low',
    );
  });
});
