-- no-transaction
-- Orientation (referrals) and partner accounts (issue 6) (SQLite).
-- Keep in step with ../postgres/0009_referrals.sql: same tables, columns and meanings.
-- Instants are integer milliseconds since the Unix epoch (UTC).
--
-- The role 'partner' needs the CHECK on users.role widened. SQLite cannot alter a CHECK, so
-- the table is rebuilt the way SQLite's documentation says (foreign keys off outside the
-- transaction, new table, copy, drop, rename, all in one transaction). This file runs
-- without sqlx's transaction for that reason ("no-transaction" above) and opens its own.
-- The column list below is every column of users up to migration 0008: a later migration
-- adding a column to users runs after this one and needs nothing here.

PRAGMA foreign_keys = OFF;

BEGIN;

CREATE TABLE users_new (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('partner', 'volunteer', 'coordinator', 'admin')),
    status        TEXT NOT NULL CHECK (status IN ('pending', 'active', 'deactivated')),
    languages     TEXT NOT NULL,
    topic_skills  TEXT NOT NULL,
    on_duty       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    INTEGER NOT NULL,
    editor        BOOLEAN NOT NULL DEFAULT FALSE,
    phone TEXT,
    phone_visible_to TEXT NOT NULL DEFAULT 'coordinators' CHECK (phone_visible_to IN ('coordinators', 'nobody')),
    max_hours_per_week INTEGER CHECK (max_hours_per_week IS NULL OR max_hours_per_week BETWEEN 1 AND 60),
    email_reminders BOOLEAN NOT NULL DEFAULT TRUE,
    email_appeals BOOLEAN NOT NULL DEFAULT TRUE,
    charter_version INTEGER,
    charter_accepted_at INTEGER,
    signed_up_at INTEGER,
    invited_by INTEGER REFERENCES users(id),
    awaiting_invitation BOOLEAN NOT NULL DEFAULT FALSE,
    -- The partner structure an account of role 'partner' belongs to (e.g. "CCAS de Chambéry").
    structure TEXT
);
INSERT INTO users_new (id, email, display_name, password_hash, role, status, languages, topic_skills, on_duty, created_at,
    editor, phone, phone_visible_to, max_hours_per_week, email_reminders, email_appeals, charter_version,
    charter_accepted_at, signed_up_at, invited_by, awaiting_invitation)
SELECT id, email, display_name, password_hash, role, status, languages, topic_skills, on_duty, created_at,
    editor, phone, phone_visible_to, max_hours_per_week, email_reminders, email_appeals, charter_version,
    charter_accepted_at, signed_up_at, invited_by, awaiting_invitation FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- A help request sent by a partner on behalf of a person (channel 'referral').
CREATE TABLE partner_requests (
    request_id INTEGER PRIMARY KEY REFERENCES help_requests(id),
    partner_id INTEGER NOT NULL REFERENCES users(id),
    -- The person agreed that the partner sends their request: when, and who recorded it.
    consent_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX partner_requests_partner ON partner_requests (partner_id, created_at);

-- One orientation of a person to a place.
CREATE TABLE referrals (
    id            INTEGER PRIMARY KEY,
    -- The help request it belongs to (a volunteer's referral); NULL for a partner's own.
    request_id    INTEGER REFERENCES help_requests(id),
    place_id      TEXT NOT NULL REFERENCES places(id),
    place_name    TEXT NOT NULL,
    -- The place's contact at sending time (NULL: none, the place must be called). Erased with
    -- the personal data.
    place_email   TEXT,
    topic         TEXT NOT NULL,
    -- Personal (the person's first name and words for the place); erased after retention.
    first_name    TEXT,
    need          TEXT,
    -- Consent of the person, recorded by the sender.
    consent_at    INTEGER NOT NULL,
    consent_by    INTEGER NOT NULL REFERENCES users(id),
    sender_id     INTEGER NOT NULL REFERENCES users(id),
    state         TEXT NOT NULL CHECK (state IN ('sent', 'accepted', 'refused', 'expired', 'done', 'no_show')),
    sent_at       INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    reminded_at   INTEGER,
    answered_at   INTEGER,
    finished_at   INTEGER,
    anonymised_at INTEGER,
    version       INTEGER NOT NULL DEFAULT 0,
    -- The form that sent it (a nonce): the same form sent twice stores one referral.
    form_key      TEXT UNIQUE
);
CREATE INDEX referrals_request ON referrals (request_id);
CREATE INDEX referrals_sender ON referrals (sender_id, sent_at);
CREATE INDEX referrals_open ON referrals (expires_at) WHERE state = 'sent';
CREATE INDEX referrals_retention ON referrals (finished_at) WHERE anonymised_at IS NULL AND finished_at IS NOT NULL;

-- One-time links sent to a place: only the SHA-256 of the token is stored. A link is used by
-- one conditional UPDATE (used_at IS NULL AND expires_at > now).
CREATE TABLE referral_tokens (
    token_hash  TEXT PRIMARY KEY,
    referral_id INTEGER NOT NULL REFERENCES referrals(id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('answer', 'outcome')),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);
CREATE INDEX referral_tokens_referral ON referral_tokens (referral_id);

-- Every display of a referral's personal data: to an account (user_id) or to the place
-- through its link (user_id NULL, viewer 'place').
CREATE TABLE referral_access_journal (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    viewer      TEXT NOT NULL CHECK (viewer IN ('user', 'place')),
    referral_id INTEGER REFERENCES referrals(id),
    request_id  INTEGER REFERENCES help_requests(id),
    action      TEXT NOT NULL
);
CREATE INDEX referral_access_journal_at ON referral_access_journal (at);

COMMIT;

PRAGMA foreign_keys = ON;
