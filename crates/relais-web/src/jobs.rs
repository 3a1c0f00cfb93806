//! Background work of one instance: return expired leases to the queue, purge personal
//! data past retention (requests, and old e-mails of the outbox), drop expired sessions,
//! follow tutorials published elsewhere and changes of the directory of places, generate the
//! coming weeks' shifts (hourly) and enqueue shift reminders (every minute), remind places of
//! referrals and expire them (every minute, `referral_jobs.rs`).
//! The mail sender is its own job (`mailer.rs`). Each step is idempotent, so several
//! instances may run them at once.

use crate::state::AppState;
use crate::now_ms;
use std::time::Duration;
use tokio::task::JoinHandle;

pub fn spawn(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut lease_tick = tokio::time::interval(state.config.lease_check_every);
        let mut housekeeping = tokio::time::interval(Duration::from_secs(3600));
        let mut tutorials_tick = tokio::time::interval(state.config.tutorials_poll_every);
        let mut reminder_tick = tokio::time::interval(Duration::from_secs(60));
        let mut places_tick = tokio::time::interval(state.config.places_poll_every);
        loop {
            tokio::select! {
                _ = lease_tick.tick() => {
                    match state.store.expire_leases(now_ms(), &state.config.policy).await {
                        Ok(0) => {}
                        Ok(n) => {
                            tracing::info!(expired = n, "leases expired, requests back in the queue");
                            state.notify_queue();
                        }
                        Err(e) => tracing::warn!(error = %e, "lease expiry failed"),
                    }
                }
                _ = housekeeping.tick() => {
                    run_housekeeping(&state).await;
                    generate_shifts(&state).await;
                }
                _ = reminder_tick.tick() => {
                    if let Err(e) = crate::appeals::enqueue_reminders(&state, now_ms()).await {
                        tracing::warn!(error = %e, "shift reminders failed");
                    }
                    crate::referral_jobs::run(&state, now_ms()).await;
                }
                _ = places_tick.tick() => {
                    // The directory changed (elsewhere, or an import beside the server).
                    match state.places.refresh(&state.store).await {
                        Ok(true) => tracing::info!("places changed, search snapshot rebuilt"),
                        Ok(false) => {}
                        Err(e) => tracing::warn!(error = %e, "places version check failed"),
                    }
                }
                _ = tutorials_tick.tick() => {
                    // Another instance published: rebuild the search index here too.
                    match state.tutorials.refresh(&state.store).await {
                        Ok(true) => tracing::info!("tutorials changed elsewhere, search index rebuilt"),
                        Ok(false) => {}
                        Err(e) => tracing::warn!(error = %e, "tutorials version check failed"),
                    }
                }
            }
        }
    })
}

/// Keeps the coming weeks' shifts in line with the service hours (idempotent).
pub async fn generate_shifts(state: &AppState) {
    let days = (crate::pages::schedule_view::WEEKS_AHEAD * 7) as u16;
    if let Err(e) = state.store.generate_shifts(now_ms(), days).await {
        tracing::warn!(error = %e, "shift generation failed");
    }
}

/// Retention purge and session clean-up (also `relais purge` from the shell).
pub async fn run_housekeeping(state: &AppState) {
    let now = now_ms();
    let cutoff = relais_domain::retention::purge_cutoff(now, state.config.retention);
    match state.store.purge_personal_data(cutoff, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(purged = n, "personal data erased past retention"),
        Err(e) => tracing::warn!(error = %e, "retention purge failed"),
    }
    crate::referral_jobs::anonymise(state, now).await;
    let mail_cutoff = now - relais_domain::retention::MAIL_RETENTION;
    match state.store.purge_outbox(mail_cutoff, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(purged = n, "recipients and bodies of old e-mails erased"),
        Err(e) => tracing::warn!(error = %e, "e-mail retention purge failed"),
    }
    if let Err(e) = state.store.purge_expired_sessions(now).await {
        tracing::warn!(error = %e, "session clean-up failed");
    }
}
