import type { CrmRecord } from '@livechat/shared/model';
import { routeHref } from '../../state/route.js';
import { formatDay, formatMoment, formatMoney } from './format-record.js';

const NONE = '—';

export function RecordRow({ record: r }: { record: CrmRecord }) {
  return (
    <tr>
      <td>
        <span class={r.kind === 'deal' ? 'badge badge--open' : 'badge badge--invited'}>
          {r.kind === 'deal' ? 'Deal' : 'Lead'}
        </span>
      </td>
      <td>{r.title || NONE}</td>
      <td class="records__number">{r.value ? formatMoney(r.value) : NONE}</td>
      <td>{r.expectedCloseDate ? formatDay(r.expectedCloseDate) : NONE}</td>
      <td>
        <div>{r.contact.name || NONE}</div>
        {r.contact.email && (
          <a class="muted" href={`mailto:${r.contact.email}`}>
            {r.contact.email}
          </a>
        )}
      </td>
      <td>{r.organization?.name || NONE}</td>
      <td>
        <a href={routeHref({ page: 'inbox', conversationId: r.conversationId })}>#{r.conversationNumber}</a>
      </td>
      <td>{r.createdBy.name}</td>
      <td>
        <time dateTime={new Date(r.createdAt).toISOString()}>{formatMoment(r.createdAt)}</time>
      </td>
    </tr>
  );
}
