// The Leads page: leads and deals of the conversations the agent may see, and their CSV export.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, RecordListBodySchema, RecordListQuerySchema } from '@livechat/shared/api';
import type { CrmRecord } from '@livechat/shared/model';
import type { Domain } from '../domain/index.js';
import { toCsv } from './csv.js';
import { currentAgent, guards } from './session.js';

const COLUMNS = [
  'type',
  'title',
  'value',
  'currency',
  'expected_close_date',
  'contact_name',
  'contact_email',
  'contact_phone',
  'organization',
  'organization_address',
  'conversation',
  'note',
  'created_by',
  'created_at',
];

const row = (r: CrmRecord) => [
  r.kind,
  r.title,
  r.value?.amount ?? null,
  r.value?.currency ?? null,
  r.expectedCloseDate,
  r.contact.name,
  r.contact.email,
  r.contact.phone,
  r.organization?.name ?? null,
  r.organization?.address ?? null,
  r.conversationNumber,
  r.note,
  r.createdBy.name,
  new Date(r.createdAt).toISOString(),
];

export function recordRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);

    app.get(
      '/records',
      {
        schema: {
          tags: ['leads'],
          summary: 'Leads and deals, newest first (of conversations the agent may see)',
          querystring: RecordListQuerySchema,
          response: { 200: RecordListBodySchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => ({
        records: await domain.crm.list(currentAgent(request), request.query.kind ?? null),
      }),
    );

    app.get(
      '/records.csv',
      {
        schema: {
          tags: ['leads'],
          summary: 'The same list as CSV (UTF-8, for spreadsheets)',
          querystring: RecordListQuerySchema,
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const kind = request.query.kind ?? null;
        const records = await domain.crm.list(currentAgent(request), kind);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${kind ?? 'lead'}s.csv"`)
          .send(`\uFEFF${toCsv(COLUMNS, records.map(row))}`);
      },
    );
  };
}
