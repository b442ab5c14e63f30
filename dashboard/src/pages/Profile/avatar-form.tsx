import type { Agent } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { profileApi, errorMessage } from '../../api/index.js';
import { Avatar } from '../../components/avatar.js';
import { Field } from '../../components/field.js';
import { checkAvatar } from './check-avatar.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  agent: Agent;
  onChanged: (agent: Agent) => void;
}

/** The agent's picture: uploaded as soon as it is chosen, shown beside their name in the dashboard. */
export function AvatarForm({ agent, onChanged }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<Agent>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const choose = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it, or after a removal) is a change again.
    input.value = '';
    if (!file) return;
    const problem = checkAvatar(file);
    if (problem) {
      setError(problem);
      return;
    }
    void run(() => profileApi.setAvatar(file));
  };

  return (
    <section class="card profile-avatar" aria-labelledby="profile-avatar-title">
      <h2 class="card__title" id="profile-avatar-title">
        {t('profile.pictureTitle')}
      </h2>
      <div class="profile-avatar__row">
        <Avatar name={agent.name} kind="agent" src={agent.avatarUrl} large />
        <Field label={t('profile.avatar')} hint={t('profile.avatarHint')} error={error}>
          {(control) => (
            <input
              class="input"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              disabled={busy}
              {...control}
              onChange={(e) => choose(e.currentTarget)}
            />
          )}
        </Field>
      </div>
      {agent.avatarUrl && (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => void run(() => profileApi.removeAvatar())}
        >
          {t('profile.removeAvatar')}
        </button>
      )}
    </section>
  );
}
