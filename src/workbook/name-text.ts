/**
 * Text kept in a workbook name, as Office keeps the block's record: a name's formula can hold
 * only string constants of at most 255 characters each, so longer text is written as constants
 * joined with &, and read back in one pass.
 */

/** Excel's longest text constant in a formula. */
const MAX_TEXT_CONSTANT = 255;

/**
 * Text as a name's formula: string constants joined with &, each at most 255 characters.
 *
 * @example
 *   textFormula('a"b') // '="a""b"'
 */
export function textFormula(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length || parts.length === 0; i += MAX_TEXT_CONSTANT) parts.push(`"${text.slice(i, i + MAX_TEXT_CONSTANT).replace(/"/g, '""')}"`);
  return `=${parts.join('&')}`;
}

/**
 * The text of a name whose formula is string constants joined with & (as textFormula writes
 * it); null for any other formula. Read in one pass, so a name of any length takes linear time.
 *
 * @example
 *   nameText('="a""b"&"c"') // 'a"bc'
 */
export function nameText(formula: unknown): string | null {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return null;
  let text = '';
  let i = 1;
  const skipSpaces = (): void => {
    while (formula[i] === ' ') i++;
  };
  for (;;) {
    skipSpaces();
    if (formula[i] !== '"') return null;
    for (i++; ; i++) {
      if (i >= formula.length) return null;
      if (formula[i] !== '"') text += formula[i];
      else if (formula[i + 1] === '"') text += formula[i++];
      else break;
    }
    i++;
    skipSpaces();
    if (i === formula.length) return text;
    if (formula[i] !== '&') return null;
    i++;
  }
}
