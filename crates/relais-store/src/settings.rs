//! Small key/value settings kept in the database so that every instance shares them
//! (e.g. the key that encrypts cookies).

use crate::{Result, Store};

impl Store {
    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        on_db!(self, read, |pool, _b| {
            let row: Option<(String,)> =
                sqlx::query_as("SELECT value FROM settings WHERE key = $1").bind(key).fetch_optional(pool).await?;
            Ok(row.map(|(v,)| v))
        })
    }

    /// The stored value for `key`, storing `make()` first if there is none. Safe when
    /// several instances start at once: the first writer wins and all read its value.
    pub async fn setting_or_insert(&self, key: &str, make: impl FnOnce() -> String) -> Result<String> {
        if let Some(v) = self.setting(key).await? {
            return Ok(v);
        }
        let value = make();
        on_db!(self, write, |pool, _b| {
            sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
                .bind(key)
                .bind(&value)
                .execute(pool)
                .await?;
            let (v,): (String,) = sqlx::query_as("SELECT value FROM settings WHERE key = $1").bind(key).fetch_one(pool).await?;
            Ok(v)
        })
    }
}
