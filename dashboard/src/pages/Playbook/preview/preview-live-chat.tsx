import { CAPTURE_INPUT } from '@livechat/shared/playbook';
import { capturedFields, type LiveChatDraft } from '../draft.js';
import { PreviewBubble } from './preview-bubble.js';
import { PreviewQuestion } from './preview-question.js';

interface Props {
  card: LiveChatDraft;
  /** Whether the preview assumes an agent is available. */
  agentsAvailable: boolean;
}

/** The hand-over: the online message and the wait, then the offline flow that runs when nobody takes the chat. */
export function PreviewLiveChat({ card, agentsAvailable }: Props) {
  const { questions, capture, thankYou } = card.offlineFlow;
  return (
    <>
      {agentsAvailable && (
        <>
          <PreviewBubble source={card.onlineMessage} />
          <li class="preview__waiting">Waiting for an agent…</li>
        </>
      )}
      <li>
        <section class="preview__branch" aria-labelledby={`branch-${card.id}`}>
          <h3 class="preview__branch-title" id={`branch-${card.id}`}>
            If nobody is available
          </h3>
          <ol class="preview__log">
            <PreviewBubble source={card.offlineMessage} />
            {questions.map((q) => (
              <PreviewQuestion key={q.id} text={q.text} input={q.input} choices={q.choices} />
            ))}
            {capturedFields(capture).map((field) => (
              <PreviewQuestion key={field} text={capture[field].text} input={CAPTURE_INPUT[field]} />
            ))}
            <PreviewBubble source={thankYou} />
          </ol>
        </section>
      </li>
    </>
  );
}
