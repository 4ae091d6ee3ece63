/** @jest-environment jsdom */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { webDarkTheme } from '@fluentui/react-components';
import { SAMPLE_COSTS, SAMPLE_METRICS } from '../../src/model/sample';
import { App } from '../../src/taskpane/App';
import { createUseCases } from '../../src/usecases';
import { BLOCK_NAME, LAYOUT } from '../../src/usecases/block';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { InputSources, InputsRead, WorkbookPort } from '../../src/workbook/port';
import { pilotFormulas } from '../../src/workbook/memory-formulas';
import { paneInJsdom } from '../support/jsdom-pane';

const NOW = () => new Date(2025, 4, 1, 14, 30);

function status(): string {
  return screen.getByRole('status').textContent ?? '';
}

/**
 * The no-clobber dialog. Fluent's focus manager (tabster) marks a modal aria-hidden until it has
 * seen focus arrive inside; under load in jsdom it can miss that event, so the dialog is looked
 * up whether or not it is hidden from the accessibility tree at that moment.
 */
async function clobberDialog(): Promise<HTMLElement> {
  return screen.findByRole('alertdialog', { hidden: true });
}

function dialogButton(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole('button', { name, hidden: true });
}

function button(name: RegExp | string): HTMLElement {
  return screen.getByRole('button', { name });
}

async function insertTemplate(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(button('Insert template'));
  await waitFor(() => expect(status()).toMatch(/Inserted 5 sheets/));
}

async function evaluate(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(button('Evaluate'));
  await waitFor(() => expect(status()).toMatch(/Verdict|Cells in the way|Not evaluated/));
}

beforeAll(paneInJsdom);

