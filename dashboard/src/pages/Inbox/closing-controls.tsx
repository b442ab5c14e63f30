// "Close chat" with the site's closing messages (the chosen one is sent to the contact as the last message), and
// "Reopen" on a closed conversation where the site allows it. The choices come with the conversation's close options.
import type { Conversation } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { conversationsApi } from '../../api/index.js';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import { useLoad } from '../../components/use-load.js';
import './closing-controls.css';

interface Props {
  conversation: Conversation;
  busy: boolean;
  /** Runs the action one at a time and shows its refusal (see useAction). */
  run: (action: () => Promise<string | null>) => Promise<boolean>;
  /** Closes, sending the closing message with this id (null: none). */
  onClose: (closingMessageId: string | null) => Promise<string | null>;
  onReopen: () => Promise<string | null>;
}

const NONE = '';

export function ClosingControls({ conversation: c, busy, run, onClose, onReopen }: Props) {
  // Read once per conversation: the closing messages do not change while it is on screen, nor does the setting.
  const options = useLoad(() => conversationsApi.closeOptions(c.id), [c.id]);
  const [chosen, setChosen] = useState(NONE);
  const ready = options.state.status === 'ready' ? options.state.data : null;

  if (c.status === 'closed')
    return ready?.reopenAllowed ? (
      <button type="button" class="button" disabled={busy} onClick={() => void run(onReopen)}>
        Reopen
      </button>
    ) : null;

  const messages = ready?.closingMessages ?? [];
  const choices: SelectOption<string>[] = [
    { value: NONE, label: 'None' },
    ...messages.map((m) => ({ value: m.id, label: m.text })),
  ];
  const close = async () => {
    if (await run(() => onClose(chosen || null))) setChosen(NONE);
  };
  return (
    <>
      <SelectField
        class="field--inline closing-message"
        label="Closing message"
        value={messages.some((m) => m.id === chosen) ? chosen : NONE}
        options={choices}
        disabled={busy}
        onValue={setChosen}
      />
      <button type="button" class="button" disabled={busy} onClick={() => void close()}>
        Close chat
      </button>
    </>
  );
}
