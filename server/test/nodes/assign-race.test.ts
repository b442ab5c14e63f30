// "Assign to me" clicked by ten agents at once, on two nodes that really run their transactions side by side.
import { afterEach, describe, expect, it } from 'vitest';
import {
  NO_STEPS,
  connectVisitor,
  createAgent,
  request,
  savePlaybook,
  say,
  signIn,
  startCluster,
  stopClusters,
  storedMessages,
  type TestAgent,
} from './cluster.js';

afterEach(stopClusters, 30_000);

type ErrorBody = { error: { code: string; message: string } };

describe('Assign to me across nodes', () => {
  it(
    'ten agents on two nodes click at once: exactly one wins, nine get 409 naming the winner, one "joined" message',
    { timeout: 60_000 },
    async () => {
      const { nodes } = await startCluster(2);
      const admin = await signIn(nodes[0]!);
      await savePlaybook(nodes[0]!, admin, NO_STEPS);
      const agents: TestAgent[] = await Promise.all(
        Array.from({ length: 10 }, (_, i) => createAgent(nodes[i % 2]!, admin, `Agent${i}`)),
      );

      const { socket: visitor } = await connectVisitor(nodes[0]!);
      const { conversationId } = await say(visitor, 'Can someone help me?');

      // Every click at once, half of them on each node.
      const replies = await Promise.all(
        agents.map((agent, i) =>
          request<ErrorBody & { conversation: { assigneeId: string } }>(
            nodes[i % 2]!,
            'POST',
            `/api/conversations/${conversationId}/assign`,
            { cookie: agent.cookie },
          ),
        ),
      );

      const won = replies.flatMap((r, i) => (r.status === 200 ? [agents[i]!] : []));
      expect(won, JSON.stringify(replies.map((r) => [r.status, r.body]))).toHaveLength(1);
      const winner = won[0]!;
      expect(replies.find((r) => r.status === 200)!.body.conversation.assigneeId).toBe(winner.id);
      const lost = replies.filter((r) => r.status !== 200);
      expect(lost.map((r) => [r.status, r.body.error])).toEqual(
        Array.from({ length: 9 }, () => [
          409,
          { code: 'already_assigned', message: `Already taken by ${winner.name}.` },
        ]),
      );

      const messages = await storedMessages(nodes[1]!, admin, conversationId);
      const joined = messages.filter((m) => m.content?.type === 'agent_joined');
      expect(joined.map((m) => m.body)).toEqual([`${winner.name} joined the chat`]);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
    },
  );
});
