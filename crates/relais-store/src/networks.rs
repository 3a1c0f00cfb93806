//! Networks (organisations) that volunteers and coordinators belong to.

use crate::{Network, Result, Store};
use relais_domain::Millis;

impl Store {
    /// The network with this name, created if needed.
    pub async fn ensure_network(&self, name: &str, now: Millis) -> Result<Network> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("INSERT INTO networks (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                .bind(name.trim())
                .bind(now)
                .execute(pool)
                .await?;
            Ok(sqlx::query_as::<_, Network>("SELECT id, name FROM networks WHERE name = $1").bind(name.trim()).fetch_one(pool).await?)
        })
    }

    pub async fn networks(&self) -> Result<Vec<Network>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Network>("SELECT id, name FROM networks ORDER BY name").fetch_all(pool).await?)
        })
    }
}
