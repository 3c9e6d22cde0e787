import request from 'supertest';
import {
  demoProjectEntity,
  startDemoBackend,
} from './__testUtils__/startDemoBackend';
import { tabErd } from './__testUtils__/tabErd';

const project = (name: string, algo: string) =>
  demoProjectEntity(name, { 'getdbt.com/erd-algo': algo });

async function startBackend() {
  const server = await startDemoBackend([
    project('combined', 'test_relationship,inferred'),
    project('misspelt', 'test_relationship,infered'),
  ]);
  return server;
}

describe('dbt-erd backend with the inferred algorithm', () => {
  it('serves the union for the annotation getdbt.com/erd-algo: test_relationship,inferred', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/dbt-erd/entities/default/component/combined/erd',
    );
    expect(res.status).toBe(200);
    const provenances = new Set(tabErd(res).edges.map(e => e.provenance));
    expect(provenances).toContain('test');
    expect(provenances).toContain('inferred');
    for (const edge of tabErd(res).edges.filter(
      e => e.provenance === 'inferred',
    )) {
      expect(['high', 'medium']).toContain(edge.confidence);
      expect(edge.evidence?.length).toBeGreaterThan(0);
    }
  });

  it('answers 400 naming the algorithms for a misspelt one, in the annotation or the query', async () => {
    const server = await startBackend();
    const fromAnnotation = await request(server).get(
      '/api/dbt-erd/entities/default/component/misspelt/erd',
    );
    expect(fromAnnotation.status).toBe(400);
    expect(fromAnnotation.body.error.message).toContain('inferred');
    const fromQuery = await request(server)
      .get('/api/dbt-erd/entities/default/component/combined/erd')
      .query({ algo: 'inferred:(confidence:maybe)' });
    expect(fromQuery.status).toBe(400);
    expect(fromQuery.body.error.message).toContain(
      'confidence: high, medium or low',
    );
  });
});
