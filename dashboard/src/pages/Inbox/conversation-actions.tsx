import type { AssigneeBody, Team } from '@livechat/shared/api';
import type { Conversation } from '@livechat/shared/model';
import type { Colleague } from '../../api/index.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { AssigneePicker } from './assignee-picker.js';
import { ClosingControls } from './closing-controls.js';
import { useAction } from './use-action.js';
import { MarkUnreadButton } from './receipts.js';

interface Props {
  conversation: Conversation | undefined;
  colleagues: readonly Colleague[];
  teams: readonly Pick<Team, 'id' | 'name'>[];
  /** Each resolves to the server's refusal (e.g. "Already taken by Bob."), or null when done. */
  onAssign: () => Promise<string | null>;
  onReassign: (target: AssigneeBody) => Promise<string | null>;
  /** Closes, sending the chosen closing message (null: none). */
  onClose: (closingMessageId: string | null) => Promise<string | null>;
  /** A closed conversation opens again (offered only where the site allows it). */
  onReopen: () => Promise<string | null>;
  /** Admins only (absent for others): deletes the conversation for good, after asking. */
  onDelete?: (() => Promise<string | null>) | undefined;
}

/** "Assign to me", the Assignee choice, "Close chat" and (admins) "Delete conversation", with refusals in words. */
export function ConversationActions({
  conversation: c,
  colleagues,
  teams,
  onAssign,
  onReassign,
  onClose,
  onReopen,
  onDelete,
}: Props) {
  const { busy, error, run } = useAction();
  const open = c?.status === 'open';
  return (
    <div class="assign-bar">
      {open && c.assigneeId === null && (
        <button
          type="button"
          class="button button--primary"
          disabled={busy}
          onClick={() => void run(onAssign)}
        >
          Assign to me
        </button>
      )}
      {c && (
        <AssigneePicker
          conversation={c}
          colleagues={colleagues}
          teams={teams}
          disabled={busy || !open}
          onChoose={(target) => void run(() => onReassign(target))}
        />
      )}
      {c && <ClosingControls conversation={c} busy={busy} run={run} onClose={onClose} onReopen={onReopen} />}
      {c && <MarkUnreadButton conversationId={c.id} />}
      {c && onDelete && (
        <ConfirmButton
          label="Delete conversation"
          title={`Delete conversation #${c.number}?`}
          confirmLabel="Delete"
          disabled={busy}
          onConfirm={onDelete}
        >
          This deletes the conversation with {c.visitorName} for good: every message, note and file in it, its
          details, leads and deals, and its text messages. It can't be undone.
        </ConfirmButton>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
