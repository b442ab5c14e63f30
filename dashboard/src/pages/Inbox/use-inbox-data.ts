import type { Team } from '@livechat/shared/api';
import type { SavedReply } from '@livechat/shared/model';
import { colleaguesApi, savedRepliesApi, teamsApi, type Colleague } from '../../api/index.js';
import { useEffect, useRef } from 'preact/hooks';
import { useLoad } from '../../components/use-load.js';

export interface InboxData {
  /** Every active agent, for the Assignee choices and filter. */
  colleagues: readonly Colleague[];
  /** Every team, for the Assignee choices (their queues) and filter. */
  teams: readonly Team[];
  /** Offered after "/" in the reply box. */
  replies: readonly SavedReply[];
}

const NONE: readonly never[] = [];

/**
 * What the inbox needs besides conversations, asked once while it is open. Empty until (or unless) it loads. Teams
 * are asked again when one of `teamIdsInView` (the open chat's team, the agent's teams) is not among them: a team
 * an admin made after the inbox loaded.
 */
export function useInboxData(teamIdsInView: readonly (string | null | undefined)[] = []): InboxData {
  const colleagues = useLoad(() => colleaguesApi.list(), []).state;
  const replies = useLoad(() => savedRepliesApi.list(), []).state;
  const teamsLoad = useLoad(() => teamsApi.list(), []);
  const teams = teamsLoad.state;
  const unknown = teamIdsInView
    .filter((id): id is string => !!id)
    .filter((id) => teams.status === 'ready' && !teams.data.some((t) => t.id === id))
    .sort()
    .join(' ');
  const askedFor = useRef('');
  useEffect(() => {
    // Once per set of unknown ids: a team deleted since stays unknown without asking in a loop.
    if (unknown === '' || unknown === askedFor.current) return;
    askedFor.current = unknown;
    teamsLoad.reload();
  }, [unknown]);
  return {
    colleagues: colleagues.status === 'ready' ? colleagues.data : NONE,
    teams: teams.status === 'ready' ? teams.data : NONE,
    replies: replies.status === 'ready' ? replies.data : NONE,
  };
}
