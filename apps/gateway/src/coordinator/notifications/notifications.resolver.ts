import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module.js';
import { callerOf, type CoordinatorContext } from '../graphql/coordinator-context.js';
import { CallerAuthenticator } from '../identity/caller-authenticator.js';
import { AuthErrorCode } from '#contracts';
import { CoordinatorError } from '../common/coordinator-error.js';

interface NotificationRow {
  readonly id: string;
  readonly kind: string;
  readonly proposalId: string | null;
  readonly residentId: string;
  readonly nl: string;
  readonly en: string;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/** The caller's own inbox, newest first. */
@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly callers: CallerAuthenticator,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Query()
  async notifications(@Context() ctx: CoordinatorContext): Promise<NotificationRow[]> {
    const caller = await callerOf(ctx, this.callers);
    if (caller.kind !== 'person') throw new CoordinatorError(AuthErrorCode.UNAUTHENTICATED, 'Log in first.');
    const personId = caller.personId;
    const { rows } = await this.pool.query<NotificationRow>(
      `SELECT id, kind, proposal_id AS "proposalId", resident_id AS "residentId", text_nl AS nl, text_en AS en, created_at AS "createdAt", read_at AS "readAt"
         FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC, id LIMIT 200`,
      [personId],
    );
    return rows;
  }
}

@Resolver('Notification')
export class NotificationFieldsResolver {
  @ResolveField() text(@Parent() n: NotificationRow, @Args('locale') locale: 'nl' | 'en'): string {
    return locale === 'en' ? n.en : n.nl;
  }
  @ResolveField() read(@Parent() n: NotificationRow): boolean {
    return n.readAt !== null;
  }
}
