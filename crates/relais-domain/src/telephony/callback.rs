//! Calling a person back through the line ("Appeler" in the console): the provider rings
//! the volunteer first, then bridges to the person. What the provider's status callbacks
//! mean for the request, the "we tried to reach you" SMS rule, and SMS delivery receipts.
//! Codes are Twilio's (`CallStatus`, `DialCallStatus`, `MessageStatus`), which SignalWire's
//! compatibility API and Telnyx TeXML use too.

use crate::request::AttemptResult;

/// What the end of the `<Dial>` to the person (its `DialCallStatus`) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialOutcome {
    /// An attempt to record on the request.
    Attempt(AttemptResult),
    /// Nothing to record: the volunteer hung up before the person answered, or the status
    /// is unknown. Recording a failed attempt then would count against the person.
    NoAttempt,
}

/// `DialCallStatus` → the attempt it records. `busy` and `failed` are failed attempts like
/// `no-answer`: a carrier's failure can be temporary, and only a volunteer who heard it
/// can tell a wrong number (which closes the request at once).
pub fn dial_outcome(dial_call_status: &str) -> DialOutcome {
    match dial_call_status {
        "completed" | "answered" => DialOutcome::Attempt(AttemptResult::Reached),
        "no-answer" | "busy" | "failed" => DialOutcome::Attempt(AttemptResult::NoAnswer),
        _ => DialOutcome::NoAttempt,
    }
}

/// The state of one line call as the console shows it (a stable code, translated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallState {
    /// Asked of the provider; the volunteer's phone rings.
    Ringing,
    /// The volunteer picked up (the person is being called, or they are talking).
    InProgress,
    /// The bridge to the person ended: the attempt is recorded.
    Reached,
    NoAnswer,
    Busy,
    Failed,
    /// The volunteer's own phone did not answer, was busy, or the call failed before them.
    VolunteerUnreached,
    /// The volunteer picked up but did not press the key (a voicemail), or hung up first.
    VolunteerEnded,
}

impl CallState {
    pub fn as_str(self) -> &'static str {
        match self {
            CallState::Ringing => "ringing",
            CallState::InProgress => "in_progress",
            CallState::Reached => "reached",
            CallState::NoAnswer => "no_answer",
            CallState::Busy => "busy",
            CallState::Failed => "failed",
            CallState::VolunteerUnreached => "volunteer_unreached",
            CallState::VolunteerEnded => "volunteer_ended",
        }
    }

    pub fn from_code(code: &str) -> Option<CallState> {
        [
            CallState::Ringing,
            CallState::InProgress,
            CallState::Reached,
            CallState::NoAnswer,
            CallState::Busy,
            CallState::Failed,
            CallState::VolunteerUnreached,
            CallState::VolunteerEnded,
        ]
        .into_iter()
        .find(|s| s.as_str() == code)
    }

    /// A state after which nothing more changes.
    pub fn is_final(self) -> bool {
        !matches!(self, CallState::Ringing | CallState::InProgress)
    }
}

/// The state a `DialCallStatus` leaves the call in.
pub fn after_dial(dial_call_status: &str) -> CallState {
    match dial_call_status {
        "completed" | "answered" => CallState::Reached,
        "no-answer" => CallState::NoAnswer,
        "busy" => CallState::Busy,
        "failed" => CallState::Failed,
        _ => CallState::VolunteerEnded,
    }
}

/// The state the volunteer's leg's `CallStatus` leaves the call in, `None` when it changes
/// nothing (a final dial state is never overwritten: the call's own `completed` comes last).
pub fn after_call_status(current: CallState, call_status: &str) -> Option<CallState> {
    if current.is_final() {
        return None;
    }
    match call_status {
        "ringing" | "queued" | "initiated" => None,
        "in-progress" | "answered" => Some(CallState::InProgress),
        "busy" | "no-answer" | "failed" | "canceled" => Some(CallState::VolunteerUnreached),
        // Completed without a dial result: the volunteer hung up or never pressed the key.
        "completed" => Some(CallState::VolunteerEnded),
        _ => None,
    }
}

/// Whether a failed attempt sends the "we tried to reach you" SMS: only when the person
/// consented to SMS, and never after a wrong number (the text would go to a stranger).
pub fn tried_sms_due(result: AttemptResult, sms_consent: bool) -> bool {
    sms_consent && matches!(result, AttemptResult::NoAnswer | AttemptResult::Voicemail)
}

