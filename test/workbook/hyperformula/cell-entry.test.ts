import { editText, hostEntry, personEntry } from '../../../src/workbook/hyperformula/cell-entry';

describe('what a person types into the workbench grid', () => {
  it.each([
    ['12 min', { kind: 'value', value: '12 min' }],
    ['$3.40', { kind: 'value', value: '$3.40' }],
    ['4.2%', { kind: 'value', value: '4.2%' }],
    ['1,200', { kind: 'value', value: '1,200' }],
    ['N/A', { kind: 'value', value: 'N/A' }],
    ['TRUE', { kind: 'value', value: 'TRUE' }],
    ['42', { kind: 'value', value: 42 }],
    [' -3.5 ', { kind: 'value', value: -3.5 }],
    ['-0', { kind: 'value', value: 0 }],
    ['1e3', { kind: 'value', value: 1000 }],
    ['=A1*2', { kind: 'formula', formula: '=A1*2' }],
    ['=', { kind: 'value', value: '=' }],
    ["'42", { kind: 'value', value: '42' }],
    ["'", { kind: 'empty' }],
    ['', { kind: 'empty' }],
  ])('%p is entered as %p', (typed, entry) => {
    expect(personEntry(typed, 'General')).toEqual(entry);
  });

  it('keeps anything typed into a text cell as text', () => {
    expect(personEntry('42', '@')).toEqual({ kind: 'value', value: '42' });
    expect(personEntry('=A1', '@')).toEqual({ kind: 'value', value: '=A1' });
  });
});

describe('what the pane writes through the port, entered as Excel enters it', () => {
  it.each([
    ['$3.40', 'General', { kind: 'value', value: 3.4, format: '$#,##0.00' }],
    ['4.2%', 'General', { kind: 'value', value: 0.042, format: '0.0%' }],
    ['1,200', 'General', { kind: 'value', value: 1200 }],
    ['4.2%', '0.00%', { kind: 'value', value: 0.042 }],
    ['-$3', 'General', { kind: 'value', value: -3, format: '$#,##0.00' }],
    ['12 min', 'General', { kind: 'value', value: '12 min' }],
    ['$3.40', '@', { kind: 'value', value: '$3.40' }],
    ['=PILOT.VERDICT(Metrics,Costs,Readiness)', 'General', { kind: 'formula', formula: '=PILOT.VERDICT(Metrics,Costs,Readiness)' }],
    [3.4, 'General', { kind: 'value', value: 3.4 }],
    [false, 'General', { kind: 'value', value: false }],
    ['', 'General', { kind: 'empty' }],
    [null, 'General', { kind: 'empty' }],
  ])('%p in a %p cell is entered as %p', (value, format, entry) => {
    expect(hostEntry(value, format)).toEqual(entry);
  });
});

describe('the text an editor starts from', () => {
  it('enters the same content again when committed unchanged', () => {
    for (const [content, format] of [
      [{ formula: null, value: 0.042 }, '0.0%'],
      [{ formula: null, value: '42' }, 'General'],
      [{ formula: null, value: '=x' }, 'General'],
      [{ formula: null, value: '12 min' }, 'General'],
      [{ formula: null, value: "'quoted" }, 'General'],
      [{ formula: null, value: '42' }, '@'],
    ] as const) {
      const text = editText(content, format);
      const again = personEntry(text, format);
      expect(again).toEqual({ kind: 'value', value: content.value });
    }
    expect(editText({ formula: '=PILOT.VALUE("2 h","min")', value: 120 }, 'General')).toBe('=PILOT.VALUE("2 h","min")');
    expect(editText({ formula: null, value: null }, 'General')).toBe('');
  });
});
