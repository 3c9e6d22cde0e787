import { BuildLimits } from './BuildLimits';

/** A build that finishes when the test says so, recording how many ran at once. */
function gatedBuilds() {
  let running = 0;
  let peak = 0;
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const build = (name: string) => async () => {
    running += 1;
    peak = Math.max(peak, running);
    started.push(name);
    await new Promise<void>(resolve => gates.set(name, resolve));
    running -= 1;
    return name;
  };
  const finish = async (name: string) => {
    gates.get(name)!();
    // Let the limiter start what waits.
    await new Promise(r => setImmediate(r));
  };
  return { build, finish, started, peak: () => peak };
}

describe('BuildLimits', () => {
  it('runs at most N builds per replica, the others in the order they came', async () => {
    const limits = new BuildLimits({
      concurrency: 2,
      concurrencyPerAccount: 9,
    });
    const { build, finish, started, peak } = gatedBuilds();
    const results = ['a', 'b', 'c', 'd'].map(name =>
      limits.run(undefined, build(name)),
    );
    await new Promise(r => setImmediate(r));
    expect(started).toEqual(['a', 'b']);
    await finish('b');
    expect(started).toEqual(['a', 'b', 'c']);
    await finish('a');
    await finish('c');
    await finish('d');
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(peak()).toBe(2);
  });

  it("runs one account's builds one at a time without holding other accounts' slots", async () => {
    const limits = new BuildLimits({
      concurrency: 2,
      concurrencyPerAccount: 1,
    });
    const { build, finish, started } = gatedBuilds();
    const results = [
      limits.run('acct-1', build('one-a')),
      limits.run('acct-1', build('one-b')),
      limits.run('acct-2', build('two-a')),
    ];
    await new Promise(r => setImmediate(r));
    expect(started).toEqual(['one-a', 'two-a']);
    await finish('one-a');
    expect(started).toEqual(['one-a', 'two-a', 'one-b']);
    await finish('one-b');
    await finish('two-a');
    await Promise.all(results);
  });
});
