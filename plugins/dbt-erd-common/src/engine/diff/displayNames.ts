/**
 * Short table names for people: the dbt name without resource type and
 * package (`model.shop.orders` → `orders`, `model.shop.orders.v2` →
 * `orders.v2`), or the whole id when two tables would share a short name.
 */
export function displayNames(ids: Iterable<string>): (id: string) => string {
  const shortOf = (id: string) => {
    const parts = id.split('.');
    return parts.length > 2 ? parts.slice(2).join('.') : id;
  };
  const idsByShort = new Map<string, Set<string>>();
  for (const id of ids) {
    const short = shortOf(id);
    const owners = idsByShort.get(short) ?? new Set<string>();
    owners.add(id);
    idsByShort.set(short, owners);
  }
  return id => {
    const short = shortOf(id);
    return (idsByShort.get(short)?.size ?? 0) > 1 ? id : short;
  };
}
