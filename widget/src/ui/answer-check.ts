// The bot's answer check (shared with the server) comes with the question chunk (question.ts), fetched when the first
// question shows. Until it has loaded the composer sends the text as typed, and the server, which checks with the
// same rules, answers an unfitting one with its own "invalid answer" message.
import type { checkAnswer } from '@livechat/shared/playbook/answers';

let check: typeof checkAnswer | undefined;

/** Starts fetching the check (once; a failed fetch is retried by the next question). */
export function loadAnswerCheck(): void {
  if (!check)
    import('./question.js').then(
      (m) => (check = m.checkAnswer),
      () => {},
    );
}

/** The check, once loaded. */
export const answerCheck = (): typeof checkAnswer | undefined => check;
