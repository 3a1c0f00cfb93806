-- The phone line (SQLite). Keep in step with ../postgres/0006_telephony.sql.

-- One row per provider call, keyed on its CallSid: a webhook the provider retries finds the
-- row and answers with the same request instead of queueing the caller twice.
CREATE TABLE telephony_calls (
    call_sid     TEXT PRIMARY KEY,
    request_id   INTEGER REFERENCES help_requests(id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL,
    -- From the provider's status callback: final status and length of the call.
    status       TEXT,
    duration_ms  INTEGER,
    -- Talk time of a call a volunteer took live (Dial's DialCallDuration, or answer→hangup
    -- of a CTI call): handling time for the staffing forecast, as request episodes are.
    talk_ms      INTEGER,
    -- When a CTI call was answered (its `answer` event).
    answered_at  INTEGER
);

-- What happened on the line, for the coordinators' telephony page: kinds and results only,
-- never a number, a name or a CallSid (which the provider links to the caller).
CREATE TABLE telephony_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    result     TEXT NOT NULL
);
CREATE INDEX telephony_events_recent ON telephony_events (at DESC, id DESC);

-- Numbers that answered STOP. Stored as E.164 (not hashed) so a person can be opted back
-- in by a coordinator on request and every outbound path can check with one lookup; the
-- table holds nothing else and is covered by the same access rules as the requests.
CREATE TABLE sms_opt_outs (
    phone      TEXT PRIMARY KEY,
    at         INTEGER NOT NULL
);
