//! Generic CTI events from an operator's own phone system (`newCall`, `answer`, `hangup`),
//! in the manner of the helpdesks that already take them: a missed inbound call becomes a
//! callback request, an answered one is only logged.

use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    NewCall,
    Answer,
    Hangup,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    NormalClearing,
    Busy,
    Cancel,
    NoAnswer,
    Congestion,
    NotFound,
    Forwarded,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {field} {value:?}")]
pub struct UnknownValue {
    pub field: &'static str,
    pub value: String,
}

impl FromStr for Event {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Event, UnknownValue> {
        match s {
            "newCall" => Ok(Event::NewCall),
            "answer" => Ok(Event::Answer),
            "hangup" => Ok(Event::Hangup),
            _ => Err(UnknownValue { field: "event", value: s.to_owned() }),
        }
    }
}

impl FromStr for Cause {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Cause, UnknownValue> {
        Ok(match s {
            "normalClearing" => Cause::NormalClearing,
            "busy" => Cause::Busy,
            "cancel" => Cause::Cancel,
            "noAnswer" => Cause::NoAnswer,
            "congestion" => Cause::Congestion,
            "notFound" => Cause::NotFound,
            "forwarded" => Cause::Forwarded,
            _ => return Err(UnknownValue { field: "cause", value: s.to_owned() }),
        })
    }
}

/// `in`/`inbound` or `out`/`outbound`.
pub fn is_inbound(direction: &str) -> Result<bool, UnknownValue> {
    match direction {
        "in" | "inbound" => Ok(true),
        "out" | "outbound" => Ok(false),
        _ => Err(UnknownValue { field: "direction", value: direction.to_owned() }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HangupOutcome {
    /// An inbound call nobody took: the caller gets a callback request.
    Missed,
    /// A call that was answered: logged with its duration.
    Answered,
    /// Outbound, or forwarded elsewhere (someone else handles it): nothing to do.
    Ignored,
}

/// What a hangup means, given whether an `answer` came for the same call.
pub fn on_hangup(inbound: bool, answered: bool, cause: Option<Cause>) -> HangupOutcome {
    if answered {
        HangupOutcome::Answered
    } else if !inbound || cause == Some(Cause::Forwarded) {
        HangupOutcome::Ignored
    } else {
        HangupOutcome::Missed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_vocabulary() {
        assert_eq!("newCall".parse::<Event>(), Ok(Event::NewCall));
        assert_eq!("noAnswer".parse::<Cause>(), Ok(Cause::NoAnswer));
        assert!("hang-up".parse::<Event>().is_err());
        assert_eq!("bogus".parse::<Cause>().unwrap_err().field, "cause");
        assert_eq!(is_inbound("inbound"), Ok(true));
        assert!(is_inbound("sideways").is_err());
    }

    #[test]
    fn missed_inbound_calls_need_a_callback() {
        for cause in [None, Some(Cause::Busy), Some(Cause::Cancel), Some(Cause::NoAnswer), Some(Cause::Congestion), Some(Cause::NotFound), Some(Cause::NormalClearing)] {
            assert_eq!(on_hangup(true, false, cause), HangupOutcome::Missed);
        }
        assert_eq!(on_hangup(true, false, Some(Cause::Forwarded)), HangupOutcome::Ignored);
        assert_eq!(on_hangup(false, false, Some(Cause::NoAnswer)), HangupOutcome::Ignored);
        assert_eq!(on_hangup(true, true, Some(Cause::NormalClearing)), HangupOutcome::Answered);
    }
}
