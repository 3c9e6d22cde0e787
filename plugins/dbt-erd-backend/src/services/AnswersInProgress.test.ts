import { AnswersInProgress } from './AnswersInProgress';

const settled = async (promise: Promise<void>) => {
  let done = false;
  promise.then(() => (done = true));
  await new Promise(resolve => setImmediate(resolve));
  return done;
};

describe('AnswersInProgress', () => {
  afterEach(() => jest.useRealTimers());

  it('is quiet at once when no answer is in progress', async () => {
    expect(await settled(new AnswersInProgress().quiet(1000))).toBe(true);
  });

  it('is quiet once every answer in progress has ended', async () => {
    const answers = new AnswersInProgress();
    const endFirst = answers.begin();
    const endSecond = answers.begin();
    const quiet = answers.quiet(60_000);
    endFirst();
    // Ending the same answer twice counts once.
    endFirst();
    expect(await settled(quiet)).toBe(false);
    endSecond();
    expect(await settled(quiet)).toBe(true);
  });

  it('waits no longer than asked', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const answers = new AnswersInProgress();
    answers.begin();
    const quiet = answers.quiet(250);
    jest.advanceTimersByTime(249);
    expect(await settled(quiet)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(quiet)).toBe(true);
  });
});
