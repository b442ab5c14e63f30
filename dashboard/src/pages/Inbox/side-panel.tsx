import type { Conversation, VisitorContext } from '@livechat/shared/model';
import { useId, useRef, useState } from 'preact/hooks';
import { DetailsPanel } from './details-panel.js';
import { EarlierConversations } from './earlier-conversations.js';
import { ContactNotesSection } from './contact-notes-section.js';
import { GalleryPanel } from './gallery-panel.js';
import { LeadPanel } from './lead-panel.js';
import { TagEditor } from './tag-editor.js';
import { VisitorPanel } from './visitor-panel.js';

interface Props {
  conversationId: string;
  conversation: Conversation | undefined;
  lastVisitorSeq: number;
  /** Pushed live (`visitor.context.updated`); newer than what the Visitor section loaded. */
  visitorContext?: VisitorContext | undefined;
  /** Changes when a message with files arrives (the Gallery refreshes). */
  filesVersion: number;
  ready: boolean;
  onTags: (tags: string[]) => Promise<string | null>;
  onRecordCreated: () => void;
}

type Tab = 'overview' | 'gallery';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'gallery', label: 'Gallery' },
];

/**
 * Beside the timeline, two tabs: the overview (tags, the visitor's other chats, what the playbook captured, details,
 * leads and deals) and the Gallery of files. A hidden tab stays mounted, so unsaved details survive a look at the
 * Gallery; the Gallery loads when first shown.
 */
export function SidePanel({
  conversationId,
  conversation: c,
  lastVisitorSeq,
  visitorContext,
  filesVersion,
  ready,
  onTags,
  onRecordCreated,
}: Props) {
  const id = useId();
  const [tab, setTab] = useState<Tab>('overview');
  const [galleryShown, setGalleryShown] = useState(false);
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());

  const select = (next: Tab, focus = false) => {
    setTab(next);
    if (next === 'gallery') setGalleryShown(true);
    if (focus) tabRefs.current.get(next)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    select(TABS[(index + step + TABS.length) % TABS.length]!.id, true);
  };

  return (
    <div class="side">
      <div class="tabs side__tabs" role="tablist" aria-label="Side panel">
        {TABS.map((t, index) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) tabRefs.current.set(t.id, el);
            }}
            type="button"
            role="tab"
            id={`${id}-${t.id}-tab`}
            class="tabs__tab"
            aria-selected={tab === t.id}
            aria-controls={`${id}-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        class="side__panel"
        role="tabpanel"
        id={`${id}-overview`}
        aria-labelledby={`${id}-overview-tab`}
        hidden={tab !== 'overview'}
      >
        {c && <TagEditor tags={c.tags} onTags={onTags} />}
        {c?.channel !== 'sms' && <VisitorPanel conversationId={conversationId} live={visitorContext} />}
        {c && <EarlierConversations conversation={c} />}
        {c && <ContactNotesSection conversationId={c.id} contactId={c.visitorId} />}
        <LeadPanel conversationId={conversationId} lastVisitorSeq={lastVisitorSeq} ready={ready} />
        <DetailsPanel conversationId={conversationId} onRecordCreated={onRecordCreated} />
      </div>
      <div
        class="side__panel"
        role="tabpanel"
        id={`${id}-gallery`}
        aria-labelledby={`${id}-gallery-tab`}
        hidden={tab !== 'gallery'}
      >
        {galleryShown && <GalleryPanel conversationId={conversationId} version={filesVersion} />}
      </div>
    </div>
  );
}
