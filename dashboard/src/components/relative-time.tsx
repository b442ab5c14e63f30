import { formatClock, formatFull, formatRelative } from './format-time.js';
import { useNow } from './use-now.js';
import { useLocale } from '../i18n/i18n.js';

interface Props {
  ts: number;
  /** `relative` ("5m") for lists, `clock` ("14:05") for message times. */
  format?: 'relative' | 'clock';
  class?: string;
}

export function RelativeTime({ ts, format = 'relative', class: className }: Props) {
  const now = useNow();
  // Read so a change of language re-renders the label (the formatters read it from i18n/locale.ts).
  useLocale();
  const label = format === 'relative' ? formatRelative(ts, now) : formatClock(ts, now);
  return (
    <time class={className} dateTime={new Date(ts).toISOString()} title={formatFull(ts)}>
      {label}
    </time>
  );
}
