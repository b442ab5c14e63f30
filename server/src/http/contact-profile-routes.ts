// A contact's CRM view: details, attributes, tags and notes (any agent who may see the contact), merging a duplicate
// and exporting everything stored about them (admins), the notes beside a conversation, and the admins' audit log.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditListBodySchema,
  ContactAttributesBodySchema,
  ContactAttributesResponseSchema,
  ContactCrmBodySchema,
  ContactDetailsBodySchema,
  ContactExportSchema,
  ContactNoteBodySchema,
  ContactNoteInputSchema,
  ContactNoteListBodySchema,
  ContactNoteParamsSchema,
  ContactSummaryBodySchema,
  ContactTagsBodySchema,
  ContactTagsResponseSchema,
  ErrorBodySchema,
  IdParamsSchema,
  MergeContactBodySchema,
  MergeContactResponseSchema,
} from '@livechat/shared/api';
import type { Domain } from '../domain/index.js';
import { currentAgent, guards } from './session.js';

export function contactProfileRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    // Signed in here; the domain decides who may see the contact, and refuses non-admins what is admins', in words.
    app.addHook('preHandler', requireAgent);
    const errors = {
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
      409: ErrorBodySchema,
    };
    const tags = ['contacts'];
    const params = IdParamsSchema;
    const profiles = domain.contactProfiles;

    app.get(
      '/contacts/:id/crm',
      {
        schema: {
          tags,
          summary: "A contact's details, attributes, tags, notes and likely duplicates",
          params,
          response: { 200: ContactCrmBodySchema, ...errors },
        },
      },
      async (request) => profiles.crm(currentAgent(request), request.params.id),
    );

    app.put(
      '/contacts/:id/details',
      {
        schema: {
          tags,
          summary: 'Saves a contact\'s name, email and phone ("" clears one)',
          params,
          body: ContactDetailsBodySchema,
          response: { 200: ContactSummaryBodySchema, ...errors },
        },
      },
      async (request) => ({
        contact: await profiles.saveDetails(currentAgent(request), request.params.id, request.body),
      }),
    );

    app.put(
      '/contacts/:id/attributes',
      {
        schema: {
          tags,
          summary: "Replaces a contact's custom attributes (name and value pairs, in order)",
          params,
          body: ContactAttributesBodySchema,
          response: { 200: ContactAttributesResponseSchema, ...errors },
        },
      },
      async (request) => ({
        attributes: await profiles.saveAttributes(
          currentAgent(request),
          request.params.id,
          request.body.attributes,
        ),
      }),
    );

    app.put(
      '/contacts/:id/tags',
      {
        schema: {
          tags,
          summary: "Replaces a contact's tags",
          params,
          body: ContactTagsBodySchema,
          response: { 200: ContactTagsResponseSchema, ...errors },
        },
      },
      async (request) => ({
        tags: await profiles.saveTags(currentAgent(request), request.params.id, request.body.tags),
      }),
    );

    app.post(
      '/contacts/:id/notes',
      {
        schema: {
          tags,
          summary: 'Adds a note about the contact, shown beside every conversation of theirs',
          params,
          body: ContactNoteInputSchema,
          response: { 201: ContactNoteBodySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          note: await profiles.addNote(currentAgent(request), request.params.id, request.body.body),
        }),
    );

    app.delete(
      '/contacts/:id/notes/:noteId',
      {
        schema: {
          tags,
          summary: 'Deletes a note about the contact (its author only)',
          params: ContactNoteParamsSchema,
          response: { 204: z.null().describe('No content'), ...errors },
        },
      },
      async (request, reply) => {
        await profiles.removeNote(currentAgent(request), request.params.id, request.params.noteId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/contacts/:id/merge',
      {
        schema: {
          tags,
          summary:
            'Merges another contact into this one (admins only): their conversations, attributes, tags and notes move here',
          params,
          body: MergeContactBodySchema,
          response: { 200: MergeContactResponseSchema, ...errors },
        },
      },
      async (request) =>
        domain.contactMerge.merge(currentAgent(request), request.params.id, request.body.otherId),
    );

    app.get(
      '/contacts/:id/export',
      {
        schema: {
          tags,
          summary:
            'Everything stored about a contact, as a JSON download (admins only): conversations, messages, files (base64)',
          params,
          response: { 200: ContactExportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const data = await domain.contactExport.export(currentAgent(request), request.params.id);
        return reply
          .header('content-disposition', `attachment; filename="contact-${data.contact.id}.json"`)
          .header('cache-control', 'no-store')
          .send(data);
      },
    );

    app.get(
      '/conversations/:id/contact-notes',
      {
        schema: {
          tags: ['conversations'],
          summary: "Notes about the conversation's contact (from every conversation of theirs)",
          params,
          response: { 200: ContactNoteListBodySchema, ...errors },
        },
      },
      async (request) => ({
        notes: await profiles.notesOfConversation(currentAgent(request), request.params.id),
      }),
    );

    app.get(
      '/audit',
      {
        schema: {
          tags: ['contacts'],
          summary: 'What admins did to contacts (deletions), newest first (admins only)',
          response: { 200: AuditListBodySchema, ...errors },
        },
      },
      async (request) => ({ entries: await profiles.audit(currentAgent(request)) }),
    );
  };
}
