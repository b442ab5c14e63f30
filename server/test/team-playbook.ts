// A playbook whose only card hands every chat to a team's queue (a long wait: nobody misses it in a test). No
// imports from the app: the several-nodes tests use it too.
import type { Playbook, RichText } from '@livechat/shared/model';

const text = (t: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text: t }] }];

export const routedTo = (teamId: string): Playbook => ({
  botName: 'Ava',
  botAvatarUrl: null,
  locale: 'en',
  steps: [
    {
      id: 'card',
      kind: 'live_chat',
      teamId,
      onlineMessage: text('Connecting you to the team'),
      waitSeconds: 600,
      offlineMessage: text('Nobody is around right now'),
      offlineFlow: { questions: [], capture: [], thankYou: text('Thanks') },
    },
  ],
});
