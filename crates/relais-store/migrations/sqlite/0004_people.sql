-- People of the volunteer network (SQLite): sign-up, invitations, profile, badges, charter.
-- Keep in step with ../postgres/0004_people.sql: same tables, columns and meanings.
-- Instants are integer milliseconds since the Unix epoch (UTC).

-- "Independent" is a real network row (independent = TRUE, exactly one), so an independent
-- volunteer is scoped like everyone else and an administrator may appoint coordinators for
-- independents. Created here; its name can be changed by an administrator.
ALTER TABLE networks ADD COLUMN independent BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX networks_one_independent ON networks (independent) WHERE independent;
INSERT INTO networks (name, created_at, independent) VALUES ('Bénévoles indépendant·es', 0, TRUE)
    ON CONFLICT (name) DO UPDATE SET independent = TRUE;

-- Personal phone of the volunteer (E.164), optional; never shown to people asking for help.
ALTER TABLE users ADD COLUMN phone TEXT;
-- Who may see that phone: the coordinators of the volunteer's networks, or nobody.
ALTER TABLE users ADD COLUMN phone_visible_to TEXT NOT NULL DEFAULT 'coordinators'
    CHECK (phone_visible_to IN ('coordinators', 'nobody'));
-- The most hours a week the volunteer offers (NULL: not said, no limit applied).
ALTER TABLE users ADD COLUMN max_hours_per_week INTEGER CHECK (max_hours_per_week IS NULL OR max_hours_per_week BETWEEN 1 AND 60);
-- Notification preferences: shift reminders by e-mail, and appeals to cover empty slots.
ALTER TABLE users ADD COLUMN email_reminders BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD COLUMN email_appeals BOOLEAN NOT NULL DEFAULT TRUE;
-- The charter version the person accepted, and when (NULL: never accepted).
ALTER TABLE users ADD COLUMN charter_version INTEGER;
ALTER TABLE users ADD COLUMN charter_accepted_at INTEGER;
-- Set when the person signed up on the public page; invited_by when a coordinator invited them.
ALTER TABLE users ADD COLUMN signed_up_at INTEGER;
ALTER TABLE users ADD COLUMN invited_by INTEGER REFERENCES users(id);
-- An invited account waits (status 'pending') for its invitation link to be used; it is not in
-- the coordinators' approval list and becomes 'active' when the person accepts.
ALTER TABLE users ADD COLUMN awaiting_invitation BOOLEAN NOT NULL DEFAULT FALSE;

-- The volunteer charter, versioned: editing it adds a version; acceptances name theirs.
CREATE TABLE charter_versions (
    version    INTEGER PRIMARY KEY,
    body       TEXT NOT NULL,      -- Markdown-like plain text: paragraphs and "- " lists
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id)
);

-- Badges coordinators give (e.g. "Formé·e aux démarches CAF"); administrators extend the list.
CREATE TABLE badges (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE TABLE user_badges (
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    badge_id INTEGER NOT NULL REFERENCES badges(id) ON DELETE CASCADE,
    given_by INTEGER REFERENCES users(id),
    given_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, badge_id)
);

-- One-time sign-in links sent to invited people. Only the SHA-256 of the token is stored.
CREATE TABLE invitations (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    invited_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX invitations_user ON invitations (user_id);

-- Every view of a volunteer's personal data (their phone) by someone else.
CREATE TABLE person_access_journal (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    subject_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    action     TEXT NOT NULL
);
CREATE INDEX person_access_journal_subject ON person_access_journal (subject_id);
CREATE INDEX person_access_journal_at ON person_access_journal (at);

INSERT INTO badges (label, created_at) VALUES
    ('Formé·e aux démarches CAF', 0),
    ('Formé·e aux impôts en ligne', 0),
    ('Formé·e France Travail', 0),
    ('Formé·e à l''écoute', 0);

INSERT INTO charter_versions (version, body, created_at, created_by) VALUES (1, 'Cette charte dit comment nous aidons les personnes qui appellent. En l''acceptant, vous vous engagez à la respecter.

## Confidentialité
- Ce que la personne vous dit reste entre elle et la ligne. Vous n''en parlez à personne d''autre.
- Vous ne gardez aucune copie : pas de photo, pas de capture d''écran, pas de notes sur papier.
- Vous notez dans Relais seulement ce qui sert à la suite de l''aide.

## Sécurité de la personne
- Vous ne demandez jamais un mot de passe, un code bancaire ou un code reçu par SMS.
- Si la personne veut vous le dire, vous l''arrêtez gentiment : elle le tape elle-même.
- Vous masquez votre numéro quand vous rappelez, et vous dites votre prénom et le nom de la ligne.

## Respect du choix de la personne
- Vous expliquez, vous montrez, vous guidez. La personne fait la démarche elle-même.
- Vous ne faites jamais la démarche à sa place sans son accord clair.
- Vous restez poli·e et patient·e, sans jugement.

## Savoir orienter
- Si la demande dépasse ce que vous savez faire, vous le dites.
- Vous orientez vers un lieu d''aide (France Services, mairie, association) ou vers un autre bénévole.
- En cas de danger ou d''urgence, vous donnez le bon numéro : 15, 17, 112, 115 ou 3919.

## Engagement
- Vous prenez des créneaux que vous pouvez tenir, et vous prévenez si vous ne pouvez plus venir.
- Vous n''acceptez ni argent ni cadeau.
', 0, NULL);
