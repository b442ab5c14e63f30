// Who is connected, and the fan-out of domain events to the sockets allowed to see them.
import type { Agent } from '@livechat/shared/model';
import { CloseCode } from '@livechat/shared/protocol/constants';
import type { Domain, DomainEvent } from '../domain/index.js';
import type { AgentServerFrame, VisitorServerFrame } from '@livechat/shared/protocol';
import { encodeFrame, type Connection } from './connection.js';

/** Each channel's sockets take only that channel's frames (a compile error otherwise). */
type VisitorConnection = Connection<VisitorServerFrame>;
type AgentConnection = Connection<AgentServerFrame>;

const LIVENESS_INTERVAL_MS = 30_000;

export function createHub(domain: Domain, agentTimeoutMs: number) {
  const visitors = new Map<string, Set<VisitorConnection>>();
  /**
   * Each dashboard socket: the agent as they are now, and the session (token hash) it was opened with, so ending a
   * session closes exactly its sockets.
   */
  const agents = new Map<AgentConnection, { agent: Agent; sessionHash: string }>();

  const add = <K>(map: Map<K, Set<VisitorConnection>>, key: K, conn: VisitorConnection) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(conn);
    conn.socket.on('close', () => {
      set.delete(conn);
      if (set.size === 0) map.delete(key);
    });
  };

  const onEvent = (event: DomainEvent) => {
    switch (event.type) {
      // Each frame is serialized once, however many sockets receive it.
      case 'message.created': {
        // Not to the connection that sent it: its ack carries the message. Other tabs of the same person get it.
        const frame = encodeFrame({ type: 'message.created', message: event.message });
        const echo = (conn: Connection) => !conn.isAwaitingAck(event.message.clientId);
        for (const conn of visitors.get(event.conversation.visitorId) ?? [])
          if (echo(conn)) conn.sendEncoded(frame);
        const sees = domain.whoCanSee(event.conversation);
        for (const [conn, { agent }] of agents) if (sees(agent) && echo(conn)) conn.sendEncoded(frame);
        break;
      }
      case 'conversation.updated': {
        const frame = encodeFrame({ type: 'conversation.updated', conversation: event.conversation });
        const removed = encodeFrame({ type: 'conversation.removed', conversationId: event.conversation.id });
        const sees = domain.whoCanSee(event.conversation);
        const saw = event.before ? domain.whoCanSee(event.before) : () => false;
        for (const [conn, { agent }] of agents) {
          if (sees(agent)) conn.sendEncoded(frame);
          // Reassigned to a colleague: it leaves this agent's lists (and open view) at once.
          else if (saw(agent)) conn.sendEncoded(removed);
        }
        break;
      }
      case 'activity.created': {
        const frame = encodeFrame({ type: 'activity.created', activity: event.activity });
        const sees = domain.whoCanSee(event.conversation);
        for (const [conn, { agent }] of agents) if (sees(agent)) conn.sendEncoded(frame);
        break;
      }
      case 'presence.changed': {
        const frame = encodeFrame({ type: 'presence', online: event.online });
        for (const set of visitors.values()) for (const conn of set) conn.sendEncoded(frame);
        break;
      }
      case 'agent.updated':
        for (const entry of agents.values()) if (entry.agent.id === event.agent.id) entry.agent = event.agent;
        break;
      case 'agent.revoked':
        for (const [conn, { agent }] of agents)
          if (agent.id === event.agentId) conn.close(CloseCode.SessionRevoked, 'session revoked');
        break;
      case 'sessions.ended':
        for (const [conn, { agent, sessionHash: hash }] of agents) {
          if (agent.id !== event.agentId || hash === event.exceptHash) continue;
          if (event.sessionHashes && !event.sessionHashes.includes(hash)) continue;
          conn.close(CloseCode.SessionRevoked, 'session ended');
        }
        break;
    }
  };
  const unsubscribe = domain.events.subscribe(onEvent);

  const connections = (): Connection[] => [
    ...agents.keys(),
    ...[...visitors.values()].flatMap((s) => [...s]),
  ];

  // Protocol-level pings find sockets whose peer vanished without a close (phone lost signal).
  const liveness = setInterval(() => {
    for (const conn of connections()) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }, LIVENESS_INTERVAL_MS);
  liveness.unref();

  // Dashboards are checked more often: an agent whose browser vanished must stop counting as available quickly.
  const agentLiveness = setInterval(
    () => {
      const cutoff = Date.now() - agentTimeoutMs;
      for (const conn of agents.keys()) {
        if (conn.lastSeen < cutoff) conn.socket.terminate();
        else conn.socket.ping();
      }
    },
    Math.max(10, Math.floor(agentTimeoutMs / 4)),
  );
  agentLiveness.unref();

  return {
    addVisitor: (visitorId: string, conn: VisitorConnection) => add(visitors, visitorId, conn),
    addAgent(agent: Agent, sessionHash: string, conn: AgentConnection) {
      agents.set(conn, { agent, sessionHash });
      domain.presence.connected(agent);
      conn.socket.on('close', () => {
        agents.delete(conn);
        domain.presence.disconnected(agent.id);
      });
    },
    /** Every live connection, for shutdown. */
    connections,
    stop() {
      clearInterval(liveness);
      clearInterval(agentLiveness);
      unsubscribe();
    },
  };
}
export type Hub = ReturnType<typeof createHub>;
