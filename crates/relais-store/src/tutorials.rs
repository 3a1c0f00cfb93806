//! Tutorials: every text ever published (revisions), the published revision of each
//! version (slug + variant), the anonymous "this helped me" counters, and a version counter
//! that each instance polls to know when to rebuild its search index.
//!
//! Storage does not read the Markdown: it keeps the source text as written. Parsing and the
//! content rules live in `relais-library`; the web layer checks a text before publishing it.
//!
//! Shipped files and web edits (the rule of [`Store::seed_tutorials`]): a file shipped with
//! Relais is inserted when its version is not in the database yet. When a new release ships a
//! changed file, it replaces the published text only if nobody ever edited that version in the
//! web interface (every revision of it came from shipped files). Otherwise the editors' text
//! stays published and the shipped text is kept in the history, unpublished, so an editor
//! can compare and restore it.

use crate::{Result, Store, StoreError};
use relais_domain::Millis;
use serde::Serialize;

/// A file of the shipped content: `content/tutorials/<slug>/<variant>.md`.
#[derive(Debug, Clone)]
pub struct ShippedFile {
    pub slug: String,
    pub variant: String,
    pub source: String,
}

/// What [`Store::seed_tutorials`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Versions that were not in the database yet.
    pub inserted: usize,
    /// Shipped versions whose new text replaced the published one.
    pub updated: usize,
    /// Changed shipped texts kept aside because editors changed that version.
    pub kept_edited: usize,
}

/// How a revision came to be.
pub const KIND_SHIPPED: &str = "shipped";
pub const KIND_EDIT: &str = "edit";
pub const KIND_RESTORE: &str = "restore";

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TutorialRevision {
    pub id: i64,
    pub slug: String,
    pub variant: String,
    pub source: String,
    /// `None`: the file shipped with Relais.
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    /// `shipped`, `edit` or `restore`.
    pub kind: String,
    pub restored_from: Option<i64>,
    pub created_at: Millis,
    pub published_at: Option<Millis>,
}

/// The published text of one version.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct PublishedTutorial {
    pub slug: String,
    pub variant: String,
    pub revision_id: i64,
    pub source: String,
    pub author_id: Option<i64>,
    pub published_at: Millis,
}

/// Anonymous answers to "did this help you?" for one version.
#[derive(Debug, Clone, Copy, Default, sqlx::FromRow, Serialize, PartialEq, Eq)]
pub struct FeedbackCounts {
    pub helped: i64,
    pub not_helped: i64,
}

/// Sending a tutorial's link during a call (see `tutorial_links`).
/// The timeline event kind.
pub const EVENT_TUTORIAL_SENT: &str = "tutorial_sent";

/// The `detail` of a `tutorial_sent` event: `<channel>:<slug>`.
pub fn sent_detail(channel: &str, slug: &str) -> String {
    format!("{channel}:{slug}")
}

/// Reads a `tutorial_sent` detail back as (channel, slug).
pub fn parse_sent_detail(detail: &str) -> Option<(&str, &str)> {
    detail.split_once(':')
}

const SELECT_REVISION: &str = "SELECT r.id, r.slug, r.variant, r.source, r.author_id, u.display_name AS author_name, r.kind, \
     r.restored_from, r.created_at, r.published_at FROM tutorial_revisions r LEFT JOIN users u ON u.id = r.author_id";

const SELECT_PUBLISHED: &str = "SELECT t.slug, t.variant, t.revision_id, r.source, r.author_id, t.published_at \
     FROM tutorials t JOIN tutorial_revisions r ON r.id = t.revision_id";

/// Inserts a revision, makes it the published one of its version and bumps the version
/// counter, inside the caller's transaction. Evaluates to the new revision's id.
macro_rules! publish_in {
    ($conn:expr, $slug:expr, $variant:expr, $source:expr, $author:expr, $kind:expr, $restored_from:expr, $now:expr) => {
        async {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO tutorial_revisions (slug, variant, source, author_id, kind, restored_from, created_at, published_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
            )
            .bind($slug)
            .bind($variant)
            .bind($source)
            .bind($author)
            .bind($kind)
            .bind($restored_from)
            .bind($now)
            .fetch_one(&mut *$conn)
            .await?;
            sqlx::query(
                "INSERT INTO tutorials (slug, variant, revision_id, published_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (slug, variant) DO UPDATE SET revision_id = excluded.revision_id, published_at = excluded.published_at",
            )
            .bind($slug)
            .bind($variant)
            .bind(id)
            .bind($now)
            .execute(&mut *$conn)
            .await?;
            sqlx::query("UPDATE tutorials_version SET version = version + 1 WHERE id = 1").execute(&mut *$conn).await?;
            Ok::<i64, StoreError>(id)
        }
    };
}

