import type { ContactSummary } from '@livechat/shared/api';
import { formatPhoneForDisplay } from '@livechat/shared/sms';
import { useRef } from 'preact/hooks';
import { RelativeTime } from '../../components/relative-time.js';
import { useLoad } from '../../components/use-load.js';
import { routeHref } from '../../state/route.js';
import { contactsApi } from '../../api/index.js';
import { NewMessageButton } from './new-message-button.js';
import { OptedOutBadge } from './opted-out.js';
import { useSendSites } from './use-send-sites.js';
import { useSearchQuery } from './use-search-query.js';

const NONE = '—';

export function ContactList() {
  const search = useSearchQuery();
  const { state } = useLoad(() => contactsApi.list(search.query), [search.query]);
  /** While a new search runs, the previous answer stays on screen (marked busy) rather than a blank "Loading…". */
  const shown = useRef<ContactSummary[] | null>(null);
  if (state.status === 'ready') shown.current = state.data;
  const contacts = shown.current;
  const sites = useSendSites();

  return (
    <main class="page">
      <div class="contacts__head">
        <h1 class="page__title">Contacts</h1>
        <NewMessageButton sites={sites} />
      </div>
      <section class="card contacts" aria-label="Contacts">
        <input
          type="search"
          class="input contacts__search"
          aria-label="Search contacts"
          placeholder="Search by name, email or phone"
          value={search.text}
          onInput={(e) => search.setText(e.currentTarget.value)}
        />
        {state.status === 'error' && (
          <p class="form-error" role="alert">
            {state.message}
          </p>
        )}
        {contacts === null && state.status === 'loading' && <p class="empty">Loading…</p>}
        {contacts !== null && contacts.length === 0 && (
          <p class="empty">{search.query ? `No contacts match “${search.query}”.` : 'No contacts yet.'}</p>
        )}
        {contacts !== null && contacts.length > 0 && (
          <table class="table contacts__table" aria-label="Contacts" aria-busy={state.status === 'loading'}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Phone</th>
                <th scope="col">Email</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <ContactRow key={c.id} contact={c} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function ContactRow({ contact: c }: { contact: ContactSummary }) {
  return (
    <tr>
      <td>
        <a class="contacts__name" href={routeHref({ page: 'contacts', contactId: c.id })}>
          {c.name}
        </a>
        {c.smsOptedOut && <OptedOutBadge />}
      </td>
      <td class="contacts__phone">{c.phone ? formatPhoneForDisplay(c.phone) : NONE}</td>
      <td>{c.email ?? NONE}</td>
      <td>
        <RelativeTime ts={c.lastActivityAt} />
      </td>
    </tr>
  );
}
