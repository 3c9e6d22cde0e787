import { mockServices } from '@backstage/backend-test-utils';
import { ArtifactIndex } from 'backstage-plugin-dbt-erd-common';
import { ViewsInProgress } from './ViewsInProgress';
import { ErdCache, LARGE_INDEX_CHARS, ProjectVersion } from './ErdCache';

const config = { ttlMs: 60_000, servedBytes: 1e8, indexBytes: 1e9 };

/** A project whose index JSON is about `chars` long (one long warning). */
function projectOf(chars: number): ProjectVersion {
  const index = {
    nodes: [],
    tests: [],
    warnings: ['x'.repeat(chars)],
  } as unknown as ArtifactIndex;
  return { index, info: { kind: 'local', name: 'p' } as never };
}

/** A large project packed in several pieces (one per warning of 1 MB). */
function piecewiseProject(): ProjectVersion {
  const pieces = Math.ceil(LARGE_INDEX_CHARS / 2 ** 20) + 2;
  const index = {
    nodes: [],
    tests: [],
    warnings: Array.from({ length: pieces }, () => 'x'.repeat(2 ** 20)),
  } as unknown as ArtifactIndex;
  return { index, info: { kind: 'local', name: 'p' } as never };
}

describe('ErdCache.putProject', () => {
  it('keeps the project for this replica at once', async () => {
    const erdCache = new ErdCache(mockServices.cache.mock(), config);
    const project = projectOf(LARGE_INDEX_CHARS);
    const stored = erdCache.putProject(
      'v1',
      project,
      {},
      new Promise(() => {}),
    );
    expect(await erdCache.getProject('v1')).toBe(project);
    void stored;
  });

  it('stores a small index in the shared cache without waiting', async () => {
    const cache = mockServices.cache.mock();
    const erdCache = new ErdCache(cache, config);
    // Never settles: a small index does not wait for it.
    await erdCache.putProject('v1', projectOf(10), {}, new Promise(() => {}));
    expect(cache.set).toHaveBeenCalledTimes(2);
  });

  it('stores a large index in the shared cache once storeLargeAfter settles', async () => {
    const cache = mockServices.cache.mock();
    const erdCache = new ErdCache(cache, config);
    let answered: () => void = () => undefined;
    const stored = erdCache.putProject(
      'v1',
      projectOf(LARGE_INDEX_CHARS),
      {},
      new Promise<void>(resolve => (answered = resolve)),
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(cache.set).not.toHaveBeenCalled();
    answered();
    await stored;
    expect(cache.set).toHaveBeenCalledTimes(2);
  });

  it('answers the compiled SQL of a version built here before the shared cache has it', async () => {
    const cache = mockServices.cache.mock();
    const erdCache = new ErdCache(cache, config);
    const sql = { 'model.p.a': 'select 1' };
    let answered: () => void = () => undefined;
    const stored = erdCache.putProject(
      'v1',
      projectOf(LARGE_INDEX_CHARS),
      sql,
      new Promise<void>(resolve => (answered = resolve)),
    );
    expect(await erdCache.getCompiledSql('v1')).toBe(sql);
    expect(cache.get).not.toHaveBeenCalled();
    answered();
    await stored;
    // From then on, the shared cache's copy (every replica reads that one).
    await erdCache.getCompiledSql('v1');
    expect(cache.get).toHaveBeenCalledTimes(1);
  });

  it('packs a large index between views, and moves on under a steady stream of them', async () => {
    const cache = mockServices.cache.mock();
    const views = new ViewsInProgress();
    const erdCache = new ErdCache(cache, { ...config, viewsInProgress: views });
    const endView = views.begin();
    const stored = erdCache.putProject('v1', piecewiseProject(), {});
    await new Promise(resolve => setTimeout(resolve, 100));
    // Given way to the view in progress after its first piece.
    expect(cache.set).not.toHaveBeenCalled();
    endView();
    await stored;
    expect(cache.set).toHaveBeenCalledTimes(2);

    // A view that never ends holds each piece back a while, not forever.
    views.begin();
    await erdCache.putProject('v2', piecewiseProject(), {});
    expect(cache.set).toHaveBeenCalledTimes(4);
  });
});
