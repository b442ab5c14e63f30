import type { Attachment, Channel, SavedReply } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { NoteBox } from './note-box.js';
import { ReplyBox } from './reply-box.js';
import { OPTED_OUT_NOTICE } from '../Contacts/opted-out.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  conversationId: string;
  closed: boolean;
  draft: string;
  onDraft: (text: string) => void;
  onSend: (text: string, attachments: readonly Attachment[]) => boolean;
  onNote: (body: string) => Promise<string | null>;
  replies: readonly SavedReply[];
  /** Fills {{agent.name}} in saved replies. */
  agentName: string;
  /** SMS replies show their length in characters and segments, and the provider's limit. */
  channel?: Channel | undefined;
  /** The SMS contact texted STOP: said above the reply box (the server refuses what is sent anyway). */
  smsOptedOut?: boolean;
}

type Mode = 'reply' | 'note';

/** Below the timeline: a reply to the visitor, or an internal note for the team (notes also on closed ones). */
export function Composer(props: Props) {
  const { conversationId, closed, draft, onDraft, onSend, onNote, replies, agentName, channel, smsOptedOut } =
    props;
  const [mode, setMode] = useState<Mode>('reply');
  const t = useT();
  const modeButton = (m: Mode, label: string) => (
    <button
      type="button"
      class={`composer__mode composer__mode--${m}`}
      aria-pressed={mode === m}
      onClick={() => setMode(m)}
    >
      {label}
    </button>
  );
  return (
    <div class={`composer composer--${mode}`}>
      {closed && <p class="composer__closed">{t('composer.closed')}</p>}
      {!closed && channel === 'sms' && smsOptedOut && <p class="composer__closed">{OPTED_OUT_NOTICE}</p>}
      <div class="composer__modes" role="group" aria-label={t('composer.write')}>
        {modeButton('reply', t('composer.reply'))}
        {modeButton('note', t('composer.note'))}
      </div>
      {mode === 'note' && <NoteBox onNote={onNote} />}
      {mode === 'reply' && !closed && (
        <ReplyBox
          conversationId={conversationId}
          initial={draft}
          onDraft={onDraft}
          onSend={onSend}
          replies={replies}
          agentName={agentName}
          sms={channel === 'sms'}
        />
      )}
    </div>
  );
}
