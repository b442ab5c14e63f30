import type { SavedReply } from '@livechat/shared/model';
import { colleaguesApi, savedRepliesApi, type Colleague } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';

export interface InboxData {
  /** Every active agent, for the Assignee choices and filter. */
  colleagues: readonly Colleague[];
  /** Offered after "/" in the reply box. */
  replies: readonly SavedReply[];
}

const NONE: readonly never[] = [];

/** What the inbox needs besides conversations, asked once while it is open. Empty until (or unless) it loads. */
export function useInboxData(): InboxData {
  const colleagues = useLoad(() => colleaguesApi.list(), []).state;
  const replies = useLoad(() => savedRepliesApi.list(), []).state;
  return {
    colleagues: colleagues.status === 'ready' ? colleagues.data : NONE,
    replies: replies.status === 'ready' ? replies.data : NONE,
  };
}
