// Variables in saved replies: "Hi {{contact.first_name}}" becomes "Hi Vera" when an agent inserts the reply. One rule
// for the server (which refuses unknown variables when a reply is saved) and the dashboard (which fills them in).
// Zod-free and pure.

/** Every variable a saved reply may use, in the order the dashboard lists them. */
export const REPLY_VARIABLES = [
  'contact.name',
  'contact.first_name',
  'contact.email',
  'contact.phone',
  'agent.name',
  'agent.first_name',
] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

/** What a person calls each one: the name of the box that asks for a missing value. */
export const VARIABLE_LABELS: Readonly<Record<ReplyVariable, string>> = {
  'contact.name': 'Contact name',
  'contact.first_name': 'Contact first name',
  'contact.email': 'Contact email',
  'contact.phone': 'Contact phone',
  'agent.name': 'Agent name',
  'agent.first_name': 'Agent first name',
};

/** The values known for one conversation; an absent or blank one is missing. */
export type VariableValues = Partial<Record<ReplyVariable, string>>;

/** "{{name}}", spaces inside the braces allowed; braces inside are not (so "{{{x}}}" holds "{{x}}"). */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const KNOWN: ReadonlySet<string> = new Set(REPLY_VARIABLES);
export const isReplyVariable = (name: string): name is ReplyVariable => KNOWN.has(name);

/** The names between braces, each once, in the order they first appear. */
export function variablesIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/** The names a saved reply may not use (the server refuses the reply). */
export const unknownVariables = (text: string): string[] =>
  variablesIn(text).filter((n) => !isReplyVariable(n));

/** The refusal of a reply using `unknown` names, listing what may be used instead. */
export function unknownVariablesMessage(unknown: readonly string[]): string {
  const named = unknown.map((n) => `{{${n}}}`).join(', ');
  const all = REPLY_VARIABLES.map((n) => `{{${n}}}`);
  const known = `${all.slice(0, -1).join(', ')} and ${all.at(-1)!}`;
  return `${unknown.length === 1 ? 'Unknown variable' : 'Unknown variables'} ${named}. Use ${known}.`;
}

/** The known variables of `text` that have no value yet: the agent is asked for them before insertion. */
export const missingVariables = (text: string, values: VariableValues): ReplyVariable[] =>
  variablesIn(text)
    .filter(isReplyVariable)
    .filter((n) => !values[n]?.trim());

/**
 * Every known placeholder replaced by its value (empty when missing), in one pass: a value that looks like a
 * placeholder is not filled again. Unknown names and all text outside placeholders stay exactly as they were.
 */
export const fillVariables = (text: string, values: VariableValues): string =>
  text.replace(PLACEHOLDER, (whole, name: string) =>
    isReplyVariable(name) ? (values[name] ?? '').trim() : whole,
  );

/** "Vera Novak" is "Vera"; a name in one word is that word. */
export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

/** The values of one conversation from what the dashboard knows; blank ones are left out (missing). */
export function variableValues(known: {
  contactName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  agentName?: string | undefined;
}): VariableValues {
  const all: VariableValues = {
    'contact.name': known.contactName?.trim(),
    'contact.first_name': firstName(known.contactName ?? ''),
    'contact.email': known.email?.trim(),
    'contact.phone': known.phone?.trim(),
    'agent.name': known.agentName?.trim(),
    'agent.first_name': firstName(known.agentName ?? ''),
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v));
}
