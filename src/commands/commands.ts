/**
 * Ribbon commands: the functions the manifest's ExecuteFunction buttons run, registered with
 * Office.actions in the shared runtime. The one button today (Home > Pilot Gate) opens the task
 * pane declaratively (ShowTaskpane), so COMMANDS is empty until a button runs code.
 */

/** What an ExecuteFunction button runs. */
export type RibbonCommand = () => Promise<void>;

/** The part of Office.actions that registration needs. */
export interface ActionRegistry {
  associate(actionId: string, handler: (event: Office.AddinCommands.Event) => void): void;
}

/** Ribbon commands by the FunctionName the manifest gives their ExecuteFunction action. */
export const COMMANDS: Readonly<Record<string, RibbonCommand>> = {};

/**
 * Runs one command and then tells Office it finished (event.completed), whether it succeeded or
 * failed, so the ribbon button is never left busy; a failure still rejects, so it is seen.
 *
 * @example
 *   await runCommand(async () => evaluateActiveSheet(), event);
 */
export function runCommand(command: RibbonCommand, event: Office.AddinCommands.Event): Promise<void> {
  return command().finally(() => event.completed());
}

/**
 * Registers every command with Office under its FunctionName.
 *
 * @example
 *   registerCommands(Office.actions, { evaluate: async () => evaluateActiveSheet() });
 */
export function registerCommands(actions: ActionRegistry, commands: Readonly<Record<string, RibbonCommand>> = COMMANDS): void {
  for (const [id, command] of Object.entries(commands)) {
    actions.associate(id, (event) => void runCommand(command, event));
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => registerCommands(Office.actions));
}
