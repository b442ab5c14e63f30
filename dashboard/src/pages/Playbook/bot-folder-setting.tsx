import type { Site } from '@livechat/shared/model';
import { CheckboxField } from '../../components/checkbox-field.js';
import { useSiteSwitch } from '../../components/use-site-switch.js';

interface Props {
  site: Site;
  onSaved: (site: Site) => void;
}

/** Whether agents (not only admins) get the "Bot" folder of this site. Saved as soon as it is switched. */
export function BotFolderSetting({ site, onSaved }: Props) {
  const { on, busy, error, change } = useSiteSwitch(site, 'botFolderForAgents', onSaved);

  return (
    <section class="card" aria-labelledby="bot-folder-heading">
      <h2 id="bot-folder-heading" class="card__title">
        Bot chats
      </h2>
      <CheckboxField
        checked={on}
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
