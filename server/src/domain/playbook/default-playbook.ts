// The playbook a new site starts with: greet, ask what the visitor needs, then hand over to the team, or
// qualify and capture the lead when nobody is there.
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
      id: 'topic',
      kind: 'question',
      text: text('What can we help you with?'),
      input: 'choice',
      choices: ['Pricing', 'A product demo', 'Something else'],
      field: 'custom.topic',
    },
    {
      id: 'handover',
      kind: 'live_chat',
      onlineMessage: text('Thanks! I am finding someone from our team for you.'),
      waitSeconds: 60,
      offlineMessage: text('Our team is away right now, but we will get back to you soon.'),
      offlineFlow: {
        questions: [
          {
            id: 'team-size',
            text: text('How many people are in your team?'),
            input: 'text',
            field: 'custom.team_size',
          },
        ],
        capture: [
          { field: 'name', text: text('What is your name?') },
          { field: 'email', text: text('What is your email address?') },
          { field: 'organization', text: text('Which company are you with?') },
        ],
        thankYou: text('Thank you! We will be in touch within one business day.'),
      },
    },
  ],
};
