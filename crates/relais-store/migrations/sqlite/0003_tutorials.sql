-- Tutorials (issue 3), SQLite. Keep in step with ../postgres/0003_tutorials.sql.
-- A tutorial version is identified by (slug, variant): variant is the file stem of the
-- shipped content (`fr`, `fr-falc`, `en`, `ar`). Every text ever published or drafted is a
-- revision; `tutorials` points at the published one.

CREATE TABLE tutorial_revisions (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL,
    variant       TEXT NOT NULL,
    source        TEXT NOT NULL,              -- the whole Markdown file with its front matter
    author_id     INTEGER REFERENCES users(id), -- NULL: the file shipped with Relais
    kind          TEXT NOT NULL CHECK (kind IN ('shipped', 'edit', 'restore')),
    restored_from INTEGER REFERENCES tutorial_revisions(id),
    created_at    INTEGER NOT NULL,
    published_at  INTEGER                     -- NULL: never published (a shipped update kept aside)
);
CREATE INDEX tutorial_revisions_version ON tutorial_revisions (slug, variant, id);

CREATE TABLE tutorials (
    slug         TEXT NOT NULL,
    variant      TEXT NOT NULL,
    revision_id  INTEGER NOT NULL REFERENCES tutorial_revisions(id),
    published_at INTEGER NOT NULL,
    PRIMARY KEY (slug, variant)
);

-- "Cela m'a aidé / Cela ne m'a pas aidé": counts only, nothing about who answered.
CREATE TABLE tutorial_feedback (
    slug       TEXT NOT NULL,
    variant    TEXT NOT NULL,
    helped     INTEGER NOT NULL DEFAULT 0,
    not_helped INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (slug, variant)
);

-- Bumped by every publish, so each instance knows when to rebuild its search index.
CREATE TABLE tutorials_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO tutorials_version (id, version) VALUES (1, 0);

-- The tutorial-editor capability of a coordinator (administrators always have it).
ALTER TABLE users ADD COLUMN editor BOOLEAN NOT NULL DEFAULT FALSE;
