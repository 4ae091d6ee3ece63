/** The workbook name that marks the block (a module of its own, so that reading a case does not bring the block's planning with it). */
export const BLOCK_NAME = 'PilotGate_Output';
