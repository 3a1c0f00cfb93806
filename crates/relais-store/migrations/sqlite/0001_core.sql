-- Relais core schema (SQLite). Instants are integer milliseconds since the Unix epoch (UTC).
-- Keep in step with ../postgres/0001_core.sql: same tables, columns and meanings.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE networks (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('volunteer', 'coordinator', 'admin')),
    status        TEXT NOT NULL CHECK (status IN ('pending', 'active', 'deactivated')),
    -- Comma-delimited with leading and trailing commas (",fr,ar,") so one LIKE matches a code.
    languages     TEXT NOT NULL,
    topic_skills  TEXT NOT NULL,
    on_duty       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    INTEGER NOT NULL
);

CREATE TABLE user_networks (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    network_id INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, network_id)
);

CREATE TABLE topics (
    id        TEXT PRIMARY KEY,
    label_fr  TEXT NOT NULL,
    label_en  TEXT NOT NULL,
    pictogram TEXT NOT NULL,
    priority  BOOLEAN NOT NULL DEFAULT FALSE,
    position  INTEGER NOT NULL,
    active    BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE help_requests (
    id                     INTEGER PRIMARY KEY,
    reference              TEXT NOT NULL UNIQUE,
    channel                TEXT NOT NULL,
    phone                  TEXT,              -- E.164; NULL once purged
    first_name             TEXT,              -- personal; purged
    need                   TEXT,              -- the person's words; purged
    note                   TEXT,              -- the volunteer's note; purged
    postcode               TEXT,              -- personal; purged
    area                   TEXT,              -- department, kept for statistics
    topic                  TEXT NOT NULL REFERENCES topics(id),
    language               TEXT NOT NULL,
    callback_windows       TEXT NOT NULL DEFAULT '',
    sms_consent            BOOLEAN NOT NULL DEFAULT FALSE,
    urgency                INTEGER NOT NULL DEFAULT 0,
    status                 TEXT NOT NULL CHECK (status IN ('waiting', 'assigned', 'closed')),
    volunteer_id           INTEGER REFERENCES users(id),
    lease_until            INTEGER,
    due_at                 INTEGER NOT NULL,
    failed_attempts        INTEGER NOT NULL DEFAULT 0,
    preferred_volunteer_id INTEGER REFERENCES users(id),
    outcome                TEXT,
    first_callback_at      INTEGER,
    closed_at              INTEGER,
    last_contact_at        INTEGER NOT NULL,
    created_at             INTEGER NOT NULL,
    purged_at              INTEGER,
    version                INTEGER NOT NULL DEFAULT 0
);

-- The claim's index seeks (relais-store requests.rs): per language, per language and topic,
-- and follow-ups kept for one volunteer; the first one serves the queue overview.
CREATE INDEX help_requests_queue ON help_requests (urgency DESC, due_at, created_at, id) WHERE status = 'waiting';
CREATE INDEX help_requests_queue_language ON help_requests (language, urgency DESC, due_at, created_at, id) WHERE status = 'waiting';
CREATE INDEX help_requests_queue_topic ON help_requests (language, topic, urgency DESC, due_at, created_at, id) WHERE status = 'waiting';
CREATE INDEX help_requests_kept ON help_requests (preferred_volunteer_id) WHERE status = 'waiting' AND preferred_volunteer_id IS NOT NULL;
CREATE INDEX help_requests_leases ON help_requests (lease_until) WHERE status = 'assigned';
CREATE UNIQUE INDEX help_requests_open_phone ON help_requests (phone) WHERE status <> 'closed';
CREATE INDEX help_requests_volunteer ON help_requests (volunteer_id, status);
CREATE INDEX help_requests_created ON help_requests (created_at);
CREATE INDEX help_requests_first_callback ON help_requests (first_callback_at);
CREATE INDEX help_requests_retention ON help_requests (last_contact_at) WHERE status = 'closed' AND purged_at IS NULL;

CREATE TABLE request_events (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES help_requests(id),
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    actor_id   INTEGER REFERENCES users(id),
    detail     TEXT
);
CREATE INDEX request_events_request ON request_events (request_id, id);
CREATE INDEX request_events_at ON request_events (at);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,              -- SHA-256 of the token; the token itself is never stored
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('web', 'api')),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Every view of a request's personal data by a volunteer or coordinator.
CREATE TABLE access_journal (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    request_id INTEGER NOT NULL REFERENCES help_requests(id),
    action     TEXT NOT NULL
);
CREATE INDEX access_journal_request ON access_journal (request_id);
CREATE INDEX access_journal_at ON access_journal (at);
