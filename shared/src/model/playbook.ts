// The chatbot playbook a site runs in its widget: an ordered list of steps, ending (optionally) with the Live Chat
// card that hands the conversation to a human, or to the offline flow when nobody takes it.
import { z } from 'zod';
import { LOCALES } from '../protocol/constants.js';
import { isSafeImageSrc } from '../rich-text/types.js';
import { offlineSteps } from '../playbook/branches.js';
import { IdSchema, TimestampSchema } from './ids.js';
import { RichTextSchema } from './rich-text.js';

export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** Client-made step id; answers are linked to the question by it. */
export const StepIdSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" and "-" only.');

export const CONTACT_FIELDS = ['name', 'email', 'phone', 'organization'] as const;
export const ContactFieldSchema = z.enum(CONTACT_FIELDS);
export type ContactField = z.infer<typeof ContactFieldSchema>;

/** Where an answer is saved: a contact field (`contact.email`) or a custom field of the conversation (`custom.budget`). */
export const FieldRefSchema = z
  .string()
  .regex(
    /^(contact\.(name|email|phone|organization)|custom\.[a-z][a-z0-9_]{0,39})$/,
    'Choose contact.name, contact.email, contact.phone, contact.organization or custom.<name> (lowercase letters, digits, _).',
  );
export type FieldRef = `contact.${ContactField}` | `custom.${string}`;

export const QuestionInputSchema = z.enum(['text', 'email', 'phone', 'choice']);
export type QuestionInput = z.infer<typeof QuestionInputSchema>;

/**
 * How an answer is checked: by its question's input, or as a person's name (`name`) when a free-text question
 * saves to contact.name. An invalid answer says which check refused it.
 */
export const AnswerKindSchema = z.enum([...QuestionInputSchema.options, 'name']);
export type AnswerKind = z.infer<typeof AnswerKindSchema>;

export const PLAYBOOK_LIMITS = {
  maxSteps: 30,
  maxChoices: 10,
  maxChoiceLength: 80,
  maxOfflineQuestions: 10,
  minWaitSeconds: 1,
  maxWaitSeconds: 3600,
} as const;

/**
 * A bot text in other languages than the default, per language: a visitor whose language has one reads it, anyone
 * else the default text. Absent (every playbook saved before translations existed) means none.
 */
const translated = <T extends z.ZodRawShape>(texts: T) =>
  z.partialRecord(LocaleSchema, z.object(texts).partial()).optional();
const TextTranslationsSchema = translated({ text: RichTextSchema });
export type TextTranslations = z.infer<typeof TextTranslationsSchema>;

const ChoiceSchema = z
  .string()
  .trim()
  .min(1, 'Options cannot be empty.')
  .max(PLAYBOOK_LIMITS.maxChoiceLength);

const QuestionFieldsSchema = z.object({
  id: StepIdSchema,
  text: RichTextSchema,
  input: QuestionInputSchema,
  /** Only for `choice`: the options, shown as buttons. */
  choices: z.array(ChoiceSchema).max(PLAYBOOK_LIMITS.maxChoices).optional(),
  field: FieldRefSchema as z.ZodType<FieldRef>,
  translations: TextTranslationsSchema,
});

function checkChoices(q: z.infer<typeof QuestionFieldsSchema>, ctx: z.RefinementCtx): void {
  if (q.input === 'choice') {
    if (!q.choices || q.choices.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'A choice question needs at least 2 options.',
      });
    else if (new Set(q.choices.map((c) => c.toLowerCase())).size !== q.choices.length)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Options must differ.' });
  } else if (q.choices !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Only choice questions have options.' });
  }
}

/** A question the bot asks; the visitor's answer is validated by `input` and saved to `field`. */
export const QuestionSchema = QuestionFieldsSchema.superRefine(checkChoices);
export type Question = z.infer<typeof QuestionSchema>;

/** One contact detail the offline flow asks for, with the bot's prompt. */
export const CaptureFieldSchema = z.object({
  field: ContactFieldSchema,
  text: RichTextSchema,
  translations: TextTranslationsSchema,
});
export type CaptureField = z.infer<typeof CaptureFieldSchema>;

