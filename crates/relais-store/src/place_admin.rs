//! What coordinators do to places (migration 0010): create and edit (the whole `Place` in
//! `doc` stays the source of truth, the search columns are rewritten with it), close until a
//! date, reopen, archive and restore, mark as checked; and the import files waiting for
//! their confirmation. The rules (what a valid edit or closure is) are
//! `relais_directory::editing`'s; this module only stores what they accepted.

use crate::{Result, Store, StoreError};
use relais_directory::Place;
use relais_domain::Millis;
use std::collections::HashMap;

/// One place with its management columns.
#[derive(Debug, Clone)]
pub struct PlaceRecord {
    pub place: Place,
    pub closed_until: Option<String>,
    pub closure_reason: Option<String>,
    pub archived_at: Option<Millis>,
    pub checked_at: Millis,
    /// Display name of who checked it last (`None`: an import, or an account since removed).
    pub checked_by: Option<String>,
}

/// One line of the coordinators' list.
#[derive(Debug, Clone)]
pub struct PlaceLine {
    pub id: String,
    pub nom: String,
    pub commune: String,
    pub code_postal: String,
    pub closed_until: Option<String>,
    pub archived_at: Option<Millis>,
    pub checked_at: Millis,
}

type LineRow = (String, String, String, String, Option<String>, Option<i64>, i64);

/// A referral still under way (sent or accepted) to a place that closes or leaves the
/// directory, with what its sender's e-mail needs (no personal data of the person).
#[derive(Debug, Clone)]
pub struct UnderWay {
    pub referral_id: i64,
    /// `None`: a partner's referral, not tied to a help request.
    pub request_id: Option<i64>,
    pub place_name: String,
    pub sent_at: Millis,
    pub sender_email: String,
    pub sender_name: String,
}

/// Writes the e-mail telling one sender; the store enqueues it with the change.
pub type TellSender<'a> = &'a (dyn Fn(&UnderWay) -> crate::outbox::NewMessage + Sync);

/// In the transaction `$tx` that closes or archives place `$id`: one e-mail (written by
/// `$tell`) to the active sender of each referral under way to it. Gives how many were
/// enqueued (an idempotency key already used enqueues nothing).
macro_rules! tell_senders {
    ($tx:expr, $id:expr, $tell:expr, $now:expr) => {
        async {
            let mut told = 0usize;
            if let Some(tell) = $tell {
                type Row = (i64, Option<i64>, String, i64, String, String);
                let rows: Vec<Row> = sqlx::query_as(
                    "SELECT r.id, r.request_id, r.place_name, r.sent_at, u.email, u.display_name FROM referrals r \
                     JOIN users u ON u.id = r.sender_id \
                     WHERE r.place_id = $1 AND r.state IN ('sent', 'accepted') AND u.status = 'active' ORDER BY r.id",
                )
                .bind($id)
                .fetch_all(&mut *$tx)
                .await?;
                for (referral_id, request_id, place_name, sent_at, sender_email, sender_name) in rows {
                    let msg = tell(&UnderWay { referral_id, request_id, place_name, sent_at, sender_email, sender_name });
                    if crate::outbox::enqueue_message_in!(&mut *$tx, &msg, $now)? {
                        told += 1;
                    }
                }
            }
            Ok::<usize, StoreError>(told)
        }
        .await
    };
}

fn parse_doc(doc: &str) -> Result<Place> {
    serde_json::from_str(doc).map_err(|e| StoreError::Corrupt(format!("place: {e}")))
}

