import { RelativeTime } from '../../components/relative-time.js';

/** "Closed 14:02" (or "Closed Mar 4 14:02" on another day). */
export function ClosedAt({ ts, class: className }: { ts: number; class?: string }) {
  return (
    <span class={className}>
      Closed <RelativeTime ts={ts} format="clock" />
    </span>
  );
}