/** Runs when nobody is available or nobody takes the chat in time: qualify, capture the contact, thank. */
export const OfflineFlowSchema = z.object({
  questions: z.array(QuestionSchema).max(PLAYBOOK_LIMITS.maxOfflineQuestions),
  capture: z
    .array(CaptureFieldSchema)
    .max(CONTACT_FIELDS.length)
    .refine(
      (fields) => new Set(fields.map((f) => f.field)).size === fields.length,
      'Capture each field at most once.',
    ),
  thankYou: RichTextSchema,
  translations: translated({ thankYou: RichTextSchema }),
});
export type OfflineFlow = z.infer<typeof OfflineFlowSchema>;

export const MessageStepSchema = z.object({
  id: StepIdSchema,
  kind: z.literal('message'),
  text: RichTextSchema,
  translations: TextTranslationsSchema,
});
export const QuestionStepSchema = QuestionFieldsSchema.extend({ kind: z.literal('question') }).superRefine(
  checkChoices,
);
export const LiveChatStepSchema = z.object({
  id: StepIdSchema,
  kind: z.literal('live_chat'),
  /** Shown when at least one agent is available; the visitor then waits up to waitSeconds. */
  onlineMessage: RichTextSchema,
  waitSeconds: z.number().int().min(PLAYBOOK_LIMITS.minWaitSeconds).max(PLAYBOOK_LIMITS.maxWaitSeconds),
  /** Shown when nobody is available or nobody took the chat in time; then the offline flow runs. */
  offlineMessage: RichTextSchema,
  offlineFlow: OfflineFlowSchema,
  /** The team whose queue the chat goes to (its routing applies); absent for everyone's Unassigned. */
  teamId: IdSchema.optional(),
  translations: translated({ onlineMessage: RichTextSchema, offlineMessage: RichTextSchema }),
});

export type MessageStep = z.infer<typeof MessageStepSchema>;
export type QuestionStep = z.infer<typeof QuestionStepSchema>;
export type LiveChatStep = z.infer<typeof LiveChatStepSchema>;
export type Step = MessageStep | QuestionStep | LiveChatStep;

const StepSchema = z.discriminatedUnion('kind', [MessageStepSchema, QuestionStepSchema, LiveChatStepSchema]);

const HttpsUrlSchema = z.string().max(2000).refine(isSafeImageSrc, 'Use an https:// address.');

/** What an admin saves. The server refuses anything else with field-level errors and keeps the stored one. */
const PlaybookFieldsSchema = z.object({
  /** The name the widget shows for the bot until an agent joins. */
  botName: z.string().trim().min(1, 'Enter the bot’s name.').max(60),
  botAvatarUrl: HttpsUrlSchema.nullable(),
  /** The widget's language when the visitor's browser prefers none of LOCALES. */
  locale: LocaleSchema,
  steps: z.array(StepSchema).max(PLAYBOOK_LIMITS.maxSteps),
});

export const PlaybookSchema = PlaybookFieldsSchema.superRefine((playbook, ctx) => {
  const ids = new Set<string>();
  const questionIds = (step: Step): string[] =>
    step.kind === 'live_chat' ? [step.id, ...offlineSteps(step).map((s) => s.id)] : [step.id];
  playbook.steps.forEach((step, index) => {
    for (const id of questionIds(step)) {
      if (ids.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: `The step id "${id}" is used twice.`,
        });
      ids.add(id);
    }
    if (step.kind === 'live_chat' && index !== playbook.steps.length - 1)
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'kind'],
        message: 'The Live Chat card must be the last step (nothing after it would ever run).',
      });
  });
});
export type Playbook = z.infer<typeof PlaybookSchema>;

/** A saved playbook: every save makes a new version; running conversations keep the version they started with. */
export const StoredPlaybookSchema = PlaybookFieldsSchema.extend({
  siteId: IdSchema,
  version: z.number().int().positive(),
  updatedAt: TimestampSchema,
  updatedBy: IdSchema.nullable(),
});
export type StoredPlaybook = z.infer<typeof StoredPlaybookSchema>;

/** The Live Chat card of a playbook, if it has one. */
export const liveChatCard = (playbook: Pick<Playbook, 'steps'>): LiveChatStep | undefined =>
  playbook.steps.find((s): s is LiveChatStep => s.kind === 'live_chat');
