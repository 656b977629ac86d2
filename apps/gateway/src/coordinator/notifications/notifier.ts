import type { PoolClient } from 'pg';
import { notificationText, type NotificationKind, type NotificationParams } from './domain/notification-texts.js';

/** The channels besides the in-app inbox. Their development adapters only queue in `channel_outbox`. */
const OUTSIDE_CHANNELS = ['email', 'sms'] as const;

/**
 * Tells a resident, and every counsellor with a mandate in force for them, what happened: one inbox
 * row each, plus one row per outside channel (e-mail, SMS) for the channel adapters. Written in the
 * caller's transaction, so a notification exists exactly when the event it tells of does.
 */
export async function notifyResidentAndCounsellors(
  tx: PoolClient,
  params: { readonly residentId: string; readonly kind: NotificationKind; readonly proposalId: string; readonly text: NotificationParams },
): Promise<void> {
  const text = notificationText(params.kind, params.text);
  await tx.query({
    name: 'notification-insert',
    text: `WITH recipients AS (
             SELECT $1::uuid AS id
             UNION SELECT counsellor_id FROM mandates WHERE resident_id = $1 AND state = 'given' AND valid_from <= now() AND valid_until > now()
           ), inserted AS (
             INSERT INTO notifications (recipient_id, resident_id, kind, proposal_id, text_nl, text_en)
             SELECT id, $1, $2, $3, $4, $5 FROM recipients RETURNING id
           )
           INSERT INTO channel_outbox (notification_id, channel) SELECT inserted.id, channel FROM inserted, unnest($6::text[]) AS channel`,
    values: [params.residentId, params.kind, params.proposalId, text.nl, text.en, [...OUTSIDE_CHANNELS]],
  });
}

/** The creditor's display name, for a text. */
export async function creditorName(tx: PoolClient, creditorId: string): Promise<string> {
  const { rows } = await tx.query<{ name: string }>({ name: 'creditor-name', text: 'SELECT name FROM creditors WHERE id = $1', values: [creditorId] });
  return rows[0]?.name ?? creditorId;
}
