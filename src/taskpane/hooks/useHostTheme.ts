import { useEffect, useState } from 'react';
import type { UseCases } from '../../usecases';

export type ThemeMode = 'light' | 'dark' | 'high-contrast';

/**
 * Office's theme as the workbook's host reports it (light or dark); where the host says nothing, the system's
 * preference; high contrast whenever the system forces its colours (Windows' contrast themes, which
 * Office follows). Read again when the pane regains focus, since Office's theme can change meanwhile.
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
    const queries = typeof window.matchMedia === 'function' ? [DARK, FORCED].map((q) => window.matchMedia(q)) : [];
    for (const media of queries) media.addEventListener?.('change', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      for (const media of queries) media.removeEventListener?.('change', refresh);
    };
  }, [host]);
  return mode;
}

const DARK = '(prefers-color-scheme: dark)';
const FORCED = '(forced-colors: active)';

function themeOf(host: Pick<UseCases, 'theme'>): ThemeMode {
  if (typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(FORCED).matches) return 'high-contrast';
  const theme = host.theme();
  if (theme) return theme.dark ? 'dark' : 'light';
  const prefersDark = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK).matches;
  return prefersDark ? 'dark' : 'light';
}