describe('the task pane on an in-memory workbook', () => {
  it('inserts the template, evaluates it and shows the verdict with its reasons', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Budget'], calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);

    await insertTemplate(user);
    expect(book.sheets.map((s) => s.name)).toEqual(['Budget', 'Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions']);
    expect((screen.getByRole('combobox', { name: 'Metrics (required)' }) as HTMLSelectElement).selectedOptions[0].textContent).toMatch(
      /Table "Metrics"/,
    );

    await evaluate(user);
    expect(screen.getByTestId('verdict').textContent).toBe('NOT READY');
    const reasons = within(screen.getByRole('list', { name: 'Reasons' })).getAllByRole('listitem');
    expect(reasons[0].textContent).toMatch(/Production data audited/);
    expect(status()).toMatch(/Output block written to 'Pilot Gate'!A1:/);
    // The block's verdict cell is a live formula, and Excel (here, the test's calculator) shows the engine's verdict.
    const verdictCell = { sheet: 'Pilot Gate', row: LAYOUT.verdict[0], column: LAYOUT.verdict[1] };
    const safe = (t: string) => `IF(ISBLANK(${t}[#All]),"",${t}[#All])`;
    expect(book.cell(verdictCell)?.formula).toBe(`=PILOT.VERDICT(${['Metrics', 'Costs', 'Readiness', 'Assumptions', 'Ownership'].map(safe).join(',')})`);
    expect(book.valueAt(verdictCell)).toBe('NOT READY');
  });

  it('re-evaluates in place: one block, however often', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    await evaluate(user);
    const footprint = book.names.get(BLOCK_NAME.toLowerCase());
    await evaluate(user);
    await evaluate(user);
    expect(book.names.get(BLOCK_NAME.toLowerCase())).toEqual(footprint);
    const verdicts = book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.formula?.startsWith('=PILOT.VERDICT')));
    expect(verdicts).toHaveLength(1);
    expect(book.sheets.filter((s) => s.name.startsWith('Pilot Gate'))).toHaveLength(1);
  });

  it('lists problems with their cells; choosing one selects the cell', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    book.setValues({ sheet: 'Metrics', row: 2, column: 1 }, [['N/A']]);

    await user.click(button('Check inputs'));
    await waitFor(() => expect(status()).toMatch(/1 problem/));
    const problem = screen.getByRole('button', { name: /Problem at Metrics!B3/ });
    expect(problem.textContent).toMatch(/Metrics row 3, Baseline/);
    await user.click(problem);
    await waitFor(() => expect(book.selection).toEqual({ sheet: 'Metrics', row: 2, column: 1, rows: 1, columns: 1 }));

    // Evaluate refuses to write on bad input and shows the same problem.
    await evaluate(user);
    expect(status()).toMatch(/Not evaluated: 1 problem/);
    expect(book.findSheet('Pilot Gate')).toBeUndefined();
  });

  it('asks before writing over cells that are not the block, and can put the block on a new sheet', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    await evaluate(user);
    // Below the reasons' spill (the sample has nine): not in the way.
    book.setValues({ sheet: 'Pilot Gate', row: LAYOUT.reasons[0] + 9 + 2, column: LAYOUT.reasons[1] }, [['far away, not in the way']]);
    book.setValues({ sheet: 'Pilot Gate', row: LAYOUT.payback[0], column: LAYOUT.payback[1] }, [['my own figure']]);
    const writes = book.writes;

    await evaluate(user);
    const dialog = await clobberDialog();
    expect(dialog.textContent).toMatch(/needs a cell that holds something else: Pilot Gate!B5\./);
    expect(book.writes).toBe(writes);

    await user.click(dialogButton(dialog, 'Put it on a new sheet'));
    await waitFor(() => expect(status()).toMatch(/Output block written to 'Pilot Gate \(2\)'!A1/));
    expect(book.valueAt({ sheet: 'Pilot Gate', row: LAYOUT.payback[0], column: LAYOUT.payback[1] })).toBe('my own figure');
    expect(book.cell({ sheet: 'Pilot Gate', row: LAYOUT.verdict[0], column: LAYOUT.verdict[1] })?.formula ?? null).toBeNull();
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
  });

  it('undoes the last Evaluate: the cell it replaced is back, and Undo has nothing left to do', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    const undoButton = button('Undo last Evaluate');
    expect(undoButton.getAttribute('aria-disabled')).toBe('true');
    await evaluate(user);
    const note = { sheet: 'Pilot Gate', row: LAYOUT.thresholds.cost[0], column: 2 };
    book.setValues(note, [['my own figure']]);
    await evaluate(user);
    await user.click(dialogButton(await clobberDialog(), 'Replace those cells'));
    await waitFor(() => expect(status()).toMatch(/Output block written to 'Pilot Gate'!A1/));
    expect(book.valueAt(note)).toBeNull();

    expect(undoButton.getAttribute('aria-disabled')).toBeNull();
    await user.click(undoButton);
    await waitFor(() => expect(status()).toMatch(/^Undone: what the last Evaluate replaced is back at 'Pilot Gate'!A1:/));
    expect(book.valueAt(note)).toBe('my own figure');
    expect(undoButton.getAttribute('aria-disabled')).toBe('true');
  });

  it('says which cell changed while the question was open, and writes nothing', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Pilot Gate'], calculate: pilotFormulas() });
    book.setValues({ sheet: 'Pilot Gate', row: 0, column: 0 }, [['Q3 budget']]);
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    await evaluate(user);
    const dialog = await clobberDialog();
    book.setValues({ sheet: 'Pilot Gate', row: 3, column: 1 }, [['typed meanwhile']]);
    const writes = book.writes;
    await user.click(dialogButton(dialog, 'Replace those cells'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Pilot Gate!B4 changed since it was read\. Nothing was written/));
    expect(book.writes).toBe(writes);
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
    expect([book.valueAt({ sheet: 'Pilot Gate', row: 0, column: 0 }), book.valueAt({ sheet: 'Pilot Gate', row: 3, column: 1 })]).toEqual(['Q3 budget', 'typed meanwhile']);
  });

  it('cancelling the question writes nothing', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Pilot Gate'], calculate: pilotFormulas() });
    book.setValues({ sheet: 'Pilot Gate', row: 0, column: 0 }, [['Q3 budget']]);
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    const writes = book.writes;
    await evaluate(user);
    await user.click(dialogButton(await clobberDialog(), 'Cancel'));
    await waitFor(() => expect(status()).toBe('Nothing was written.'));
    expect(book.writes).toBe(writes);
    expect(book.valueAt({ sheet: 'Pilot Gate', row: 0, column: 0 })).toBe('Q3 budget');
  });

  it('shows the question over the pane, not on a full-height layer of its own, in the pane’s theme', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Pilot Gate'], calculate: pilotFormulas(), theme: { dark: true } });
    book.setValues({ sheet: 'Pilot Gate', row: 0, column: 0 }, [['Q3 budget']]);
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    await evaluate(user);
    const dialog = await clobberDialog();
    const layer = dialog.closest<HTMLElement>('[data-portal-node]');
    expect(layer).not.toBeNull();
    // The pane's own height belongs to the pane: on the dialog's layer it would cover the page.
    expect(getComputedStyle(screen.getByRole('main').parentElement!).minHeight).toBe('100vh');
    expect(['', '0', '0px', 'auto']).toContain(getComputedStyle(layer!).minHeight);
    // The layer still carries the theme's variables, so the dialog is dark in a dark pane.
    const themeRules = [...layer!.classList]
      .map((c) => document.getElementById(c))
      .filter((el): el is HTMLStyleElement => el instanceof HTMLStyleElement)
      .flatMap((el) => [...(el.sheet?.cssRules ?? [])].map((rule) => rule.cssText))
      .join('');
    expect(themeRules).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1};`);
  });

  it('snapshots the block as values with the time', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    await evaluate(user);
    await user.click(button('Snapshot'));
    await waitFor(() => expect(status()).toMatch(/Snapshot written to sheet "Snapshot 2025-05-01 1430"/));
    const sheet = book.findSheet('Snapshot 2025-05-01 1430')!;
    expect([...sheet.cells.values()].some((c) => c.formula !== null)).toBe(false);
    const verdict = book.cell({ sheet: sheet.name, row: 3 + LAYOUT.verdict[0], column: LAYOUT.verdict[1] });
    expect(verdict).toMatchObject({ value: 'NOT READY', style: { fill: '#FFEB9C' } });
    expect(book.valueAt({ sheet: sheet.name, row: 3 + LAYOUT.reasons[0], column: LAYOUT.reasons[1] })).toMatch(/Production data audited/);
  });

  it('finds tables by their headers, shows how columns were read, and fixes a mapping by renaming the header', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Pasted'] });
    const metrics = SAMPLE_METRICS.map((row) => [...row]);
    metrics[0] = ['KPI', 'Current', 'Goal', 'Actual', 'Within', 'UoM', 'Better', 'Annual volume', 'Cost per hour'];
    book.setValues({ sheet: 'Pasted', row: 1, column: 1 }, metrics);
    book.setValues({ sheet: 'Pasted', row: 8, column: 1 }, SAMPLE_COSTS);
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);

    await user.click(button('Find tables'));
    await waitFor(() => expect(status()).toMatch(/Found 2 of 5 tables/));
    const chooser = screen.getByRole('group', { name: 'Metrics table' });
    expect((within(chooser).getByRole('combobox', { name: 'Metrics (required)' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe(
      'Pasted!B2:J6',
    );
    const current = within(chooser).getByRole('combobox', { name: 'Metrics column “Current” is read as' }) as HTMLSelectElement;
    expect(current.value).toBe('Baseline');
    const unknown = within(chooser).getByRole('combobox', { name: 'Metrics column “Cost per hour” is read as' }) as HTMLSelectElement;
    expect(unknown.value).toBe('');

    await user.selectOptions(unknown, 'Value per unit');
    await waitFor(() => expect(status()).toMatch(/the header now reads "Value per unit"/));
    expect(book.valueAt({ sheet: 'Pasted', row: 1, column: 9 })).toBe('Value per unit');
  });

  it('takes a found range at its new width on Find tables, and keeps a narrower range the person chose as it is', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Pasted'] });
    book.setValues({ sheet: 'Pasted', row: 0, column: 0 }, SAMPLE_METRICS);
    book.setValues({ sheet: 'Pasted', row: 8, column: 0 }, SAMPLE_COSTS);
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    const metricsChoice = (): string | null =>
      (within(screen.getByRole('group', { name: 'Metrics table' })).getByRole('combobox', { name: 'Metrics (required)' }) as HTMLSelectElement)
        .selectedOptions[0].textContent;

    await user.click(button('Find tables'));
    await waitFor(() => expect(status()).toMatch(/Found 2 of 5 tables/));
    expect(metricsChoice()).toBe('Pasted!A1:I5');
    // A column added at the table's right: the next Find tables reads it too.
    book.setValues({ sheet: 'Pasted', row: 0, column: 9 }, [['Notes'], ['checked']]);
    await user.click(button('Find tables'));
    await waitFor(() => expect(metricsChoice()).toBe('Pasted!A1:J5'));

    // The person takes the first five columns alone; Find tables leaves that choice as it is.
    book.selection = { sheet: 'Pasted', row: 0, column: 0, rows: 1, columns: 5 };
    await user.click(button('Use selection as the Metrics table'));
    await waitFor(() => expect(status()).toMatch(/Metrics now reads Pasted!A1:E1/));
    await user.click(button('Find tables'));
    await waitFor(() => expect(status()).toMatch(/Found 2 of 5 tables/));
    expect(metricsChoice()).toMatch(/^Pasted!A1:E/);
  });

  it('uses the selection as a table', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Data'] });
    book.setValues({ sheet: 'Data', row: 0, column: 0 }, [['Name', 'Value'], ['Horizon', '5 years']]);
    book.selection = { sheet: 'Data', row: 1, column: 0, rows: 1, columns: 1 };
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await user.click(button('Use selection as the Costs table'));
    await waitFor(() => expect(status()).toMatch(/Costs now reads Data!A2:B2/));
  });

  it('announces an error when a required table is missing', async () => {
    const user = userEvent.setup();
    render(<App useCases={createUseCases({ port: new MemoryWorkbook(), now: NOW })} />);
    await user.click(button('Evaluate'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Choose the Metrics and Costs tables first/));
  });

  it('disables every action and shows progress while one runs', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ calculate: pilotFormulas() });
    const gate = deferred();
    const port: WorkbookPort = Object.assign(Object.create(book) as MemoryWorkbook, {
      read: async (sources: InputSources, name: string): Promise<InputsRead> => {
        await gate.promise;
        return book.read(sources, name);
      },
    });
    render(<App useCases={createUseCases({ port: port, now: NOW })} />);
    await insertTemplate(user);

    await user.click(button('Evaluate'));
    const working = button('Evaluating…');
    expect(working.getAttribute('aria-busy')).toBe('true');
    expect(working.getAttribute('aria-disabled')).toBe('true');
    expect(button('Snapshot').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getAllByRole('progressbar').length).toBeGreaterThan(0);
    await act(async () => gate.resolve());
    await waitFor(() => expect(status()).toMatch(/Verdict: NOT READY/));
    expect(button('Evaluate').getAttribute('aria-disabled')).toBeNull();
  });

  it('works from the keyboard alone', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Insert template');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(status()).toMatch(/Inserted 5 sheets/));
    button('Evaluate').focus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toBe('NOT READY'));
  });

  it('puts the title and its question on lines of their own', () => {
    render(<App useCases={createUseCases({ port: new MemoryWorkbook(), now: NOW })} />);
    const title = screen.getByRole('heading', { level: 1, name: 'Pilot Gate' });
    const question = screen.getByText(/^Should this AI pilot go to production/);
    expect(title.parentElement).toBe(question.parentElement);
    expect(getComputedStyle(title).display).toBe('block');
    expect(getComputedStyle(question).display).toBe('block');
  });

  it('links to the help page, beside the pane, in a window of its own', () => {
    render(<App useCases={createUseCases({ port: new MemoryWorkbook(), now: NOW })} />);
    const help = screen.getByRole('link', { name: 'Help' });
    // help.html sits beside taskpane.html in the build (and the workbench's page on the development server).
    expect(help.getAttribute('href')).toBe('help.html');
    expect(help.getAttribute('target')).toBe('_blank');
    expect(help.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it("follows Office's theme", () => {
    const { container } = render(<App useCases={createUseCases({ port: new MemoryWorkbook({ theme: { dark: true } }), now: NOW })} />);
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
  });

  it('labels every form control', async () => {
    const user = userEvent.setup();
    render(<App useCases={createUseCases({ port: new MemoryWorkbook({ calculate: pilotFormulas() }), now: NOW })} />);
    await insertTemplate(user);
    for (const control of screen.getAllByRole('combobox')) {
      const labelled = control.getAttribute('aria-label') || control.getAttribute('aria-labelledby') || (control as HTMLSelectElement).labels?.length;
      expect(labelled).toBeTruthy();
    }
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the decision card', () => {
  it('evaluates with no tables chosen: finds them first and says which it used', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Pasted'], calculate: pilotFormulas() });
    book.setValues({ sheet: 'Pasted', row: 0, column: 0 }, SAMPLE_METRICS);
    book.setValues({ sheet: 'Pasted', row: SAMPLE_METRICS.length + 2, column: 0 }, SAMPLE_COSTS);
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await evaluate(user);
    expect(status()).toMatch(/^Used Metrics \(Pasted!A1:I1 and the rows below\) and Costs \(Pasted!A8:E8 and the rows below\)\. Verdict: NOT READY/);
    expect(screen.getByTestId('verdict').textContent).toBe('NOT READY');
    // With no Readiness table the eight missing gates are one reason, not eight.
    const reasons = [...screen.getByRole('list', { name: 'Reasons' }).children];
    expect(reasons.filter((li) => /not assessed/.test(li.textContent ?? ''))).toHaveLength(1);
    expect(reasons[0].querySelector('summary')?.textContent).toMatch(/^8 standard gates not assessed/);
  });

  it('shows the four checks with their rules, the figures, and what must be true first', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Budget'], calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    await evaluate(user);
    const checks = within(screen.getByRole('list', { name: 'The four checks' })).getAllByRole('listitem').map((li) => li.textContent);
    // SPEC §7: NPV 1,475,525.91, ROI 221.9%, payback 13.1 of 24 months; P and R fail; the best case pays.
    expect(checks[0]).toMatch(/^✓Economics passed: NPV \$1,475,526 ≥ 0; ROI 221\.9% ≥ 0(\.0)?% hurdle; payback 13\.1 months ≤ 24(\.0)? months$/);
    expect(checks.slice(1).map((c) => c?.slice(0, 20))).toEqual(['✗Proof not passed: 2', '✗Readiness not passe', '✓Best case passed: b']);
    expect(screen.getByLabelText('Figures').textContent).toMatch(/^NPV\$1,475,526/);

    // Choosing an action selects its cell, as a finding does.
    const first = within(screen.getByRole('list', { name: 'What must be true first' })).getAllByRole('button')[0];
    expect(first.textContent).toMatch(/Production data audited.*Owner: Priya Raman · Readiness row 3, Status \(Readiness!B3\)$/);
    await user.click(first);
    await waitFor(() => expect(status()).toBe('Selected Readiness!B3.'));
    expect(book.selection).toEqual({ sheet: 'Readiness', row: 2, column: 1, rows: 1, columns: 1 });
  });

  it('keeps up with the sheet: an edit that turns the verdict shows without Evaluate', async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook({ sheets: ['Budget'], calculate: pilotFormulas() });
    render(<App useCases={createUseCases({ port: book, now: NOW })} />);
    await insertTemplate(user);
    await evaluate(user);
    expect(screen.getByTestId('verdict').textContent).toBe('NOT READY');
    // Production's model bill goes from $60,000 to $5,000,000 a year (Costs row 2, Annual in column D).
    act(() => book.setValues({ sheet: 'Costs', row: 1, column: 3 }, [[5_000_000]]));
    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toBe('KILL'));
    expect(screen.getByTestId('freshness').textContent).toBe('Updated from the sheet.');
    expect(status()).toBe('The sheet changed: the verdict is now KILL.');
    // An input the engine cannot read: the card says plainly that it is out of date.
    act(() => book.setValues({ sheet: 'Costs', row: 1, column: 3 }, [['lots']]));
    await waitFor(() => expect(screen.getByTestId('freshness').textContent).toMatch(/^Out of date: the inputs now have 1 problem: press Check inputs\.$/));
    expect(screen.getByTestId('verdict').textContent).toBe('KILL');
  });
});
