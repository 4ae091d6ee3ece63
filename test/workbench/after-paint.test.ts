/** @jest-environment jsdom */
import { afterPaint } from '../../src/workbench/after-paint';

describe('afterPaint', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once, in a task after the next frame, not during it', () => {
    const run = jest.fn();
    afterPaint(run);
    expect(run).not.toHaveBeenCalled();
    jest.advanceTimersToNextFrame();
    // The frame has come; its paint is still ahead, so the call waits for the task after it.
    expect(run).not.toHaveBeenCalled();
    jest.runOnlyPendingTimers();
    expect(run).toHaveBeenCalledTimes(1);
    jest.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled, before the frame or between the frame and the task', () => {
    const early = jest.fn();
    afterPaint(early)();
    const late = jest.fn();
    const cancel = afterPaint(late);
    jest.advanceTimersToNextFrame();
    cancel();
    jest.runAllTimers();
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });
});
