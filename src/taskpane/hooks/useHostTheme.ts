import { useEffect, useState } from 'react';
import type { UseCases } from '../../usecases';

export type ThemeMode = 'light' | 'dark';

/**
 * Office's theme as the workbook's host reports it (light or dark); where the host says nothing, the system's
 * preference. Read again when the pane regains focus, since Office's theme can change meanwhile.
 *
 * @example
 *   const mode = useHostTheme(useCases); // 'dark' in Excel's Black theme
 */
export function useHostTheme(host: Pick<UseCases, 'theme'>): ThemeMode {
  const [mode, setMode] = useState<ThemeMode>(() => themeOf(host));
  useEffect(() => {
    const refresh = (): void => setMode(themeOf(host));
    refresh();
    window.addEventListener('focus', refresh);
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener?.('change', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      media?.removeEventListener?.('change', refresh);
    };
  }, [host]);
  return mode;
}

function themeOf(host: Pick<UseCases, 'theme'>): ThemeMode {
  const theme = host.theme();
  if (theme) return theme.dark ? 'dark' : 'light';
  const prefersDark = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return prefersDark ? 'dark' : 'light';
}
