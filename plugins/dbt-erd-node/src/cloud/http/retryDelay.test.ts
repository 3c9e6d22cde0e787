import { backoffDelay, parseRetryAfter } from './retryDelay';

describe('backoffDelay', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };

  it('doubles per retry, with half of it random', () => {
    expect(backoffDelay(1, { ...policy, random: () => 0 })).toBe(50);
    expect(backoffDelay(1, { ...policy, random: () => 1 })).toBe(100);
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(200);
    expect(backoffDelay(3, { ...policy, random: () => 1 })).toBe(400);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(20, { ...policy, random: () => 1 })).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(['3'], now)).toBe(3000);
  });

  it('reads an HTTP date, and a past date means now', () => {
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or garbled values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
