import type { Site } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { sitesApi, errorMessage } from '../../api/index.js';
import { CheckboxField } from '../../components/checkbox-field.js';

interface Props {
  site: Site;
  onSaved: (site: Site) => void;
}

/** Whether agents (not only admins) get the "Bot" folder of this site. Saved as soon as it is switched. */
export function BotFolderSetting({ site, onSaved }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What was clicked, shown while it is being saved (the checkbox would otherwise jump back until the answer).
  const [shown, setShown] = useState<boolean | null>(null);

  const change = async (botFolderForAgents: boolean) => {
    setBusy(true);
    setShown(botFolderForAgents);
    setError(null);
    try {
      onSaved(await sitesApi.update(site.id, { botFolderForAgents }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setShown(null);
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="bot-folder-heading">
      <h2 id="bot-folder-heading" class="card__title">
        Bot chats
      </h2>
      <CheckboxField
        checked={shown ?? site.botFolderForAgents}
        disabled={busy}
        onValue={(checked) => void change(checked)}
        hint="Chats only the bot has handled, e.g. a visitor who left before reaching the team. Admins always see them."
      >
        Agents see the Bot folder
      </CheckboxField>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
