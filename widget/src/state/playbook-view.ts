// What the playbook's messages mean for the panel right now: the question waiting for its answer, the wait for an
// agent, who the visitor is talking to. Pure functions over the displayed list (oldest first).
import type { MessageContent } from '@livechat/shared/model';
import type { WidgetSite } from '@livechat/shared/protocol';
import { isSafeImageSrc } from '@livechat/shared/rich-text';
import type { ChatMessage } from './messages.js';

export type QuestionContent = Extract<MessageContent, { type: 'question' }>;

/**
 * The newest question while it is unanswered. The server takes the visitor's next message as the answer, so any
 * visitor message after it (sent or still sending) answers it, unless the server refused it (`invalid_answer`).
 * Once an agent has joined, or the conversation was closed, the playbook no longer asks.
 */
export function pendingQuestion(messages: readonly ChatMessage[]): QuestionContent | null {
  let refused = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    const type = m.content?.type;
    if (type === 'question') return m.content as QuestionContent;
    if (type === 'agent_joined' || type === 'closed') return null;
    if (type === 'invalid_answer') refused = true;
    else if (m.author.kind === 'visitor' && !refused) return null;
  }
  return null;
}

/** When the wait for an agent ends (server clock), while the newest message not from the visitor is the wait. */
export function waitingUntil(messages: readonly ChatMessage[]): number | null {
  const content = messages.findLast((m) => m.author.kind !== 'visitor')?.content;
  return content?.type === 'waiting' ? content.until : null;
}

/** Where the conversation stands, from the newest event that says so. */
export interface Situation {
  /** The agent in the chat (they joined or wrote, and have not left since). */
  agent?: string;
  /** The bot said the team is away (its offline message) and nobody joined since. */
  away?: boolean;
}

/** Across conversations: a closed one ends everything before it, and the next starts fresh. */
export function situation(messages: readonly ChatMessage[]): Situation {
  for (let i = messages.length; i--;) {
    const m = messages[i]!;
    const c = m.content;
    if (c?.type === 'agent_joined') return { agent: c.agent.name };
    if (m.author.kind === 'agent') return { agent: m.author.name };
    if (c?.type === 'agent_left' || c?.type === 'closed') break;
    if (c?.type === 'rich' && c.away) return { away: true };
  }
  return {};
}

export interface Speaker {
  name: string;
  /** https only; null shows initials. */
  avatarUrl: string | null;
}

/** Who the header shows: the agent in the chat, else the site's bot, else `fallback` (older servers). */
export function speaker(now: Situation, site: WidgetSite | undefined, fallback: string): Speaker {
  if (now.agent) return { name: now.agent, avatarUrl: null };
  const url = site?.botAvatarUrl;
  return { name: site?.botName || fallback, avatarUrl: url && isSafeImageSrc(url) ? url : null };
}

/** Up to two initials: "Ada Lovelace" -> "AL". */
export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');