impl Store {
    /// Brings the shipped files into the database (at every start; idempotent, safe when
    /// several instances start at once: the version rows are locked by the upsert on
    /// PostgreSQL and SQLite has one writer). See the module documentation for the rule.
    pub async fn seed_tutorials(&self, files: &[ShippedFile], now: Millis) -> Result<SeedReport> {
        let mut report = SeedReport::default();
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            // One read for every version: its published text and whether a person edited it.
            // (Few statements: a start must stay quick and its debug log short.)
            let current: Vec<(String, String, String, i64)> = sqlx::query_as(
                "SELECT t.slug, t.variant, r.source, (SELECT COUNT(*) FROM tutorial_revisions x \
                 WHERE x.slug = t.slug AND x.variant = t.variant AND x.author_id IS NOT NULL) \
                 FROM tutorials t JOIN tutorial_revisions r ON r.id = t.revision_id",
            )
            .fetch_all(&mut *tx)
            .await?;
            let mut to_publish: Vec<&ShippedFile> = Vec::new();
            for f in files {
                match current.iter().find(|(s, v, _, _)| *s == f.slug && *v == f.variant) {
                    None => {
                        to_publish.push(f);
                        report.inserted += 1;
                    }
                    Some((_, _, source, _)) if *source == f.source => {}
                    Some((_, _, _, 0)) => {
                        to_publish.push(f);
                        report.updated += 1;
                    }
                    Some(_) => {
                        // Kept in the history once, unpublished, for the editors to see.
                        let (known,): (i64,) = sqlx::query_as(
                            "SELECT COUNT(*) FROM tutorial_revisions WHERE slug = $1 AND variant = $2 AND author_id IS NULL AND source = $3",
                        )
                        .bind(&f.slug)
                        .bind(&f.variant)
                        .bind(&f.source)
                        .fetch_one(&mut *tx)
                        .await?;
                        if known == 0 {
                            sqlx::query(
                                "INSERT INTO tutorial_revisions (slug, variant, source, author_id, kind, created_at) \
                                 VALUES ($1, $2, $3, NULL, $4, $5)",
                            )
                            .bind(&f.slug)
                            .bind(&f.variant)
                            .bind(&f.source)
                            .bind(KIND_SHIPPED)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                            report.kept_edited += 1;
                        }
                    }
                }
            }
            // Many rows per statement (the same `$n` SQL on both databases).
            for chunk in to_publish.chunks(100) {
                let rows: Vec<String> =
                    (0..chunk.len()).map(|i| format!("(${}, ${}, ${}, NULL, 'shipped', NULL, $1, $1)", 3 * i + 2, 3 * i + 3, 3 * i + 4)).collect();
                let sql = format!(
                    "INSERT INTO tutorial_revisions (slug, variant, source, author_id, kind, restored_from, created_at, published_at) \
                     VALUES {} RETURNING id, slug, variant",
                    rows.join(", ")
                );
                let mut q = sqlx::query_as::<_, (i64, String, String)>(sqlx::AssertSqlSafe(sql)).bind(now);
                for f in chunk {
                    q = q.bind(&f.slug).bind(&f.variant).bind(&f.source);
                }
                let inserted = q.fetch_all(&mut *tx).await?;
                let rows: Vec<String> =
                    (0..inserted.len()).map(|i| format!("(${}, ${}, ${}, $1)", 3 * i + 2, 3 * i + 3, 3 * i + 4)).collect();
                let sql = format!(
                    "INSERT INTO tutorials (slug, variant, revision_id, published_at) VALUES {} \
                     ON CONFLICT (slug, variant) DO UPDATE SET revision_id = excluded.revision_id, published_at = excluded.published_at",
                    rows.join(", ")
                );
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now);
                for (id, slug, variant) in &inserted {
                    q = q.bind(slug).bind(variant).bind(*id);
                }
                q.execute(&mut *tx).await?;
            }
            if !to_publish.is_empty() {
                sqlx::query("UPDATE tutorials_version SET version = version + 1 WHERE id = 1").execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(report)
    }

