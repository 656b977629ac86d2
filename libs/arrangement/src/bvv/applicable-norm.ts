import type { CoupleNorms, ParameterSet } from '../parameters/parameter-set.js';
import type { AgeBand, Household } from './bvv-input.js';

function coupleNorm(norms: CoupleNorms, ageBand: AgeBand, partnerAgeBand: AgeBand): number {
  if (ageBand === 'aow' || partnerAgeBand === 'aow') return norms.aow;
  if (ageBand === '18-20' && partnerAgeBand === '18-20') return norms.bothYoung;
  if (ageBand === '18-20' || partnerAgeBand === '18-20') return norms.oneYoung;
  return norms.bothAdult;
}

/** The bijstandsnorm that applies to this household and these ages (Participatiewet art. 20–22). */
export function applicableNorm(params: {
  readonly parameters: ParameterSet;
  readonly household: Household;
  readonly ageBand: AgeBand;
  readonly partnerAgeBand?: AgeBand;
}): number {
  const { norms } = params.parameters;
  const partner = params.partnerAgeBand ?? params.ageBand;
  switch (params.household) {
    case 'single':
      return norms.single[params.ageBand];
    case 'single_parent':
      return norms.singleParent[params.ageBand];
    case 'couple':
      return coupleNorm(norms.couple, params.ageBand, partner);
    case 'couple_with_children':
      return coupleNorm(norms.coupleWithChildren, params.ageBand, partner);
  }
}

/**
 * The norm of 21 to AOW age for the household: the base of the fixed maximum and of the kop (art.
 * 475da lid 2 Rv uses the norms of art. 21 Participatiewet).
 */
export function adultNorm(parameters: ParameterSet, household: Household): number {
  return household === 'single' || household === 'single_parent' ? parameters.norms.single['21-aow'] : parameters.norms.couple.bothAdult;
}
