import { RichTextView } from '@livechat/shared/rich-text/view';
import type { Strings } from '../i18n/strings.js';
import type { ChatSession } from '../state/chat-session.js';
import type { ChatMessage } from '../state/messages.js';
import { Attachments, LinkedRichText, LinkedText } from './media.js';

interface Props {
  t: Strings;
  message: ChatMessage;
  /** Show the author's name (the first of a run of messages by the same agent or bot). */
  showAuthor: boolean;
  session: ChatSession;
  /** The panel's language: times are written its way. */
  lang: string;
}

// Text is passed as children: preact sets it as a text node, so markup in a message is shown, never parsed. Only a
// message with a ':' or an '@' may hold a link: only those fetch the links chunk.
function Bubble({ t, message: m }: Pick<Props, 't' | 'message'>) {
  const c = m.content;
  const linked = /[:@]/.test(m.body);
  if (c?.type === 'rich' || c?.type === 'question')
    return (
      <div class="bubble">{linked ? <LinkedRichText text={c.text} /> : <RichTextView text={c.text} />}</div>
    );
  return (
    <p class="bubble">
      {c?.type === 'invalid_answer' ? t.invalid[c.input] : linked ? <LinkedText text={m.body} /> : m.body}
    </p>
  );
}

function eventText(t: Strings, { content: c, body }: ChatMessage): string {
  if (c?.type === 'agent_joined') return t.joined(c.agent.name);
  if (c?.type === 'agent_left') return t.left(c.agent.name);
  return c?.type === 'closed' ? t.closed : body;
}

export function MessageItem({ t, message: m, showAuthor, session, lang }: Props) {
  const c = m.content;
  // The wait is shown by the waiting indicator while it lasts.
  if (c?.type === 'waiting') return null;
  if (m.author.kind === 'system' || c?.type === 'agent_joined' || c?.type === 'agent_left')
    return <p class="event">{eventText(t, m)}</p>;
  const mine = m.author.kind === 'visitor';
  const files = m.attachments ?? [];
  const at = m.createdAt && new Date(m.createdAt);
  return (
    <div class={`msg ${mine ? 'mine' : 'theirs'} ${m.author.kind}`} tabIndex={0}>
      {showAuthor && <span class="author">{m.author.name}</span>}
      {files.length > 0 && <Attachments session={session} files={files} />}
      {(m.body || !files.length) && <Bubble t={t} message={m} />}
      {at && (
        <time class="state" dateTime={at.toISOString()}>
          {at.toLocaleTimeString(lang, { timeStyle: 'short' })}
        </time>
      )}
      {m.status === 'sending' && <span class="state">{t.sending}</span>}
      {m.status === 'failed' && m.clientId && (
        <span class="state failed">
          {t.notSent}{' '}
          <button type="button" onClick={() => session.retry(m.clientId!)}>
            {t.retry}
          </button>
        </span>
      )}
    </div>
  );
}
