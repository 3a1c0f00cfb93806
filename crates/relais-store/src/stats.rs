//! Anonymous figures for coordinators and the API: counts by channel, topic and outcome,
//! and the median wait from request to first callback, over a time range.

use crate::{Result, Store};
use relais_domain::Millis;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub key: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodStats {
    pub from: Millis,
    pub to: Millis,
    pub created: i64,
    pub closed: i64,
    pub by_channel: Vec<Count>,
    pub by_topic: Vec<Count>,
    pub by_outcome: Vec<Count>,
    /// Median milliseconds from request to first callback, for requests first called back
    /// in the period; `None` when none was.
    pub median_wait_to_first_callback_ms: Option<Millis>,
    pub first_callbacks: i64,
    /// Referrals sent in the period, by their state now (issue 6), every state listed.
    pub by_referral_state: Vec<Count>,
}

fn counts(rows: Vec<(String, i64)>) -> Vec<Count> {
    rows.into_iter().map(|(key, count)| Count { key, count }).collect()
}

/// Median of a sorted slice (the mean of the two middle values for an even length).
pub fn median(sorted: &[i64]) -> Option<i64> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2]),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

impl Store {
    pub async fn stats(&self, from: Millis, to: Millis) -> Result<PeriodStats> {
        on_db!(self, read, |pool, _b| {
            let by_channel: Vec<(String, i64)> = sqlx::query_as(
                "SELECT channel, COUNT(*) FROM help_requests WHERE created_at >= $1 AND created_at < $2 GROUP BY channel ORDER BY 2 DESC, 1",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let by_topic: Vec<(String, i64)> = sqlx::query_as(
                "SELECT topic, COUNT(*) FROM help_requests WHERE created_at >= $1 AND created_at < $2 GROUP BY topic ORDER BY 2 DESC, 1",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let by_outcome: Vec<(String, i64)> = sqlx::query_as(
                "SELECT outcome, COUNT(*) FROM help_requests WHERE closed_at >= $1 AND closed_at < $2 AND outcome IS NOT NULL \
                 GROUP BY outcome ORDER BY 2 DESC, 1",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let referrals: Vec<(String, i64)> =
                sqlx::query_as("SELECT state, COUNT(*) FROM referrals WHERE sent_at >= $1 AND sent_at < $2 GROUP BY state")
                    .bind(from)
                    .bind(to)
                    .fetch_all(pool)
                    .await?;
            let by_referral_state = relais_domain::referral::State::ALL
                .iter()
                .map(|s| Count {
                    key: s.as_str().to_owned(),
                    count: referrals.iter().find(|(k, _)| k == s.as_str()).map(|(_, n)| *n).unwrap_or(0),
                })
                .collect();
            let mut waits: Vec<(i64,)> = sqlx::query_as(
                "SELECT first_callback_at - created_at FROM help_requests WHERE first_callback_at >= $1 AND first_callback_at < $2",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            waits.sort_unstable();
            let waits: Vec<i64> = waits.into_iter().map(|(w,)| w).collect();
            let created = by_channel.iter().map(|(_, c)| c).sum();
            let closed = by_outcome.iter().map(|(_, c)| c).sum();
            Ok(PeriodStats {
                from,
                to,
                created,
                closed,
                by_channel: counts(by_channel),
                by_topic: counts(by_topic),
                by_outcome: counts(by_outcome),
                median_wait_to_first_callback_ms: median(&waits),
                first_callbacks: waits.len() as i64,
                by_referral_state,
            })
        })
    }

    /// Requests created and closed since the start, by label, for Prometheus counters that
    /// survive restarts and agree across instances.
    pub async fn totals(&self) -> Result<(Vec<(String, String, i64)>, Vec<(String, i64)>)> {
        on_db!(self, read, |pool, _b| {
            let created: Vec<(String, String, i64)> =
                sqlx::query_as("SELECT channel, topic, COUNT(*) FROM help_requests GROUP BY channel, topic").fetch_all(pool).await?;
            let closed: Vec<(String, i64)> =
                sqlx::query_as("SELECT outcome, COUNT(*) FROM help_requests WHERE outcome IS NOT NULL GROUP BY outcome")
                    .fetch_all(pool)
                    .await?;
            Ok((created, closed))
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn median_of_odd_and_even() {
        assert_eq!(super::median(&[]), None);
        assert_eq!(super::median(&[1, 5, 9]), Some(5));
        assert_eq!(super::median(&[1, 3, 5, 9]), Some(4));
    }
}
