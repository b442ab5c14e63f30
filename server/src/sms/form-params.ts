// Webhook bodies arrive form-encoded. Callers may hand them over as URLSearchParams (a raw body parsed as is) or as
// the object a form parser makes, where a repeated key becomes an array; both read the same here.

export type FormParams = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Every (key, value) pair, a repeated key once per value. */
export function formEntries(params: FormParams): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  return Object.entries(params).flatMap(([key, value]) =>
    value === undefined
      ? []
      : typeof value === 'string'
        ? [[key, value]]
        : value.map((v): [string, string] => [key, v]),
  );
}

/** The first value of each key: what a single-valued field reads. */
export function firstValues(params: FormParams): Record<string, string> {
  // No prototype: a key such as `__proto__` stays an ordinary field.
  const values = Object.create(null) as Record<string, string>;
  for (const [key, value] of formEntries(params)) if (!Object.hasOwn(values, key)) values[key] = value;
  return values;
}
