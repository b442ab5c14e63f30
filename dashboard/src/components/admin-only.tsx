import type { ComponentChildren } from 'preact';
import type { Agent } from '@livechat/shared/model';

interface Props {
  agent: Agent;
  title: string;
  /** What an agent without the admin role reads instead. */
  refusal: string;
  /** Not mounted for other agents, so nothing in it asks the server for admin data. */
  children: ComponentChildren;
}

export function AdminOnly({ agent, title, refusal, children }: Props) {
  if (agent.role === 'admin') return <>{children}</>;
  return (
    <main class="page">
      <h1 class="page__title">{title}</h1>
      <p class="empty">{refusal}</p>
    </main>
  );
}
