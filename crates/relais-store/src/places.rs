//! Storage of the directory of places. Each place is kept whole as JSON (`doc`) next to the
//! columns search needs; see migrations/*/0007_places.sql. An import that inserts or
//! rewrites a row counts as a check of it (`checked_at`, migration 0010); an unchanged row
//! is not touched at all, so a re-import changes nothing.

use crate::{Result, Store, StoreError};
use relais_directory::Place;
use relais_domain::Millis;

/// What an import did to the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct UpsertOutcome {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

impl Store {
    /// Upserts `places` by id in ONE transaction: either all are stored or none (an import is
    /// never half-applied). A row is rewritten only when its content differs, so importing
    /// the same file twice reports everything unchanged the second time. `progress` is given
    /// the number of places handled so far (for a progress bar).
    pub async fn upsert_places(&self, places: &[Place], now: Millis, progress: &(dyn Fn(u64) + Sync)) -> Result<UpsertOutcome> {
        let mut out = UpsertOutcome::default();
        on_db!(self, write, |pool, b| {
            // SQLite: take the write lock at BEGIN. A deferred transaction that reads first
            // and then writes cannot wait for a server that committed meanwhile (SQLite
            // answers SQLITE_BUSY at once, the busy timeout does not apply); IMMEDIATE waits
            // its turn behind the server's group-commit batches.
            let mut tx = match b {
                crate::Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await?,
                crate::Backend::Postgres => pool.begin().await?,
            };
            // The stored docs in one read (not one SELECT per place: 100,000 round trips
            // on PostgreSQL, and most of an import's time on SQLite).
            let ids: std::collections::HashSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
            let mut stored: std::collections::HashMap<String, String> = std::collections::HashMap::new();
            {
                let rows: Vec<(String, String)> = sqlx::query_as("SELECT id, doc FROM places").fetch_all(&mut *tx).await?;
                for (id, doc) in rows {
                    if ids.contains(id.as_str()) {
                        stored.insert(id, doc);
                    }
                }
            }
            // New places go in by multi-row INSERTs (12 values a row: 400 rows stay well under
            // SQLite's and PostgreSQL's limits on bound values), sorted by id so the primary
            // key's B-tree grows at its end instead of splitting pages all over. A list that
            // repeats an id inserts one row at a time in its order, so the repeat sees the
            // first as stored.
            let distinct = ids.len() == places.len();
            let chunk = if distinct { 400 } else { 1 };
            let mut new_rows: Vec<(&Place, String)> = Vec::new();
            let mut pending: Vec<(&Place, String)> = Vec::new();
            let mut handled = 0u64;
            macro_rules! flush {
                () => {
                    if !new_rows.is_empty() {
                        handled += new_rows.len() as u64;
                        let mut q = sqlx::QueryBuilder::new(
                            "INSERT INTO places (id, nom, commune, code_postal, code_insee, latitude, longitude, date_maj, doc, created_at, updated_at, checked_at) ",
                        );
                        q.push_values(new_rows.drain(..), |mut row, (p, doc)| {
                            row.push_bind(&p.id).push_bind(&p.nom).push_bind(&p.commune).push_bind(&p.code_postal).push_bind(&p.code_insee)
                                .push_bind(p.latitude).push_bind(p.longitude).push_bind(&p.date_maj).push_bind(doc).push_bind(now).push_bind(now).push_bind(now);
                        });
                        q.build().execute(&mut *tx).await?;
                        progress(handled);
                    }
                };
            }
            for p in places {
                let doc = serde_json::to_string(p).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let same = match stored.get(&p.id) {
                    None => None,
                    // The same text, or the same place in the longer form earlier versions
                    // wrote (every field, empty ones too): unchanged either way.
                    Some(old) => Some(*old == doc || serde_json::from_str::<Place>(old).is_ok_and(|o| o == *p)),
                };
                match same {
                    Some(true) => {
                        out.unchanged += 1;
                        handled += 1;
                        progress(handled);
                    }
                    Some(false) => {
                        sqlx::query(
                            "UPDATE places SET nom = $2, commune = $3, code_postal = $4, code_insee = $5, latitude = $6, \
                             longitude = $7, date_maj = $8, doc = $9, updated_at = $10, checked_at = $10, checked_by = NULL WHERE id = $1",
                        )
                        .bind(&p.id).bind(&p.nom).bind(&p.commune).bind(&p.code_postal).bind(&p.code_insee)
                        .bind(p.latitude).bind(p.longitude).bind(&p.date_maj).bind(&doc).bind(now)
                        .execute(&mut *tx)
                        .await?;
                        out.updated += 1;
                        handled += 1;
                        progress(handled);
                    }
                    None if distinct => {
                        pending.push((p, doc));
                        out.inserted += 1;
                    }
                    None => {
                        stored.insert(p.id.clone(), doc.clone());
                        new_rows.push((p, doc));
                        out.inserted += 1;
                        flush!();
                    }
                }
            }
            pending.sort_unstable_by(|a, b| a.0.id.cmp(&b.0.id));
            for row in pending {
                new_rows.push(row);
                if new_rows.len() >= chunk {
                    flush!();
                }
            }
            flush!();
            progress(handled);
            tx.commit().await?;
        });
        Ok(out)
    }

    /// The places search may list, by id (the order ties fall back on), for the in-memory
    /// snapshot each instance searches. The one place that decides which places are
    /// searchable: archived places are left out (`places` already leaves them out; a filter
    /// that only search needs belongs here).
    pub async fn places_for_search(&self) -> Result<Vec<Place>> {
        self.places().await
    }

    /// The directory's version: bumped by a trigger on every change of `places`, in the same
    /// transaction (migration 0011). Instances poll it to rebuild their search snapshot.
    pub async fn places_version(&self) -> Result<i64> {
        on_db!(self, read, |pool, _b| {
            let (v,): (i64,) = sqlx::query_as("SELECT version FROM places_version WHERE id = 1").fetch_one(pool).await?;
            Ok(v)
        })
    }

    /// Every place not archived, by id (the export order; search reads it too). Archived
    /// places are kept for history only (see `place_admin.rs`).
    pub async fn places(&self) -> Result<Vec<Place>> {
        let rows: Vec<(String,)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT doc FROM places WHERE archived_at IS NULL ORDER BY id").fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(doc,)| serde_json::from_str(&doc).map_err(|e| StoreError::Corrupt(format!("place: {e}"))))
            .collect()
    }
}
