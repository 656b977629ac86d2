/**
 * Lifecycles (claim, consent, mandate, proposal, plan) are explicit transition tables: from each
 * state, which event leads where. Anything not in the table is refused.
 */
export type TransitionTable<S extends string, E extends string> = Readonly<Record<S, Partial<Record<E, S>>>>;

export type Transition<S extends string, E extends string> =
  | { readonly ok: true; readonly to: S }
  | { readonly ok: false; readonly from: S; readonly event: E };

export function nextState<S extends string, E extends string>(table: TransitionTable<S, E>, from: S, event: E): Transition<S, E> {
  const to = table[from][event];
  return to === undefined ? { ok: false, from, event } : { ok: true, to };
}

/** Whether a value is one of a closed set of strings (the values of a const "enum" object). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
