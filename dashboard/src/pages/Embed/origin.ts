import { OriginSchema } from '@livechat/shared/model';

export type OriginCheck = { ok: true; origin: string } | { ok: false; error: string };

/** Checks an origin the admin typed; forgives a trailing slash and capitals, which browsers never send. */
export function checkOrigin(raw: string, allowed: readonly string[]): OriginCheck {
  const origin = raw.trim().replace(/\/$/, '').toLowerCase();
  if (!origin) return { ok: false, error: 'Enter an origin like https://example.com' };
  const parsed = OriginSchema.safeParse(origin);
  if (!parsed.success) {
    return { ok: false, error: `Enter ${parsed.error.issues[0]?.message ?? 'a valid origin'} (no path)` };
  }
  if (allowed.includes(parsed.data)) return { ok: false, error: `${parsed.data} is already allowed` };
  return { ok: true, origin: parsed.data };
}
