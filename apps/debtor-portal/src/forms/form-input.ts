/**
 * A submitted form as the pages read it: every field a string (or a list, for checkboxes), trimmed,
 * and kept as typed so an error shows it again unchanged.
 */
export type FormFields = Readonly<Record<string, string | readonly string[]>>;

export function field(fields: FormFields, name: string): string {
  const value = fields[name];
  if (Array.isArray(value)) return String(value[0] ?? '').trim();
  return typeof value === 'string' ? value.trim() : '';
}

export function fieldList(fields: FormFields, name: string): string[] {
  const value = fields[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => String(v).trim()).filter((v) => v !== '');
}

/** A problem with one field: its name (the input's id) and the catalogue text saying how to fix it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** What a form page shows again after a refused submit: what was typed, and what to fix beside each field. */
export interface FormEcho {
  readonly values: FormFields;
  readonly errors: readonly FieldError[];
  /** A refusal that concerns the whole form, not one field. */
  readonly problem?: string;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Only what a form may hold goes into a draft: no CSRF token, nothing absurdly long. */
export function draftOf(body: unknown): FormFields {
  const fields: Record<string, string | string[]> = {};
  if (body === null || typeof body !== 'object') return fields;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === '_csrf' || name.length > 64) continue;
    if (typeof value === 'string') fields[name] = value.slice(0, 2_000);
    else if (Array.isArray(value)) fields[name] = value.filter((v): v is string => typeof v === 'string').slice(0, 50).map((v) => v.slice(0, 2_000));
  }
  return fields;
}
