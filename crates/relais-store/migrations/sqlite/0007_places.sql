-- Directory of places (lieux de médiation numérique, schema v1.0.2) (sqlite).
-- Keep in step with ../postgres/0007_places.sql.

-- One row per place. `doc` is the whole place as JSON (relais_directory::Place), the
-- source of truth for export; the other columns are copies kept for filtering and ranking.
-- An import upserts by `id` and rewrites a row only when `doc` differs, so re-importing
-- the same file changes nothing (not even updated_at).
CREATE TABLE places (
    id          TEXT PRIMARY KEY,
    nom         TEXT NOT NULL,
    commune     TEXT NOT NULL,
    code_postal TEXT NOT NULL,
    code_insee  TEXT,
    latitude    REAL,
    longitude   REAL,
    date_maj    TEXT NOT NULL,
    doc         TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX places_code_postal ON places (code_postal);
CREATE INDEX places_lat_lon ON places (latitude, longitude);
