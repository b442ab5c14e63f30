import { useEffect } from 'preact/hooks';
import { addLeaveGuard } from '../../state/leave-guard.js';
import { parseRoute } from '../../state/route.js';

/** While `active`, leaving this conversation's view (another chat, another page) asks `question` first. */
export function useConversationLeaveGuard(active: boolean, conversationId: string, question: string): void {
  useEffect(() => {
    if (!active) return;
    return addLeaveGuard((nextHash) => {
      const next = parseRoute(nextHash);
      return next.page === 'inbox' && next.conversationId === conversationId ? null : question;
    });
  }, [active, conversationId, question]);
}
