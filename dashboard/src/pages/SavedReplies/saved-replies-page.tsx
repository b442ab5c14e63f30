import type { Agent, SavedReply } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import type { SavedReplyInput } from '../../api/index.js';
import { SavedReplyForm } from './saved-reply-form.js';
import { SavedReplyRow } from './saved-reply-row.js';
import { useSavedReplies } from './use-saved-replies.js';
import { errorMessage } from '../../api/index.js';

/**
 * The team's saved replies (admins manage them; agents read them) and the agent's own ("My replies"), which nobody
 * else sees. Every agent may add their own.
 */
export function SavedRepliesPage({ agent }: { agent: Agent }) {
  const admin = agent.role === 'admin';
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

  const group = (personal: boolean) => {
    const shown = replies.filter((r) => r.personal === personal);
    const titleId = personal ? 'my-replies-title' : 'team-replies-title';
    const empty = personal
      ? 'No replies of your own yet. Only you see the ones you add.'
      : admin
        ? 'No saved replies yet. Add the answers your team gives most often.'
        : 'No team replies yet. Admins add them.';
    return (
      <section class="card" aria-labelledby={titleId}>
        <h2 class="card__title" id={titleId}>
          {personal ? 'My replies' : 'Team replies'}
        </h2>
        {loading && <p class="empty">Loading…</p>}
        {!loading && !loadError && shown.length === 0 && <p class="empty">{empty}</p>}
        {shown.length > 0 && (
          <table class="table" aria-labelledby={titleId}>
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
              {shown.map((r) => (
                <SavedReplyRow
                  key={r.id}
                  reply={r}
                  busy={deleting === r.id}
                  editing={editing?.id === r.id}
                  canChange={personal || admin}
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
    );
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
        canShare={admin}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {group(false)}
      {group(true)}
    </main>
  );
}
