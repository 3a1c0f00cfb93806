-- The directory's version counter (sqlite). Keep in step with ../postgres/0011_places_version.sql.

-- Each instance searches an in-memory snapshot of the places and polls this counter to know
-- when to rebuild it (like tutorials_version). Triggers bump it on every insert, update and
-- delete of `places`, so no writer (import, coordinator edits, archiving, a future one) can
-- forget to: the bump is in the same transaction as the change.
CREATE TABLE places_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO places_version (id, version) VALUES (1, 0);

CREATE TRIGGER places_version_on_insert AFTER INSERT ON places
BEGIN
    UPDATE places_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER places_version_on_update AFTER UPDATE ON places
BEGIN
    UPDATE places_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER places_version_on_delete AFTER DELETE ON places
BEGIN
    UPDATE places_version SET version = version + 1 WHERE id = 1;
END;
