import { normalizeName } from './tables';
import type { Cell, StandardCategory } from './types';

/** SPEC §2.2's standard cost categories, as people read them. */
export const CATEGORY_LABELS: Readonly<Record<StandardCategory, string>> = {
  model: 'Model and licences',
  infrastructure: 'Infrastructure',
  security: 'Security and compliance',
  data: 'Data remediation',
  integration: 'Integration',
  operations: 'Operations and support',
  change: 'Change management and training',
  monitoring: 'Monitoring',
};

const ALIASES: Record<StandardCategory, string[]> = {
  model: ['Model and licences', 'Model and licenses', 'Model & licences', 'Model & licenses', 'Licences', 'Licenses', 'Model', 'Models', 'Model licences', 'Model licenses', 'LLM and licences', 'API and licences'],
  infrastructure: ['Infrastructure', 'Infra', 'Hosting', 'Compute', 'Cloud infrastructure'],
  security: ['Security and compliance', 'Security & compliance', 'Security', 'Compliance'],
  data: ['Data remediation', 'Data', 'Data cleaning', 'Data preparation', 'Data quality'],
  integration: ['Integration', 'Integrations', 'Systems integration'],
  operations: ['Operations and support', 'Operations & support', 'Operations', 'Support', 'Ops'],
  change: ['Change management and training', 'Change management & training', 'Change management', 'Training', 'Change and training'],
  monitoring: ['Monitoring', 'Observability', 'Model monitoring'],
};

const BY_NAME = new Map<string, StandardCategory>();
for (const [category, names] of Object.entries(ALIASES) as [StandardCategory, string[]][]) {
  for (const name of names) BY_NAME.set(normalizeName(name), category);
}

/**
 * The standard category a Costs row's Category text names, matched like headers; a trailing
 * parenthesis is ignored. null for a custom category.
 *
 * @example
 *   matchCategory('Security & Compliance (SOC 2)') // 'security'
 *   matchCategory('Legal review')                  // null
 */
export function matchCategory(text: Cell): StandardCategory | null {
  return BY_NAME.get(normalizeName(withoutTrailingParenthesis(String(text ?? '')))) ?? null;
}

/**
 * The text without a trailing `(…)` that holds no `)`, as `/\s*\([^)]*\)\s*$/` would remove it,
 * found by index: that regex tries every `(` and every space as a start, quadratic in a
 * 32,767-character cell. The group opens at the first `(` after the last inner `)`.
 */
function withoutTrailingParenthesis(text: string): string {
  const body = text.trimEnd();
  if (!body.endsWith(')')) return text;
  const open = body.indexOf('(', body.lastIndexOf(')', body.length - 2) + 1);
  return open === -1 ? text : body.slice(0, open);
}
