import { Catch, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/**
 * A GraphQLError thrown on purpose (a refusal with a stable code) is an answer, not a failure: hand it
 * to Apollo unchanged instead of letting Nest log it as an unhandled exception. Unexpected errors
 * still reach Nest's handler and the log.
 */
@Catch(GraphQLError)
export class ExpectedGraphQLErrors implements ExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
