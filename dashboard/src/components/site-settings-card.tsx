// A Settings card about one site: its title, the site picker (when there are several), and the card's body for the
// site picked, once the sites have loaded.
import type { ComponentChildren } from 'preact';
import type { Site } from '@livechat/shared/model';
import { useSite, type SiteControls } from '../state/use-site.js';
import { SitePicker } from './site-picker.js';

interface Props {
  /** The heading's id (the card is labelled by it). */
  id: string;
  title: string;
  children: (site: Site, controls: SiteControls) => ComponentChildren;
}

export function SiteSettingsCard({ id, title, children }: Props) {
  const controls = useSite();
  const { site, sites } = controls;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 class="card__title" id={id}>
        {title}
      </h2>
      {controls.loading && <p class="muted">Loading…</p>}
      {controls.error && (
        <p class="form-error" role="alert">
          {controls.error}
        </p>
      )}
      {site && (
        <>
          <SitePicker sites={sites} site={site} onSelect={controls.select} />
          {children(site, controls)}
        </>
      )}
    </section>
  );
}
