import { SingleFlight } from './SingleFlight';

describe('SingleFlight', () => {
  it('runs concurrent work for one key once and forgets it after', async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    const work = () =>
      new Promise<number>(r => setTimeout(() => r(++calls), 10));
    const results = await Promise.all(
      [1, 2, 3].map(() => flight.run('k', work)),
    );
    expect(results).toEqual([1, 1, 1]);
    expect(await flight.run('k', work)).toBe(2);
  });

  it('does not keep a failure', async () => {
    const flight = new SingleFlight<number>();
    await expect(
      flight.run('k', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(flight.run('k', async () => 7)).resolves.toBe(7);
  });
});
