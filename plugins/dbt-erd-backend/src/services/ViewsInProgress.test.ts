import { hasSettled } from '../__testUtils__/hasSettled';
import { ViewsInProgress } from './ViewsInProgress';

describe('ViewsInProgress', () => {
  afterEach(() => jest.useRealTimers());

  it('is quiet at once when no view is in progress', async () => {
    expect(await hasSettled(new ViewsInProgress().quiet(1000))).toBe(true);
  });

  it('is quiet once every view in progress has ended', async () => {
    const views = new ViewsInProgress();
    const endFirst = views.begin();
    const endSecond = views.begin();
    const quiet = views.quiet(60_000);
    endFirst();
    // Ending the same view twice counts once.
    endFirst();
    expect(await hasSettled(quiet)).toBe(false);
    endSecond();
    expect(await hasSettled(quiet)).toBe(true);
  });

  it('waits no longer than asked', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const views = new ViewsInProgress();
    views.begin();
    const quiet = views.quiet(250);
    jest.advanceTimersByTime(249);
    expect(await hasSettled(quiet)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await hasSettled(quiet)).toBe(true);
  });
});
