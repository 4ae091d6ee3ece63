/** @jest-environment jsdom */
/**
 * The workbench page in jsdom: the grid, its formula bar and tabs, and the real task pane on the
 * same HyperFormula workbook. (The same journey runs in Chromium in test/e2e.)
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openWorkbook, startFrom } from '../../src/workbench/open';
import { Workbench } from '../../src/workbench/Workbench';
import type { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';

const NOW = () => new Date(2025, 4, 1, 14, 30);

beforeAll(() => {
  // jsdom has no layout: no ResizeObserver (Fluent's MessageBar) and no scrollIntoView.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
});

async function renderWorkbench(start: 'sample' | 'blank' = 'sample'): Promise<HyperFormulaWorkbook> {
  const { book, hint } = await openWorkbook(start);
  render(<Workbench book={book} now={NOW} hint={hint} />);
  return book;
}

const grid = (): HTMLElement => screen.getByRole('grid');
const cell = (a1: string): HTMLElement => grid().querySelector(`td[data-cell="${a1}"]`) as HTMLElement;
const formulaBar = (): HTMLInputElement => screen.getByRole('textbox', { name: 'Formula bar' });
const nameBox = (): HTMLInputElement => screen.getByRole('textbox', { name: /^Name box/ });

describe('opening the workbench', () => {
  it('reads the start from the address', () => {
    expect(startFrom('?workbook=blank')).toBe('blank');
    expect(startFrom('?workbook=sample')).toBe('sample');
    expect(startFrom('')).toBe('sample');
  });

  it('opens on the sample tables, the Metrics sheet shown, and the pane beside it', async () => {
    await renderWorkbench();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions']);
    expect(screen.getByRole('tab', { name: 'Metrics' }).getAttribute('aria-selected')).toBe('true');
    expect(grid().getAttribute('aria-label')).toBe('Sheet Metrics');
    expect(cell('B2').textContent).toBe('12 min');
    expect(cell('A1').className).toMatch(/wb-table-header/);
    expect(screen.getByRole('complementary', { name: 'Task pane' })).toBeTruthy();
    expect(screen.getByText(/press Find tables, then Evaluate/)).toBeTruthy();
  });

  it('opens an empty workbook when asked', async () => {
    await renderWorkbench('blank');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Sheet1']);
    expect(screen.getByText(/start with Insert template/)).toBeTruthy();
  });
});

describe('the grid', () => {
  it('selects a cell on click and shows its content in the name box and formula bar', async () => {
    const user = userEvent.setup();
    await renderWorkbench();
    await user.click(cell('I3'));
    expect(nameBox().value).toBe('I3');
    expect(formulaBar().value).toBe('$120 per error');
    expect(cell('I3').getAttribute('aria-selected')).toBe('true');
    expect(grid().getAttribute('aria-activedescendant')).toBe(cell('I3').id);
    await user.keyboard('{Shift>}');
    await user.click(cell('H4'));
    await user.keyboard('{/Shift}');
    expect(nameBox().value).toBe('H3:I4');
    expect(['H3', 'I3', 'H4', 'I4', 'G3'].map((a) => cell(a).getAttribute('aria-selected'))).toEqual(['true', 'true', 'true', 'true', 'false']);
    // The active cell stays where the selection started.
    expect(formulaBar().value).toBe('$120 per error');
  });

  it('replaces a cell by typing, commits with Enter and moves down; Escape cancels', async () => {
    const user = userEvent.setup();
    await renderWorkbench();
    await user.click(cell('C2'));
    await user.keyboard('5 min');
    expect(screen.getByRole('textbox', { name: 'Edit Metrics!C2' })).toBeTruthy();
    expect(formulaBar().value).toBe('5 min');
    await user.keyboard('{Enter}');
    expect(cell('C2').textContent).toBe('5 min');
    expect(nameBox().value).toBe('C3');
    await user.keyboard('9%{Escape}');
    expect(cell('C3').textContent).toBe('0.5%');
    expect(document.activeElement).toBe(grid());
  });

  it('edits through the formula bar, and enters a formula there', async () => {
    const user = userEvent.setup();
    const book = await renderWorkbench();
    await user.click(cell('K2'));
    await user.clear(formulaBar());
    await user.type(formulaBar(), '=PILOT.VALUE(B2,"s"){Enter}');
    expect(cell('K2').textContent).toBe('720');
    expect(book.shown({ sheet: 'Metrics', row: 1, column: 10 }).formula).toBe('=PILOT.VALUE(B2,"s")');
    expect(nameBox().value).toBe('K3');
  });

  it('shows an error cell in red with its message below the formula bar', async () => {
    const user = userEvent.setup();
    await renderWorkbench();
    await user.click(cell('K2'));
    await user.keyboard('=PILOT.VALUE("N/A"){Enter}');
    expect(cell('K2').className).toMatch(/wb-error/);
    expect(cell('K2').textContent).toBe('#VALUE!');
    await user.click(cell('K2'));
    expect(screen.getByText('#VALUE!', { selector: '.wb-cell-error strong' }).parentElement!.textContent).toMatch(/N\/A/);
  });

  it('empties the selection with Delete, and takes pasted rows at the active cell', async () => {
    const user = userEvent.setup();
    const book = await renderWorkbench();
    await user.click(cell('B2'));
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(nameBox().value).toBe('B2:B4');
    await user.keyboard('{Delete}');
    expect(['B2', 'B3', 'B4'].map((a) => cell(a).textContent)).toEqual(['', '', '']);
    fireEvent.paste(grid(), { clipboardData: { getData: () => '12 min\t2 min\r\n4.2%\t0.5%\r\n' } });
    expect(['B2', 'C2', 'B3', 'C3'].map((a) => cell(a).textContent)).toEqual(['12 min', '2 min', '4.2%', '0.5%']);
    expect(book.selection).toEqual({ sheet: 'Metrics', row: 1, column: 1, rows: 2, columns: 2 });
  });

  it('switches sheets with the tabs and Ctrl+Page Down, each keeping its selection', async () => {
    const user = userEvent.setup();
    await renderWorkbench();
    await user.click(cell('D4'));
    await user.click(screen.getByRole('tab', { name: 'Costs' }));
    expect(grid().getAttribute('aria-label')).toBe('Sheet Costs');
    // Money as finance reads it: `_)` leaves room the width of a closing parenthesis.
    expect(cell('B2').textContent).toBe('$30,000 ');
    grid().focus();
    await user.keyboard('{Control>}{PageDown}{/Control}');
    expect(grid().getAttribute('aria-label')).toBe('Sheet Readiness');
    await user.click(screen.getByRole('tab', { name: 'Metrics' }));
    expect(nameBox().value).toBe('D4');
  });
});

describe('the pane on the grid', () => {
  it('selects the cell of a problem in the grid, on its sheet', async () => {
    const user = userEvent.setup();
    const book = await renderWorkbench();
    await user.click(cell('D3'));
    await user.keyboard('N/A{Enter}');
    await user.click(screen.getByRole('tab', { name: 'Costs' }));
    await user.click(screen.getByRole('button', { name: 'Find tables' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Found 5 of 5/));
    await user.click(screen.getByRole('button', { name: 'Check inputs' }));
    const problem = await screen.findByRole('button', { name: /^Problem at Metrics!D3/ });
    await user.click(problem);
    await waitFor(() => expect(grid().getAttribute('aria-label')).toBe('Sheet Metrics'));
    expect(nameBox().value).toBe('D3');
    expect(cell('D3').className).toMatch(/wb-active/);
    expect(book.activeCellAddress).toEqual({ sheet: 'Metrics', row: 2, column: 3 });
  });

  it('shows the verdict the pane writes, and a live change of it in the sheet and in the card', async () => {
    const user = userEvent.setup();
    await renderWorkbench();
    await user.click(screen.getByRole('button', { name: 'Find tables' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Found 5 of 5/));
    await user.click(screen.getByRole('button', { name: 'Evaluate' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Verdict: NOT READY/));
    expect(grid().getAttribute('aria-label')).toBe('Sheet Pilot Gate');
    expect(cell('B2').textContent).toBe('NOT READY');
    expect(cell('B2').style.backgroundColor).toBe('rgb(255, 235, 156)');

    await user.click(screen.getByRole('tab', { name: 'Costs' }));
    await user.click(cell('D2'));
    await user.keyboard('5000000{Enter}');
    await user.click(screen.getByRole('tab', { name: 'Pilot Gate' }));
    expect(cell('B2').textContent).toBe('KILL');
    // The pane keeps up with the sheet: its card follows the recalculated verdict without Evaluate,
    // once the edit has settled (how soon depends on the machine, so the test waits for it).
    const pane = within(screen.getByRole('complementary'));
    await waitFor(() => expect(pane.getByTestId('verdict').textContent).toBe('KILL'));
    expect(screen.getByRole('status').textContent).toMatch(/The sheet changed: the verdict is now KILL/);
    expect(pane.getByTestId('freshness').textContent).toBe('Updated from the sheet.');
  });
});
