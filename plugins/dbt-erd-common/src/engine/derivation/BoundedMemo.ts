/**
 * Values by key, made on first need, at most `capacity` of them: the oldest
 * is forgotten first. For results keyed by a caller's option (an `algo`
 * rule, a name format), which are few in practice but unbounded in
 * principle.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string, make: () => V): V {
    if (this.values.has(key)) return this.values.get(key)!;
    const value = make();
    if (this.values.size >= this.capacity) {
      this.values.delete(this.values.keys().next().value!);
    }
    this.values.set(key, value);
    return value;
  }
}
