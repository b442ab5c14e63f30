import type { LeadData } from '@livechat/shared/model';
import { useEffect, useRef } from 'preact/hooks';
import { conversationsApi } from '../../api/index.js';
import { useLoad, type Loaded } from '../../components/use-load.js';

/** A burst of visitor messages (answers typed quickly) refetches once. */
export const LEAD_REFETCH_DELAY_MS = 600;

/**
 * The conversation's lead data: fetched at once, then again shortly after each new visitor message (it may be an
 * answer the bot saved). `lastVisitorSeq` counts only once the history is `ready`, so loading it refetches nothing.
 */
export function useLead(conversationId: string, lastVisitorSeq: number, ready: boolean): Loaded<LeadData> {
  const { state, reload } = useLoad(() => conversationsApi.lead(conversationId), [conversationId]);
  const seen = useRef<number | null>(null);

  useEffect(() => {
    if (!ready) return;
    const before = seen.current;
    seen.current = Math.max(before ?? 0, lastVisitorSeq);
    if (before === null || lastVisitorSeq <= before) return;
    const timer = setTimeout(reload, LEAD_REFETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ready, lastVisitorSeq, reload]);

  return state;
}
