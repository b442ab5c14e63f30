// The side panel's form: what the inputs hold (strings), the details the API takes, and their checks.
import {
  CURRENCIES,
  ConversationDetailsSchema,
  type ConversationDetails,
  type Currency,
  type RecordKind,
} from '@livechat/shared/model';
import { DEAL_NEEDS_VALUE } from '@livechat/shared/api';
import { serverFieldErrors } from '../../components/server-field-errors.js';

export interface DetailsDraft {
  /** The deal value's amount as typed; "" is no value. */
  amount: string;
  currency: Currency;
  /** YYYY-MM-DD, or "". */
  expectedCloseDate: string;
  contactName: string;
  email: string;
  phone: string;
  organizationName: string;
  organizationAddress: string;
  note: string;
}

export type DetailsField = keyof ConversationDetails;
export type DetailsErrors = Partial<Record<DetailsField, string>>;

const FIELDS: readonly DetailsField[] = Object.keys(ConversationDetailsSchema.shape) as DetailsField[];

export { DEAL_NEEDS_VALUE };

export function toDraft(d: ConversationDetails): DetailsDraft {
  return {
    amount: d.dealValue?.amount ?? '',
    currency: d.dealValue?.currency ?? CURRENCIES[0],
    expectedCloseDate: d.expectedCloseDate ?? '',
    contactName: d.contactName,
    email: d.email,
    phone: d.phone,
    organizationName: d.organizationName,
    organizationAddress: d.organizationAddress,
    note: d.note,
  };
}

export function fromDraft({
  amount,
  currency,
  expectedCloseDate,
  ...rest
}: DetailsDraft): ConversationDetails {
  return {
    ...rest,
    dealValue: amount.trim() ? { amount: amount.trim(), currency } : null,
    expectedCloseDate: expectedCloseDate || null,
  };
}

/** The same checks as the server's, by field; a deal also needs a value. Empty when the draft is fine. */
export function checkDraft(draft: DetailsDraft, kind?: RecordKind): DetailsErrors {
  const errors: DetailsErrors = {};
  const result = ConversationDetailsSchema.safeParse(fromDraft(draft));
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path[0] as DetailsField;
    errors[field] ??= issue.message;
  }
  if (kind === 'deal' && !draft.amount.trim()) errors.dealValue ??= DEAL_NEEDS_VALUE;
  return errors;
}

/** The server's field errors: "body.email" when saving, "body.details.email" when creating a record. */
export function serverDetailsErrors(error: unknown): DetailsErrors {
  const nested = serverFieldErrors(
    error,
    FIELDS.map((f) => `details.${f}`),
  );
  const errors: DetailsErrors = serverFieldErrors(error, FIELDS);
  for (const field of FIELDS) errors[field] ??= nested[`details.${field}`];
  return Object.fromEntries(Object.entries(errors).filter(([, m]) => m !== undefined));
}

export const hasErrors = (errors: DetailsErrors) => Object.keys(errors).length > 0;

/** Whether two drafts say the same (unsaved edits make the draft differ from what was saved). */
export function sameDraft(a: DetailsDraft, b: DetailsDraft): boolean {
  return (Object.keys(a) as (keyof DetailsDraft)[]).every((k) => a[k] === b[k]);
}

/** The field a draft key edits: amount and currency make up the deal value. */
const fieldOf = (key: keyof DetailsDraft): DetailsField =>
  key === 'amount' || key === 'currency' ? 'dealValue' : key;

/** The errors without those of the edited keys' fields; the same object when none was shown. */
export function withoutErrors(errors: DetailsErrors, keys: readonly (keyof DetailsDraft)[]): DetailsErrors {
  const fields = new Set(keys.map(fieldOf));
  if (!Object.keys(errors).some((f) => fields.has(f as DetailsField))) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([f]) => !fields.has(f as DetailsField)));
}

/** A new deal's title unless the agent typed one: "<organization or contact> deal". */
export function defaultDealTitle(draft: DetailsDraft): string {
  const who = draft.organizationName.trim() || draft.contactName.trim();
  return who ? `${who} deal` : 'New deal';
}
