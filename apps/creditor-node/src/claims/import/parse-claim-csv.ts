/**
 * The CSV upload entry point. It lives with validateClaimRows, so that the two ways in visibly share
 * one validation; this module lets callers import it by its own name.
 */
export { parseClaimCsv } from './validate-claim-rows.js';
