// Agent availability: an agent is available while their "Available" switch is on AND at least one of their
// dashboard connections is alive. The gateway reports connections; the switch is stored. When "anyone
// available" flips, a `presence.changed` event tells the widgets.
import type { Agent } from '@livechat/shared/model';
import { publicAgent, type Store } from '../store/index.js';
import type { EventBus } from './events.js';
import { notFound } from './errors.js';

export function createPresence(store: Store, events: EventBus) {
  /** Live dashboard connections per agent, with the agent as last known (switch, active). */
  const connected = new Map<string, { agent: Agent; connections: number }>();
  let online = false;

  const isAvailable = (agent: Agent) => agent.active && agent.available === true;

  function recompute(): void {
    const now = [...connected.values()].some((entry) => isAvailable(entry.agent));
    if (now === online) return;
    online = now;
    events.publish({ type: 'presence.changed', online });
  }

  // Deactivation or a switch flipped in another tab: follow the agent as they are now.
  events.subscribe((event) => {
    if (event.type === 'agent.revoked') {
      // Their sockets are being closed; they stop counting now, not when the close handshake ends.
      if (connected.delete(event.agentId)) recompute();
    } else if (event.type === 'agent.updated') {
      const entry = connected.get(event.agent.id);
      if (!entry) return;
      entry.agent = event.agent;
      recompute();
    }
  });

  return {
    /** At least one agent is available now. */
    anyAvailable: (): boolean => online,

    /** Whether this agent counts as available now. */
    isAgentAvailable: (agentId: string): boolean => {
      const entry = connected.get(agentId);
      return entry !== undefined && isAvailable(entry.agent);
    },

    connected(agent: Agent): void {
      const entry = connected.get(agent.id);
      if (entry) entry.connections++;
      else connected.set(agent.id, { agent, connections: 1 });
      recompute();
    },

    disconnected(agentId: string): void {
      const entry = connected.get(agentId);
      if (!entry) return;
      if (--entry.connections === 0) connected.delete(agentId);
      recompute();
    },

    /** The agent's "Available" switch. */
    setAvailable(agentId: string, available: boolean): Agent {
      store.agents.setAvailable(agentId, available);
      const agent = store.agents.byId(agentId);
      if (!agent) throw notFound('Agent');
      const updated = publicAgent(agent);
      events.publish({ type: 'agent.updated', agent: updated });
      return updated;
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;
