/**
 * Task pane entry point: waits for Office once, then mounts the pane on the use cases over the
 * Office.js port (the one place the pane meets a host). Outside Office (a browser tab, where
 * Office.js finds no host) it says how to load the add-in in Excel instead.
 */
import { createRoot } from 'react-dom/client';
import { createUseCases } from '../usecases';
import { OfficeWorkbook, officeHost } from '../workbook/office';
import { App } from './App';
import { OutsideOffice } from './OutsideOffice';

void Office.onReady((info) => {
  const host = document.getElementById('container');
  if (!host) throw new Error('taskpane.html has no #container element');
  const root = createRoot(host);
  if (info.host === null) {
    root.render(<OutsideOffice />);
    return;
  }
  root.render(<App useCases={createUseCases({ port: new OfficeWorkbook(officeHost()), now: () => new Date() })} />);
});
