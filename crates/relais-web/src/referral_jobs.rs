//! The referrals' background work (issue 6), run by `jobs.rs`: one reminder to the place
//! before expiry, expiry after the delay, anonymisation after retention. Each step is a
//! conditional update in storage, so several instances may run it at once and only one
//! writes (one reminder e-mail, one `referral_expired` event).

use crate::state::AppState;
use relais_domain::Millis;

/// Reminders, then expiry.
pub async fn run(state: &AppState, now: Millis) {
    match remind(state, now).await {
        Ok(0) => {}
        Ok(n) => {
            tracing::info!(reminded = n, "referral reminders queued");
            state.mail_enqueued();
        }
        Err(e) => tracing::warn!(error = %e, "referral reminders failed"),
    }
    match state.store.expire_referrals(now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(expired = n, "unanswered referrals expired"),
        Err(e) => tracing::warn!(error = %e, "referral expiry failed"),
    }
}

/// Queues the reminders due at `now`; returns how many this instance queued.
pub async fn remind(state: &AppState, now: Millis) -> Result<u64, relais_store::StoreError> {
    let policy = &state.config.referral;
    let topics = state.store.topics(false).await?;
    let mut n = 0;
    for r in state.store.referrals_awaiting_answer(now).await? {
        if !policy.reminder_due(&r.snapshot(), r.reminded_at.is_some(), now) {
            continue;
        }
        let topic = topics.iter().find(|t| t.id == r.topic).map(|t| t.label_fr.clone()).unwrap_or_else(|| r.topic.clone());
        let Some(link) = crate::referral_mail::reminder_mail(state, &r, &topic, now) else { continue };
        if state.store.remind_referral(r.id, &link, now).await? {
            n += 1;
        }
    }
    Ok(n)
}

/// Erases the personal data of referrals finished longer ago than the retention period.
pub async fn anonymise(state: &AppState, now: Millis) {
    let cutoff = state.config.referral.anonymise_cutoff(now);
    match state.store.anonymise_referrals(cutoff, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(anonymised = n, "finished referrals anonymised past retention"),
        Err(e) => tracing::warn!(error = %e, "referral anonymisation failed"),
    }
}
