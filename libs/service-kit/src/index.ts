// What every service of the platform (creditor node, coordinator, gateway) needs the same way: the
// clock port, bearer parsing, hardened GraphQL error handling, and PostgreSQL plumbing.
export * from './bearer-token.js';
export * from './clock.js';
export * from './graphql-errors.js';
export * from './legacy-json-status.plugin.js';
export * from './pg-pool.js';
export * from './run-migrations-exclusively.js';
export * from './config-reader.js';
export * from './process-env.js';
export * from './expected-graphql-errors.filter.js';
export * from './request-log.js';
export * from './request-metrics.js';
export * from './correlation-scope.js';
export * from './json-logger.js';
export * from './service-observability.js';
export * from './graphql-error-metrics.js';
export * from './platform-apollo-plugins.js';
export * from './readiness.js';
