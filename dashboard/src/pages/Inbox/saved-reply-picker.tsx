import type { SavedReply } from '@livechat/shared/model';

interface Props {
  id: string;
  replies: readonly SavedReply[];
  active: number;
  onChoose: (reply: SavedReply) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

/**
 * The saved replies matching what follows "/"; the agent's own are marked "Mine". Focus stays in the reply box, which points at the active option
 * (aria-activedescendant); a click chooses without taking the focus away.
 */
export function SavedReplyPicker({ id, replies, active, onChoose }: Props) {
  return (
    <ul class="picker" id={id} role="listbox" aria-label="Saved replies">
      {replies.map((r, i) => (
        <li
          key={r.id}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          class={`picker__option${i === active ? ' picker__option--active' : ''}`}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(r);
          }}
        >
          <span class="picker__shortcut">/{r.shortcut}</span>
          {r.personal && (
            <>
              {' '}
              <span class="picker__mine">Mine</span>
            </>
          )}{' '}
          <span class="picker__body">{r.body}</span>
        </li>
      ))}
    </ul>
  );
}
