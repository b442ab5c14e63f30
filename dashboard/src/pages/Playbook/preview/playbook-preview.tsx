import { isSafeImageSrc } from '@livechat/shared/rich-text';
import { useState } from 'preact/hooks';
import { Avatar } from '../../../components/avatar.js';
import type { PlaybookDraft } from '../draft.js';
import { PreviewBubble } from './preview-bubble.js';
import { PreviewLiveChat } from './preview-live-chat.js';
import { PreviewQuestion } from './preview-question.js';

/** The widget as a visitor will see the playbook, from the draft as typed (saved or not). */
export function PlaybookPreview({ draft }: { draft: PlaybookDraft }) {
  const [agentsAvailable, setAgentsAvailable] = useState(true);
  const hasCard = draft.steps.some((s) => s.kind === 'live_chat');
  const avatar = draft.botAvatarUrl.trim();
  const botName = draft.botName.trim() || 'Bot';

  return (
    <section class="preview" aria-label="Preview">
      <div class="preview__head">
        <h2 class="card__title">Preview</h2>
        {hasCard && (
          <fieldset class="preview__mode">
            <legend class="visually-hidden">Preview as</legend>
            {[true, false].map((value) => (
              <label key={String(value)} class="check">
                <input
                  type="radio"
                  name="preview-agents"
                  checked={agentsAvailable === value}
                  onChange={() => setAgentsAvailable(value)}
                />
                {value ? 'Agents available' : 'No agents available'}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <div class="preview__widget">
        <div class="preview__bar">
          {isSafeImageSrc(avatar) ? (
            <img class="preview__avatar" src={avatar} alt="" referrerpolicy="no-referrer" />
          ) : (
            <Avatar name={botName} kind="agent" />
          )}
          <span class="preview__name">{botName}</span>
        </div>
        {draft.steps.length === 0 ? (
          <p class="muted preview__empty">Add a step to see it here.</p>
        ) : (
          <ol class="preview__log">
            {draft.steps.map((step) => {
              if (step.kind === 'message') return <PreviewBubble key={step.id} source={step.text} />;
              if (step.kind === 'question') {
                return (
                  <PreviewQuestion key={step.id} text={step.text} input={step.input} choices={step.choices} />
                );
              }
              return <PreviewLiveChat key={step.id} card={step} agentsAvailable={agentsAvailable} />;
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
