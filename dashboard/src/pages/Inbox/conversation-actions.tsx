import type { Conversation } from '@livechat/shared/model';
import type { Colleague } from '../../api/index.js';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import { useAction } from './use-action.js';

interface Props {
  conversation: Conversation | undefined;
  colleagues: readonly Colleague[];
  /** Each resolves to the server's refusal (e.g. "Already taken by Bob."), or null when done. */
  onAssign: () => Promise<string | null>;
  onReassign: (assigneeId: string | null) => Promise<string | null>;
  onClose: () => Promise<string | null>;
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

/** "Assign to me", the Assignee choice and "Close chat", with the server's refusal of any of them. */
export function ConversationActions({ conversation: c, colleagues, onAssign, onReassign, onClose }: Props) {
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
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
