/** Injection token for the node's validated configuration. */
export const NODE_CONFIG = Symbol('NODE_CONFIG');
