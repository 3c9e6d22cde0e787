import { EntityErdTable } from '../../api';
import { TableDetailsLoader } from './tableDetailsLoader';

const answer = (id: string) =>
  ({ table: { id }, details: {}, keys: [] } as unknown as EntityErdTable);

describe('TableDetailsLoader', () => {
  it('asks once per table: a prefetch in the click, then the drawer reads the same answer', async () => {
    const fetch = jest.fn(async (id: string) => answer(id));
    const loader = new TableDetailsLoader(fetch);
    loader.prefetch('model.a');
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(loader.load('model.a')).resolves.toEqual(answer('model.a'));
    await loader.load('model.b');
    expect(fetch.mock.calls.map(c => c[0])).toEqual(['model.a', 'model.b']);
    // Arrived answers are there without waiting, for the drawer's first render.
    expect(loader.arrived('model.a')).toEqual(answer('model.a'));
    expect(loader.arrived('model.c')).toBeUndefined();
  });

  it('keeps no failure: the next load asks again, and a failed prefetch rejects nothing unhandled', async () => {
    const fetch = jest
      .fn()
      .mockRejectedValueOnce(new Error('backend is down'))
      .mockResolvedValueOnce(answer('model.a'));
    const loader = new TableDetailsLoader(fetch);
    loader.prefetch('model.a');
    await expect(loader.load('model.a')).rejects.toThrow('backend is down');
    expect(loader.arrived('model.a')).toBeUndefined();
    await expect(loader.load('model.a')).resolves.toEqual(answer('model.a'));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps the last 100 tables', async () => {
    const fetch = jest.fn(async (id: string) => answer(id));
    const loader = new TableDetailsLoader(fetch);
    for (let i = 0; i <= 100; i++) await loader.load(`model.t${i}`);
    await loader.load('model.t100');
    await loader.load('model.t0');
    expect(fetch).toHaveBeenCalledTimes(102);
  });
});
