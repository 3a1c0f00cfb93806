-- The e-mail outbox (SQLite). Keep in step with ../postgres/0002_outbox.sql.
-- A message is written here in the same transaction as whatever caused it, then a
-- background job of relais-web sends it over SMTP (relais-web mailer.rs).

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    -- Chosen by the sender of the message; enqueueing a known key again does nothing.
    idempotency_key TEXT NOT NULL,
    recipient       TEXT,              -- e-mail address; personal; NULL once purged
    subject         TEXT NOT NULL,
    body_text       TEXT,              -- personal (links, names); NULL once purged
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'cancelled')),
    -- Sending attempts started so far (counted when a sender claims the message).
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- Earliest time of the next attempt (the enqueuer's not_before, then the backoff).
    next_attempt_at INTEGER NOT NULL,
    -- A sender holds the message until then; after it, another instance may take it over.
    locked_until    INTEGER,
    -- Short reason of the last failure (SMTP code and class, never an address).
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    -- When it was sent, failed for good or was cancelled.
    finished_at     INTEGER,
    purged_at       INTEGER
);

CREATE UNIQUE INDEX outbox_idempotency_key ON outbox (idempotency_key);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX outbox_finished ON outbox (finished_at) WHERE purged_at IS NULL AND finished_at IS NOT NULL;
CREATE INDEX outbox_recent ON outbox (created_at DESC, id DESC);
