// Zod's stock messages ("Too small: expected string to have >=1 characters") in words a person reads. Installed as
// zod's global error map when this module loads, so the server's 400 `details` and the dashboard's own checks say
// the same thing. Messages written on a schema (`.min(1, 'Enter a name.')`) still win over these.
import { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const count = (n: number | bigint, one: string, many: string) => (Number(n) === 1 ? one : `${n} ${many}`);

function tooSmall(issue: Extract<RawIssue, { code: 'too_small' }>): string {
  const { origin, minimum, inclusive = true } = issue;
  if (origin === 'string') {
    return Number(minimum) <= 1 ? 'Fill in this field.' : `Use at least ${minimum} characters.`;
  }
  if (origin === 'array' || origin === 'set') {
    return `Choose at least ${count(minimum, 'one', 'items')}.`;
  }
  if (origin === 'date') return 'Choose a later date.';
  return inclusive ? `Enter ${minimum} or more.` : `Enter a number above ${minimum}.`;
}

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>): string {
  const { origin, maximum, inclusive = true } = issue;
  if (origin === 'string') return `Use at most ${maximum} characters.`;
  if (origin === 'array' || origin === 'set') return `Use at most ${count(maximum, 'one item', 'items')}.`;
  if (origin === 'date') return 'Choose an earlier date.';
  if (origin === 'file') return 'The file is too large.';
  return inclusive ? `Enter ${maximum} or less.` : `Enter a number below ${maximum}.`;
}

const FORMATS: Record<string, string> = {
  email: 'Enter a valid email address.',
  url: 'Enter a full web address, like https://example.com.',
  date: 'Enter a date like 2026-12-31.',
  datetime: 'Enter a date and time.',
  time: 'Enter a time like 14:30.',
  uuid: 'This is not a valid identifier.',
};

function invalidType(issue: Extract<RawIssue, { code: 'invalid_type' }>): string {
  if (issue.input === undefined || issue.input === null) return 'Fill in this field.';
  if (issue.expected === 'int') return 'Enter a whole number.';
  if (issue.expected === 'number') return 'Enter a number.';
  return 'This value is not valid.';
}

/** A union (e.g. "empty or an email"): the message of the branch that got furthest, rather than "Invalid input". */
function invalidUnion(issue: Extract<RawIssue, { code: 'invalid_union' }>): string | undefined {
  const branches = issue.errors.filter((issues) => issues.length > 0);
  const closest = branches.find((issues) =>
    issues.every((i) => i.code !== 'invalid_value' && i.code !== 'invalid_type'),
  );
  return closest?.[0]?.message;
}

/** A plain sentence for a zod issue; undefined leaves zod's own wording. */
export function humanIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'This is not in the expected format.';
    case 'invalid_type':
      return invalidType(issue);
    case 'invalid_value':
      return 'Choose one of the options.';
    case 'invalid_union':
      return invalidUnion(issue) ?? 'This value is not valid.';
    case 'not_multiple_of':
      return `Enter a multiple of ${issue.divisor}.`;
    case 'unrecognized_keys':
      return `Not expected here: ${issue.keys.join(', ')}.`;
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return 'This value is not valid.';
    default:
      return undefined;
  }
}

z.config({ customError: humanIssueMessage });
