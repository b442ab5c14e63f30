import type { Agent, Role } from '@livechat/shared/model';
import type { UpdateAgentBody } from '@livechat/shared/api';
import { useState } from 'preact/hooks';

interface Props {
  agent: Agent;
  isSelf: boolean;
  onUpdate: (id: string, patch: UpdateAgentBody) => Promise<string | null>;
  onError: (message: string | null) => void;
}

export function AgentRow({ agent: a, isSelf, onUpdate, onError }: Props) {
  const [busy, setBusy] = useState(false);

  const apply = async (patch: UpdateAgentBody, revert?: () => void) => {
    setBusy(true);
    onError(null);
    const failure = await onUpdate(a.id, patch);
    setBusy(false);
    if (failure) {
      revert?.();
      onError(`${a.name}: ${failure}`);
    }
  };

  return (
    <tr class={a.active ? undefined : 'agents__row--inactive'}>
      <td>
        {a.name}
        {isSelf && <span class="muted"> (you)</span>}
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
        <span class={`badge ${a.active ? 'badge--open' : 'badge--closed'}`}>
          {a.active ? 'Active' : 'Inactive'}
        </span>
      </td>
      <td class="agents__actions">
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
