import { ImportErrorCode, type ImportRowError } from './claim-import-row.js';

/** One CSV record: its values, and the line of the file where it starts (the header is line 1). */
export interface CsvRecord {
  line: number;
  values: string[];
}

export type ParseCsvResult = { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; errors: ImportRowError[] };

type Delimiter = ',' | ';';

/**
 * Parses a CSV file as RFC 4180 describes it: fields in double quotes may hold the delimiter, line
 * breaks and doubled quotes (""); records end in CRLF or LF (a lone CR, from old Mac exports, too);
 * the last line break is optional. A UTF-8 byte order mark is dropped (Excel's "CSV UTF-8" writes
 * one). The delimiter is a comma, or a semicolon as Excel writes it with Dutch regional settings:
 * whichever of the two occurs more often outside quotes in the header line.
 *
 * The parser reports every structural problem it can find rather than the first; only an unclosed
 * quote stops it, because after that nothing can be told apart. A record's line is where it starts,
 * so line numbers stay right after values that span lines. Fully empty lines at the end (which
 * editors and Excel leave behind) are skipped. Values are returned exactly as written, untrimmed.
 * Size limits are the caller's job.
 */
export function parseCsv(bytes: Uint8Array): ParseCsvResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  // TextDecoder drops a BOM by default; this is a second guard should that default ever change.
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  if (text.trim() === '') return emptyFile('the file is empty');

  const delimiter = detectDelimiter(text);
  const { records, errors } = splitRecords({ text, delimiter });
  while (records.length > 0 && isBlank(records[records.length - 1])) records.pop();

  const [header, ...rows] = records;
  if (header === undefined) return errors.length > 0 ? { ok: false, errors } : emptyFile('the file is empty');
  for (const record of rows) {
    if (record.values.length === header.values.length) continue;
    errors.push(malformed(record.line, fieldCountProblem({ record, expected: header.values.length, delimiter })));
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  if (rows.length === 0) return emptyFile('the file has a header line but no claims');
  return { ok: true, header: header.values, records: rows };
}

function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: ImportRowError } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // With fatal: true, decode throws only for bytes that are not UTF-8. (Not checked with
    // instanceof TypeError: under a test runner's VM context the error may come from another realm.)
    return { ok: false, error: encodingError(bytes) };
  }
}

/** Points at the first offending byte, because "not UTF-8" alone leaves a user guessing. */
function encodingError(bytes: Uint8Array): ImportRowError {
  const advice =
    'Save the file as UTF-8 (in Excel: "Save as", type "CSV UTF-8 (comma delimited)") and upload it again.';
  const offset = firstInvalidUtf8Byte(bytes);
  const byte = bytes[offset];
  if (offset < 0 || byte === undefined) {
    return { row: 1, field: null, code: ImportErrorCode.INVALID_ENCODING, message: `the file is not UTF-8. ${advice}` };
  }
  const line = lineOfByte({ bytes, offset });
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const guess = windows1252Char(byte);
  const likely = guess === null ? '' : `, which is '${guess}' in a Windows-1252 (ANSI) file`;
  return {
    row: line,
    field: null,
    code: ImportErrorCode.INVALID_ENCODING,
    message: `the file is not UTF-8: line ${line} contains byte ${hex}${likely}. ${advice}`,
  };
}

/**
 * The offset of the first byte that does not start a valid UTF-8 sequence (the WHATWG decoder's
 * rules: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all bytes are valid.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return -1;
}

function lineOfByte(params: { bytes: Uint8Array; offset: number }): number {
  const { bytes, offset } = params;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

function windows1252Char(byte: number): string | null {
  try {
    const char = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
    return /^\P{Cc}$/u.test(char) ? char : null;
  } catch {
    return null; // a Node build without full ICU: no guess, the advice still stands
  }
}

function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted; // a doubled quote toggles twice: no change, as it should
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') break;
    else if (char === ',') commas += 1;
    else if (char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

function splitRecords(params: { text: string; delimiter: Delimiter }): { records: CsvRecord[]; errors: ImportRowError[] } {
  const { text, delimiter } = params;
  const records: CsvRecord[] = [];
  const errors: ImportRowError[] = [];
  const isFieldEnd = (char: string | undefined): boolean =>
    char === undefined || char === delimiter || char === '\n' || char === '\r';
  const fieldEnd = (from: number): number => {
    let end = from;
    while (!isFieldEnd(text[end])) end += 1;
    return end;
  };

  let i = 0;
  let line = 1;
  while (i < text.length) {
    const record: CsvRecord = { line, values: [] };
    for (;;) {
      const fieldNumber = record.values.length + 1;
      let value = '';
      if (text[i] === '"') {
        const openedOn = line;
        let closed = false;
        i += 1;
        while (i < text.length) {
          const char = text[i] ?? '';
          if (char === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          // Count line breaks inside the value, so later records keep their true line numbers.
          if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line += 1;
          value += char;
          i += 1;
        }
        if (!closed) {
          errors.push(
            malformed(
              openedOn,
              `line ${openedOn}: the quoted value in field ${fieldNumber} is never closed; a closing quote (") is missing`,
            ),
          );
          return { records, errors };
        }
        if (!isFieldEnd(text[i])) {
          errors.push(
            malformed(
              line,
              `line ${line}: field ${fieldNumber} has text after its closing quote; put the whole value in quotes and write a quote inside it as ""`,
            ),
          );
          const end = fieldEnd(i);
          value += text.slice(i, end);
          i = end;
        }
      } else {
        const end = fieldEnd(i);
        value = text.slice(i, end);
        i = end;
        if (value.includes('"')) {
          errors.push(
            malformed(
              line,
              `line ${line}: field ${fieldNumber} contains a quote (") but does not start with one; put the whole value in quotes and write the quote as ""`,
            ),
          );
        }
      }
      record.values.push(value);
      if (text[i] !== delimiter) break;
      i += 1;
    }
    if (text[i] === '\r') i += 1;
    if (text[i] === '\n') i += 1;
    line += 1;
    records.push(record);
  }
  return { records, errors };
}

function fieldCountProblem(params: { record: CsvRecord; expected: number; delimiter: Delimiter }): string {
  const { record, expected, delimiter } = params;
  if (isBlank(record) && record.values.length === 1) {
    return `line ${record.line} is empty; remove empty lines between claims`;
  }
  const hint =
    record.values.length > expected
      ? `; a value that contains '${delimiter}' must be put in double quotes`
      : `; is a '${delimiter}' missing?`;
  return `line ${record.line} has ${record.values.length} fields but the header has ${expected}${hint}`;
}

function isBlank(record: CsvRecord | undefined): boolean {
  return record !== undefined && record.values.every((value) => value.trim() === '');
}

function malformed(line: number, message: string): ImportRowError {
  return { row: line, field: null, code: ImportErrorCode.MALFORMED_CSV, message };
}

function emptyFile(message: string): { ok: false; errors: ImportRowError[] } {
  return { ok: false, errors: [{ row: 1, field: null, code: ImportErrorCode.EMPTY_FILE, message }] };
}
