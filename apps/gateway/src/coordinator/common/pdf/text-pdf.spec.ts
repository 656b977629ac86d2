import { describe, expect, it } from '@jest/globals';
import { renderTextPdf } from './text-pdf.js';

/** Reads the PDF back the way a viewer starts: the xref table must point at every object exactly. */
function objectsOf(pdf: Buffer): Map<number, string> {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const table = text.slice(startxref);
  const count = Number(/^xref\n0 (\d+)\n/.exec(table)?.[1]);
  const offsets = [...table.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  expect(offsets).toHaveLength(count - 1);
  return new Map(
    offsets.map((offset, index) => {
      expect(text.startsWith(`${index + 1} 0 obj\n`, offset)).toBe(true);
      return [index + 1, text.slice(offset, text.indexOf('endobj', offset))];
    }),
  );
}

/** The text shown on the pages, with the PDF string escapes undone. */
function shownText(pdf: Buffer): string {
  return [...pdf.toString('latin1').matchAll(/\((.*?)\) Tj/g)]
    .map((m) => (m[1] ?? '').replace(/\\([0-7]{3}|.)/g, (_, esc: string) => (esc.length === 3 ? String.fromCharCode(parseInt(esc, 8)) : esc)))
    .join('\n');
}

describe('renderTextPdf', () => {
  it('writes a well-formed PDF whose cross-reference table points at every object', () => {
    const pdf = renderTextPdf({ title: 'Dossier', lines: [{ text: 'Hallo', style: 'title' }, { text: 'Wereld' }] });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const objects = objectsOf(pdf);
    expect([...objects.values()].some((body) => body.includes('/Type /Catalog'))).toBe(true);
    expect(shownText(pdf)).toContain('Hallo');
  });

  it('prints euro signs, Dutch letters and brackets in WinAnsi, and escapes what must be escaped', () => {
    const pdf = renderTextPdf({ title: 'T', lines: [{ text: 'Totaal € 1.234,56 (Gemeente Utrecht) — ë é \\ ok' }] });
    const shown = shownText(pdf);
    expect(shown).toContain('\x80 1.234,56 (Gemeente Utrecht) \x97 \xeb \xe9 \\ ok');
  });

  it('wraps long lines and runs onto more pages, each with its page number', () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({ text: `Regel ${i + 1}: ${'woord '.repeat(30)}` }));
    const pdf = renderTextPdf({ title: 'Lang', lines, footer: 'Voet' });
    const pages = [...objectsOf(pdf).values()].filter((body) => body.includes('/Type /Page ')).length;
    expect(pages).toBeGreaterThan(3);
    const shown = shownText(pdf);
    expect(shown).toContain(`Voet \x97 1 / ${pages}`);
    expect(shown).toContain(`Voet \x97 ${pages} / ${pages}`);
    expect(shown).toContain('Regel 120:');
    expect(Math.max(...shown.split('\n').map((line) => line.length))).toBeLessThan(100);
  });
});
