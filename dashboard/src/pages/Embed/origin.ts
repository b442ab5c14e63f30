import { OriginSchema } from '@livechat/shared/model';

export type OriginCheck = { ok: true; origin: string } | { ok: false; error: string };

/**
 * Checks an origin the admin typed, with the server's schema: a full address ("https://Shop.example.com/products")
 * is cut down to its origin, as the server would store it.
 */
export function checkOrigin(raw: string, allowed: readonly string[]): OriginCheck {
  const parsed = OriginSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues[0]?.message ?? 'Enter a valid origin.' };
  if (allowed.includes(parsed.data)) return { ok: false, error: `${parsed.data} is already allowed.` };
  return { ok: true, origin: parsed.data };
}
