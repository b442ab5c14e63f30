// The editor's working copy of a playbook: rich text as the markdown the admin types, options as lines, numbers as
// typed. `toCandidate` turns it back into a playbook for PlaybookSchema to check.
import {
  CONTACT_FIELDS,
  type CaptureField,
  type ContactField,
  type FieldRef,
  type Locale,
  type Playbook,
  type Question,
  type QuestionInput,
  type Step,
} from '@livechat/shared/model';
import { parseMarkdown, toMarkdown } from '@livechat/shared/rich-text';
import { candidateTranslations, draftTranslations } from './translations.js';

/** Per language, the translated texts of one object as markdown (keyed like its fields); '' or absent: none. */
export type DraftTranslations = Partial<Record<Locale, Record<string, string>>>;

export interface QuestionDraft {
  id: string;
  text: string;
  input: QuestionInput;
  /** One option per line; used when `input` is `choice`. */
  choices: string;
  /** `contact.email`, or `custom.<name>` (the name may still be empty while the admin types it). */
  field: string;
  translations?: DraftTranslations;
}

export interface CaptureDraft {
  enabled: boolean;
  text: string;
  translations?: DraftTranslations;
}

export interface LiveChatDraft {
  kind: 'live_chat';
  id: string;
  /** The team whose queue the chat goes to; '' for everyone's Unassigned. */
  teamId: string;
  onlineMessage: string;
  waitSeconds: string;
  offlineMessage: string;
  offlineFlow: {
    questions: QuestionDraft[];
    capture: Record<ContactField, CaptureDraft>;
    thankYou: string;
    translations?: DraftTranslations;
  };
  translations?: DraftTranslations;
}

export type StepDraft =
  | { kind: 'message'; id: string; text: string; translations?: DraftTranslations }
  | ({ kind: 'question' } & QuestionDraft)
  | LiveChatDraft;

export interface PlaybookDraft {
  botName: string;
  /** Empty for none. */
  botAvatarUrl: string;
  locale: Locale;
  steps: StepDraft[];
}

export const DEFAULT_CAPTURE_PROMPTS: Record<ContactField, string> = {
  name: 'What is your name?',
  email: 'What is your email address?',
  phone: 'What is your phone number?',
  organization: 'Which organization are you with?',
};

function questionDraft(q: Question): QuestionDraft {
  return {
    id: q.id,
    text: toMarkdown(q.text),
    input: q.input,
    choices: (q.choices ?? []).join('\n'),
    field: q.field,
    ...draftTranslations(q.translations),
  };
}

function captureDraft(capture: readonly CaptureField[]): Record<ContactField, CaptureDraft> {
  const byField = new Map(capture.map((c) => [c.field, c]));
  const entry = (field: ContactField): CaptureDraft => {
    const text = byField.get(field)?.text;
    return {
      enabled: text !== undefined,
      text: text ? toMarkdown(text) : DEFAULT_CAPTURE_PROMPTS[field],
      ...draftTranslations(byField.get(field)?.translations),
    };
  };
  return {
    name: entry('name'),
    email: entry('email'),
    phone: entry('phone'),
    organization: entry('organization'),
  };
}

function stepDraft(step: Step): StepDraft {
  switch (step.kind) {
    case 'message':
      return {
        kind: 'message',
        id: step.id,
        text: toMarkdown(step.text),
        ...draftTranslations(step.translations),
      };
    case 'question':
      return { kind: 'question', ...questionDraft(step) };
    case 'live_chat':
      return {
        kind: 'live_chat',
        id: step.id,
        teamId: step.teamId ?? '',
        onlineMessage: toMarkdown(step.onlineMessage),
        waitSeconds: String(step.waitSeconds),
        offlineMessage: toMarkdown(step.offlineMessage),
        offlineFlow: {
          questions: step.offlineFlow.questions.map(questionDraft),
          capture: captureDraft(step.offlineFlow.capture),
          thankYou: toMarkdown(step.offlineFlow.thankYou),
          ...draftTranslations(step.offlineFlow.translations),
        },
        ...draftTranslations(step.translations),
      };
  }
}

export function toDraft(playbook: Playbook): PlaybookDraft {
  return {
    botName: playbook.botName,
    botAvatarUrl: playbook.botAvatarUrl ?? '',
    locale: playbook.locale,
    steps: playbook.steps.map(stepDraft),
  };
}

/** Options as the admin listed them, blank lines left out. */
export function choiceLines(choices: string): string[] {
  return choices
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);
}

function question(q: QuestionDraft): Question {
  return {
    id: q.id,
    text: parseMarkdown(q.text),
    input: q.input,
    ...(q.input === 'choice' ? { choices: choiceLines(q.choices) } : {}),
    // Checked by the schema; the type only says what a valid one looks like.
    field: q.field as FieldRef,
    ...candidateTranslations(q.translations),
  };
}

/** The fields the offline flow asks for, in a fixed order (validation issues name them by this index). */
export function capturedFields(capture: Record<ContactField, CaptureDraft>): ContactField[] {
  return CONTACT_FIELDS.filter((f) => capture[f].enabled);
}

function candidateStep(step: StepDraft): Step {
  switch (step.kind) {
    case 'message':
      return {
        kind: 'message',
        id: step.id,
        text: parseMarkdown(step.text),
        ...candidateTranslations(step.translations),
      };
    case 'question':
      return { kind: 'question', ...question(step) };
    case 'live_chat': {
      const { questions, capture, thankYou } = step.offlineFlow;
      const wait = step.waitSeconds.trim();
      return {
        kind: 'live_chat',
        id: step.id,
        ...(step.teamId && { teamId: step.teamId }),
        onlineMessage: parseMarkdown(step.onlineMessage),
        // NaN for an empty box, so the schema names the field.
        waitSeconds: wait === '' ? Number.NaN : Number(wait),
        offlineMessage: parseMarkdown(step.offlineMessage),
        offlineFlow: {
          questions: questions.map(question),
          capture: capturedFields(capture).map((field) => ({
            field,
            text: parseMarkdown(capture[field].text),
            ...candidateTranslations(capture[field].translations),
          })),
          thankYou: parseMarkdown(thankYou),
          ...candidateTranslations(step.offlineFlow.translations),
        },
        ...candidateTranslations(step.translations),
      };
    }
  }
}

/** The playbook the draft describes, not yet validated. */
export function toCandidate(draft: PlaybookDraft): Playbook {
  const avatar = draft.botAvatarUrl.trim();
  return {
    botName: draft.botName,
    botAvatarUrl: avatar === '' ? null : avatar,
    locale: draft.locale,
    steps: draft.steps.map(candidateStep),
  };
}
