import { useEffect, useState } from 'react';
import type { WorkbookPort } from '../../workbook/port';

export type ThemeMode = 'light' | 'dark';

/**
 * Office's theme through the port (light or dark); where the host says nothing, the system's
 * preference. Read again when the pane regains focus, since Office's theme can change meanwhile.
 *
 * @example
 *   const mode = useHostTheme(port); // 'dark' in Excel's Black theme
 */
export function useHostTheme(port: WorkbookPort): ThemeMode {
  const [mode, setMode] = useState<ThemeMode>(() => themeOf(port));
  useEffect(() => {
    const refresh = (): void => setMode(themeOf(port));
    refresh();
    window.addEventListener('focus', refresh);
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener?.('change', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      media?.removeEventListener?.('change', refresh);
    };
  }, [port]);
  return mode;
}

function themeOf(port: WorkbookPort): ThemeMode {
  const host = port.theme();
  if (host) return host.dark ? 'dark' : 'light';
  const prefersDark = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return prefersDark ? 'dark' : 'light';
}
