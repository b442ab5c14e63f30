// The server's HTTP API from the test process: what an admin would do in the dashboard, done directly.
import type { Playbook, RichText } from '@livechat/shared/model';
import { ADMIN } from './stack.js';

export const text = (t: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text: t }] }];

/** Greeting, a choice question, and a Live Chat card with a short wait and an offline flow capturing the lead. */
export function e2ePlaybook(waitSeconds: number): Playbook {
  return {
    botName: 'Ava',
    botAvatarUrl: null,
    locale: 'en',
    steps: [
      {
        id: 'hi',
        kind: 'message',
        text: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Hi, I am ' },
              { type: 'bold', children: [{ type: 'text', text: 'Ava' }] },
              { type: 'text', text: '. See our ' },
              {
                type: 'link',
                href: 'https://example.com/pricing',
                children: [{ type: 'text', text: 'pricing' }],
              },
            ],
          },
        ],
      },
      {
        id: 'topic',
        kind: 'question',
        text: text('What brings you here?'),
        input: 'choice',
        choices: ['Pricing', 'A demo'],
        field: 'custom.topic',
      },
      {
        id: 'card',
        kind: 'live_chat',
        onlineMessage: text('Let me find someone from the team for you.'),
        waitSeconds,
        offlineMessage: text('Our team is away right now.'),
        offlineFlow: {
          questions: [
            { id: 'size', text: text('How big is your team?'), input: 'text', field: 'custom.team_size' },
          ],
          capture: [
            { field: 'name', text: text('What is your name?') },
            { field: 'email', text: text('What is your email?') },
          ],
          thankYou: text('Thank you, we will be in touch.'),
        },
      },
    ],
  };
}

/** A playbook without steps: the visitor's first message goes straight to the inbox. */
export const NO_STEPS: Playbook = { ...e2ePlaybook(60), steps: [] };

async function adminCookie(serverUrl: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Saves the demo site's playbook as the admin. */
export async function savePlaybook(serverUrl: string, playbook: Playbook): Promise<void> {
  const cookie = await adminCookie(serverUrl);
  const sites = (await (await fetch(`${serverUrl}/api/sites`, { headers: { cookie } })).json()) as {
    sites: { id: string }[];
  };
  const res = await fetch(`${serverUrl}/api/sites/${sites.sites[0]!.id}/playbook`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(playbook),
  });
  if (!res.ok) throw new Error(`saving the playbook failed: ${res.status} ${await res.text()}`);
}
