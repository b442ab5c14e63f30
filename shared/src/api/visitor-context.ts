// GET /api/conversations/:id/visitor-context: the side panel's "Visitor" section.
import { z } from 'zod';
import { VisitorContextSchema } from '../model/visitor-context.js';

/** null until the widget said where the visitor is (SMS contacts, chats started by an agent, older widgets). */
export const VisitorContextBodySchema = z.object({ context: VisitorContextSchema.nullable() });
export type VisitorContextBody = z.infer<typeof VisitorContextBodySchema>;