fn to_doc(p: &Place) -> Result<String> {
    serde_json::to_string(p).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// `NotFound` when an update touched no row.
fn one(rows: u64) -> Result<()> {
    if rows == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

impl Store {
    /// One place, archived or not, with who checked it last.
    pub async fn place_record(&self, id: &str) -> Result<Option<PlaceRecord>> {
        type Row = (String, Option<String>, Option<String>, Option<i64>, i64, Option<String>);
        let row: Option<Row> = on_db!(self, read, |pool, _b| {
            sqlx::query_as(
                "SELECT p.doc, p.closed_until, p.closure_reason, p.archived_at, p.checked_at, u.display_name \
                 FROM places p LEFT JOIN users u ON u.id = p.checked_by WHERE p.id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        let Some((doc, closed_until, closure_reason, archived_at, checked_at, checked_by)) = row else { return Ok(None) };
        Ok(Some(PlaceRecord { place: parse_doc(&doc)?, closed_until, closure_reason, archived_at, checked_at, checked_by }))
    }

    /// Every place, archived ones included, by name then id. The list page filters and
    /// pages these in memory (accent-insensitive matching, as the public search does).
    pub async fn place_lines(&self) -> Result<Vec<PlaceLine>> {
        let rows: Vec<LineRow> = on_db!(self, read, |pool, _b| {
            sqlx::query_as(
                "SELECT id, nom, commune, code_postal, closed_until, archived_at, checked_at FROM places ORDER BY nom, id",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, nom, commune, code_postal, closed_until, archived_at, checked_at)| PlaceLine {
                id,
                nom,
                commune,
                code_postal,
                closed_until,
                archived_at,
                checked_at,
            })
            .collect())
    }

    /// Stores a new place (checked now by `by`). `Duplicate("place")` if the id is taken.
    pub async fn create_place(&self, p: &Place, by: i64, now: Millis) -> Result<()> {
        let doc = to_doc(p)?;
        let res = on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO places (id, nom, commune, code_postal, code_insee, latitude, longitude, date_maj, doc, \
                 created_at, updated_at, checked_at, checked_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10, $11)",
            )
            .bind(&p.id).bind(&p.nom).bind(&p.commune).bind(&p.code_postal).bind(&p.code_insee)
            .bind(p.latitude).bind(p.longitude).bind(&p.date_maj).bind(&doc).bind(now).bind(by)
            .execute(pool)
            .await
            .map(|_| ())
        });
        match res {
            Ok(()) => Ok(()),
            Err(e) if StoreError::is_unique_violation(&e) => Err(StoreError::Duplicate("place")),
            Err(e) => Err(e.into()),
        }
    }

    /// Rewrites a place from an edit: `doc` and its search columns together, and the edit
    /// counts as a check by `by`.
    pub async fn update_place(&self, p: &Place, by: i64, now: Millis) -> Result<()> {
        let doc = to_doc(p)?;
        let n = on_db!(self, write, |pool, _b| {
            sqlx::query(
                "UPDATE places SET nom = $2, commune = $3, code_postal = $4, code_insee = $5, latitude = $6, longitude = $7, \
                 date_maj = $8, doc = $9, updated_at = $10, checked_at = $10, checked_by = $11 WHERE id = $1",
            )
            .bind(&p.id).bind(&p.nom).bind(&p.commune).bind(&p.code_postal).bind(&p.code_insee)
            .bind(p.latitude).bind(p.longitude).bind(&p.date_maj).bind(&doc).bind(now).bind(by)
            .execute(pool)
            .await?
            .rows_affected()
        });
        one(n)
    }

    /// Closes a place until `until` (a Paris date, inclusive) for `reason`, and tells the
    /// senders of referrals under way (`tell`) in the same transaction; gives how many were
    /// told.
    pub async fn close_place(&self, id: &str, until: &str, reason: &str, now: Millis, tell: Option<TellSender<'_>>) -> Result<usize> {
        let told = on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let n = sqlx::query("UPDATE places SET closed_until = $2, closure_reason = $3, updated_at = $4 WHERE id = $1")
                .bind(id).bind(until).bind(reason).bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            one(n)?;
            let told = tell_senders!(tx, id, tell, now)?;
            tx.commit().await?;
            told
        });
        Ok(told)
    }

    /// Ends a temporary closure now.
    pub async fn reopen_place(&self, id: &str, now: Millis) -> Result<()> {
        let n = on_db!(self, write, |pool, _b| {
            sqlx::query("UPDATE places SET closed_until = NULL, closure_reason = NULL, updated_at = $2 WHERE id = $1")
                .bind(id).bind(now)
                .execute(pool)
                .await?
                .rows_affected()
        });
        one(n)
    }

    /// Archives a place (`archived`: hidden from search and export, row kept) or restores it.
    /// Archiving tells the senders of referrals under way (`tell`), in the same transaction;
    /// gives how many were told.
    pub async fn set_place_archived(&self, id: &str, archived: bool, now: Millis, tell: Option<TellSender<'_>>) -> Result<usize> {
        let at = archived.then_some(now);
        let told = on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let n = sqlx::query("UPDATE places SET archived_at = $2, updated_at = $3 WHERE id = $1")
                .bind(id).bind(at).bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            one(n)?;
            let told = if archived { tell_senders!(tx, id, tell, now)? } else { 0 };
            tx.commit().await?;
            told
        });
        Ok(told)
    }

    /// Someone confirmed the place's data at `at` ("Vérifié aujourd'hui").
    pub async fn mark_place_checked(&self, id: &str, by: Option<i64>, at: Millis) -> Result<()> {
        let n = on_db!(self, write, |pool, _b| {
            sqlx::query("UPDATE places SET checked_at = $2, checked_by = $3 WHERE id = $1")
                .bind(id).bind(at).bind(by)
                .execute(pool)
                .await?
                .rows_affected()
        });
        one(n)
    }

    /// The closures still in effect on `today` (`YYYY-MM-DD`, Paris) of places not
    /// archived: id → closed until (inclusive). ISO dates compare as text.
    pub async fn place_closures(&self, today: &str) -> Result<HashMap<String, String>> {
        let rows: Vec<(String, String)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT id, closed_until FROM places WHERE closed_until >= $1 AND archived_at IS NULL")
                .bind(today)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().collect())
    }

    /// Of the places `ids`, those closed (`closed_until` set, in effect or not: the caller
    /// compares with today) or archived: id → (closed until, closure reason, archived at).
    /// For the referral lists, which warn when a place someone was oriented to closed since.
    pub async fn place_unavailability(&self, ids: &[&str]) -> Result<HashMap<String, (Option<String>, Option<String>, Option<Millis>)>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        type Row = (String, Option<String>, Option<String>, Option<i64>);
        let mut out = HashMap::new();
        // 500 ids a statement: far under SQLite's and PostgreSQL's limits on bound values.
        for chunk in ids.chunks(500) {
            let rows: Vec<Row> = on_db!(self, read, |pool, _b| {
                let mut q = sqlx::QueryBuilder::new(
                    "SELECT id, closed_until, closure_reason, archived_at FROM places \
                     WHERE (closed_until IS NOT NULL OR archived_at IS NOT NULL) AND id IN (",
                );
                let mut list = q.separated(", ");
                for id in chunk {
                    list.push_bind(*id);
                }
                q.push(")");
                q.build_query_as().fetch_all(pool).await?
            });
            out.extend(rows.into_iter().map(|(id, until, reason, archived)| (id, (until, reason, archived))));
        }
        Ok(out)
    }

    /// Keeps an uploaded import file until its uploader confirms it; drafts older than a
    /// day are dropped meanwhile.
    pub async fn save_place_import_draft(&self, token: &str, user_id: i64, file_name: &str, body: &[u8], now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM place_import_drafts WHERE created_at < $1")
                .bind(now - relais_domain::DAY)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO place_import_drafts (token, user_id, file_name, body, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(token).bind(user_id).bind(file_name).bind(body).bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The file of a draft, only for the account that uploaded it.
    pub async fn place_import_draft(&self, token: &str, user_id: i64) -> Result<Option<(String, Vec<u8>)>> {
        Ok(on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT file_name, body FROM place_import_drafts WHERE token = $1 AND user_id = $2")
                .bind(token)
                .bind(user_id)
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn delete_place_import_draft(&self, token: &str) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("DELETE FROM place_import_drafts WHERE token = $1").bind(token).execute(pool).await?;
        });
        Ok(())
    }
}
