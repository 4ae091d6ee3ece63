/**
 * Task pane entry point: waits for Office once, then mounts the pane on the Office.js port.
 */
import { createRoot } from 'react-dom/client';
import { OfficeWorkbook, officeHost } from '../workbook/office';
import { App } from './App';

void Office.onReady(() => {
  const host = document.getElementById('container');
  if (!host) throw new Error('taskpane.html has no #container element');
  createRoot(host).render(<App port={new OfficeWorkbook(officeHost())} now={() => new Date()} />);
});
