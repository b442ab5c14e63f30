// "Installation": where the widget was last seen loading (origin, page, when), so an admin sees that the snippet is
// live. Pages come from the browser's Referer: usually only the origin, unless the site's referrer policy sends more.
import { Ago } from '../../components/ago.js';
import type { Sighting } from '@livechat/shared/api';
import type { Site } from '@livechat/shared/model';
import { sitesApi } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';

const where = (s: Sighting) => s.page ?? s.origin;

export function InstallationStatus({ site }: { site: Site }) {
  // Only allowed origins count: removing or adding one may change the answer.
  const { state } = useLoad(() => sitesApi.installation(site.id), [site.id, site.allowedOrigins.join(' ')]);
  return (
    <section class="card" aria-labelledby="installation-title">
      <h2 class="card__title" id="installation-title">
        Installation
      </h2>
      {state.status === 'loading' && <p class="muted">Loading…</p>}
      {state.status === 'error' && <p class="form-error">{state.message}</p>}
      {state.status === 'ready' &&
        (state.data.sightings.length === 0 ? (
          <p class="muted">
            Not installed: the widget has not loaded on any allowed origin yet. Paste the snippet into your
            website's pages.
          </p>
        ) : (
          <>
            <p>
              Last seen on {where(state.data.sightings[0]!)}, <Ago ts={state.data.sightings[0]!.lastSeenAt} />
            </p>
            <ul class="origins" aria-label="Recently seen on">
              {state.data.sightings.map((s) => (
                <li key={s.origin} class="origins__item">
                  <span class="origins__value">{where(s)}</span>
                  <span class="muted">
                    <Ago ts={s.lastSeenAt} />
                  </span>
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
