import { describe, expect, it } from 'vitest';
import { PlaybookSchema, type Playbook } from '@livechat/shared/model';
import { localizePlaybook } from '@livechat/shared/playbook';
import { parseMarkdown } from '@livechat/shared/rich-text';
import { toCandidate, toDraft, type StepDraft } from './draft.js';
import { keepTranslated, stepsIn } from './translations.js';

const text = (t: string) => parseMarkdown(t);
const playbook: Playbook = {
  botName: 'Ava',
  botAvatarUrl: null,
  locale: 'en',
  steps: [
    { id: 'hi', kind: 'message', text: text('Hello'), translations: { sl: { text: text('Živjo') } } },
    {
      id: 'card',
      kind: 'live_chat',
      onlineMessage: text('One moment'),
      waitSeconds: 30,
      offlineMessage: text('Nobody is here'),
      offlineFlow: {
        questions: [],
        capture: [{ field: 'email', text: text('Your email?') }],
        thankYou: text('Thanks'),
      },
    },
  ],
};
const bodyOf = (step: StepDraft | undefined) => (step?.kind === 'message' ? step.text : '');

describe('bot texts per language in the editor', () => {
  it('shows one language’s texts, keeps edits there, and leaves the default texts alone', () => {
    const draft = toDraft(playbook);
    const tr = stepsIn(draft.steps, 'tr');
    expect(bodyOf(tr[0])).toBe('');
    expect(bodyOf(stepsIn(draft.steps, 'sl')[0])).toBe('Živjo');
    // The preview falls back to the default where there is no translation.
    expect(bodyOf(stepsIn(draft.steps, 'tr', true)[0])).toBe('Hello');

    const edited = tr.map((s) => (s.kind === 'message' ? { ...s, text: 'Merhaba' } : s));
    const card = edited[1]!;
    if (card.kind === 'live_chat')
      card.offlineFlow.capture.email = { ...card.offlineFlow.capture.email, text: 'E-posta?' };
    const steps = keepTranslated(draft.steps, edited, 'tr');
    expect(bodyOf(steps[0])).toBe('Hello');

    const candidate = toCandidate({ ...draft, steps });
    expect(PlaybookSchema.safeParse(candidate).success).toBe(true);
    const turkish = localizePlaybook(candidate, 'tr');
    expect(turkish.steps[0]).toMatchObject({ text: text('Merhaba') });
    expect(turkish.steps[1]).toMatchObject({
      onlineMessage: text('One moment'),
      offlineFlow: { capture: [{ field: 'email', text: text('E-posta?') }] },
    });
    // Slovenian kept, an untouched language has nothing (empty boxes are no translation).
    expect(localizePlaybook(candidate, 'sl').steps[0]).toMatchObject({ text: text('Živjo') });
    expect(candidate.steps[1]).not.toHaveProperty('translations');
    // Round trip: the draft of the saved playbook equals the edited one.
    expect(toDraft(candidate).steps[0]).toEqual(steps[0]);
  });
});
