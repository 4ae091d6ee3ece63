/** @jest-environment jsdom */
import { act, screen } from '@testing-library/react';

describe('the task pane entry point', () => {
  it('waits for Office, then mounts the pane on the Office.js port in Office’s theme', async () => {
    document.body.innerHTML = '<div id="container"></div>';
    let ready: (() => void) | undefined;
    const office = {
      onReady: (callback: () => void) => {
        ready = callback;
        return Promise.resolve({ host: 'Excel', platform: 'PC' });
      },
      context: {
        officeTheme: { bodyBackgroundColor: '#1F1F1F' },
        requirements: { isSetSupported: () => true },
      },
    };
    Object.assign(globalThis, { Office: office });
    await import('../../src/taskpane/index');
    expect(document.getElementById('container')?.childElementCount).toBe(0);
    await act(async () => ready?.());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pilot Gate');
    expect(document.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
  });
});
