// Opt-out, opt-in and help keywords in an inbound SMS, as Twilio recognises them by default (help.twilio.com
// 223134027 "Twilio support for opt-out keywords (SMS STOP filtering)"; REVOKE and OPTOUT from Twilio's Advanced
// Opt-Out guide). Twilio acts only on a message that is the keyword alone, in any case: "STOP" blocks the sender,
// "STOP PLEASE" and "PLEASE CANCEL" do not. Twilio says nothing of punctuation; we also take "Stop." and "STOP!", since
// honouring an opt-out Twilio might not is the safe side to err on.
// Twilio answers INFO like HELP; the issue lists HELP alone, so INFO stays an ordinary message here.

export type SmsKeyword = 'opt-out' | 'opt-in' | 'help';

const KEYWORDS: ReadonlyMap<string, SmsKeyword> = new Map([
  ...['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'].map(
    (word) => [word, 'opt-out'] as const,
  ),
  ...['START', 'YES', 'UNSTOP'].map((word) => [word, 'opt-in'] as const),
  ['HELP', 'help'] as const,
]);

/** The keyword an inbound SMS body is, or null when it is an ordinary message. */
export function classifyKeyword(body: string): SmsKeyword | null {
  const word = body.trim().replace(/[\p{P}\s]+$/u, '');
  return KEYWORDS.get(word.toUpperCase()) ?? null;
}
