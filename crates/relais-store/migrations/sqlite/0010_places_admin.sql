-- Coordinators manage places (issue 6): temporary closure, archive, last check (sqlite).
-- Keep in step with ../postgres/0010_places_admin.sql.

-- `closed_until`: a Paris civil date `YYYY-MM-DD`, closed up to and including it; the place
-- is open again the day after without anyone acting. `archived_at`: hidden from search and
-- export, kept for history (restorable). `checked_at`: when someone last confirmed the
-- place's data (a check, an edit, an import that changed it); rows from before this
-- migration count as checked when they were last written. `checked_by`: who (NULL: import).
ALTER TABLE places ADD COLUMN closed_until TEXT;
ALTER TABLE places ADD COLUMN closure_reason TEXT;
ALTER TABLE places ADD COLUMN archived_at INTEGER;
ALTER TABLE places ADD COLUMN checked_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE places ADD COLUMN checked_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
UPDATE places SET checked_at = updated_at;

-- An uploaded import file waiting for its confirmation (dry-run preview, then "import"):
-- kept here rather than in one instance's memory so any instance can confirm it. Deleted
-- when confirmed; drafts older than a day are deleted at the next upload.
CREATE TABLE place_import_drafts (
    token      TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    body       BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