    /// Every published version, ordered by slug then variant.
    pub async fn published_tutorials(&self) -> Result<Vec<PublishedTutorial>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, PublishedTutorial>(sqlx::AssertSqlSafe(format!("{SELECT_PUBLISHED} ORDER BY t.slug, t.variant")))
                .fetch_all(pool)
                .await?)
        })
    }

    pub async fn published_tutorial(&self, slug: &str, variant: &str) -> Result<Option<PublishedTutorial>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, PublishedTutorial>(sqlx::AssertSqlSafe(format!(
                "{SELECT_PUBLISHED} WHERE t.slug = $1 AND t.variant = $2"
            )))
            .bind(slug)
            .bind(variant)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Bumped by every publish, on any instance.
    pub async fn tutorials_version(&self) -> Result<i64> {
        on_db!(self, read, |pool, _b| {
            let (v,): (i64,) = sqlx::query_as("SELECT version FROM tutorials_version WHERE id = 1").fetch_one(pool).await?;
            Ok(v)
        })
    }

    /// Publishes a text written by an editor as a new revision of its version.
    pub async fn publish_tutorial(&self, slug: &str, variant: &str, source: &str, author_id: i64, now: Millis) -> Result<TutorialRevision> {
        let id = on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let id = publish_in!(tx, slug, variant, source, Some(author_id), KIND_EDIT, None::<i64>, now).await?;
            tx.commit().await?;
            id
        });
        self.tutorial_revision(id).await
    }

    /// Publishes again the text of an older revision, as a new revision by `author_id`.
    pub async fn restore_tutorial_revision(&self, revision_id: i64, author_id: i64, now: Millis) -> Result<TutorialRevision> {
        let old = self.tutorial_revision(revision_id).await?;
        let id = on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let id = publish_in!(tx, &old.slug, &old.variant, &old.source, Some(author_id), KIND_RESTORE, Some(old.id), now).await?;
            tx.commit().await?;
            id
        });
        self.tutorial_revision(id).await
    }

    pub async fn tutorial_revision(&self, id: i64) -> Result<TutorialRevision> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, TutorialRevision>(sqlx::AssertSqlSafe(format!("{SELECT_REVISION} WHERE r.id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
                .ok_or(StoreError::NotFound)
        })
    }

    /// The history of one version, newest first.
    pub async fn tutorial_revisions(&self, slug: &str, variant: &str) -> Result<Vec<TutorialRevision>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, TutorialRevision>(sqlx::AssertSqlSafe(format!(
                "{SELECT_REVISION} WHERE r.slug = $1 AND r.variant = $2 ORDER BY r.id DESC"
            )))
            .bind(slug)
            .bind(variant)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Counts one anonymous answer; nothing about who answered is stored.
    pub async fn record_tutorial_feedback(&self, slug: &str, variant: &str, helped: bool) -> Result<()> {
        let (h, n) = if helped { (1i64, 0i64) } else { (0, 1) };
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO tutorial_feedback (slug, variant, helped, not_helped) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (slug, variant) DO UPDATE SET helped = tutorial_feedback.helped + excluded.helped, \
                 not_helped = tutorial_feedback.not_helped + excluded.not_helped",
            )
            .bind(slug)
            .bind(variant)
            .bind(h)
            .bind(n)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Every counter, as (slug, variant, counts).
    pub async fn tutorial_feedback(&self) -> Result<Vec<(String, String, FeedbackCounts)>> {
        let rows: Vec<(String, String, i64, i64)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT slug, variant, helped, not_helped FROM tutorial_feedback ORDER BY slug, variant").fetch_all(pool).await?
        });
        Ok(rows.into_iter().map(|(s, v, helped, not_helped)| (s, v, FeedbackCounts { helped, not_helped })).collect())
    }

    /// Grants or withdraws the tutorial-editor capability of an account.
    pub async fn set_user_editor(&self, user_id: i64, editor: bool) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let done = sqlx::query("UPDATE users SET editor = $1 WHERE id = $2").bind(editor).bind(user_id).execute(pool).await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }
}
