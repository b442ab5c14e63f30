// Admins: a site's business hours. Off (the default) the site is always open; on, outside the weekly opening times
// and on holidays the Live Chat card goes straight to the offline flow and the visitor is told when the team is back.
import type { Agent } from '@livechat/shared/model';
import { AdminOnly } from '../../components/admin-only.js';
import { SitePage } from '../../components/site-page.js';
import { useLoad } from '../../components/use-load.js';
import { WhenLoaded } from '../../components/when-loaded.js';
import { businessHoursApi } from '../../api/index.js';
import { BusinessHoursForm } from './business-hours-form.js';
import './business-hours.css';

export function BusinessHoursPage({ agent }: { agent: Agent }) {
  return (
    <AdminOnly agent={agent} title="Business hours" refusal="Only admins can see the business hours.">
      <SitePage title="Business hours">{(site) => <BusinessHoursLoader siteId={site.id} />}</SitePage>
    </AdminOnly>
  );
}

function BusinessHoursLoader({ siteId }: { siteId: string }) {
  const loaded = useLoad(() => businessHoursApi.get(siteId), [siteId]);
  return (
    <WhenLoaded state={loaded.state}>
      {(hours) => <BusinessHoursForm siteId={siteId} initial={hours} />}
    </WhenLoaded>
  );
}
