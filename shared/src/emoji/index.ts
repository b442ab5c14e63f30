// Emoji for the dashboard's and the widget's pickers: the dataset, search and recently used. Framework-free,
// zod-free and dependency-free, since the widget loads it on first use within its size budget.
export { emojiByChar, emojiCategories, type Emoji, type EmojiCategory } from './catalog.js';
export { searchEmoji } from './search.js';
export { createRecentEmoji, RECENT_EMOJI_KEY, type RecentEmoji, type RecentEmojiStorage } from './recent.js';
