// Answers to the bot are shorter than messages. Its own module: the widget's composer counts against it before the
// answer rules (answers.ts, a lazy chunk there) have loaded.
export const MAX_ANSWER_LENGTH = 500;
