// The chunk of the bot's questions (widget-question.js), fetched when the first question shows: many chats never
// get one. Its choice buttons, and the answer rules the server applies too.
export { checkAnswer } from '@livechat/shared/playbook/answers';
export { QuestionChoices } from './question-choices.js';
