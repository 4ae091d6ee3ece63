/** @jest-environment jsdom */
/**
 * "How sure?" in the task pane on an in-memory workbook: with ranges the simulation runs (here on
 * the main thread, as jsdom has no Worker), its progress shows and Cancel stops it; its figures
 * are the guide's for the sample with ranges; without ranges the section says how to add them.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sampleCase } from '../../src/model';
import type { CaseInput } from '../../src/model';
import { App } from '../../src/taskpane/App';
import type { Simulator } from '../../src/taskpane/simulation/simulator';
import { runInSlices } from '../../src/taskpane/simulation/slices';
import { createUseCases } from '../../src/usecases';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { pilotFormulas } from '../../src/workbook/memory-formulas';
import { paneInJsdom } from '../support/jsdom-pane';
import { tablesOf } from '../support/cases';
import { rangedSampleCase } from '../support/ranges';

const NOW = () => new Date(2025, 4, 1, 14, 30);

/** A workbook with the case's tables, each an Excel table on a sheet of its own name. */
function bookOf(input: CaseInput): MemoryWorkbook {
  const book = new MemoryWorkbook({ sheets: [], calculate: pilotFormulas() });
  for (const [name, grid] of tablesOf(input)) {
    book.addSheet(name);
    book.setValues({ sheet: name, row: 0, column: 0 }, grid);
    book.addTable(name, { sheet: name, row: 0, column: 0, rows: grid.length, columns: grid[0].length });
  }
  return book;
}

/**
 * The pane's own slices, a step at a time: each pause waits until the test lets it go, so
 * progress and Cancel can be seen between two slices.
 */
function steppedSimulator(): { simulator: Simulator; step(): void } {
  const waiting: (() => void)[] = [];
  const simulator: Simulator = (request, progress) => {
    let cancelled = false;
    return {
      outcome: runInSlices(request, { progress, pause: () => new Promise<void>((resolve) => waiting.push(resolve)), stopped: () => cancelled }),
      cancel: () => {
        cancelled = true;
      },
    };
  };
  // Every pause waiting goes on: a job the pane has cancelled (a refresh after the block was written) then ends.
  return { simulator, step: () => waiting.splice(0).forEach((go) => go()) };
}

beforeAll(paneInJsdom);

function section(): HTMLElement {
  return screen.getByTestId('how-sure');
}

async function evaluate(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Evaluate' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Verdict/));
  // The section comes in the charts' chunk, once there is a card.
  await screen.findByTestId('how-sure');
}

describe('How sure? in the task pane', () => {
  it('simulates a ranged case on the main thread to the guide’s figures, with its histogram and tornado', async () => {
    const user = userEvent.setup();
    render(<App useCases={createUseCases({ port: bookOf(rangedSampleCase()), now: NOW })} />);
    await evaluate(user);
    const list = await waitFor(() => within(section()).getByLabelText('How sure: figures'), { timeout: 20_000 });
    const text = (label: string) => within(list).getByText(label).parentElement?.querySelectorAll('dd')[0].textContent;
    // docs/guide.md, "How sure: ranges": the sample with ranges at 10,000 trials and seed 1.
    expect(text('NPV P10')).toBe('$1,224,297');
    expect(text('NPV P50')).toBe('$1,372,659');
    expect(text('NPV P90')).toBe('$1,520,532');
    expect(text('NPV mean')).toBe('$1,372,148');
    expect(text('P(NPV ≥ 0)')).toBe('100.0%');
    expect(text('P(payback ≤ max)')).toBe('100.0%');
    expect(section().textContent).toMatch(/10,000 trials, seed 1/);
    // Each chart keeps its text alternative: the histogram's share below 0, the tornado's largest swing first.
    const histogram = await within(section()).findByRole('img', { name: 'NPV over the trials' });
    expect(document.getElementById(histogram.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /^NPV over 10,000 trials in USD: P10 \$1,224,297, P50 \$1,372,659, P90 \$1,520,532; 0\.0% of trials have NPV below 0\. Trials by NPV: /,
    );
    const tornado = await within(section()).findByRole('img', { name: 'What moves NPV most' });
    expect(document.getElementById(tornado.getAttribute('aria-describedby')!)?.textContent).toMatch(/largest swing first: Employee hours saved\/week: \$1,200,552 at its low/);
  }, 60_000);

  it('shows progress a slice at a time, stops on Cancel, and runs again on request', async () => {
    const user = userEvent.setup();
    const { simulator, step } = steppedSimulator();
    render(<App useCases={createUseCases({ port: bookOf(rangedSampleCase()), now: NOW })} simulator={simulator} />);
    await evaluate(user);
    // The pane reads the sheet again once the block is written, a new card that starts the simulation afresh: wait for it.
    await waitFor(() => expect(screen.getByTestId('freshness').textContent).toBe('Updated from the sheet.'), { timeout: 10_000 });
    const bar = await within(section()).findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(section().textContent).toMatch(/Simulating: 0 of 10,000 trials/);
    step();
    await waitFor(() => expect(section().textContent).toMatch(/Simulating: 500 of 10,000 trials/));
    step();
    await waitFor(() => expect(within(section()).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1000'));

    await user.click(within(section()).getByRole('button', { name: 'Cancel' }));
    expect(section().textContent).toMatch(/The simulation was cancelled\./);
    expect(within(section()).queryByRole('progressbar')).toBeNull();
    // The loop, let go once more, stops instead of running on.
    step();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(section().textContent).toMatch(/The simulation was cancelled\./);

    await user.click(within(section()).getByRole('button', { name: 'Run again' }));
    await waitFor(() => expect(section().textContent).toMatch(/Simulating: 0 of 10,000 trials/));
    // A slice each time waitFor looks, to the end.
    await waitFor(
      () => {
        step();
        expect(within(section()).getByLabelText('How sure: figures').textContent).toMatch(/NPV P10\$1,224,297/);
      },
      { timeout: 20_000 },
    );
  }, 60_000);

  it('without ranges says how to add Low and High, linking to the guide', async () => {
    const user = userEvent.setup();
    render(<App useCases={createUseCases({ port: bookOf(sampleCase()), now: NOW })} />);
    await evaluate(user);
    expect(section().textContent).toMatch(/^How sure\?No ranges yet: add Low and High columns to Metrics or Costs to see how sure these figures are \(how\)\.$/);
    expect(within(section()).getByRole('link', { name: 'how' }).getAttribute('href')).toBe('help.html#how-sure-ranges');
    expect(within(section()).queryByRole('progressbar')).toBeNull();
  }, 60_000);
});
