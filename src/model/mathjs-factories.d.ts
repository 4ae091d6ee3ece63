// mathjs exports the factories of its classes (lib/esm/factoriesAny.js) but its type declarations
// leave them out; these are the four the unit engine calls, typed as unit-engine.ts uses them.
import type { UnitCtor } from 'mathjs';

declare module 'mathjs' {
  /** mathjs's configuration object, as a factory reads it. */
  interface FactoryConfig {
    readonly relTol: number;
    readonly absTol: number;
    readonly matrix: 'Matrix' | 'Array';
    readonly number: 'number' | 'BigNumber' | 'bigint' | 'Fraction';
    readonly numberFallback: 'number' | 'BigNumber';
    readonly precision: number;
    readonly predictable: boolean;
    readonly randomSeed: string | null;
    readonly legacySubset: boolean;
  }

  /** What the Unit class is built from (mathjs's type/unit/Unit.js, its `dependencies`). */
  interface UnitClassDependencies {
    config: FactoryConfig;
    addScalar(a: number, b: number): number;
    subtractScalar(a: number, b: number): number;
    multiplyScalar(a: number, b: number): number;
    divideScalar(a: number, b: number): number;
    pow(x: number, y: number): number;
    abs(x: number): number;
    fix(x: number): number;
    round(x: number, n?: number): number;
    equal(a: number, b: number): boolean;
    isNumeric(x: unknown): boolean;
    format(value: number, options?: { precision?: number }): string;
    number(x: number | { valueOf(): number }): number;
    Complex: unknown;
    BigNumber: unknown;
    Fraction: unknown;
  }

  const createUnitClass: (dependencies: UnitClassDependencies) => UnitCtor;
  const createComplexClass: (dependencies: Record<string, never>) => unknown;
  const createFractionClass: (dependencies: Record<string, never>) => unknown;
}
