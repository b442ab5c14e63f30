import type { Agent } from '@livechat/shared/model';
import { AdminOnly } from '../../components/admin-only.js';
import { SitePage } from '../../components/site-page.js';
import { AllowedOrigins } from './allowed-origins.js';
import { EmbedSnippet } from './embed-snippet.js';
import { InstallationStatus } from './installation-status.js';
import { IdentityVerification } from './identity-verification.js';

export function EmbedPage({ agent }: { agent: Agent }) {
  return (
    <AdminOnly agent={agent} title="Embed" refusal="Only admins can see the embed settings.">
      <SitePage title="Embed">
        {(site, { replace }) => (
          <>
            <EmbedSnippet siteKey={site.key} />
            <AllowedOrigins site={site} onSaved={replace} />
            <InstallationStatus site={site} />
            <IdentityVerification site={site} />
          </>
        )}
      </SitePage>
    </AdminOnly>
  );
}
