// What the playbook learned about a visitor: their contact details and the answers to its questions.
import { z } from 'zod';
import { TimestampSchema } from './ids.js';
import { StepIdSchema } from './playbook.js';

export const ContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organization: z.string().nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const AnswerSchema = z.object({
  stepId: StepIdSchema,
  /** The question as the visitor saw it, in plain text. */
  question: z.string(),
  /** `contact.email`, `custom.budget`, … */
  field: z.string(),
  value: z.string(),
  answeredAt: TimestampSchema,
});
export type Answer = z.infer<typeof AnswerSchema>;

/** Lead data of one conversation: the visitor's contact, and the answers given in this conversation. */
export const LeadDataSchema = z.object({ contact: ContactSchema, answers: z.array(AnswerSchema) });
export type LeadData = z.infer<typeof LeadDataSchema>;
