/** Whether a promise settles within one turn of the event loop (it is not waiting for anything else). */
export async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise(resolve => setImmediate(resolve));
  return done;
}
