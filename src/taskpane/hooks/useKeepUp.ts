import { useEffect, useState } from 'react';
import type { UseCases } from '../../usecases';

/** Changes closer together than this are read once: typing a row, or Excel's calculation after an edit. */
export const SETTLE_MS = 300;

/**
 * Keeps the pane up with the sheet: after the workbook changes (an edit, a recalculation),
 * once it has settled, calls `refresh`. Returns whether the host can tell of changes at all (an
 * Excel without ExcelApi 1.9 cannot, and the pane then says its card shows the last Evaluate).
 *
 * @example
 *   const watching = useKeepUp(useCases, actions.refreshFromSheet);
 */
export function useKeepUp(useCases: Pick<UseCases, 'watch'>, refresh: () => Promise<void>): boolean {
  const [watching, setWatching] = useState(true);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const watch = useCases.watch((change) => {
      if (change.kind === 'stopped') {
        setWatching(false);
        return;
      }
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void refresh();
      }, SETTLE_MS);
    });
    setWatching(watch.watching);
    return () => {
      if (timer !== null) clearTimeout(timer);
      watch.stop();
    };
  }, [useCases, refresh]);
  return watching;
}
