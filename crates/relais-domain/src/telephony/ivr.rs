//! The voice menu as a state machine. Each provider webhook is one transition: the web
//! layer passes what it knows (service hours, who is on duty, whether the caller already
//! waits) and the keys pressed, and gets back what to say and do next. The state travels in
//! the webhook URLs (step, attempt, language), so any instance can answer any step.
//!
//! No dead end: a missing or wrong key repeats the menu, and after [`MAX_TRIES`] the call
//! becomes a callback request anyway.

use crate::topics::SEED;

/// Menu attempts before the call becomes a callback request without a topic.
pub const MAX_TRIES: u8 = 3;
/// The key that switches the menu to English (and back to French).
pub const LANGUAGE_KEY: &str = "9";
/// The key a volunteer presses in the whisper to take the call.
pub const ACCEPT_KEY: &str = "1";
/// After a callback request: the key that asks for the reference by SMS (the consent).
pub const SMS_CONSENT_KEY: &str = "1";
/// The key a caller presses to accept an SMS confirmation.
pub const CONSENT_KEY: &str = "1";
/// The topic of calls whose caller chose "other" or no topic at all.
pub const OTHER_TOPIC: &str = "autre";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
    pub fn from_code(code: &str) -> Lang {
        if code == "en" { Lang::En } else { Lang::Fr }
    }
    fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
}

/// What the web layer knows when a call step comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub in_service_hours: bool,
    /// Live answering is enabled and at least one volunteer on duty has a phone number.
    pub can_connect_now: bool,
    /// The caller's number already has an open request.
    pub already_waiting: bool,
}

/// Why a call ended as a callback request (kept in the telephony event log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackReason {
    Chosen,
    OutOfHours,
    TooManyTries,
    NobodyAccepted,
}

