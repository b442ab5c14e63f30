// Every lead and deal the team captured, with a CSV export of what is shown. Open to every agent: the server
// leaves out records of conversations the agent may not see.
import { useId, useState } from 'preact/hooks';
import { recordsApi } from '../../api/index.js';
import { useLoad } from '../../components/use-load.js';
import { DEFAULT_FILTER, type RecordFilter } from './record-filter.js';
import { RecordTabs } from './record-tabs.js';
import { RecordTable } from './record-table.js';

export function LeadsPage() {
  const [filter, setFilter] = useState<RecordFilter>(DEFAULT_FILTER);
  const { state } = useLoad(() => recordsApi.list(filter.kind), [filter.kind]);
  const panelId = useId();

  return (
    <main class="page">
      <h1 class="page__title">Leads</h1>
      <section class="card records-card">
        <div class="records__bar">
          <RecordTabs selected={filter} panelId={panelId} onSelect={setFilter} />
          {/* The server names the file; `download` keeps the dashboard on screen. */}
          <a class="button button--small" href={recordsApi.csvHref(filter.kind)} download>
            Export CSV
          </a>
        </div>
        <div role="tabpanel" id={panelId} aria-labelledby={`${panelId}-${filter.id}`}>
          {state.status === 'loading' && <p class="empty">Loading…</p>}
          {state.status === 'error' && (
            <p class="form-error" role="alert">
              {state.message}
            </p>
          )}
          {state.status === 'ready' &&
            (state.data.length === 0 ? (
              <p class="empty">{filter.empty}</p>
            ) : (
              <RecordTable records={state.data} label={filter.tableName} />
            ))}
        </div>
      </section>
    </main>
  );
}
