// The "emoji" chunk: a compact picker (categories, search, recently used) that puts the emoji into the message box
// at its caret. It stays open for more; Escape closes it and gives the box back its focus.
import { Component, createRef } from 'preact';
import {
  createRecentEmoji,
  emojiByChar,
  emojiCategories,
  searchEmoji,
  type Emoji,
} from '@livechat/shared/emoji';
import { defaultStorage } from '../state/storage.js';
import type { EmojiProps } from '../ui/media.js';
import { addStyle, stringsFor } from './kit.js';
import { EMOJI_CSS } from './emoji-style.js';
import { EMOJI_STRINGS } from './emoji-strings.js';

const RECENT = 'recent';

interface State {
  query: string;
  /** A category id, or RECENT. */
  tab: string;
}

export class EmojiPicker extends Component<EmojiProps, State> {
  private recent = createRecentEmoji(defaultStorage());
  override state: State = { query: '', tab: this.recent.list().length ? RECENT : 'smileys' };
  private search = createRef<HTMLInputElement>();

  override componentDidMount(): void {
    addStyle(this.base, EMOJI_CSS);
    this.search.current?.focus();
  }

  private pick(char: string): void {
    const { field, onText } = this.props;
    const { value, selectionStart: from, selectionEnd: to } = field;
    onText(value.slice(0, from) + char + value.slice(to));
    this.recent.add(char);
    // After the message box re-rendered with its new text: the caret goes after the emoji.
    setTimeout(() => field.setSelectionRange(from + char.length, from + char.length));
  }

  private close(): void {
    this.props.onClose();
    this.props.field.focus();
  }

  override render({ session }: EmojiProps, { query, tab }: State) {
    const t = stringsFor(EMOJI_STRINGS, session);
    const categories = emojiCategories();
    const shown: readonly Emoji[] = query.trim()
      ? searchEmoji(query)
      : tab === RECENT
        ? this.recent.list().map((char) => emojiByChar(char)!)
        : categories.find((c) => c.id === tab)!.emoji;
    const tabButton = (id: string, label: string, icon: string) => (
      <button
        type="button"
        aria-label={label}
        title={label}
        aria-pressed={!query && tab === id}
        onClick={() => this.setState({ tab: id, query: '' })}
      >
        {icon}
      </button>
    );
    return (
      <div
        class="emoji"
        role="dialog"
        aria-label={t.title}
        onKeyDown={(e) => {
          // Escape closes the picker, not the chat around it.
          if (e.key === 'Escape') {
            e.stopPropagation();
            this.close();
          }
        }}
      >
        <input
          type="search"
          ref={this.search}
          aria-label={t.search}
          placeholder={t.search}
          value={query}
          onInput={(e) => this.setState({ query: e.currentTarget.value })}
        />
        <div class="tabs">
          {this.recent.list().length > 0 && tabButton(RECENT, t.recent, '🕘')}
          {categories.map((c) => tabButton(c.id, t.categories?.[c.id] ?? c.label, c.emoji[0]!.char))}
        </div>
        {shown.length ? (
          <div class="grid">
            {shown.map((e) => (
              <button
                key={e.char}
                type="button"
                aria-label={e.name}
                title={e.name}
                onClick={() => this.pick(e.char)}
              >
                {e.char}
              </button>
            ))}
          </div>
        ) : (
          <p>{t.none}</p>
        )}
      </div>
    );
  }
}
