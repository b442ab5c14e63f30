import type { Conversation } from '@livechat/shared/model';
import { DetailsPanel } from './details-panel.js';
import { EarlierConversations } from './earlier-conversations.js';
import { LeadPanel } from './lead-panel.js';
import { TagEditor } from './tag-editor.js';

interface Props {
  conversationId: string;
  conversation: Conversation | undefined;
  lastVisitorSeq: number;
  ready: boolean;
  onTags: (tags: string[]) => Promise<string | null>;
  onRecordCreated: () => void;
}

/** Beside the timeline: tags, the visitor's other chats, what the playbook captured, details, leads and deals. */
export function SidePanel({
  conversationId,
  conversation: c,
  lastVisitorSeq,
  ready,
  onTags,
  onRecordCreated,
}: Props) {
  return (
    <div class="side">
      {c && <TagEditor tags={c.tags} onTags={onTags} />}
      {c && <EarlierConversations conversation={c} />}
      <LeadPanel conversationId={conversationId} lastVisitorSeq={lastVisitorSeq} ready={ready} />
      <DetailsPanel conversationId={conversationId} onRecordCreated={onRecordCreated} />
    </div>
  );
}
