/**
 * Reads an amount of euros as people type it ("1450", "1450,50", "1.450,50", "€ 1450.5", "1,450.50")
 * into whole cents, without floating point: the text is split into euro digits and cent digits.
 * Undefined when it is not an amount.
 */
export function parseEuroAmount(text: string): number | undefined {
  let t = text.replace(/[\s\u00a0€]/g, '').replace(/^eur/i, '');
  let negative = false;
  if (t.startsWith('-')) {
    negative = true;
    t = t.slice(1);
  }
  if (!/^[0-9.,]+$/.test(t)) return undefined;
  // The last separator followed by one or two digits at the end is the decimal mark; every other
  // separator groups thousands (in groups of three).
  const decimal = /[.,](\d{1,2})$/.exec(t);
  const wholePart = decimal ? t.slice(0, decimal.index) : t;
  const centsPart = decimal ? (decimal[1] ?? '').padEnd(2, '0') : '00';
  if (wholePart === '' && decimal === null) return undefined;
  const groups = wholePart.split(/[.,]/);
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || (groups[0] ?? '').length > 3 || (groups[0] ?? '') === '')) return undefined;
  const digits = groups.join('') || '0';
  if (!/^\d{1,12}$/.test(digits)) return undefined;
  const cents = Number(digits) * 100 + Number(centsPart);
  return negative ? -cents : cents;
}