/// An outgoing SMS's delivery as the provider reports it (`MessageStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Queued,
    Sending,
    Sent,
    Delivered,
    Undelivered,
    Failed,
}

impl Delivery {
    pub fn from_code(code: &str) -> Option<Delivery> {
        Some(match code {
            "accepted" | "scheduled" | "queued" => Delivery::Queued,
            "sending" => Delivery::Sending,
            "sent" => Delivery::Sent,
            "delivered" | "read" => Delivery::Delivered,
            "undelivered" => Delivery::Undelivered,
            "failed" => Delivery::Failed,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Queued => "queued",
            Delivery::Sending => "sending",
            Delivery::Sent => "sent",
            Delivery::Delivered => "delivered",
            Delivery::Undelivered => "undelivered",
            Delivery::Failed => "failed",
        }
    }

    /// Receipts may come out of order (a late `sent` after `delivered`): a status replaces
    /// the stored one only if its rank is higher, so retries and reorderings change nothing.
    pub fn rank(self) -> i64 {
        match self {
            Delivery::Queued => 1,
            Delivery::Sending => 2,
            Delivery::Sent => 3,
            Delivery::Delivered | Delivery::Undelivered | Delivery::Failed => 4,
        }
    }
}

/// A provider's `ErrorCode` kept only if it is a plain number (never free text).
pub fn error_code(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim).filter(|c| !c.is_empty() && c.len() <= 8 && c.bytes().all(|b| b.is_ascii_digit())).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dial_statuses_map_to_attempts() {
        assert_eq!(dial_outcome("completed"), DialOutcome::Attempt(AttemptResult::Reached));
        assert_eq!(dial_outcome("answered"), DialOutcome::Attempt(AttemptResult::Reached));
        for s in ["no-answer", "busy", "failed"] {
            assert_eq!(dial_outcome(s), DialOutcome::Attempt(AttemptResult::NoAnswer), "{s}");
        }
        assert_eq!(dial_outcome("canceled"), DialOutcome::NoAttempt);
        assert_eq!(dial_outcome(""), DialOutcome::NoAttempt);
        assert_eq!(after_dial("busy"), CallState::Busy);
        assert_eq!(after_dial("failed"), CallState::Failed);
        assert_eq!(after_dial("canceled"), CallState::VolunteerEnded);
    }

    #[test]
    fn the_volunteers_leg_never_overwrites_a_dial_result() {
        assert_eq!(after_call_status(CallState::Ringing, "in-progress"), Some(CallState::InProgress));
        assert_eq!(after_call_status(CallState::Ringing, "no-answer"), Some(CallState::VolunteerUnreached));
        assert_eq!(after_call_status(CallState::Ringing, "busy"), Some(CallState::VolunteerUnreached));
        assert_eq!(after_call_status(CallState::InProgress, "completed"), Some(CallState::VolunteerEnded));
        assert_eq!(after_call_status(CallState::Reached, "completed"), None);
        assert_eq!(after_call_status(CallState::NoAnswer, "completed"), None);
        assert_eq!(after_call_status(CallState::Ringing, "ringing"), None);
        for s in ["ringing", "in_progress", "reached", "no_answer", "busy", "failed", "volunteer_unreached", "volunteer_ended"] {
            assert_eq!(CallState::from_code(s).map(CallState::as_str), Some(s));
        }
    }

    #[test]
    fn the_tried_sms_needs_consent_and_a_plain_failure() {
        assert!(tried_sms_due(AttemptResult::NoAnswer, true));
        assert!(tried_sms_due(AttemptResult::Voicemail, true));
        assert!(!tried_sms_due(AttemptResult::NoAnswer, false));
        assert!(!tried_sms_due(AttemptResult::WrongNumber, true));
        assert!(!tried_sms_due(AttemptResult::Reached, true));
    }

    #[test]
    fn receipts_only_move_forward() {
        let sent = Delivery::from_code("sent").unwrap();
        let delivered = Delivery::from_code("delivered").unwrap();
        assert!(delivered.rank() > sent.rank());
        assert!(Delivery::from_code("queued").unwrap().rank() < sent.rank());
        assert_eq!(Delivery::from_code("undelivered").unwrap().rank(), delivered.rank());
        assert_eq!(Delivery::from_code("bogus"), None);
        assert_eq!(error_code(Some("30003")), Some("30003".into()));
        assert_eq!(error_code(Some("+33612345678")), None);
        assert_eq!(error_code(Some("")), None);
    }
}
