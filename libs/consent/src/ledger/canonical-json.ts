/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): one byte sequence per JSON value, so that a ledger
 * entry hashes the same in every implementation that re-serialises it. Objects get their members
 * sorted by the UTF-16 code units of their names, no whitespace is emitted, strings are escaped as
 * ECMAScript's JSON.stringify does and numbers are written in ECMAScript's shortest round-trip form.
 */

/** Why a value has no canonical form. Stable codes, so callers can map them without parsing messages. */
export type CanonicalJsonErrorCode =
  | 'non-finite-number'
  | 'lone-surrogate'
  | 'unsupported-type'
  | 'not-plain-object'
  | 'sparse-array'
  | 'circular';

export class CanonicalJsonError extends TypeError {
  constructor(
    readonly code: CanonicalJsonErrorCode,
    /** Where in the value, e.g. `$.parties[2].id`. */
    readonly path: string,
    message: string,
  ) {
    super(`${message} (at ${path})`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * A lone surrogate is not a Unicode character, has no UTF-8 encoding and is not I-JSON (RFC 7493),
 * which JCS requires its input to be (RFC 8785 §3.1); emitting it escaped would produce JSON that other
 * implementations reject or read differently, so it is refused.
 */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return true;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

function serialiseString(text: string, path: string): string {
  if (hasLoneSurrogate(text)) throw new CanonicalJsonError('lone-surrogate', path, 'A string contains a lone UTF-16 surrogate');
  // RFC 8785 §3.2.2.2 prescribes exactly ECMAScript's JSON.stringify for (well-formed) strings:
  // \b \t \n \f \r \" \\ in short form, other controls below U+0020 as lower-case \u00xx, the rest as is.
  return JSON.stringify(text);
}

function serialiseNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError('non-finite-number', path, `${value} has no JSON form`);
  // RFC 8785 §3.2.2.3 is ECMAScript Number::toString; String(-0) is "0" as the RFC requires.
  return String(value);
}

/** UTF-16 code unit order (RFC 8785 §3.2.3), independent of locale. */
function compareCodeUnits(a: string, b: string): number {
  // JavaScript's relational operators on strings compare code units, which is exactly the JCS order.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return serialiseString(value, path);
    case 'number':
      return serialiseNumber(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      // JSON.stringify would drop, null out or throw on these depending on where they sit; a ledger
      // entry that silently loses a field is worse than one that is refused.
      throw new CanonicalJsonError('unsupported-type', path, `A ${typeof value} has no JSON form`);
    case 'object':
      break;
  }
  if (value === null) return 'null';
  if (ancestors.has(value)) throw new CanonicalJsonError('circular', path, 'The value contains itself');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new CanonicalJsonError('sparse-array', `${path}[${i}]`, 'An array has a hole');
        items.push(serialise(value[i], `${path}[${i}]`, ancestors));
      }
      return `[${items.join(',')}]`;
    }
    // Dates, Maps, class instances, Buffers…: JSON.stringify would use toJSON or drop their state.
    // Convert them to plain data first, explicitly.
    if (!isPlainObject(value)) throw new CanonicalJsonError('not-plain-object', path, 'Only plain objects and arrays are JSON');
    if (Object.getOwnPropertySymbols(value).length > 0) {
      throw new CanonicalJsonError('unsupported-type', path, 'An object has symbol-keyed properties');
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort(compareCodeUnits)
      .map((name) => {
        const memberPath = `${path}[${JSON.stringify(name)}]`;
        return `${serialiseString(name, memberPath)}:${serialise(record[name], memberPath, ancestors)}`;
      });
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/** The RFC 8785 canonical JSON text of `value`; throws {@link CanonicalJsonError} if it has none. */
export function canonicalJson(value: unknown): string {
  return serialise(value, '$', new Set());
}

const utf8 = new TextEncoder();

/** The UTF-8 bytes of {@link canonicalJson}: the leaf bytes of a ledger entry. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8.encode(canonicalJson(value));
}
