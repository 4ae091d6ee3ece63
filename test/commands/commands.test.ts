import { COMMANDS, registerCommands, runCommand } from '../../src/commands/commands';
import type { ActionRegistry } from '../../src/commands/commands';

type Handler = (event: Office.AddinCommands.Event) => void;

/** An event that records whether Office was told the command finished. */
function event(): Office.AddinCommands.Event & { done: boolean } {
  const e = { done: false, source: { id: 'button' }, completed: () => void (e.done = true) };
  return e as unknown as Office.AddinCommands.Event & { done: boolean };
}

describe('registerCommands', () => {
  it('associates every command under its name, and a handler runs its command', async () => {
    const ran: string[] = [];
    const handlers = new Map<string, Handler>();
    const actions: ActionRegistry = { associate: (id, handler) => void handlers.set(id, handler) };
    registerCommands(actions, { first: async () => void ran.push('first'), second: async () => void ran.push('second') });
    expect([...handlers.keys()]).toEqual(['first', 'second']);
    const clicked = event();
    handlers.get('second')!(clicked);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(['second']);
    expect(clicked.done).toBe(true);
  });

  it('has no command for the ribbon yet: its one button opens the task pane declaratively', () => {
    expect(Object.keys(COMMANDS)).toEqual([]);
  });
});

describe('runCommand', () => {
  it('tells Office a failed command finished, so the button is not left busy, and still rejects', async () => {
    const clicked = event();
    await expect(
      runCommand(async () => {
        throw new Error('no workbook');
      }, clicked),
    ).rejects.toThrow('no workbook');
    expect(clicked.done).toBe(true);
  });
});
