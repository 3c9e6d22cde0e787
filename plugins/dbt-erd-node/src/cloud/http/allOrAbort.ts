/**
 * Runs tasks in parallel like Promise.all, but when one fails the others are
 * aborted through their signal instead of downloading on for nothing.
 */
export async function allOrAbort<T extends unknown[]>(
  signal: AbortSignal | undefined,
  ...tasks: { [K in keyof T]: (signal: AbortSignal) => Promise<T[K]> }
): Promise<T> {
  const group = new AbortController();
  const linked = signal
    ? AbortSignal.any([signal, group.signal])
    : group.signal;
  return (await Promise.all(
    tasks.map(task =>
      task(linked).catch(error => {
        group.abort(error);
        throw error;
      }),
    ),
  )) as T;
}
