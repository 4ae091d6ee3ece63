import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { cellList } from '../../usecases';
import type { Conflict } from '../hooks/useTaskPane';

/**
 * Asks before the block would overwrite anything that is not the block: replace those cells,
 * put the block on a new sheet, or cancel. A chunk of its own (Fluent's dialog and its motion),
 * fetched the first time cells are in the way.
 *
 * @example
 *   <ClobberDialog conflict={state.conflict} onChoose={actions.resolveConflict} />
 */
export default function ClobberDialog({ conflict, onChoose }: { conflict: Conflict | null; onChoose(choice: 'replace' | 'newSheet' | 'cancel'): void }) {
  const cells = conflict?.cells ?? [];
  return (
    <Dialog open={conflict !== null} modalType="alert" onOpenChange={(_, data) => !data.open && onChoose('cancel')}>
      <DialogSurface aria-describedby="clobber-text">
        <DialogBody>
          <DialogTitle>Cells in the way</DialogTitle>
          <DialogContent id="clobber-text">
            The output block needs {cells.length === 1 ? 'a cell that holds' : `${cells.length} cells that hold`} something
            else: {cellList(cells)}. Nothing has been changed yet.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onChoose('newSheet')}>
              Put it on a new sheet
            </Button>
            <Button onClick={() => onChoose('replace')}>Replace those cells</Button>
            <Button onClick={() => onChoose('cancel')}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
