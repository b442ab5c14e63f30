// Agent availability: an agent is available while their "Available" switch is on AND at least one of their
// dashboard connections is alive, on any node. The gateway reports this node's connections; the switch is stored;
// other nodes' connections come from a shared registry (Redis) when the server runs as several nodes. When "anyone
// available" flips, a `presence.changed` event tells this node's widgets.
import type { Agent } from '@livechat/shared/model';
import { publicAgent } from './agents.js';
import type { EventBus } from './events.js';
import { notFound } from './errors.js';
import type { Store } from './store.js';

/** Which agents have a dashboard connected on any node: the shared part of presence. */
export interface ConnectedAgents {
  /** A dashboard of the agent connected to this node. */
  add(agentId: string): void;
  /** One of them closed. */
  remove(agentId: string): void;
  /** All of the agent's connections on this node are going (deactivated). */
  forget(agentId: string): void;
  /** Agents with a live connection on any node, this one's included. */
  anywhere(): Promise<ReadonlySet<string>>;
}

const isAvailable = (agent: Agent) => agent.active && agent.available === true;

export function createPresence(store: Store, events: EventBus, shared?: ConnectedAgents) {
  /** Live dashboard connections on this node per agent, with the agent as last known (switch, active). */
  const connected = new Map<string, { agent: Agent; connections: number }>();
  /** Agents available through a connection on another node only (their ids), as last read. */
  let elsewhere: ReadonlySet<string> = new Set();
  let online = false;
  /** The refresh running now, and whether another was asked for meanwhile. */
  let refreshing: Promise<void> | null = null;
  let again = false;

  function recompute(): void {
    const now = elsewhere.size > 0 || [...connected.values()].some((entry) => isAvailable(entry.agent));
    if (now === online) return;
    online = now;
    events.publish({ type: 'presence.changed', online });
  }

  /** Reads who is connected on other nodes and whether they are available (several nodes only). */
  async function readElsewhere(): Promise<void> {
    if (!shared) return;
    const ids = [...(await shared.anywhere())].filter((id) => !connected.has(id));
    const agents = await Promise.all(ids.map((id) => store.agents.byId(id)));
    elsewhere = new Set(agents.flatMap((a) => (a && isAvailable(publicAgent(a)) ? [a.id] : [])));
    recompute();
  }

  /** Refreshes what other nodes contribute; calls asked for while one runs share one more run after it. */
  function refresh(): Promise<void> {
    if (!shared) return Promise.resolve();
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        await readElsewhere();
      } while (again);
    })().finally(() => (refreshing = null));
    return refreshing;
  }

  // Deactivation or a switch flipped in another tab or on another node: follow the agent as they are now.
  events.subscribe((event) => {
    if (event.type === 'agent.revoked') {
      // Their sockets are being closed; they stop counting now, not when the close handshake ends.
      if (connected.delete(event.agentId)) {
        shared?.forget(event.agentId);
        recompute();
      }
      if (elsewhere.has(event.agentId)) void refresh();
    } else if (event.type === 'agent.updated') {
      const entry = connected.get(event.agent.id);
      if (entry) {
        entry.agent = event.agent;
        recompute();
      } else if (shared) void refresh();
    }
  });

  return {
    /** At least one agent is available now. */
    anyAvailable: (): boolean => online,

    /** Whether this agent counts as available now. */
    isAgentAvailable: (agentId: string): boolean => {
      const entry = connected.get(agentId);
      return (entry !== undefined && isAvailable(entry.agent)) || elsewhere.has(agentId);
    },

    connected(agent: Agent): void {
      const entry = connected.get(agent.id);
      if (entry) entry.connections++;
      else connected.set(agent.id, { agent, connections: 1 });
      shared?.add(agent.id);
      recompute();
    },

    disconnected(agentId: string): void {
      const entry = connected.get(agentId);
      if (!entry) return;
      if (--entry.connections === 0) connected.delete(agentId);
      shared?.remove(agentId);
      recompute();
      // They may still be connected on another node.
      if (!connected.has(agentId)) void refresh();
    },

    /** Connections on other nodes may have changed (a peer announced it, or its registry entry expired). */
    refresh,

    /** The agent's "Available" switch. */
    async setAvailable(agentId: string, available: boolean): Promise<Agent> {
      await store.agents.setAvailable(agentId, available);
      const agent = await store.agents.byId(agentId);
      if (!agent) throw notFound('Agent');
      const updated = publicAgent(agent);
      events.publish({ type: 'agent.updated', agent: updated });
      return updated;
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;
