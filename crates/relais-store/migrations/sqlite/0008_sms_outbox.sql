-- SMS in the outbox (SQLite). Keep in step with ../postgres/0008_sms_outbox.sql.
-- An SMS is an outbox message with channel 'sms': the same idempotency key, claims, lease,
-- retries and 30-day erasure of recipient and body as e-mail (relais-store sms_outbox.rs).
-- The e-mail sender claims channel 'email' only, the SMS sender channel 'sms' only.

ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms'));
-- The provider's id of a sent SMS (Twilio's "SM…" sid); not personal.
ALTER TABLE outbox ADD COLUMN provider_id TEXT;

CREATE INDEX outbox_due_channel ON outbox (channel, next_attempt_at, id) WHERE status = 'queued';
