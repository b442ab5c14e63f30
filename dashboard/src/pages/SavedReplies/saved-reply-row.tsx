import type { SavedReply } from '@livechat/shared/model';

interface Props {
  reply: SavedReply;
  busy: boolean;
  editing: boolean;
  /** The agent's own, or the team's for an admin: Edit and Delete. */
  canChange: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

export function SavedReplyRow({ reply, busy, editing, canChange, onEdit, onDelete }: Props) {
  return (
    <tr aria-current={editing ? 'true' : undefined}>
      <td>
        <code>{reply.shortcut}</code>
      </td>
      <td class="pre-wrap">{reply.body}</td>
      <td class="table__actions">
        {canChange && (
          <>
            <button type="button" class="button button--small" disabled={busy} onClick={onEdit}>
              Edit
            </button>
            <button type="button" class="button button--small" disabled={busy} onClick={onDelete}>
              Delete<span class="visually-hidden"> {reply.shortcut}</span>
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
