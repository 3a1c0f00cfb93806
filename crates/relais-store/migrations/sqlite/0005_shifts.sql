-- Service hours, closures, shifts, bookings and calendar-feed tokens (SQLite).
-- Keep in step with ../postgres/0005_shifts.sql.

-- Opening hours per weekday (0 = Monday) in Europe/Paris, minutes since local midnight;
-- both NULL: closed that weekday.
CREATE TABLE service_hours (
    weekday      INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
    open_minute  INTEGER CHECK (open_minute BETWEEN 0 AND 1440),
    close_minute INTEGER CHECK (close_minute BETWEEN 0 AND 1440),
    CHECK ((open_minute IS NULL) = (close_minute IS NULL)),
    CHECK (open_minute IS NULL OR open_minute < close_minute)
);
INSERT INTO service_hours (weekday, open_minute, close_minute) VALUES
    (0, 540, 1080), (1, 540, 1080), (2, 540, 1080), (3, 540, 1080), (4, 540, 1080), (5, NULL, NULL), (6, NULL, NULL);

-- Exceptional whole-day closures, Paris dates 'YYYY-MM-DD', first..=last.
CREATE TABLE service_closures (
    id         INTEGER PRIMARY KEY,
    first_day  TEXT NOT NULL,
    last_day   TEXT NOT NULL,
    reason     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CHECK (first_day <= last_day)
);

INSERT INTO settings (key, value) VALUES
    ('schedule.whit_monday_closed', 'true'),
    ('schedule.slot_minutes', '120'),
    ('schedule.default_wanted', '3')
ON CONFLICT (key) DO NOTHING;

-- A shift: a slot volunteers book. Generated from the service hours (network_id NULL: the
-- whole line); a slot that no longer fits the hours is withdrawn, not deleted, so its
-- bookings keep their history.
CREATE TABLE shifts (
    id         INTEGER PRIMARY KEY,
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL,
    wanted     INTEGER NOT NULL CHECK (wanted >= 0),
    network_id INTEGER REFERENCES networks(id),
    withdrawn  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at INTEGER NOT NULL,
    CHECK (starts_at < ends_at)
);
CREATE UNIQUE INDEX shifts_line_slot ON shifts (starts_at, ends_at) WHERE network_id IS NULL;
CREATE INDEX shifts_start ON shifts (starts_at);

CREATE TABLE shift_bookings (
    id           INTEGER PRIMARY KEY,
    shift_id     INTEGER NOT NULL REFERENCES shifts(id),
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    booked_at    INTEGER NOT NULL,
    cancelled_at INTEGER
);
CREATE UNIQUE INDEX shift_bookings_active ON shift_bookings (shift_id, user_id) WHERE cancelled_at IS NULL;
CREATE INDEX shift_bookings_user ON shift_bookings (user_id, shift_id);
CREATE INDEX shift_bookings_shift ON shift_bookings (shift_id);

-- One private calendar-feed token per volunteer; only its SHA-256 is stored.
CREATE TABLE calendar_tokens (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
