-- The directory's version counter (postgres). Keep in step with ../sqlite/0011_places_version.sql.

-- Each instance searches an in-memory snapshot of the places and polls this counter to know
-- when to rebuild it (like tutorials_version). A trigger bumps it after every statement that
-- inserts, updates, deletes or truncates `places`, so no writer (import, coordinator edits,
-- archiving, a future one) can forget to: the bump is in the same transaction as the change.
-- Per statement, not per row: an import of many rows bumps once per statement it runs.
CREATE TABLE places_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO places_version (id, version) VALUES (1, 0);

CREATE FUNCTION places_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE places_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER places_version_on_change AFTER INSERT OR UPDATE OR DELETE ON places
    FOR EACH STATEMENT EXECUTE FUNCTION places_version_bump();
CREATE TRIGGER places_version_on_truncate AFTER TRUNCATE ON places
    FOR EACH STATEMENT EXECUTE FUNCTION places_version_bump();
