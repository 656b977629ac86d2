import { describe, expect, it } from '@jest/globals';
import { readImportBoolean } from './import-boolean.js';

describe('readImportBoolean', () => {
  it.each(['true', 'TRUE', 'ja', 'Ja', 'yes', 'YES', '1'])('reads %j as true', (text) => {
    expect(readImportBoolean(text)).toBe(true);
  });

  it.each(['false', 'False', 'nee', 'NEE', 'no', 'No', '0'])('reads %j as false', (text) => {
    expect(readImportBoolean(text)).toBe(false);
  });

  it('passes real booleans through', () => {
    expect(readImportBoolean(true)).toBe(true);
    expect(readImportBoolean(false)).toBe(false);
  });

  it.each(['j', 'n', 'waar', 'onwaar', 'y', '2', '', 'preferent'])('refuses %j', (text) => {
    expect(readImportBoolean(text)).toBeNull();
  });

  it('refuses numbers and other types', () => {
    expect(readImportBoolean(1)).toBeNull();
    expect(readImportBoolean(null)).toBeNull();
    expect(readImportBoolean(undefined)).toBeNull();
  });
});
