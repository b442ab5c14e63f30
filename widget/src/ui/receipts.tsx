// Typing and seen receipts in the panel, a chunk of its own (widget-receipts.js) loaded when the first typing or
// seen event arrives, or when the site shares typing previews (its note tells the visitor): "Ann is typing…",
// "Seen" under the visitor's latest message once the team has read it, and that note.
import type { Locale } from '@livechat/shared/model';
import { RECEIPT_STRINGS } from '../i18n/receipt-strings.js';
import type { SessionState } from '../state/chat-session.js';
import type { ChatMessage, ConfirmedMessage } from '../state/messages.js';

export interface ReceiptsProps {
  state: SessionState;
  messages: ChatMessage[];
  lang: Locale;
}

const small = 'margin:2px 12px;font-size:12px;opacity:.75';

export function Receipts({ state, messages, lang }: ReceiptsProps) {
  const s = RECEIPT_STRINGS[lang];
  const last = messages[messages.length - 1] as ConfirmedMessage | undefined;
  const seen =
    last?.author.kind === 'visitor' &&
    last.seq !== null &&
    last.seq <= (state.read?.[last.conversationId] ?? 0);
  return (
    // A polite live region, not role=status: the waiting indicator is the panel's one status.
    <div aria-live="polite">
      {seen && <p style={`${small};text-align:end`}>{s.seen}</p>}
      {state.typing && <p style={small}>{s.typing(state.typing)}</p>}
      {state.site?.typingPreview && <p style={small}>{s.preview}</p>}
    </div>
  );
}
