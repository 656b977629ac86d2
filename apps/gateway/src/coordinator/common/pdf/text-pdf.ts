/**
 * A small, dependency-free PDF 1.4 writer for text documents (the court dossier): A4 pages, the
 * standard Helvetica fonts in WinAnsi encoding (so €, ë and é print), word-wrapped lines, page
 * numbers. Enough for a document a court clerk prints; no layout engine, no fonts to embed.
 */
export type LineStyle = 'title' | 'heading' | 'body' | 'small';

export interface TextLine {
  readonly text: string;
  readonly style?: LineStyle;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const STYLE: Record<LineStyle, { readonly font: 'F1' | 'F2'; readonly size: number; readonly before: number }> = {
  title: { font: 'F2', size: 16, before: 6 },
  heading: { font: 'F2', size: 12, before: 10 },
  body: { font: 'F1', size: 10, before: 0 },
  small: { font: 'F1', size: 8, before: 0 },
};

/** WinAnsi (cp1252) for the characters that differ from Latin-1; anything outside both prints as '?'. */
const WIN_ANSI: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '\u00a0': 0x20 };

function encode(text: string): number[] {
  return [...text].map((ch) => WIN_ANSI[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f));
}

/** A PDF string literal, with the three characters that need it escaped. */
function literal(text: string): string {
  return `(${encode(text)
    .map((code) => (code === 0x28 || code === 0x29 || code === 0x5c ? `\\${String.fromCharCode(code)}` : code < 0x20 || code > 0x7e ? `\\${code.toString(8).padStart(3, '0')}` : String.fromCharCode(code)))
    .join('')})`;
}

/** Wraps at word boundaries; Helvetica averages about half its size per character. */
function wrap(text: string, size: number): string[] {
  const perLine = Math.floor((PAGE_WIDTH - 2 * MARGIN) / (size * 0.5));
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= perLine) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
    while (current.length > perLine) {
      lines.push(current.slice(0, perLine));
      current = current.slice(perLine);
    }
  }
  lines.push(current);
  return lines;
}

export function renderTextPdf(params: { readonly title: string; readonly lines: readonly TextLine[]; readonly footer?: string }): Buffer {
  const pages: string[][] = [[]];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of params.lines) {
    const style = STYLE[line.style ?? 'body'];
    y -= style.before;
    for (const piece of wrap(line.text, style.size)) {
      const height = style.size * 1.4;
      if (y - height < MARGIN + 20) {
        pages.push([]);
        y = PAGE_HEIGHT - MARGIN;
      }
      y -= height;
      if (piece !== '') (pages.at(-1) as string[]).push(`BT /${style.font} ${style.size} Tf ${MARGIN} ${y.toFixed(1)} Td ${literal(piece)} Tj ET`);
    }
  }

  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesTree = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const info = add(`<< /Title ${literal(params.title)} /Producer (Samen Regelen) >>`);
  const pageIds = pages.map((content, index) => {
    const footer = `BT /F1 8 Tf ${MARGIN} ${MARGIN - 20} Td ${literal(`${params.footer ?? params.title} — ${index + 1} / ${pages.length}`)} Tj ET`;
    const stream = [...content, footer].join('\n');
    const contents = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    return add(`<< /Type /Page /Parent ${pagesTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${contents} 0 R >>`);
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesTree} 0 R >>`;
  objects[pagesTree - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets = objects.map((body, index) => {
    const offset = Buffer.byteLength(out, 'latin1');
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
