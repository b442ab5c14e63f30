import type { Conversation } from '@livechat/shared/model';
import type { Colleague } from '../../api/index.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import { useAction } from './use-action.js';

interface Props {
  conversation: Conversation | undefined;
  colleagues: readonly Colleague[];
  /** Each resolves to the server's refusal (e.g. "Already taken by Bob."), or null when done. */
  onAssign: () => Promise<string | null>;
  onReassign: (assigneeId: string | null) => Promise<string | null>;
  onClose: () => Promise<string | null>;
  /** Admins only (absent for others): deletes the conversation for good, after asking. */
  onDelete?: (() => Promise<string | null>) | undefined;
}

/** Unassigned, then every colleague; an assignee not among them (deactivated since) keeps a row of their own. */
export function assigneeOptions(
  colleagues: readonly Colleague[],
  assigneeId: string | null,
): SelectOption<string>[] {
  const options = [
    { value: '', label: 'Unassigned' },
    ...colleagues.map((c) => ({ value: c.id, label: c.name })),
  ];
  if (assigneeId && !colleagues.some((c) => c.id === assigneeId))
    options.push({ value: assigneeId, label: 'Another agent' });
  return options;
}

/** "Assign to me", the Assignee choice, "Close chat" and (admins) "Delete conversation", with refusals in words. */
export function ConversationActions({
  conversation: c,
  colleagues,
  onAssign,
  onReassign,
  onClose,
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
        <SelectField
          class="field--inline"
          label="Assignee"
          value={c.assigneeId ?? ''}
          options={assigneeOptions(colleagues, c.assigneeId)}
          disabled={busy || !open}
          onValue={(id) => void run(() => onReassign(id || null))}
        />
      )}
      {open && (
        <button type="button" class="button" disabled={busy} onClick={() => void run(onClose)}>
          Close chat
        </button>
      )}
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
