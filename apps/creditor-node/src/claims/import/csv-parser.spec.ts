import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ImportErrorCode } from './claim-import-row.js';
import { utf8 } from './claim-import.test-fixtures.js';
import { firstInvalidUtf8Byte, parseCsv } from './csv-parser.js';

function parsed(text: string) {
  const result = parseCsv(utf8(text));
  if (!result.ok) throw new Error(`expected a parse, got ${JSON.stringify(result.errors)}`);
  return result;
}

function failed(input: string | Uint8Array) {
  const result = parseCsv(typeof input === 'string' ? utf8(input) : input);
  if (result.ok) throw new Error('expected errors, got a parse');
  return result.errors;
}

describe('parseCsv', () => {
  it('parses a Dutch Excel file: BOM, semicolons, CRLF, quoted values with ; and doubled quotes', () => {
    const text =
      '\uFEFFclaim_id;description;principal_cents\r\n' +
      'AJ-2025-004711;"Gemeentelijke belastingen 2025; afvalstoffenheffing";41250\r\n' +
      'AJ-2025-004712;"Rioolheffing ""eigenaar"" 2025";18900\r\n';
    expect(parsed(text)).toEqual({
      ok: true,
      header: ['claim_id', 'description', 'principal_cents'],
      records: [
        { line: 2, values: ['AJ-2025-004711', 'Gemeentelijke belastingen 2025; afvalstoffenheffing', '41250'] },
        { line: 3, values: ['AJ-2025-004712', 'Rioolheffing "eigenaar" 2025', '18900'] },
      ],
    });
  });

  it('parses a comma file with LF and no final line break the same way', () => {
    const text = 'claim_id,description,principal_cents\nWS-2025-1,"Watersysteemheffing, ingezetenen",9950';
    expect(parsed(text).records).toEqual([{ line: 2, values: ['WS-2025-1', 'Watersysteemheffing, ingezetenen', '9950'] }]);
    expect(parsed(`${text}\n`)).toEqual(parsed(text));
    expect(parsed(text.replaceAll('\n', '\r\n'))).toEqual(parsed(text));
  });

  it('keeps line numbers right after a quoted value that spans lines', () => {
    const text = [
      'claim_id;description;principal_cents',
      'AJ-1;"Aanslag 2025',
      'tweede regel',
      'derde regel";100',
      'AJ-2;Hondenbelasting;200',
      'AJ-3;"Precario\r\nterras";300',
      'AJ-4;OZB;400',
    ].join('\r\n');
    const { records } = parsed(text);
    expect(records.map((r) => r.line)).toEqual([2, 5, 6, 8]);
    expect(records[0]?.values[1]).toBe('Aanslag 2025\r\ntweede regel\r\nderde regel');
    expect(records[2]?.values[1]).toBe('Precario\r\nterras');
  });

  it('accepts old Mac line endings (a lone CR)', () => {
    expect(parsed('a;b\r1;2\r3;4').records).toEqual([
      { line: 2, values: ['1', '2'] },
      { line: 3, values: ['3', '4'] },
    ]);
  });

  it('detects the delimiter from the header only, outside quotes', () => {
    // The header has one ';' inside quotes and two commas outside: the delimiter is the comma.
    expect(parsed('"a;b",c,d\n1;2,3,4').records).toEqual([{ line: 2, values: ['1;2', '3', '4'] }]);
    // A semicolon header whose data holds commas.
    expect(parsed('a;b\n1,5;2').records).toEqual([{ line: 2, values: ['1,5', '2'] }]);
  });

  it('returns values exactly as written, spaces and empty values included', () => {
    expect(parsed('a,b,c\n 1 ,,""').records).toEqual([{ line: 2, values: [' 1 ', '', ''] }]);
  });

  it('skips empty lines at the end, including the ;;; lines Excel leaves behind', () => {
    const { records } = parsed('a;b\r\n1;2\r\n\r\n;\r\n  \r\n');
    expect(records).toEqual([{ line: 2, values: ['1', '2'] }]);
  });

  it('accepts real UTF-8 with accents, euro signs and emoji', () => {
    const { records } = parsed('description\n"Café € 12,50 – ✓ 🚰"\n');
    expect(records[0]?.values).toEqual(['Café € 12,50 – ✓ 🚰']);
  });

  describe('errors', () => {
    it('reports an unclosed quote on the line where the quote opened', () => {
      const errors = failed('a;b\n1;2\n3;"Aanslag\nnog een regel\n5;6\n');
      expect(errors).toEqual([
        {
          row: 3,
          field: null,
          code: ImportErrorCode.MALFORMED_CSV,
          message: 'line 3: the quoted value in field 2 is never closed; a closing quote (") is missing',
        },
      ]);
    });

    it('reports a quote inside a value that is not quoted', () => {
      const errors = failed('a;b\n1;Rioolheffing "eigenaar"\n');
      expect(errors).toEqual([
        {
          row: 2,
          field: null,
          code: ImportErrorCode.MALFORMED_CSV,
          message: expect.stringContaining('line 2: field 2 contains a quote (") but does not start with one'),
        },
      ]);
    });

    it('reports text after a closing quote', () => {
      const errors = failed('a;b\n1;"Riool"heffing\n');
      expect(errors.map((e) => [e.row, e.code])).toEqual([[2, ImportErrorCode.MALFORMED_CSV]]);
      expect(errors[0]?.message).toContain('field 2 has text after its closing quote');
    });

    it('reports every record with the wrong number of fields, naming the line and the counts', () => {
      const errors = failed('a;b;c\n1;2;3\n1;2\n1;2;3;4\n1;2;3\n');
      expect(errors).toEqual([
        {
          row: 3,
          field: null,
          code: ImportErrorCode.MALFORMED_CSV,
          message: "line 3 has 2 fields but the header has 3; is a ';' missing?",
        },
        {
          row: 4,
          field: null,
          code: ImportErrorCode.MALFORMED_CSV,
          message: "line 4 has 4 fields but the header has 3; a value that contains ';' must be put in double quotes",
        },
      ]);
    });

    it('names the start line of a multi-line record with the wrong number of fields', () => {
      const errors = failed('a,b,c\n1,"x\ny",3\n1,"x\ny"\n');
      expect(errors.map((e) => e.row)).toEqual([4]);
    });

    it('reports an empty line between records', () => {
      const errors = failed('a;b\n1;2\n\n3;4\n');
      expect(errors).toEqual([
        {
          row: 3,
          field: null,
          code: ImportErrorCode.MALFORMED_CSV,
          message: 'line 3 is empty; remove empty lines between claims',
        },
      ]);
    });

    it('reports all structural problems together, in line order', () => {
      const errors = failed('a;b\n1;x"y\n1\n2;"z"q\n');
      expect(errors.map((e) => [e.row, e.code])).toEqual([
        [2, ImportErrorCode.MALFORMED_CSV],
        [3, ImportErrorCode.MALFORMED_CSV],
        [4, ImportErrorCode.MALFORMED_CSV],
      ]);
    });

    it.each([
      ['no bytes at all', ''],
      ['only a byte order mark', '\uFEFF'],
      ['only line breaks and spaces', '\r\n \r\n\r\n'],
    ])('reports EMPTY_FILE for %s', (_, text) => {
      expect(failed(text)).toEqual([
        { row: 1, field: null, code: ImportErrorCode.EMPTY_FILE, message: 'the file is empty' },
      ]);
    });

    it.each([
      ['without a final line break', 'claim_id;principal_cents'],
      ['with a final line break', 'claim_id;principal_cents\r\n'],
      ['followed by empty lines', 'claim_id;principal_cents\r\n\r\n;\r\n'],
    ])('reports EMPTY_FILE for a header %s', (_, text) => {
      expect(failed(text)).toEqual([
        {
          row: 1,
          field: null,
          code: ImportErrorCode.EMPTY_FILE,
          message: 'the file has a header line but no claims',
        },
      ]);
    });

    it('reports a Windows-1252 file as INVALID_ENCODING, naming the line and byte, and asks for UTF-8', () => {
      // "Café" as Windows-1252 writes it: é is the single byte 0xE9, which is not UTF-8.
      const bytes = Uint8Array.from([...utf8('claim_id;description\nAJ-1;Caf'), 0xe9, ...utf8('\n')]);
      const errors = failed(bytes);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ row: 2, field: null, code: ImportErrorCode.INVALID_ENCODING });
      expect(errors[0]?.message).toContain('line 2 contains byte 0xE9');
      expect(errors[0]?.message).toContain("'é' in a Windows-1252");
      expect(errors[0]?.message).toContain('Save the file as UTF-8');
    });

    it('counts lines in bytes correctly for an encoding error far down a CRLF file', () => {
      const bytes = Uint8Array.from([...utf8('a;b\r\n1;2\r\n"x\r\ny";3\r\n4;'), 0x80]);
      expect(failed(bytes)).toEqual([expect.objectContaining({ row: 5, code: ImportErrorCode.INVALID_ENCODING })]);
    });
  });
});

describe('firstInvalidUtf8Byte', () => {
  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong slash', [0xc0, 0xaf], 0],
    ['a UTF-16 surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a sequence cut short at the end', [0xe2, 0x82], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a lead byte followed by ASCII', [0x43, 0x61, 0x66, 0xe9, 0x20], 3],
  ])('finds %s', (_, bytes, offset) => {
    expect(firstInvalidUtf8Byte(Uint8Array.from(bytes))).toBe(offset);
  });

  it('agrees with the fatal TextDecoder on any bytes', () => {
    const decodes = (bytes: Uint8Array): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Bias towards the bytes that matter (lead and continuation bytes) so invalid and valid
    // multi-byte sequences both come up often.
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (values) => {
        const bytes = Uint8Array.from(values);
        expect(firstInvalidUtf8Byte(bytes) === -1).toBe(decodes(bytes));
      }),
      { numRuns: 5000 },
    );
    // Valid text of every kind is always accepted.
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(firstInvalidUtf8Byte(utf8(text))).toBe(-1);
      }),
    );
  });
});