impl CallbackReason {
    pub fn as_str(self) -> &'static str {
        match self {
            CallbackReason::Chosen => "callback",
            CallbackReason::OutOfHours => "out_of_hours",
            CallbackReason::TooManyTries => "too_many_tries",
            CallbackReason::NobodyAccepted => "nobody_accepted",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Say the prompts, then gather one key for the topic menu.
    AskTopic { lang: Lang, attempt: u8, greet: bool, out_of_hours: bool, invalid: bool },
    /// The caller already waits: say so and hang up (not queued twice).
    AlreadyWaiting { lang: Lang },
    /// Ring the on-duty volunteers now.
    Connect { lang: Lang, topic: &'static str },
    /// Create a callback request and read its reference.
    Callback { lang: Lang, topic: &'static str, reason: CallbackReason },
}

/// Topic ids in key order: keys 1..=3 are the three priority needs, the next key is "other".
pub fn menu_topics() -> Vec<&'static str> {
    let mut topics: Vec<&'static str> = SEED.iter().filter(|t| t.priority).map(|t| t.id).collect();
    topics.push(OTHER_TOPIC);
    topics
}

/// The first answer to an incoming call.
pub fn start(ctx: Context, lang: Lang) -> Action {
    if ctx.already_waiting {
        return Action::AlreadyWaiting { lang };
    }
    Action::AskTopic { lang, attempt: 1, greet: true, out_of_hours: !ctx.in_service_hours, invalid: false }
}

/// The caller pressed `digits` (None when the menu timed out) at menu attempt `attempt`.
pub fn choose(ctx: Context, lang: Lang, attempt: u8, digits: Option<&str>) -> Action {
    let digits = digits.map(str::trim).filter(|d| !d.is_empty());
    if digits == Some(LANGUAGE_KEY) {
        // Switching language is not a failed try.
        return Action::AskTopic { lang: lang.other(), attempt, greet: false, out_of_hours: false, invalid: false };
    }
    let topics = menu_topics();
    let chosen = digits
        .and_then(|d| d.parse::<usize>().ok())
        .filter(|k| (1..=topics.len()).contains(k))
        .map(|k| topics[k - 1]);
    match chosen {
        Some(topic) => decide(ctx, lang, topic),
        None if attempt >= MAX_TRIES => Action::Callback { lang, topic: OTHER_TOPIC, reason: CallbackReason::TooManyTries },
        None => Action::AskTopic { lang, attempt: attempt + 1, greet: false, out_of_hours: false, invalid: true },
    }
}

/// Connect now when the line is open and someone can answer, else a callback request.
fn decide(ctx: Context, lang: Lang, topic: &'static str) -> Action {
    if !ctx.in_service_hours {
        Action::Callback { lang, topic, reason: CallbackReason::OutOfHours }
    } else if ctx.can_connect_now {
        Action::Connect { lang, topic }
    } else {
        Action::Callback { lang, topic, reason: CallbackReason::Chosen }
    }
}

/// A `<Dial>` ended with the provider's `DialCallStatus`: `None` means the call was taken
/// and is over; otherwise the caller falls back to a callback request.
pub fn after_dial(lang: Lang, topic: &'static str, dial_call_status: &str) -> Option<Action> {
    if dial_call_status == "completed" {
        None
    } else {
        Some(Action::Callback { lang, topic, reason: CallbackReason::NobodyAccepted })
    }
}

/// Maps a topic id back to the menu's static id (the URL carries it between steps).
pub fn menu_topic(id: &str) -> &'static str {
    menu_topics().into_iter().find(|t| *t == id).unwrap_or(OTHER_TOPIC)
}

/// A reference such as `R-7K2Q` read one character at a time, so a text-to-speech engine
/// never says it as a word or a number.
pub fn spell(reference: &str) -> String {
    reference.chars().filter(|c| c.is_ascii_alphanumeric()).map(String::from).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: Context = Context { in_service_hours: true, can_connect_now: false, already_waiting: false };
    const LIVE: Context = Context { in_service_hours: true, can_connect_now: true, already_waiting: false };
    const CLOSED: Context = Context { in_service_hours: false, can_connect_now: true, already_waiting: false };

    #[test]
    fn greeting_then_menu() {
        assert_eq!(start(OPEN, Lang::Fr), Action::AskTopic { lang: Lang::Fr, attempt: 1, greet: true, out_of_hours: false, invalid: false });
        assert_eq!(start(CLOSED, Lang::Fr), Action::AskTopic { lang: Lang::Fr, attempt: 1, greet: true, out_of_hours: true, invalid: false });
        let waiting = Context { already_waiting: true, ..OPEN };
        assert_eq!(start(waiting, Lang::Fr), Action::AlreadyWaiting { lang: Lang::Fr });
    }

    #[test]
    fn keys_map_to_priority_topics_then_other() {
        let topics = menu_topics();
        assert_eq!(topics, vec!["famille-visio", "declaration-en-ligne", "info-verifiee", "autre"]);
        for (i, topic) in topics.iter().enumerate() {
            let key = (i + 1).to_string();
            assert_eq!(choose(OPEN, Lang::Fr, 1, Some(&key)), Action::Callback { lang: Lang::Fr, topic, reason: CallbackReason::Chosen });
            assert_eq!(choose(LIVE, Lang::Fr, 1, Some(&key)), Action::Connect { lang: Lang::Fr, topic });
            assert_eq!(choose(CLOSED, Lang::Fr, 1, Some(&key)), Action::Callback { lang: Lang::Fr, topic, reason: CallbackReason::OutOfHours });
        }
    }

    #[test]
    fn language_key_switches_without_using_a_try() {
        assert_eq!(choose(OPEN, Lang::Fr, 2, Some("9")), Action::AskTopic { lang: Lang::En, attempt: 2, greet: false, out_of_hours: false, invalid: false });
        assert_eq!(choose(OPEN, Lang::En, 1, Some("9")), Action::AskTopic { lang: Lang::Fr, attempt: 1, greet: false, out_of_hours: false, invalid: false });
    }

    #[test]
    fn invalid_or_missing_keys_repeat_then_callback_anyway() {
        for bad in [None, Some(""), Some("0"), Some("5"), Some("*"), Some("12")] {
            assert_eq!(choose(OPEN, Lang::Fr, 1, bad), Action::AskTopic { lang: Lang::Fr, attempt: 2, greet: false, out_of_hours: false, invalid: true });
            assert_eq!(choose(OPEN, Lang::Fr, 2, bad), Action::AskTopic { lang: Lang::Fr, attempt: 3, greet: false, out_of_hours: false, invalid: true });
            assert_eq!(choose(LIVE, Lang::En, 3, bad), Action::Callback { lang: Lang::En, topic: "autre", reason: CallbackReason::TooManyTries });
        }
    }

    #[test]
    fn nobody_accepting_falls_back_to_callback() {
        assert_eq!(after_dial(Lang::Fr, "autre", "completed"), None);
        for status in ["no-answer", "busy", "failed", "canceled", ""] {
            assert_eq!(after_dial(Lang::Fr, "autre", status), Some(Action::Callback { lang: Lang::Fr, topic: "autre", reason: CallbackReason::NobodyAccepted }));
        }
    }

    #[test]
    fn reference_is_spelled() {
        assert_eq!(spell("R-7K2Q"), "R, 7, K, 2, Q");
        assert_eq!(menu_topic("info-verifiee"), "info-verifiee");
        assert_eq!(menu_topic("nope"), "autre");
    }
}
