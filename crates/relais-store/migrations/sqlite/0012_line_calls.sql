-- Calling people back through the line, and SMS delivery receipts (SQLite). Keep in step
-- with ../postgres/0012_line_calls.sql.

-- One row per "Appeler" from the console: the provider rings the volunteer, then bridges to
-- the person. The row's id travels in the webhook URLs the provider signs back; `call_sid`
-- is the provider's id of the volunteer's leg. No number is stored here: the volunteer's is
-- on their profile, the person's on the request.
CREATE TABLE line_calls (
    id               INTEGER PRIMARY KEY,
    request_id       INTEGER NOT NULL REFERENCES help_requests(id) ON DELETE CASCADE,
    volunteer_id     INTEGER NOT NULL REFERENCES users(id),
    call_sid         TEXT UNIQUE,
    -- relais_domain::telephony::callback::CallState codes.
    state            TEXT NOT NULL,
    -- Set in the same transaction as the attempt it recorded: a retried callback records
    -- nothing more.
    attempt_recorded INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX line_calls_request ON line_calls (request_id, id);

-- The provider's delivery receipt of an SMS (MessageStatus, ErrorCode): codes only.
ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
-- Rank of delivery_status (relais_domain::telephony::callback::Delivery::rank): receipts only move forward.
ALTER TABLE outbox ADD COLUMN delivery_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN delivery_error TEXT;
ALTER TABLE outbox ADD COLUMN delivery_at INTEGER;
