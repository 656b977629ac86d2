/**
 * One period's legal parameters for the beslagvrije voet (RULES.md §1). The figures live in reviewed
 * data files, one per period (`periods/YYYY-MM.json`), never in code: they change every 1 January and
 * 1 July, and each figure must be traceable to a public source.
 *
 * All amounts are integer euro cents per month, net, including holiday allowance (vakantietoeslag).
 */

/** Where a figure comes from. `verified`: read in the source; `derived`: arithmetic on verified figures. */
export interface ParameterSource {
  readonly title: string;
  readonly url: string;
  /** What this source gives (e.g. "bijstandsnormen 21-AOW", "maximale beslagvrije voet"). */
  readonly covers: string;
}

/** The bijstandsnorm of a couple, by the partners' ages (Participatiewet art. 21 and 20). */
export interface CoupleNorms {
  /** Both partners from 21 to AOW age. */
  readonly bothAdult: number;
  /** One or both partners of AOW age. */
  readonly aow: number;
  /** Both partners 18–20. */
  readonly bothYoung: number;
  /** One partner 18–20, the other 21 or older. */
  readonly oneYoung: number;
}

export interface NormsBySingleAge {
  readonly '18-20': number;
  readonly '21-aow': number;
  readonly aow: number;
}

export interface BijstandsNorms {
  readonly single: NormsBySingleAge;
  readonly singleParent: NormsBySingleAge;
  readonly couple: CoupleNorms;
  readonly coupleWithChildren: CoupleNorms;
}

/** The fixed maximum beslagvrije voet per household situation (art. 475da Rv; income group 3). */
export interface MaximumBvv {
  readonly single: number;
  readonly single_parent: number;
  readonly couple: number;
  readonly couple_with_children: number;
}

export interface ParameterSet {
  /** "YYYY-MM": the period starts on the first of that month (January or July). */
  readonly period: string;
  readonly norms: BijstandsNorms;
  readonly maximumBvv: MaximumBvv;
  /** Figures that are derived rather than read in a source, by field path (e.g. "maximumBvv.couple"). */
  readonly derived: readonly string[];
  /** Review notes: a conflict between sources and how it was settled. */
  readonly notes?: readonly string[];
  readonly sources: readonly ParameterSource[];
}
