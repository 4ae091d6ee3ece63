/** @jest-environment jsdom */
import { act, screen } from '@testing-library/react';

describe('the task pane entry point', () => {
  it('waits for Office, then mounts the pane on the Office.js port in Office’s theme', async () => {
    document.body.innerHTML = '<div id="container"></div>';
    let ready: ((info: { host: string | null; platform: string | null }) => void) | undefined;
    const office = {
      onReady: (callback: (info: { host: string | null; platform: string | null }) => void) => {
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
    await act(async () => ready?.({ host: 'Excel', platform: 'PC' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pilot Gate');
    expect(document.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
    expect(screen.getByRole('button', { name: 'Evaluate' })).toBeTruthy();
  });

  it('outside Office says how to load the add-in in Excel instead of staying blank', async () => {
    document.body.innerHTML = '<div id="container"></div>';
    let ready: ((info: { host: string | null; platform: string | null }) => void) | undefined;
    Object.assign(globalThis, { Office: { onReady: (callback: typeof ready) => ((ready = callback), Promise.resolve({ host: null, platform: null })) } });
    jest.resetModules();
    await import('../../src/taskpane/index');
    await act(async () => ready?.({ host: null, platform: null }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Pilot Gate');
    expect(screen.getByRole('main').textContent).toMatch(/works inside Excel.*Upload My Add-in.*manifest\.xml/);
    expect(screen.queryByRole('button', { name: 'Evaluate' })).toBeNull();
  });
});
