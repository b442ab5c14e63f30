import type { Agent, Role } from '@livechat/shared/model';
import type { UpdateAgentBody } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { Avatar } from '../../components/avatar.js';
import { AgentStatus } from './agent-status.js';

interface Props {
  agent: Agent;
  isSelf: boolean;
  onUpdate: (id: string, patch: UpdateAgentBody) => Promise<string | null>;
  /** Issues a fresh invite link (shown by the page); resolves to an error message, or null. */
  onReissueInvite: (id: string) => Promise<string | null>;
  onError: (message: string | null) => void;
}

export function AgentRow({ agent: a, isSelf, onUpdate, onReissueInvite, onError }: Props) {
  const [busy, setBusy] = useState(false);
  // An inactive agent gets no links; reactivating them offers one again.
  const invited = a.active && a.invited === true;

  /** Runs one change at a time; on failure undoes what the control already shows and reports the server's word. */
  const run = async (action: () => Promise<string | null>, revert?: () => void) => {
    setBusy(true);
    onError(null);
    const failure = await action();
    setBusy(false);
    if (failure) {
      revert?.();
      onError(`${a.name}: ${failure}`);
    }
  };
  const apply = (patch: UpdateAgentBody, revert?: () => void) => run(() => onUpdate(a.id, patch), revert);

  return (
    <tr class={a.active ? undefined : 'agents__row--inactive'}>
      <td>
        <span class="agents__name">
          <Avatar name={a.name} kind="agent" src={a.avatarUrl} />
          <span>
            {a.name}
            {isSelf && <span class="muted"> (you)</span>}
          </span>
        </span>
      </td>
      <td>{a.email}</td>
      <td>
        {/* Not named "Role": that name belongs to the add form's field. */}
        <select
          class="input input--compact"
          aria-label={`Access level of ${a.name}`}
          value={a.role}
          disabled={busy}
          onChange={(e) => {
            const select = e.currentTarget;
            // On failure put the select back, since the agent's role did not change.
            void apply({ role: select.value as Role }, () => (select.value = a.role));
          }}
        >
          <option value="agent">Agent</option>
          <option value="admin">Admin</option>
        </select>
      </td>
      <td>
        <AgentStatus active={a.active} invited={invited} />
      </td>
      <td class="agents__actions">
        {invited && (
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            onClick={() => void run(() => onReissueInvite(a.id))}
          >
            New invite link
          </button>
        )}
        <button
          type="button"
          class="button button--small"
          disabled={busy}
          onClick={() => void apply({ active: !a.active })}
        >
          {a.active ? 'Deactivate' : 'Reactivate'}
        </button>
      </td>
    </tr>
  );
}
