import type { ComponentChild } from 'preact';
import type { Site } from '@livechat/shared/model';
import { useSite, type SiteControls } from '../state/use-site.js';
import { SitePicker } from './site-picker.js';

interface Props {
  title: string;
  /** The page's content for the chosen site; keyed by site, so switching sites starts it afresh. */
  children: (site: Site, controls: SiteControls) => ComponentChild;
}

/** An admin page about one site: loads the sites, lets the admin pick one when there are several. */
export function SitePage({ title, children }: Props) {
  const controls = useSite();
  const { site, sites, loading, error } = controls;
  return (
    <main class="page">
      <h1 class="page__title">{title}</h1>
      {loading && <p class="empty">Loading…</p>}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!loading && !error && !site && <p class="empty">There is no site yet.</p>}
      {site && (
        <>
          <SitePicker sites={sites} site={site} onSelect={controls.select} />
          <div key={site.id} class="page__body">
            {children(site, controls)}
          </div>
        </>
      )}
    </main>
  );
}
