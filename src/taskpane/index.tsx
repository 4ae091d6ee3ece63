/**
 * Task pane entry point: waits for Office once, then mounts the pane on the use cases over the
 * Office.js port (the one place the pane meets a host).
 */
import { createRoot } from 'react-dom/client';
import { createUseCases } from '../usecases';
import { OfficeWorkbook, officeHost } from '../workbook/office';
import { App } from './App';

void Office.onReady(() => {
  const host = document.getElementById('container');
  if (!host) throw new Error('taskpane.html has no #container element');
  createRoot(host).render(<App useCases={createUseCases({ port: new OfficeWorkbook(officeHost()), now: () => new Date() })} />);
});
