//! The vocabulary of a help request: channels, states, outcomes, attempt results, urgency.
//! Each enum has a stable lowercase code used in the database, the JSON API and the
//! translation keys, so renaming a variant never changes stored data.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Declares an enum with stable string codes, `as_str`, `FromStr`, `Display` and `ALL`.
macro_rules! coded_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err(UnknownCode { kind: stringify!($name), code: s.to_owned() }),
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = UnknownCode;
            fn try_from(s: String) -> Result<Self, UnknownCode> { s.parse() }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

/// A code that does not name any variant of the expected enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} code {code:?}")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

coded_enum! {
    /// How the request reached the line.
    Channel { Web = "web", Phone = "phone", Sms = "sms", Referral = "referral" }
}

coded_enum! {
    /// Where a request is in its life. `Waiting` covers both "due now" and "due later"
    /// (a follow-up or a retry after a failed attempt): the due time says which.
    Status { Waiting = "waiting", Assigned = "assigned", Closed = "closed" }
}

coded_enum! {
    /// How a request ended. `FollowUp` is the one outcome that does not end it: the
    /// request goes back to the queue at the chosen time.
    Outcome {
        Resolved = "resolved",
        Oriented = "oriented",
        FollowUp = "follow_up",
        Unreachable = "unreachable",
        Cancelled = "cancelled",
        OutOfScope = "out_of_scope",
    }
}

coded_enum! {
    /// What happened when the volunteer called.
    AttemptResult {
        Reached = "reached",
        NoAnswer = "no_answer",
        Voicemail = "voicemail",
        WrongNumber = "wrong_number",
    }
}

coded_enum! {
    /// How pressing the need is. Urgent requests are served before older normal ones.
    Urgency { Normal = "normal", Urgent = "urgent" }
}

impl Urgency {
    /// Rank used for ordering (higher first), stored as an integer for indexing.
    pub fn rank(self) -> i64 {
        match self {
            Urgency::Normal => 0,
            Urgency::Urgent => 1,
        }
    }
    pub fn from_rank(rank: i64) -> Self {
        if rank > 0 { Urgency::Urgent } else { Urgency::Normal }
    }
}

impl AttemptResult {
    /// An attempt that did not get the person on the line.
    pub fn is_failure(self) -> bool {
        !matches!(self, AttemptResult::Reached)
    }
}

coded_enum! {
    /// A part of the day in which the person prefers to be called back.
    CallbackWindow { Morning = "morning", Midday = "midday", Afternoon = "afternoon", Evening = "evening" }
}

coded_enum! {
    /// What can happen to a request; one event per transition on its timeline.
    EventKind {
        Created = "created",
        Claimed = "claimed",
        Assigned = "assigned",
        Attempt = "attempt",
        Released = "released",
        LeaseExtended = "lease_extended",
        LeaseExpired = "lease_expired",
        Rescheduled = "rescheduled",
        FollowUpScheduled = "follow_up_scheduled",
        Closed = "closed",
        CancelledByPerson = "cancelled_by_person",
        Purged = "purged",
    }
}

/// Languages the line can serve in, by ISO 639-1 code. A request's language must be one
/// of these; volunteers declare a subset.
pub const LANGUAGES: &[&str] = &[
    "fr", "en", "ar", "es", "pt", "it", "de", "ro", "tr", "ru", "uk", "zh", "vi", "ff", "wo", "ber",
];

pub fn is_known_language(code: &str) -> bool {
    LANGUAGES.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_variant() {
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>().unwrap(), *o);
        }
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>().unwrap(), *c);
        }
        for e in EventKind::ALL {
            assert_eq!(e.as_str().parse::<EventKind>().unwrap(), *e);
        }
    }

    #[test]
    fn unknown_code_names_the_kind() {
        let err = "maybe".parse::<Outcome>().unwrap_err();
        assert_eq!(err.kind, "Outcome");
        assert!(err.to_string().contains("maybe"));
    }

    #[test]
    fn only_reached_is_a_success() {
        assert!(!AttemptResult::Reached.is_failure());
        assert!(AttemptResult::NoAnswer.is_failure());
        assert!(AttemptResult::Voicemail.is_failure());
        assert!(AttemptResult::WrongNumber.is_failure());
    }
}
