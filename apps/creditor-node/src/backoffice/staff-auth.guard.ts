import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { AuthErrorCode } from '#contracts';
import { StaffAuthenticator } from './staff-authenticator.service.js';
import type { StaffMember } from './staff-member.js';

type StaffRequest = Request & { staff?: StaffMember };

/** The HTTP request behind a route or a resolver. */
export function requestOf(context: ExecutionContext): StaffRequest {
  return context.getType<GqlContextType>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: StaffRequest }>().req
    : context.switchToHttp().getRequest<StaffRequest>();
}

/** Guards every back-office route and resolver: a verified staff member of this creditor, or nothing. */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(private readonly authenticator: StaffAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const result = await this.authenticator.authenticate(req.headers.authorization);
    if (result.ok) {
      req.staff = result.staff;
      return true;
    }
    if (context.getType<GqlContextType>() === 'graphql') {
      throw new GraphQLError(result.reason, { extensions: { code: result.code } });
    }
    const body = { error: { code: result.code, message: result.reason } };
    throw result.code === AuthErrorCode.FORBIDDEN ? new ForbiddenException(body) : new UnauthorizedException(body);
  }
}

/** The staff member the guard verified. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffMember => {
  const staff = requestOf(context).staff;
  if (!staff) throw new Error('CurrentStaff used on a route without StaffAuthGuard');
  return staff;
});
