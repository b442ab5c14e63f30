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
  /** Dashboard sockets counted for presence (from their welcome; `agents` holds them once live). */
  const present = new Set<AgentConnection>();

  const add = <K>(map: Map<K, Set<VisitorConnection>>, key: K, conn: VisitorConnection) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(conn);
    conn.socket.on('close', () => {
      set.delete(conn);
      if (set.size === 0) map.delete(key);
    });
  };

  /** Agents' events delivered so far: each waits for the one published before it. */
  let agentsDelivered: Promise<void> = Promise.resolve();

  /**
   * Sends an event to the dashboards connected now (as the agents are now) once `decide` (who may see it: a store
   * read) resolved and the events published before it were sent, so each socket gets them in publish order. When the
   * read fails, those sockets are closed: they missed an event, and they resume from the database.
   */
  const toAgents = <T>(
    decide: () => Promise<T>,
    deliver: (conn: AgentConnection, agent: Agent, decided: T) => void,
    include: (conn: AgentConnection) => boolean = () => true,
  ) => {
    // As they are now: a later agent.updated applies to later events.
    const recipients = [...agents]
      .filter(([conn]) => include(conn))
      .map(([conn, { agent }]) => ({ conn, agent }));
    if (recipients.length === 0) return;
    const log = recipients[0]!.conn.log;
    // Asked now, and settled at once: it may fail while the events ahead of it are still on their way.
    const decided = decide().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    agentsDelivered = agentsDelivered
      .then(() => decided)
      .then((outcome) => {
        if ('value' in outcome) {
          for (const { conn, agent } of recipients) deliver(conn, agent, outcome.value);
          return;
        }
        log.error({ err: outcome.error }, 'event fan-out failed; closing the sockets that missed it');
        for (const { conn } of recipients) conn.close(CloseCode.Internal, 'missed an event');
      })
      .catch((err: unknown) => log.error({ err }, 'event fan-out failed'));
  };

  const onEvent = (event: DomainEvent) => {
    switch (event.type) {
      // Each frame is serialized once, however many sockets receive it.
      case 'message.created': {
        // Not to the connection that sent it: its ack carries the message. Other tabs of the same person get it.
        // Decided now, as the ack may leave before the event does.
        const { message, conversation } = event;
        const frame = encodeFrame({ type: 'message.created', message });
        const echo = (conn: Connection) => !conn.isAwaitingAck(message.clientId);
        for (const conn of visitors.get(conversation.visitorId) ?? [])
          if (echo(conn)) conn.sendLive(frame, message);
        toAgents(
          () => domain.whoCanSee(conversation),
          (conn, agent, sees) => {
            if (sees(agent)) conn.sendLive(frame, message);
          },
          echo,
        );
        break;
      }
      case 'message.updated': {
        // Agents only: visitors on the web see no deliveries (SMS contacts have no socket).
        const frame = encodeFrame({ type: 'message.updated', message: event.message });
        toAgents(
          () => domain.whoCanSee(event.conversation),
          (conn, agent, sees) => {
            if (sees(agent)) conn.sendLive(frame);
          },
        );
        break;
      }
      case 'conversation.updated': {
        const { conversation, before } = event;
        const frame = encodeFrame({ type: 'conversation.updated', conversation });
        const removed = encodeFrame({ type: 'conversation.removed', conversationId: conversation.id });
        toAgents(
          () => Promise.all([domain.whoCanSee(conversation), before && domain.whoCanSee(before)]),
          (conn, agent, [sees, saw]) => {
            if (sees(agent)) conn.sendLive(frame);
            // Reassigned to a colleague: it leaves this agent's lists (and open view) at once.
            else if (saw?.(agent)) conn.sendLive(removed);
          },
        );
        break;
      }
      case 'activity.created': {
        const frame = encodeFrame({ type: 'activity.created', activity: event.activity });
        toAgents(
          () => domain.whoCanSee(event.conversation),
          (conn, agent, sees) => {
            if (sees(agent)) conn.sendLive(frame);
          },
        );
        break;
      }
      case 'visitor.context.updated': {
        const { conversation, context } = event;
        const frame = encodeFrame({
          type: 'visitor.context.updated',
          conversationId: conversation.id,
          context,
        });
        toAgents(
          () => domain.whoCanSee(conversation),
          (conn, agent, sees) => {
            if (sees(agent)) conn.sendLive(frame);
          },
        );
        break;
      }
      case 'conversation.deleted': {
        // Erased: it leaves the lists (and open view) of every agent who could see it; its visitor's widgets
        // reconnect without it.
        const { conversation } = event;
        const removed = encodeFrame({
          type: 'conversation.removed',
          conversationId: conversation.id,
          reason: 'deleted',
        });
        toAgents(
          () => domain.whoCanSee(conversation),
          (conn, agent, saw) => {
            if (saw(agent)) conn.sendLive(removed);
          },
        );
        for (const conn of visitors.get(conversation.visitorId) ?? [])
          conn.close(CloseCode.ConversationDeleted, 'conversation deleted');
        break;
      }
      case 'contact.deleted':
        // Their token is gone: the widget starts over as a new visitor, forgetting what it showed.
        for (const conn of visitors.get(event.visitorId) ?? [])
          conn.close(CloseCode.Unauthorized, 'contact deleted');
        break;
      case 'contact.merged':
        // Their conversations are another contact's now: reconnecting with the moved token comes back as that
        // contact; a token that went with the row starts over as a new visitor (see domain/contact-merge.ts).
        for (const conn of visitors.get(event.fromId) ?? [])
          conn.close(event.tokenMoved ? CloseCode.GoingAway : CloseCode.Unauthorized, 'contact merged');
        break;
      case 'typing': {
        // Never stored: only sockets connected now hear it (on every node, through the cluster relay).
        const { conversation, from, typing, text } = event;
        const conversationId = conversation.id;
        if (from.kind === 'agent')
          for (const conn of visitors.get(conversation.visitorId) ?? [])
            conn.sendLive(encodeFrame({ type: 'typing', conversationId, name: from.name, typing }));
        const frame = encodeFrame({
          type: 'typing',
          conversationId,
          from,
          typing,
          ...(text !== undefined && { text }),
        });
        toAgents(
          () => domain.whoCanSee(conversation),
          (conn, agent, sees) => {
            if (sees(agent) && agent.id !== from.id) conn.sendLive(frame);
          },
        );
        break;
      }
      case 'read.moved': {
        // The team's position is the visitor's "Seen"; an agent's own position goes to that agent's dashboards only.
        const { conversation, position } = event;
        const { seq, readAt } = position;
        const conversationId = conversation.id;
        if (position.reader === 'team') {
          const seen = encodeFrame({ type: 'read.moved', conversationId, seq, readAt });
          for (const conn of visitors.get(conversation.visitorId) ?? []) conn.sendLive(seen);
        }
        const own = position.reader.startsWith('agent:') ? position.reader.slice('agent:'.length) : null;
        const reader = own === null ? (position.reader as 'visitor' | 'team') : 'mine';
        const frame = encodeFrame({ type: 'read.moved', conversationId, reader, seq, readAt });
        toAgents(
          () => domain.whoCanSee(conversation),
          (conn, agent, sees) => {
            if (sees(agent)) conn.sendLive(frame);
          },
          own === null ? undefined : (conn) => agents.get(conn)?.agent.id === own,
        );
        break;
      }
      case 'presence.changed': {
        const frame = encodeFrame({ type: 'presence', online: event.online });
        for (const set of visitors.values()) for (const conn of set) conn.sendLive(frame);
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

  const connections = (): Connection[] => [...present, ...[...visitors.values()].flatMap((s) => [...s])];

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
      for (const conn of present) {
        if (conn.lastSeen < cutoff) conn.socket.terminate();
        else conn.socket.ping();
      }
    },
    Math.max(10, Math.floor(agentTimeoutMs / 4)),
  );
  agentLiveness.unref();

  return {
    addVisitor: (visitorId: string, conn: VisitorConnection) => add(visitors, visitorId, conn),
    /** The dashboard counts for presence from its welcome on, before its replay ends (then `addAgent`). */
    agentPresent(agent: Agent, conn: AgentConnection) {
      if (present.has(conn)) return;
      present.add(conn);
      domain.presence.connected(agent);
      conn.socket.on('close', () => {
        present.delete(conn);
        domain.presence.disconnected(agent.id);
      });
    },
    /** The dashboard takes live events from now on (its replay has caught up). */
    addAgent(agent: Agent, sessionHash: string, conn: AgentConnection) {
      agents.set(conn, { agent, sessionHash });
      conn.socket.on('close', () => agents.delete(conn));
    },
    /** Every live connection, for shutdown. */
    connections,
    /** Events may have been missed (see cluster/event-relay.ts): every live socket reconnects and resumes. */
    resync() {
      for (const conn of connections()) conn.close(CloseCode.GoingAway, 'events may have been missed');
    },
    stop() {
      clearInterval(liveness);
      clearInterval(agentLiveness);
      unsubscribe();
    },
  };
}
export type Hub = ReturnType<typeof createHub>;
