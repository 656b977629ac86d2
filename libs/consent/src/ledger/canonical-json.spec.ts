import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CanonicalJsonError, canonicalJson, canonicalJsonBytes, type CanonicalJsonErrorCode } from './canonical-json.js';
import { toHex } from './hashing.js';

/** An IEEE 754 double from its bit pattern, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function errorCode(run: () => unknown): CanonicalJsonErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof CanonicalJsonError) return error.code;
    throw error;
  }
}

describe('RFC 8785 examples', () => {
  it('canonicalises the §3.2.2 sample (numbers, string escapes, literals)', () => {
    // Parsed from the RFC's own input text, so the JSON escapes are those of the RFC.
    const input = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`) as unknown;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalJson(input)).toBe(expected);
    // §3.2.4: the UTF-8 bytes of that output, as the RFC prints them.
    expect(toHex(canonicalJsonBytes(input))).toBe(
      '7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b333333333333333333' +
        '2e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac245c753030' +
        '30665c6e4127425c225c5c5c5c5c222f227d',
    );
  });

  it('sorts the §3.2.3 keys by UTF-16 code units (the emoji surrogate pair before U+FB33)', () => {
    const input = JSON.parse(String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('writes the Appendix B number %s as %s', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  it('writes the numbers named in the brief in their shortest ECMAScript form', () => {
    expect(canonicalJson([1e21, 0.000001, -0, 333333333.33333329, 1e-7, 100, 1.5])).toBe('[1e+21,0.000001,0,333333333.3333333,1e-7,100,1.5]');
  });

  it('refuses NaN and the infinities (Appendix B 7fffffffffffffff, 7ff0000000000000)', () => {
    expect(errorCode(() => canonicalJson(fromBits('7fffffffffffffff')))).toBe('non-finite-number');
    expect(errorCode(() => canonicalJson(fromBits('7ff0000000000000')))).toBe('non-finite-number');
    expect(errorCode(() => canonicalJson({ a: [-Infinity] }))).toBe('non-finite-number');
  });
});

describe('strings', () => {
  it('escapes controls as \\u00xx in lower case, except the seven short forms, and leaves the rest as is', () => {
    expect(canonicalJson('\u0000\u0001\u000f\u001f\u007f')).toBe('"\\u0000\\u0001\\u000f\\u001f\u007f"');
    expect(canonicalJson('\b\t\n\f\r"\\')).toBe('"\\b\\t\\n\\f\\r\\"\\\\"');
    expect(canonicalJson('/ é € \u2028 \u2029 😀')).toBe('"/ é € \u2028 \u2029 😀"');
  });

  it('refuses lone surrogates in values and in member names, but accepts proper pairs', () => {
    for (const lone of ['\ud800', 'a\udc00', '\ude00\ud83d', 'x\ud83d']) {
      expect(errorCode(() => canonicalJson(lone))).toBe('lone-surrogate');
      expect(errorCode(() => canonicalJson({ [lone]: 1 }))).toBe('lone-surrogate');
      expect(errorCode(() => canonicalJson([[{ a: lone }]]))).toBe('lone-surrogate');
    }
    expect(canonicalJson('\ud83d\ude00')).toBe('"😀"');
    expect(Array.from(canonicalJsonBytes('\ud83d\ude00'))).toEqual([0x22, 0xf0, 0x9f, 0x98, 0x80, 0x22]);
  });
});

describe('structure', () => {
  it('emits no whitespace and sorts nested members, keeping array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }, 1], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":[3,{"a":2,"z":1},1]}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('sorts by code units, not by locale or code points (upper case before lower, astral before U+FB33)', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, '\ufb33': 4, '\ud83d\ude00': 5, '': 6 })).toBe('{"":6,"B":2,"a":3,"b":1,"😀":5,"\ufb33":4}');
  });

  it('serialises integer-like keys in code unit order, not in JavaScript property order', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', 1: 'c', x: 'd' })).toBe('{"1":"c","10":"a","9":"b","x":"d"}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 1;
    bare.a = 2;
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}');
  });

  it('may repeat the same object in two places (only cycles are refused)', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });
});

describe('values that are not JSON are refused with a code and a path', () => {
  it.each([
    ['undefined', undefined, 'unsupported-type'],
    ['an undefined member', { a: 1, b: undefined }, 'unsupported-type'],
    ['undefined in an array', [1, undefined], 'unsupported-type'],
    ['a function', { f: () => 1 }, 'unsupported-type'],
    ['a symbol', [Symbol('s')], 'unsupported-type'],
    ['a bigint', { amount: 10n }, 'unsupported-type'],
    ['a symbol-keyed member', { [Symbol('k')]: 1 }, 'unsupported-type'],
    ['a Date', { at: new Date(0) }, 'not-plain-object'],
    ['a Map', new Map([['a', 1]]), 'not-plain-object'],
    ['a class instance', new (class Point { x = 1 })(), 'not-plain-object'],
    ['a typed array', { bytes: new Uint8Array(2) }, 'not-plain-object'],
    ['a sparse array', [1, , 3], 'sparse-array'],
    ['NaN', { n: NaN }, 'non-finite-number'],
  ] as const)('refuses %s', (_name, value, code) => {
    expect(errorCode(() => canonicalJson(value))).toBe(code);
  });

  it('refuses a cycle instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = { a: [] };
    (cyclic.a as unknown[]).push(cyclic);
    expect(errorCode(() => canonicalJson(cyclic))).toBe('circular');
  });

  it('says where the offending value is', () => {
    expect(() => canonicalJson({ parties: [{ id: 'a' }, { id: 1n }] })).toThrow('(at $["parties"][1]["id"])');
  });
});

describe('properties', () => {
  it('agrees with JSON.stringify after sorting members, for arbitrary well-formed JSON values', () => {
    /** An independent formulation: JSON.stringify with a replacer that rebuilds objects in code unit order. */
    const reference = (value: unknown): string =>
      JSON.stringify(value, (_key, v: unknown) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
        const sorted: Record<string, unknown> = {};
        // Integer-like keys would jump to the front of a JS object, so the reference only sees other keys.
        // defineProperty, not assignment: a member named "__proto__" must stay a member, not a prototype.
        for (const key of Object.keys(v).sort()) {
          Object.defineProperty(sorted, key, { value: (v as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
        }
        return sorted;
      });
    const noIntegerKeys = fc.jsonValue({ maxDepth: 3 }).filter((v) => !/"\d+":/.test(JSON.stringify(v)));
    fc.assert(
      fc.property(noIntegerKeys, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a member named "__proto__" (the counterexample fast-check found)', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":false}'))).toBe('{"__proto__":false,"b":1}');
  });

  it('is a fixed point: parsing canonical JSON and canonicalising again changes nothing, whatever the member order', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
        const reversed = JSON.parse(once, (_key, v: unknown) =>
          v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(once);
        expect(new TextDecoder().decode(canonicalJsonBytes(value))).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
