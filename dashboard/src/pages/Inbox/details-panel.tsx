import type { CrmRecord } from '@livechat/shared/model';
import { useId } from 'preact/hooks';
import { conversationsApi } from '../../api/index.js';
import { useList } from '../../components/use-list.js';
import { useLoad } from '../../components/use-load.js';
import { DetailsForm } from './details-form.js';
import { RecordList } from './record-list.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  conversationId: string;
  /** A lead or deal was created: its event is in the timeline now. */
  onRecordCreated: () => void;
}

const newestLast = (a: CrmRecord, b: CrmRecord) => a.createdAt - b.createdAt;

/** The deal and contact details of the conversation, and the leads and deals made from them. Key by conversation. */
export function DetailsPanel({ conversationId, onRecordCreated }: Props) {
  const titleId = useId();
  const details = useLoad(() => conversationsApi.details(conversationId), [conversationId]);
  const t = useT();
  const records = useList(() => conversationsApi.records(conversationId), newestLast);
  const created = (record: CrmRecord) => {
    records.put(record);
    onRecordCreated();
  };
  return (
    <section class="side__section details" aria-labelledby={titleId}>
      <h2 class="side__title" id={titleId}>
        {t('side.details')}
      </h2>
      {details.state.status === 'loading' && <p class="muted">Loading…</p>}
      {details.state.status === 'error' && (
        <p class="form-error" role="alert">
          {details.state.message}
        </p>
      )}
      {details.state.status === 'ready' && (
        <DetailsForm conversationId={conversationId} initial={details.state.data} onCreated={created} />
      )}
      <RecordList records={records.items} loading={records.loading} error={records.loadError} />
    </section>
  );
}
