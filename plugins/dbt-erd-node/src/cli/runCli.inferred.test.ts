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

  it.each(['inferred', 'test_relationship,inferred'])(
    '-a %s -t json writes edges with provenance, evidence and confidence',
    async algo => {
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
      const inferred = erd.edges.filter(
        (e: { provenance?: string }) => e.provenance === 'inferred',
      );
      expect(inferred.length).toBeGreaterThan(0);
      for (const edge of inferred) {
        expect(['high', 'medium']).toContain(edge.confidence);
        expect(edge.evidence.length).toBeGreaterThan(0);
      }
      if (algo.startsWith('test_relationship')) {
        expect(
          erd.edges.some(
            (e: { provenance?: string }) => e.provenance === 'test',
          ),
        ).toBe(true);
      }
    },
  );

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
