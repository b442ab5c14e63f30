import type { Agent } from '@livechat/shared/model';
import { AvatarForm } from './avatar-form.js';
import { NameForm } from './name-form.js';
import { PasswordForm } from './password-form.js';
import { LanguageForm } from './language-form.js';
import { useT } from '../../i18n/i18n.js';
import { formatDay } from '../../components/format-time.js';

interface Props {
  agent: Agent;
  /** The server answered with the agent as now stored: the app shows it at once (nav, "you"). */
  onAgentChanged: (agent: Agent) => void;
}

/** The signed-in agent's own name, dashboard language, picture and password. Open to every agent. */
export function ProfilePage({ agent, onAgentChanged }: Props) {
  const t = useT();
  return (
    <main class="page">
      <h1 class="page__title">{t('profile.title')}</h1>
      <p class="muted">{t.fn('profile.since')(formatDay(agent.createdAt))}</p>
      <NameForm agent={agent} onSaved={onAgentChanged} />
      <LanguageForm agent={agent} onSaved={onAgentChanged} />
      <AvatarForm agent={agent} onChanged={onAgentChanged} />
      <PasswordForm email={agent.email} />
    </main>
  );
}
