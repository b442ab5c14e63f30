/** Typing pauses this long before the list is asked again (ms): the search box and the typed filters. */
export const SEARCH_DELAY_MS = 300;
