//! Rules of the e-mail outbox: the states of a message, when to try again after a failed
//! attempt, and how an address is shown to administrators (masked). No I/O: the sender in
//! relais-web and the storage in relais-store apply these.

use crate::{Millis, HOUR, MINUTE};
use std::fmt;
use std::str::FromStr;

/// Where a message of the outbox stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageStatus {
    /// Waiting for its next attempt (or for its first one).
    Queued,
    /// The SMTP server accepted it.
    Sent,
    /// Given up: permanent rejection or too many attempts.
    Failed,
    /// An administrator cancelled it before it was sent.
    Cancelled,
}

impl MessageStatus {
    pub const ALL: &'static [MessageStatus] =
        &[MessageStatus::Queued, MessageStatus::Sent, MessageStatus::Failed, MessageStatus::Cancelled];

    /// Stable code used in the database, the API and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageStatus::Queued => "queued",
            MessageStatus::Sent => "sent",
            MessageStatus::Failed => "failed",
            MessageStatus::Cancelled => "cancelled",
        }
    }
}

impl fmt::Display for MessageStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MessageStatus {
    type Err = crate::request::UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MessageStatus::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| crate::request::UnknownCode { kind: "MessageStatus", code: s.to_owned() })
    }
}

/// How the sender retries: the wait after the 1st, 2nd… failed attempt (the last delay
/// repeats), and how many attempts in all before giving up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    pub delays: Vec<Millis>,
    pub max_attempts: u32,
}

impl Default for RetryPolicy {
    /// 1 min, 5 min, 15 min, 1 h, 4 h, then every 12 h; ten attempts span about two and a
    /// half days, long enough to ride out a mail server down for a day or two.
    fn default() -> Self {
        RetryPolicy {
            delays: vec![MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 4 * HOUR, 12 * HOUR],
            max_attempts: 10,
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Try again at this instant.
    RetryAt(Millis),
    /// Mark the message failed for good.
    GiveUp,
}

impl RetryPolicy {
    /// The wait after the `attempts`-th failed attempt (1-based); the last delay repeats.
    pub fn delay_after(&self, attempts: u32) -> Millis {
        let i = attempts.saturating_sub(1) as usize;
        self.delays.get(i).or(self.delays.last()).copied().unwrap_or(MINUTE)
    }

    /// Decides after attempt number `attempts` (1-based) failed at `now`. A permanent
    /// rejection (SMTP 5xx) is not retried: the same message would be refused again.
    pub fn after_failure(&self, attempts: u32, permanent: bool, now: Millis) -> AfterFailure {
        if permanent || attempts >= self.max_attempts {
            AfterFailure::GiveUp
        } else {
            AfterFailure::RetryAt(now + self.delay_after(attempts))
        }
    }
}

/// An address as administrators see it: the first character of the local part, then
/// `***`, then the domain (`a***@example.org`). Enough to tell messages apart, not to
/// read who they went to.
pub fn mask_address(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schedule_backs_off_then_repeats_the_last_delay() {
        let p = RetryPolicy::default();
        let now = 1_000_000;
        let waits: Vec<Millis> = (1..=9)
            .map(|n| match p.after_failure(n, false, now) {
                AfterFailure::RetryAt(at) => at - now,
                AfterFailure::GiveUp => panic!("gave up after {n}"),
            })
            .collect();
        assert_eq!(
            waits,
            vec![MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 4 * HOUR, 12 * HOUR, 12 * HOUR, 12 * HOUR, 12 * HOUR]
        );
        assert_eq!(p.after_failure(10, false, now), AfterFailure::GiveUp);
        assert_eq!(p.after_failure(11, false, now), AfterFailure::GiveUp);
    }

    #[test]
    fn permanent_rejection_is_not_retried() {
        assert_eq!(RetryPolicy::default().after_failure(1, true, 0), AfterFailure::GiveUp);
    }

    #[test]
    fn empty_delays_still_wait() {
        let p = RetryPolicy { delays: vec![], max_attempts: 3 };
        assert_eq!(p.after_failure(1, false, 0), AfterFailure::RetryAt(MINUTE));
    }

    #[test]
    fn one_attempt_means_no_retry() {
        let p = RetryPolicy { delays: vec![10], max_attempts: 1 };
        assert_eq!(p.after_failure(1, false, 0), AfterFailure::GiveUp);
    }

    #[test]
    fn addresses_are_masked() {
        assert_eq!(mask_address("amina.diallo@example.org"), "a***@example.org");
        assert_eq!(mask_address("élodie@exemple.fr"), "é***@exemple.fr");
        assert_eq!(mask_address("@x.org"), "***@x.org");
        assert_eq!(mask_address("nobody"), "***");
        assert_eq!(mask_address("a@b@c.org"), "a***@c.org");
    }

    #[test]
    fn status_codes_round_trip() {
        for s in MessageStatus::ALL {
            assert_eq!(s.as_str().parse::<MessageStatus>().unwrap(), *s);
        }
        assert!("sending".parse::<MessageStatus>().is_err());
    }
}
