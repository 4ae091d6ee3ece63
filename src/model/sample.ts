import type { CaseInput, Grid } from './types';

/**
 * The seed sample of SPEC §6/§7: the tables a PMO would paste, as Excel hands them over.
 * Texts are kept as pasted (`12 min`, `$45/h`); plain amounts are numbers in the case currency.
 * Used by the task pane's "Insert template", the workbench and the tests of §7.
 */
export const SAMPLE_METRICS: Grid = [
  ['Metric', 'Baseline', 'Target', 'Pilot', 'Timeline', 'Unit', 'Direction', 'Volume', 'Value per unit'],
  ['Processing time per document', '12 min', '2 min', '2 min', '90 days', null, null, '50,000 docs/year', '$45/h'],
  ['Error rate', '4.2%', '0.5%', '0.6%', '90 days', null, null, '50,000 transactions/year', '$120 per error'],
  ['Cost per transaction', '$3.40', '$0.80', '$0.80', '6 months', null, null, '50,000 transactions/year', null],
  ['Employee hours saved/week', 0, 200, 160, '6 months', 'h/week', null, null, '$45/h'],
];

export const SAMPLE_COSTS: Grid = [
  ['Category', 'Pilot', 'One-time', 'Annual', 'Multiplier'],
  ['Model and licences', 30000, null, 60000, null],
  ['Infrastructure', 15000, 20000, 30000, null],
  ['Security and compliance', 10000, 25000, 15000, null],
  ['Data remediation', 20000, 50000, 10000, null],
  ['Integration', 25000, 60000, 15000, null],
  ['Operations and support', 5000, null, 40000, null],
  ['Change management and training', 10000, 30000, 10000, null],
  ['Monitoring', 5000, 5000, 11000, null],
];

export const SAMPLE_READINESS: Grid = [
  ['Gate', 'Status', 'Owner', 'Evidence'],
  ['Executive sponsor', 'yes', 'Dana Whitfield', 'Steering committee minutes, March'],
  ['Production data audited', 'partial', 'Priya Raman', 'Two of three source systems audited'],
  ['Infrastructure (volume, latency, uptime SLA)', 'yes', 'Marco Bianchi', 'Load test at 3× pilot volume'],
  ['Integration path (IT and security review done)', 'yes', 'Marco Bianchi', 'Security review signed off'],
  ['Ownership', 'yes', 'Dana Whitfield', 'Operations team named'],
  ['Success metrics in business terms', 'yes', 'Priya Raman', 'Metrics table below, in USD'],
  ['Change management plan', 'partial', 'Lee Chen', 'Training plan drafted, not scheduled'],
  ['Workflow redesign', 'yes', 'TBD', 'Redesign workshop held'],
  ['Adoption beyond the pilot team', 'no', 'Lee Chen', 'Only the pilot team uses it'],
  ['Operations runbook and rollback', 'partial', 'Marco Bianchi', 'Runbook drafted; rollback untested'],
];

/** The six production functions of SPEC §2.4, each with a named person (the sample has no RACI table in §7). */
export const SAMPLE_OWNERSHIP: Grid = [
  ['Function', 'Responsible', 'Accountable'],
  ['Production quality monitoring', 'Priya Raman', 'Dana Whitfield'],
  ['Incident response', 'Marco Bianchi', 'Dana Whitfield'],
  ['Model updates and versioning', 'Marco Bianchi', 'Dana Whitfield'],
  ['Integration maintenance', 'Marco Bianchi', 'Dana Whitfield'],
  ['User training and adoption', 'Lee Chen', 'Dana Whitfield'],
  ['Success-metric tracking', 'Priya Raman', 'Dana Whitfield'],
];

/** SPEC §2.5's defaults, written out so a person sees and can change them. */
export const SAMPLE_ASSUMPTIONS: Grid = [
  ['Name', 'Value'],
  ['Discount rate', 0.1],
  ['Horizon', '3 years'],
  ['Hurdle ROI', 0],
  ['Max payback', '24 months'],
  ['Benefit risk adjustment', 0.1],
  ['Cost risk adjustment', 0],
  ['Benefit basis', 'evidence'],
  ['Adoption ramp', '10%, 50%, 100%'],
  ['Integrations', 1],
  ['Expansion alarm', '3×'],
  ['On-track threshold', 1],
  ['Currency', 'USD'],
];

/**
 * The whole sample case of SPEC §7 (no Ownership table, as there).
 *
 * @example
 *   evaluateCase(sampleCase()).verdict // 'NOT READY'
 */
export function sampleCase(): CaseInput {
  const copy = (grid: Grid): Grid => grid.map((row) => [...row]);
  return {
    metrics: copy(SAMPLE_METRICS),
    costs: copy(SAMPLE_COSTS),
    readiness: copy(SAMPLE_READINESS),
    assumptions: copy(SAMPLE_ASSUMPTIONS),
  };
}
