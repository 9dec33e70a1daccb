/** What a notification is about. Stored in rows and read by clients: never rename one. */
export const NOTIFICATION_TYPES = [
  'PLEDGE_CONFIRMED',
  'CAMPAIGN_FUNDED',
  'CAMPAIGN_FAILED',
  'COMPLAINT_RESOLVED',
  'MATCHING_PROJECT_LIVE',
  'RECONFIRMATION_REQUESTED',
  'PLEDGE_CHARGED',
  'PAYMENT_ACTION_REQUIRED',
  'PAYMENT_FAILED',
  'PLEDGE_RELEASED',
  'SHARES_ISSUED',
  'LOAN_OFFERED',
  'LOAN_ACCEPTED',
  'LOAN_DISBURSED',
  'LOAN_LAPSED',
  'LOAN_DEFAULTED',
  'COMPENSATION_PAID',
  'CHARGE_REFUNDED',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** A notification as handlers write it; `data` holds the ids a client may link to. */
export interface NewNotification {
  type: NotificationType;
  title: string;
  body: string;
  data: Record<string, string | number | null>;
}

/** A row of `notifications` as the API reads it. */
export interface NotificationRow {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  /** created_at with PostgreSQL's microseconds, for the cursor. */
  created_key: string;
  read_at: Date | null;
}
