/**
 * Workbench entry point: opens the in-browser workbook (the sample, or empty with
 * `?workbook=blank`) and mounts the task pane beside its grid. No Office: the pane talks to the
 * HyperFormula workbook through the same port it uses in Excel.
 */
import { createRoot } from 'react-dom/client';
import { openWorkbook, startFrom } from './open';
import { Workbench } from './Workbench';

async function main(): Promise<void> {
  const host = document.getElementById('workbench');
  if (!host) throw new Error('workbench.html has no #workbench element');
  const { book, hint } = await openWorkbook(startFrom(window.location.search));
  createRoot(host).render(<Workbench book={book} now={() => new Date()} hint={hint} />);
}

main().catch((error: unknown) => {
  // Nothing else would show it: the page would stay blank.
  document.body.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
