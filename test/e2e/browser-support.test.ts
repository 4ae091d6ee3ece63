/**
 * What the browser tests do where Chromium is missing: fail under CI, and elsewhere skip after
 * one loud line naming the install command.
 */
import { CHROMIUM_PATH, chromiumOrSkip, INSTALL_COMMAND } from './support/browser';

describe('a missing Chromium', () => {
  const missing = '/nonexistent/chromium';
  const ci = process.env.CI;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  });

  afterEach(() => {
    warn.mockRestore();
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('fails the run under CI, naming the install command', () => {
    process.env.CI = 'true';
    expect(() => chromiumOrSkip('the tests', missing)).toThrow(`${missing} is missing, so the tests cannot run: install it with \`${INSTALL_COMMAND}\``);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips elsewhere, with one loud line naming the install command', () => {
    delete process.env.CI;
    expect(chromiumOrSkip('the tests', missing)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/SKIPPED: .*sudo apt-get install -y chromium/);
  });

  it('runs where the browser is installed', () => {
    expect(chromiumOrSkip('the tests', process.execPath)).toBe(true);
    expect(INSTALL_COMMAND).toBe('sudo apt-get install -y chromium');
    expect(CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });
});
