import type { Agent } from '@livechat/shared/model';
import { AvatarForm } from './avatar-form.js';
import { NameForm } from './name-form.js';
import { PasswordForm } from './password-form.js';

interface Props {
  agent: Agent;
  /** The server answered with the agent as now stored: the app shows it at once (nav, "you"). */
  onAgentChanged: (agent: Agent) => void;
}

/** The signed-in agent's own name, picture and password. Open to every agent. */
export function ProfilePage({ agent, onAgentChanged }: Props) {
  return (
    <main class="page">
      <h1 class="page__title">Profile</h1>
      <NameForm agent={agent} onSaved={onAgentChanged} />
      <AvatarForm agent={agent} onChanged={onAgentChanged} />
      <PasswordForm email={agent.email} />
    </main>
  );
}
