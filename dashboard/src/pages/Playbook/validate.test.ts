import { describe, expect, it } from 'vitest';
import { storedPlaybook } from '../../test-utils/fixtures.js';
import { toDraft, type LiveChatDraft, type PlaybookDraft } from './draft.js';
import { fieldKey, serverFieldErrors, validateDraft } from './validate.js';

const draft = (): PlaybookDraft => toDraft(storedPlaybook());

describe('validateDraft', () => {
  it('turns the markdown back into the saved trees', () => {
    const result = validateDraft(draft());
    expect(result.ok && result.playbook).toEqual({
      botName: 'Robo',
      botAvatarUrl: null,
      locale: 'en',
      steps: storedPlaybook().steps,
    });
  });

  it('names the rich-text field of an unsafe link', () => {
    const d = draft();
    d.steps[0] = { kind: 'message', id: 'hello', text: 'Hi [there](javascript:alert(1))' };
    const result = validateDraft(d);
    expect(!result.ok && [...result.errors]).toEqual([
      ['steps.0.text', 'Links must be http://, https:// or mailto: addresses.'],
    ]);
  });

  it('words stock messages as sentences for people and names the wait and the options', () => {
    const d = draft();
    d.botName = '';
    (d.steps[2] as LiveChatDraft).waitSeconds = '';
    d.steps[1] = {
      ...(d.steps[1] as Extract<PlaybookDraft['steps'][number], { kind: 'question' }>),
      choices: 'Only one',
    };
    const result = validateDraft(d);
    expect(!result.ok && Object.fromEntries(result.errors)).toEqual({
      botName: 'Enter the bot’s name.',
      'steps.1.choices': 'A choice question needs at least 2 options.',
      'steps.2.waitSeconds': 'Enter a whole number.',
    });
    (d.steps[2] as LiveChatDraft).waitSeconds = '1.5';
    const fractional = validateDraft(d);
    expect(!fractional.ok && fractional.errors.get('steps.2.waitSeconds')).toBe('Enter a whole number.');
    (d.steps[2] as LiveChatDraft).waitSeconds = '99999';
    const long = validateDraft(d);
    expect(!long.ok && long.errors.get('steps.2.waitSeconds')).toBe('Enter 3600 or less.');
  });
});

describe('fieldKey', () => {
  it('maps deep and structural paths to the nearest field the editor shows', () => {
    const d = draft();
    expect(fieldKey(['steps', 1, 'text', 0, 'children', 1, 'href'], d)).toBe('steps.1.text');
    expect(fieldKey(['steps', 1, 'choices', 1], d)).toBe('steps.1.choices');
    expect(fieldKey(['steps', 2, 'kind'], d)).toBe('steps.2');
    expect(fieldKey(['steps', 9, 'text'], d)).toBe('steps');
    expect(fieldKey(['nonsense'], d)).toBe('');
  });

  it('names capture prompts by field, since only the checked ones are sent', () => {
    const d = draft();
    const card = d.steps[2] as LiveChatDraft;
    card.offlineFlow.capture.name.enabled = true; // now name (0) and email (1) are sent
    expect(fieldKey(['steps', 2, 'offlineFlow', 'capture', 1, 'text', 0], d)).toBe(
      'steps.2.offlineFlow.capture.email.text',
    );
  });

  it('reads the server details paths', () => {
    const errors = serverFieldErrors(
      [
        {
          path: 'body.steps.0.text.0.children.1.href',
          message: 'Links must be http://, https:// or mailto: addresses.',
        },
        { path: 'body.botAvatarUrl', message: 'Use an https:// address.' },
        { path: 'body', message: 'something else' },
      ],
      draft(),
    );
    expect(Object.fromEntries(errors)).toEqual({
      'steps.0.text': 'Links must be http://, https:// or mailto: addresses.',
      botAvatarUrl: 'Use an https:// address.',
      '': 'something else',
    });
  });
});
