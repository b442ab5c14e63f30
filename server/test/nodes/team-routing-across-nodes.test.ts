// Automatic assignment on two nodes that really run side by side: 20 chats arrive at once, half on each node, for a
// team whose members are connected to different nodes. Each chat gets exactly one agent, nobody holds more than the
// maximum, the round is shared fairly, and a chat that waited is assigned when a place frees up on the other node.
import { afterEach, describe, expect, it } from 'vitest';
import type { Team } from '@livechat/shared/api';
import type { Conversation } from '@livechat/shared/model';
import {
  connectAgent,
  connectVisitor,
  createAgent,
  eventually,
  expectStatus,
  request,
  savePlaybook,
  say,
  setAvailable,
  signIn,
  startCluster,
  stopClusters,
  storedMessages,
  type ServerNode,
} from './cluster.js';
import { routedTo } from '../team-playbook.js';

afterEach(stopClusters, 30_000);

const conversation = async (node: ServerNode, cookie: string, id: string) =>
  (
    await expectStatus(
      request<{ conversation: Conversation }>(node, 'GET', `/api/conversations/${id}`, { cookie }),
      200,
    )
  ).conversation;

describe('automatic assignment across nodes', () => {
  it(
    'gives 20 chats arriving on two nodes at once one agent each, round-robin, never over the maximum',
    { timeout: 90_000 },
    async () => {
      const { nodes } = await startCluster(2);
      const [a, b] = [nodes[0]!, nodes[1]!];
      const admin = await signIn(a);
      const agents = await Promise.all(['Ann', 'Ben', 'Cara'].map((n) => createAgent(a, admin, n)));
      const { team } = await expectStatus(
        request<{ team: Team }>(a, 'POST', '/api/teams', {
          cookie: admin,
          body: { name: 'Sales', memberIds: agents.map((x) => x.id), autoAssign: true, maxOpenChats: 4 },
        }),
        201,
      );
      await savePlaybook(a, admin, routedTo(team.id));
      // Ann and Cara work on node A, Ben on node B.
      const onNode = [a, b, a];
      await Promise.all(agents.map((agent, i) => connectAgent(onNode[i]!, agent.cookie)));
      for (const [i, agent] of agents.entries()) await setAvailable(onNode[i]!, agent.cookie, true);

      const chats = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const { socket } = await connectVisitor(nodes[i % 2]!);
          return (await say(socket, `Hello ${i}`)).conversationId;
        }),
      );
      // 3 agents × 4 = 12 assigned, 8 wait in the queue. Who holds each open chat:
      const assigned = async () =>
        Promise.all(
          chats.map(async (id) => {
            const c = await conversation(a, admin, id);
            return c.status === 'open' ? c.assigneeId : null;
          }),
        );
      const holders = await eventually(
        async () => {
          const now = await assigned();
          return now.filter(Boolean).length === 12 ? now : undefined;
        },
        { what: '12 chats assigned', timeoutMs: 30_000 },
      );
      const held = agents.map((agent) => holders.filter((h) => h === agent.id).length);
      expect(held).toEqual([4, 4, 4]);
      // Exactly one "joined" line in each assigned chat, whichever node assigned it.
      for (const id of chats.filter((_, i) => holders[i])) {
        const joined = (await storedMessages(b, admin, id)).filter((m) => m.content?.type === 'agent_joined');
        expect(joined).toHaveLength(1);
      }

      // Ben closes one on node B: the oldest waiting chat goes to him, assigned by whichever node sees it first.
      const bens = chats.filter((_, i) => holders[i] === agents[1]!.id);
      await expectStatus(
        request(b, 'POST', `/api/conversations/${bens[0]}/close`, { cookie: agents[1]!.cookie }),
        200,
      );
      await eventually(
        async () => ((await assigned()).filter((h) => h === agents[1]!.id).length === 4 ? true : undefined),
        { what: 'Ben to get a waiting chat', timeoutMs: 30_000 },
      );
      const after = await assigned();
      expect(agents.map((agent) => after.filter((h) => h === agent.id).length)).toEqual([4, 4, 4]);
      expect(after.filter(Boolean)).toHaveLength(12); // 11 held before, the closed one left, one more taken
    },
  );
});
