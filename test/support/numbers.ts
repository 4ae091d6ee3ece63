/**
 * Every number inside a value (arrays and plain objects, however nested) that may not leave the
 * engine (SPEC §4): NaN, ±Infinity or −0, each with the path it sits at.
 *
 * @example
 *   badNumbers({ npv: 1, cashflows: [{ net: -0 }] }) // ['result.cashflows[0].net is -0']
 */
export function badNumbers(value: unknown, path = 'result'): string[] {
  const found: string[] = [];
  const visit = (v: unknown, at: string): void => {
    if (typeof v === 'number') {
      if (Object.is(v, -0)) found.push(`${at} is -0`);
      else if (!Number.isFinite(v)) found.push(`${at} is ${v}`);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${at}[${i}]`));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) visit(item, `${at}.${key}`);
    }
  };
  visit(value, path);
  return found;
}
