/**
 * Inserts `item` into a list kept in seq order, each seq at most once. Returns the very same list when the seq is
 * already held, so callers can tell a duplicate (replay, echo, ack) and skip a re-render. Appends are the usual case.
 */
export function insertBySeq<T extends { seq: number }>(list: readonly T[], item: T): readonly T[] {
  const last = list[list.length - 1];
  if (!last || last.seq < item.seq) return [...list, item];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.seq < item.seq) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo]?.seq === item.seq) return list;
  return [...list.slice(0, lo), item, ...list.slice(lo)];
}
