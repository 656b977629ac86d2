import type { ExplanationStep } from '../explain/explanation-step.js';

export class FloorBelowBvvError extends Error {
  constructor(
    readonly floorCents: number,
    readonly bvvCents: number,
  ) {
    super(`a counsellor's floor (${floorCents} cents) may not lie below the beslagvrije voet (${bvvCents} cents)`);
    this.name = 'FloorBelowBvvError';
  }
}

/**
 * What is left for creditors each month (RULES.md §1): net income minus what the resident keeps,
 * never negative. What the resident keeps is the beslagvrije voet, or a higher floor a counsellor
 * set (e.g. a VTLB they computed); never a lower one, that would take what the law protects.
 */
export function computeCapacity(params: {
  readonly netIncomeCents: number;
  readonly bvvCents: number;
  readonly counsellorFloorCents?: number;
}): { readonly capacityCents: number; readonly keptCents: number; readonly steps: readonly ExplanationStep[] } {
  const { netIncomeCents, bvvCents, counsellorFloorCents } = params;
  const steps: ExplanationStep[] = [];
  let kept = bvvCents;
  if (counsellorFloorCents !== undefined) {
    if (counsellorFloorCents < bvvCents) throw new FloorBelowBvvError(counsellorFloorCents, bvvCents);
    kept = counsellorFloorCents;
    steps.push({ code: 'COUNSELLOR_FLOOR', amountCents: counsellorFloorCents });
  }
  const capacity = Math.max(0, netIncomeCents - kept);
  steps.push({ code: 'CAPACITY', amountCents: capacity });
  if (capacity === 0) steps.push({ code: 'ZERO_CAPACITY' });
  return { capacityCents: capacity, keptCents: kept, steps };
}
