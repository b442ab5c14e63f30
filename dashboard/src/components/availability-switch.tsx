import type { Agent } from '@livechat/shared/model';
import { useEffect, useId, useState } from 'preact/hooks';
import { authApi, errorMessage } from '../api/index.js';
import { useT } from '../i18n/i18n.js';

interface Props {
  agent: Agent;
  /** The server's answer, so the rest of the app sees the agent as stored. */
  onChanged: (agent: Agent) => void;
}

/** The signed-in agent's "Available" switch. It shows what the server stored, not what was clicked. */
export function AvailabilitySwitch({ agent, onChanged }: Props) {
  const [available, setAvailable] = useState(agent.available === true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const t = useT();

  // A welcome frame or another tab's change can arrive through the session.
  useEffect(() => setAvailable(agent.available === true), [agent.available]);

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const stored = await authApi.setAvailable(!available);
      setAvailable(stored.available === true);
      onChanged(stored);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="availability">
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={available}
        aria-busy={busy}
        aria-describedby={hintId}
        onClick={() => void toggle()}
      >
        <span class="switch__track" aria-hidden="true">
          <span class="switch__thumb" />
        </span>
        <span class="switch__label">{t('availability.label')}</span>
      </button>
      <p class="availability__hint" id={hintId}>
        {t('availability.hint')}
      </p>
      {error && (
        <p class="availability__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
