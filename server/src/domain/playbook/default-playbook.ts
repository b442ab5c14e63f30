// The playbook a new site starts with: a greeting, then straight to the team — or, when nobody is there in time,
// a short qualification that captures the lead. Admins add questions before the card in the editor.
import type { Playbook, RichText } from '@livechat/shared/model';

const text = (...paragraphs: string[]): RichText =>
  paragraphs.map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] }));

export const DEFAULT_PLAYBOOK: Playbook = {
  botName: 'Ava',
  botAvatarUrl: null,
  locale: 'en',
  steps: [
    {
      id: 'greeting',
      kind: 'message',
      text: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Hi there! I am ' },
            { type: 'bold', children: [{ type: 'text', text: 'Ava' }] },
            { type: 'text', text: ', the assistant of our sales team.' },
          ],
        },
      ],
    },
    {
      id: 'handover',
      kind: 'live_chat',
      onlineMessage: text(
        'I am finding someone from our team for you. Feel free to write your question meanwhile.',
      ),
      waitSeconds: 60,
      offlineMessage: text('Our team is away right now, but we will get back to you soon.'),
      offlineFlow: {
        questions: [
          {
            id: 'request',
            text: text('What can we help you with?'),
            input: 'text',
            field: 'custom.request',
          },
        ],
        capture: [
          { field: 'name', text: text('What is your name?') },
          { field: 'email', text: text('What is your email address?') },
        ],
        thankYou: text('Thank you! We will be in touch within one business day.'),
      },
    },
  ],
};
