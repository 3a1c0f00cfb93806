//! The topic catalogue: seeded from `relais_domain::topics::SEED`, editable by operators.

use crate::{Result, Store, StoreError, Topic};

impl Store {
    /// Inserts the seed topics that are not there yet; never overwrites an operator's edit.
    pub(crate) async fn seed_topics(&self) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            for (i, t) in relais_domain::topics::SEED.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO topics (id, label_fr, label_en, pictogram, priority, position, active) \
                     VALUES ($1, $2, $3, $4, $5, $6, TRUE) ON CONFLICT (id) DO NOTHING",
                )
                .bind(t.id)
                .bind(t.label_fr)
                .bind(t.label_en)
                .bind(t.pictogram)
                .bind(t.priority)
                .bind(i as i64)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Topics in display order; only active ones unless `all`.
    pub async fn topics(&self, all: bool) -> Result<Vec<Topic>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Topic>("SELECT * FROM topics WHERE active = TRUE OR $1 ORDER BY position, id")
                .bind(all)
                .fetch_all(pool)
                .await?)
        })
    }

    pub async fn topic(&self, id: &str) -> Result<Option<Topic>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Topic>("SELECT * FROM topics WHERE id = $1").bind(id).fetch_optional(pool).await?)
        })
    }

    /// Creates or updates a topic (operators edit labels, order and whether it is offered).
    pub async fn save_topic(&self, t: &Topic) -> Result<Topic> {
        if !relais_domain::topics::is_valid_id(&t.id) {
            return Err(StoreError::Config(format!("invalid topic id {:?}", t.id)));
        }
        on_db!(self, write, |pool, _b| {
            Ok(sqlx::query_as::<_, Topic>(
                "INSERT INTO topics (id, label_fr, label_en, pictogram, priority, position, active) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (id) DO UPDATE SET label_fr = excluded.label_fr, label_en = excluded.label_en, \
                 pictogram = excluded.pictogram, priority = excluded.priority, position = excluded.position, active = excluded.active \
                 RETURNING *",
            )
            .bind(&t.id)
            .bind(&t.label_fr)
            .bind(&t.label_en)
            .bind(&t.pictogram)
            .bind(t.priority)
            .bind(t.position)
            .bind(t.active)
            .fetch_one(pool)
            .await?)
        })
    }
}
