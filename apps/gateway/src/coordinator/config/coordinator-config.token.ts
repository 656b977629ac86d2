/** Injection token of the validated CoordinatorConfig. */
export const COORDINATOR_CONFIG = Symbol('COORDINATOR_CONFIG');
