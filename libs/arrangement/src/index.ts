// The arrangement engine (RULES.md): beslagvrije voet, capacity, one fair plan over all creditors,
// the share a creditor can check, the schedule and the explanations. Pure TypeScript, whole cents,
// no framework: the coordinator proposes with it and every creditor node checks with it.
export * from './bvv/bvv-input.js';
export * from './bvv/compute-bvv.js';
export * from './capacity/compute-capacity.js';
export * from './explain/explanation-step.js';
export * from './input/input-error.js';
export * from './input/validate-bvv-input.js';
export * from './input/validate-plan-input.js';
export * from './parameters/parameter-set.js';
export * from './parameters/select-parameter-set.js';
export * from './plan/compute-plan.js';
export * from './plan/meet-counter-offer.js';
export * from './plan/monthly-split.js';
export * from './plan/plan-months.js';
export * from './plan/plan-input.js';
export * from './plan/preferential-weight.js';
export * from './share/index.js';
export * from './explain/explain-steps.js';
export * from './explain/format-date.js';
export * from './explain/format-money.js';
export * from './explain/locale.js';
export * from './schedule/amend-plan.js';
export * from './schedule/calendar-date.js';
export * from './schedule/instalment-dates.js';
export * from './schedule/missed-payments.js';
export * from './schedule/payment-pause.js';
export * from './schedule/passed-on.js';
export * from './schedule/payment-schedule.js';
export * from './schedule/schedule-input-error.js';
