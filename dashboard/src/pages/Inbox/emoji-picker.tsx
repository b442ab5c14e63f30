// The emoji panel: category tabs, search and recently used ones, native characters only. Loaded on first use (see
// emoji-button.tsx), so the inbox's own code does not carry the emoji data.
import {
  createRecentEmoji,
  emojiByChar,
  emojiCategories,
  searchEmoji,
  type Emoji,
} from '@livechat/shared/emoji';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

interface Props {
  onPick: (char: string) => void;
  onClose: () => void;
}

const RECENT = 'recent';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked storage: the list works in memory for this page
  }
}

export function EmojiPicker({ onPick, onClose }: Props) {
  const id = useId();
  const recent = useMemo(() => createRecentEmoji(browserStorage()), []);
  const recentEmoji = useMemo(() => recent.list().flatMap((char) => emojiByChar(char) ?? []), [recent]);
  const categories = emojiCategories();
  const tabs = useMemo(
    () => [
      ...(recentEmoji.length > 0
        ? [{ id: RECENT, label: 'Recently used', icon: recentEmoji[0]!.char, emoji: recentEmoji }]
        : []),
      ...categories.map((c) => ({ id: c.id, label: c.label, icon: c.emoji[0]?.char ?? '', emoji: c.emoji })),
    ],
    [recentEmoji, categories],
  );
  const [active, setActive] = useState(tabs[0]!.id);
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  useLayoutEffect(() => search.current?.focus(), []);

  const pick = (emoji: Emoji) => {
    recent.add(emoji.char);
    onPick(emoji.char);
  };

  const results = query.trim() ? searchEmoji(query) : null;
  const current = tabs.find((t) => t.id === active) ?? tabs[0]!;

  // Tabs: arrow keys move between them (one tab stop), as the ARIA tabs pattern has it.
  const tabKey = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to =
      e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : (index + step + tabs.length) % tabs.length;
    if (!step && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const tab = tabs[to]!;
    setActive(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };

  return (
    <div
      class="emoji"
      role="dialog"
      aria-label="Emoji"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <input
        ref={search}
        class="input emoji__search"
        type="search"
        aria-label="Search emoji"
        placeholder="Search emoji"
        autocomplete="off"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {results ? (
        <div class="emoji__panel" role="group" aria-label="Search results">
          {results.length === 0 ? (
            <p class="muted emoji__none">No emoji found.</p>
          ) : (
            <EmojiGrid emoji={results} onPick={pick} />
          )}
        </div>
      ) : (
        <>
          <div class="emoji__tabs" role="tablist" aria-label="Emoji categories">
            {tabs.map((tab, index) => (
              <button
                key={tab.id}
                ref={(el) => {
                  if (el) tabRefs.current.set(tab.id, el);
                  else tabRefs.current.delete(tab.id);
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${tab.id}`}
                class="emoji__tab"
                aria-label={tab.label}
                title={tab.label}
                aria-selected={tab.id === current.id}
                aria-controls={`${id}-panel`}
                tabIndex={tab.id === current.id ? 0 : -1}
                onClick={() => setActive(tab.id)}
                onKeyDown={(e) => tabKey(e, index)}
              >
                <span aria-hidden="true">{tab.icon}</span>
              </button>
            ))}
          </div>
          <div
            class="emoji__panel"
            role="tabpanel"
            id={`${id}-panel`}
            aria-labelledby={`${id}-tab-${current.id}`}
          >
            <p class="emoji__heading" aria-hidden="true">
              {current.label}
            </p>
            <EmojiGrid emoji={current.emoji} onPick={pick} />
          </div>
        </>
      )}
    </div>
  );
}

function EmojiGrid({ emoji, onPick }: { emoji: readonly Emoji[]; onPick: (emoji: Emoji) => void }) {
  return (
    <div class="emoji__grid">
      {emoji.map((e) => (
        <button
          key={e.char}
          type="button"
          class="emoji__item"
          aria-label={e.name}
          title={e.name}
          onClick={() => onPick(e)}
        >
          {e.char}
        </button>
      ))}
    </div>
  );
}
