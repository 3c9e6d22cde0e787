import { hasSettled } from '../__testUtils__/hasSettled';
import { AnswerGate } from './AnswerGate';

describe('AnswerGate', () => {
  afterEach(() => jest.useRealTimers());

  it('stays closed until opened', async () => {
    const gate = new AnswerGate();
    expect(await hasSettled(gate.opened)).toBe(false);
    gate.open();
    expect(await hasSettled(gate.opened)).toBe(true);
  });

  it('opens after the grace given by the first open', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const gate = new AnswerGate();
    gate.open(500);
    // A later open neither shortens nor lengthens the grace.
    gate.open(0);
    gate.open(10_000);
    jest.advanceTimersByTime(499);
    expect(await hasSettled(gate.opened)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await hasSettled(gate.opened)).toBe(true);
  });
});
