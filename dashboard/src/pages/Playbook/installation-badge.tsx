// "Not installed" on the Live Chat card until the widget has loaded on one of the site's allowed origins: a playbook
// nobody's page runs reaches no visitor. The page loads the status once; the card reads it from context, so the
// editor's components need not pass it along.
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { sitesApi } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';

/** Whether the widget has loaded on an allowed origin; null while unknown (loading, or the request failed). */
const InstalledContext = createContext<boolean | null>(null);

export function InstallationProvider({ siteId, children }: { siteId: string; children: ComponentChildren }) {
  const { state } = useLoad(() => sitesApi.installation(siteId), [siteId]);
  const installed = state.status === 'ready' ? state.data.installed : null;
  return <InstalledContext.Provider value={installed}>{children}</InstalledContext.Provider>;
}

/** Nothing once installed (or while unknown). */
export function NotInstalledNote() {
  if (useContext(InstalledContext) !== false) return null;
  return (
    <p class="muted">
      <span class="badge badge--waiting">Not installed</span> The widget has not loaded on any of your
      website's allowed origins yet: add the snippet from the Embed page.
    </p>
  );
}
