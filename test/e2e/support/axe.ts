/**
 * axe-core in a page driven by playwright-core, and the rule the browser tests hold the pane to:
 * no serious or critical violation, and no misplaced landmark whatever axe-core rates it (a main
 * inside another main is "moderate" to axe-core, yet a screen reader then announces two).
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One violation as axe-core reports it, with the nodes it found it on. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Landmark rules that fail the check at any impact. */
const LANDMARK_RULES = ['landmark-main-is-top-level', 'landmark-no-duplicate-main', 'landmark-complementary-is-top-level', 'landmark-banner-is-top-level', 'landmark-contentinfo-is-top-level'];

/**
 * axe-core's violations inside the element `selector` picks, with the check that an accessible
 * name holds the visible text turned on (axe-core leaves it off by default).
 *
 * @example
 *   const violations = await axeViolations(page, '.wb-pane');
 */
export async function axeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  // Evaluated by the driver, which the page's script policy does not govern (an inline <script> would be refused).
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (at) => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document.querySelector(at)!, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, selector);
}

/**
 * The violations that fail a browser test: serious or critical, or a landmark out of place.
 *
 * @example
 *   expect(failing(await axeViolations(page, '.wb-pane'))).toEqual([]);
 */
export function failing(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || LANDMARK_RULES.includes(v.id));
}
