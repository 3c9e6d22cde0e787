import { renderHook } from '@testing-library/react';
import { useRecentMemo } from './useRecentMemo';

describe('useRecentMemo', () => {
  it('keeps the whole view used between two focuses, and computes each input once', () => {
    const factory = jest.fn((key: string) => ({ key }));
    const { result, rerender } = renderHook(
      ({ key }: { key: string }) => useRecentMemo(() => factory(key), [key]),
      { initialProps: { key: 'whole' } },
    );
    const whole = result.current;
    rerender({ key: 'focus a' });
    rerender({ key: 'whole' });
    expect(result.current).toBe(whole);
    rerender({ key: 'focus b' });
    rerender({ key: 'whole' });
    expect(result.current).toBe(whole);
    expect(factory.mock.calls.map(([key]) => key)).toEqual([
      'whole',
      'focus a',
      'focus b',
    ]);
    // Only two are kept: the least recently used one is computed again.
    rerender({ key: 'focus a' });
    expect(factory).toHaveBeenCalledTimes(4);
  });

  it('does not let a step waiting for its input push out the whole view', () => {
    const factory = jest.fn((key: string) =>
      key.endsWith('pending') ? undefined : { key },
    );
    const { result, rerender } = renderHook(
      ({ key }: { key: string }) => useRecentMemo(() => factory(key), [key]),
      { initialProps: { key: 'whole' } },
    );
    const whole = result.current;
    // A focus laid out in the worker: first nothing, then its layout.
    rerender({ key: 'focus pending' });
    expect(result.current).toBeUndefined();
    rerender({ key: 'focus' });
    rerender({ key: 'whole' });
    expect(result.current).toBe(whole);
    expect(factory.mock.calls.filter(([key]) => key === 'whole')).toHaveLength(
      1,
    );
  });
});
