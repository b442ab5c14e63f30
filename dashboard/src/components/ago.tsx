import { formatRelative } from './format-time.js';
import { RelativeTime } from './relative-time.js';
import { useNow } from './use-now.js';
import { useT } from '../i18n/i18n.js';

/** "5m ago", "now", or a date: the relative time with "ago" where it reads as an age. */
export function Ago({ ts }: { ts: number }) {
  const t = useT();
  const age = formatRelative(ts, useNow());
  return (
    <>
      <RelativeTime ts={ts} />
      {/^\d/.test(age) ? t('time.ago') : ''}
    </>
  );
}
