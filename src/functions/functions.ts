/**
 * Excel custom functions (namespace PILOT, set in manifest.xml): the entry point the shared
 * runtime loads. It registers every function of the catalogue under the id functions.json gives
 * it; that file is written at build time from the same declarations (declarations.ts).
 *
 * Table arguments take the whole table with its header row (`Metrics[#All]`) or a plain range
 * whose first row is the header, so column order never matters. Calls over the same tables share
 * one evaluation of the case (cache.ts), so a sheet full of PILOT formulas recalculates once.
 */
import { associatePilotFunctions } from './register';

associatePilotFunctions(CustomFunctions);
