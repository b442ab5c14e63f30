import type { Agent, SavedReply } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import type { SavedReplyInput } from '../../api/index.js';
import { AdminOnly } from '../../components/admin-only.js';
import { SavedReplyForm } from './saved-reply-form.js';
import { SavedReplyRow } from './saved-reply-row.js';
import { useSavedReplies } from './use-saved-replies.js';
import { errorMessage } from '../../api/index.js';

export function SavedRepliesPage({ agent }: { agent: Agent }) {
  return (
    <AdminOnly agent={agent} title="Saved replies" refusal="Only admins can manage saved replies.">
      <SavedRepliesAdmin />
    </AdminOnly>
  );
}

function SavedRepliesAdmin() {
  const { replies, loading, loadError, create, update, remove } = useSavedReplies();
  const [editing, setEditing] = useState<SavedReply | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const save = async (input: SavedReplyInput) => {
    setNotice(null);
    if (editing) await update(editing.id, input);
    else await create(input);
    setNotice(`${editing ? 'Saved' : 'Added'} /${input.shortcut}.`);
    setEditing(null);
  };

  const del = async (reply: SavedReply) => {
    setDeleting(reply.id);
    setRowError(null);
    setNotice(null);
    try {
      await remove(reply.id);
      if (editing?.id === reply.id) setEditing(null);
    } catch (err) {
      setRowError(`${reply.shortcut}: ${errorMessage(err)}`);
    } finally {
      setDeleting(null);
    }
  };

  const problem = loadError ?? rowError;
  return (
    <main class="page">
      <h1 class="page__title">Saved replies</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <SavedReplyForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
      <section class="card" aria-labelledby="saved-replies-title">
        <h2 class="card__title" id="saved-replies-title">
          Replies
        </h2>
        {problem && (
          <p class="form-error" role="alert">
            {problem}
          </p>
        )}
        {loading && <p class="empty">Loading…</p>}
        {!loading && !loadError && replies.length === 0 && (
          <p class="empty">No saved replies yet. Add the answers your team gives most often.</p>
        )}
        {replies.length > 0 && (
          <table class="table" aria-labelledby="saved-replies-title">
            <thead>
              <tr>
                <th scope="col">Shortcut</th>
                <th scope="col">Reply text</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {replies.map((r) => (
                <SavedReplyRow
                  key={r.id}
                  reply={r}
                  busy={deleting === r.id}
                  editing={editing?.id === r.id}
                  onEdit={() => {
                    setNotice(null);
                    setEditing(r);
                  }}
                  onDelete={() => void del(r)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
