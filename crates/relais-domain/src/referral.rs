//! Orientation (referral) of a person to a place, as a state machine (issue 6).
//!
//! ```text
//! sent ──accept──▶ accepted ──done──▶ done
//!   │                  └────no_show──▶ no_show
//!   ├──refuse──▶ refused
//!   └──expire──▶ expired      (only from sent, only once the delay has passed)
//! ```
//!
//! Who may move a referral: the place itself (through a one-time link sent to its e-mail),
//! the person who sent it (only when the place has no e-mail: the place was phoned and the
//! sender records its answer), a coordinator (any time, e.g. after a phone call), and the
//! system (expiry only). [`apply`] is the only place that decides; storage persists the next
//! state and the event in one transaction, guarded by the row's version.

use crate::{Millis, DAY};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a referral is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Sent,
    Accepted,
    Refused,
    Expired,
    Done,
    NoShow,
}

impl State {
    pub const ALL: &'static [State] = &[State::Sent, State::Accepted, State::Refused, State::Expired, State::Done, State::NoShow];

    /// Stable code (database, API, translation keys `referral-state-<code>`).
    pub fn as_str(self) -> &'static str {
        match self {
            State::Sent => "sent",
            State::Accepted => "accepted",
            State::Refused => "refused",
            State::Expired => "expired",
            State::Done => "done",
            State::NoShow => "no_show",
        }
    }

    /// No transition leaves this state.
    pub fn is_final(self) -> bool {
        matches!(self, State::Refused | State::Expired | State::Done | State::NoShow)
    }

    /// The timeline event written when a referral enters this state (`referral_<code>`).
    pub fn event(self) -> &'static str {
        match self {
            State::Sent => "referral_sent",
            State::Accepted => "referral_accepted",
            State::Refused => "referral_refused",
            State::Expired => "referral_expired",
            State::Done => "referral_done",
            State::NoShow => "referral_no_show",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for State {
    type Err = crate::request::UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        State::ALL
            .iter()
            .copied()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| crate::request::UnknownCode { kind: "ReferralState", code: s.to_owned() })
    }
}

impl TryFrom<String> for State {
    type Error = crate::request::UnknownCode;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// Timeline event codes of referrals (codes only: no name, no place, no address).
pub const EVENTS: &[&str] =
    &["referral_sent", "referral_accepted", "referral_refused", "referral_expired", "referral_done", "referral_no_show"];

/// Who asks for a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The place, through a one-time link sent to its e-mail.
    Place,
    /// The volunteer or partner who sent the referral (account id).
    Sender(i64),
    /// A coordinator or administrator.
    Coordinator(i64),
    /// The jobs (expiry).
    System,
}

/// What can be asked of a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Accept,
    Refuse,
    /// The person came.
    Done,
    /// The person did not come.
    NoShow,
    /// The delay passed without an answer.
    Expire,
}

impl Command {
    /// `accept`, `refuse`, `done`, `no_show` (the forms' values); `expire` is the jobs' only.
    pub fn from_form(s: &str) -> Option<Command> {
        match s {
            "accept" => Some(Command::Accept),
            "refuse" => Some(Command::Refuse),
            "done" => Some(Command::Done),
            "no_show" => Some(Command::NoShow),
            _ => None,
        }
    }
}

/// The part of a referral the rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub state: State,
    /// Account that sent it.
    pub sender_id: i64,
    /// The place has an e-mail: it answers through its links, not the sender.
    pub place_has_email: bool,
    pub sent_at: Millis,
    /// When an unanswered referral expires ([`Policy::expires_at`] of `sent_at`).
    pub expires_at: Millis,
}

/// Tunables (the operator's options).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// An unanswered referral expires this long after it was sent (`--referral-expiry-days`).
    pub expiry: Millis,
    /// The place gets a reminder this long before expiry.
    pub remind_before: Millis,
    /// After acceptance, how long the place's "did the person come?" link stays valid.
    pub outcome_link_valid: Millis,
    /// Personal data of a finished referral is erased this long after it finished.
    pub retention: Millis,
}

pub const DEFAULT_EXPIRY_DAYS: u32 = 30;

impl Default for Policy {
    fn default() -> Self {
        Policy {
            expiry: DEFAULT_EXPIRY_DAYS as Millis * DAY,
            remind_before: 7 * DAY,
            outcome_link_valid: 90 * DAY,
            retention: crate::retention::DEFAULT_RETENTION,
        }
    }
}

impl Policy {
    /// Expiry after `days` (at least one day), the rest default.
    pub fn with_expiry_days(days: u32) -> Policy {
        Policy { expiry: days.max(1) as Millis * DAY, ..Policy::default() }
    }

    pub fn expires_at(&self, sent_at: Millis) -> Millis {
        sent_at + self.expiry
    }

    /// When the reminder goes: `remind_before` ahead of expiry, but never before half of the
    /// delay has passed (a short delay would otherwise remind at once).
    pub fn reminder_at(&self, sent_at: Millis) -> Millis {
        let expires = self.expires_at(sent_at);
        (expires - self.remind_before).max(sent_at + self.expiry / 2)
    }

    /// Whether a referral is due for its (single) reminder at `now`.
    pub fn reminder_due(&self, s: &Snapshot, reminded: bool, now: Millis) -> bool {
        s.state == State::Sent && s.place_has_email && !reminded && now >= self.reminder_at(s.sent_at) && now < s.expires_at
    }

    /// Finished referrals whose end is before this instant are anonymised.
    pub fn anonymise_cutoff(&self, now: Millis) -> Millis {
        now - self.retention
    }

    /// How long the link sent to the place for `purpose` is valid, from `issued_at`.
    pub fn link_expires_at(&self, purpose: LinkPurpose, issued_at: Millis, referral_expires_at: Millis) -> Millis {
        match purpose {
            // The answer link dies with the referral: after expiry there is nothing to accept.
            LinkPurpose::Answer => referral_expires_at,
            LinkPurpose::Outcome => issued_at + self.outcome_link_valid,
        }
    }
}

/// What a one-time link sent to a place is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Accept or refuse.
    Answer,
    /// Say whether the person came.
    Outcome,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Answer => "answer",
            LinkPurpose::Outcome => "outcome",
        }
    }
    pub fn parse(s: &str) -> Option<LinkPurpose> {
        match s {
            "answer" => Some(LinkPurpose::Answer),
            "outcome" => Some(LinkPurpose::Outcome),
            _ => None,
        }
    }
    /// The commands a link of this purpose may carry.
    pub fn allows(self, cmd: Command) -> bool {
        match self {
            LinkPurpose::Answer => matches!(cmd, Command::Accept | Command::Refuse),
            LinkPurpose::Outcome => matches!(cmd, Command::Done | Command::NoShow),
        }
    }
}

/// Why a change is refused (stable codes, also translation keys `referral-error-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RefusedBecause {
    #[error("not allowed from state {0}")]
    WrongState(State),
    #[error("this actor may not do that")]
    NotAllowed,
    #[error("the delay has not passed yet")]
    NotYetExpired,
    #[error("the referral has expired")]
    AlreadyExpired,
}

impl RefusedBecause {
    pub fn code(self) -> &'static str {
        match self {
            RefusedBecause::WrongState(_) => "wrong_state",
            RefusedBecause::NotAllowed => "not_allowed",
            RefusedBecause::NotYetExpired => "not_yet_expired",
            RefusedBecause::AlreadyExpired => "already_expired",
        }
    }
}

/// An allowed change: the next state, its timeline event, and whether the place should now
/// get the "did the person come?" link (after it accepted through its e-mail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub next: State,
    pub event: &'static str,
    pub send_outcome_link: bool,
}

/// Whether `actor` may ask a place's step (accept, refuse, done, no show).
fn may_answer(s: &Snapshot, actor: Actor) -> bool {
    match actor {
        Actor::Place => s.place_has_email,
        // A place without e-mail was phoned: its sender records what it said.
        Actor::Sender(id) => !s.place_has_email && id == s.sender_id,
        Actor::Coordinator(_) => true,
        Actor::System => false,
    }
}

/// Decides `cmd` by `actor` on `s` at `now`.
pub fn apply(s: &Snapshot, actor: Actor, cmd: Command, now: Millis) -> Result<Transition, RefusedBecause> {
    let next = match (s.state, cmd) {
        (State::Sent, Command::Expire) => {
            if actor != Actor::System {
                return Err(RefusedBecause::NotAllowed);
            }
            if now < s.expires_at {
                return Err(RefusedBecause::NotYetExpired);
            }
            State::Expired
        }
        (_, Command::Expire) => return Err(RefusedBecause::WrongState(s.state)),
        (State::Sent, Command::Accept | Command::Refuse) => {
            if !may_answer(s, actor) {
                return Err(RefusedBecause::NotAllowed);
            }
            // Past the delay the referral is (or is about to be) expired: too late to answer.
            if now >= s.expires_at {
                return Err(RefusedBecause::AlreadyExpired);
            }
            if cmd == Command::Accept { State::Accepted } else { State::Refused }
        }
        (State::Accepted, Command::Done | Command::NoShow) => {
            if !may_answer(s, actor) {
                return Err(RefusedBecause::NotAllowed);
            }
            if cmd == Command::Done { State::Done } else { State::NoShow }
        }
        (st, _) => return Err(RefusedBecause::WrongState(st)),
    };
    Ok(Transition { next, event: next.event(), send_outcome_link: next == State::Accepted && actor == Actor::Place })
}

/// Checks a referral about to be sent: consent is required (the person agreed that their
/// first name and need go to the place).
pub fn check_new(consent: bool) -> Result<(), &'static str> {
    if consent { Ok(()) } else { Err("consent") }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Millis = 1_000 * DAY;

    fn snap(state: State, email: bool) -> Snapshot {
        let p = Policy::default();
        Snapshot { state, sender_id: 7, place_has_email: email, sent_at: T0, expires_at: p.expires_at(T0) }
    }

    fn ok(s: &Snapshot, a: Actor, c: Command) -> State {
        apply(s, a, c, T0 + DAY).unwrap().next
    }

    #[test]
    fn the_place_accepts_or_refuses_a_sent_referral() {
        let s = snap(State::Sent, true);
        let t = apply(&s, Actor::Place, Command::Accept, T0 + DAY).unwrap();
        assert_eq!(t, Transition { next: State::Accepted, event: "referral_accepted", send_outcome_link: true });
        assert_eq!(ok(&s, Actor::Place, Command::Refuse), State::Refused);
        assert_eq!(apply(&s, Actor::Place, Command::Refuse, T0).unwrap().event, "referral_refused");
    }

    #[test]
    fn an_accepted_referral_ends_done_or_no_show() {
        let s = snap(State::Accepted, true);
        let t = apply(&s, Actor::Place, Command::Done, T0 + DAY).unwrap();
        assert_eq!((t.next, t.event, t.send_outcome_link), (State::Done, "referral_done", false));
        assert_eq!(apply(&s, Actor::Place, Command::NoShow, T0).unwrap().event, "referral_no_show");
        // The outcome may come after the answer delay: the person may go weeks later.
        assert_eq!(apply(&s, Actor::Place, Command::Done, T0 + 60 * DAY).unwrap().next, State::Done);
    }

    #[test]
    fn only_the_system_expires_and_only_a_sent_referral_past_its_delay() {
        let s = snap(State::Sent, true);
        let at = s.expires_at;
        assert_eq!(apply(&s, Actor::System, Command::Expire, at).unwrap().next, State::Expired);
        assert_eq!(apply(&s, Actor::System, Command::Expire, at).unwrap().event, "referral_expired");
        assert_eq!(apply(&s, Actor::System, Command::Expire, at - 1), Err(RefusedBecause::NotYetExpired));
        assert_eq!(apply(&s, Actor::Coordinator(1), Command::Expire, at), Err(RefusedBecause::NotAllowed));
        assert_eq!(apply(&s, Actor::Place, Command::Expire, at), Err(RefusedBecause::NotAllowed));
        for st in [State::Accepted, State::Refused, State::Expired, State::Done, State::NoShow] {
            assert_eq!(apply(&snap(st, true), Actor::System, Command::Expire, at + DAY), Err(RefusedBecause::WrongState(st)), "{st}");
        }
    }

    #[test]
    fn answering_after_the_delay_is_refused() {
        let s = snap(State::Sent, true);
        assert_eq!(apply(&s, Actor::Place, Command::Accept, s.expires_at), Err(RefusedBecause::AlreadyExpired));
        assert_eq!(apply(&s, Actor::Place, Command::Refuse, s.expires_at + 1), Err(RefusedBecause::AlreadyExpired));
    }

    #[test]
    fn final_states_accept_nothing() {
        for st in State::ALL.iter().copied().filter(|s| s.is_final()) {
            for c in [Command::Accept, Command::Refuse, Command::Done, Command::NoShow, Command::Expire] {
                assert_eq!(apply(&snap(st, true), Actor::Coordinator(1), c, T0), Err(RefusedBecause::WrongState(st)), "{st} {c:?}");
            }
        }
    }

    #[test]
    fn steps_out_of_order_are_refused() {
        let sent = snap(State::Sent, true);
        assert_eq!(apply(&sent, Actor::Place, Command::Done, T0), Err(RefusedBecause::WrongState(State::Sent)));
        assert_eq!(apply(&sent, Actor::Place, Command::NoShow, T0), Err(RefusedBecause::WrongState(State::Sent)));
        let acc = snap(State::Accepted, true);
        assert_eq!(apply(&acc, Actor::Place, Command::Accept, T0), Err(RefusedBecause::WrongState(State::Accepted)));
        assert_eq!(apply(&acc, Actor::Place, Command::Refuse, T0), Err(RefusedBecause::WrongState(State::Accepted)));
    }

    #[test]
    fn the_sender_records_the_answer_only_for_a_place_without_e_mail() {
        let phoned = snap(State::Sent, false);
        assert_eq!(ok(&phoned, Actor::Sender(7), Command::Accept), State::Accepted);
        // No link to send: the place has no e-mail.
        assert!(!apply(&phoned, Actor::Sender(7), Command::Accept, T0).unwrap().send_outcome_link);
        assert_eq!(ok(&snap(State::Accepted, false), Actor::Sender(7), Command::NoShow), State::NoShow);
        // Another account is not the sender.
        assert_eq!(apply(&phoned, Actor::Sender(8), Command::Accept, T0), Err(RefusedBecause::NotAllowed));
        // A place with e-mail answers itself.
        assert_eq!(apply(&snap(State::Sent, true), Actor::Sender(7), Command::Accept, T0), Err(RefusedBecause::NotAllowed));
        // And a place without e-mail has no link.
        assert_eq!(apply(&phoned, Actor::Place, Command::Accept, T0), Err(RefusedBecause::NotAllowed));
        assert_eq!(apply(&phoned, Actor::System, Command::Accept, T0), Err(RefusedBecause::NotAllowed));
    }

    #[test]
    fn a_coordinator_may_record_any_step() {
        assert_eq!(ok(&snap(State::Sent, true), Actor::Coordinator(1), Command::Refuse), State::Refused);
        assert_eq!(ok(&snap(State::Accepted, true), Actor::Coordinator(1), Command::Done), State::Done);
        assert!(!apply(&snap(State::Sent, true), Actor::Coordinator(1), Command::Accept, T0).unwrap().send_outcome_link);
    }

    #[test]
    fn reminder_once_before_expiry_and_only_when_there_is_an_address() {
        let p = Policy::default();
        let s = snap(State::Sent, true);
        assert_eq!(p.reminder_at(T0), T0 + 23 * DAY);
        assert!(!p.reminder_due(&s, false, T0 + 23 * DAY - 1));
        assert!(p.reminder_due(&s, false, T0 + 23 * DAY));
        assert!(!p.reminder_due(&s, true, T0 + 23 * DAY));
        assert!(!p.reminder_due(&s, false, s.expires_at));
        assert!(!p.reminder_due(&snap(State::Accepted, true), false, T0 + 25 * DAY));
        assert!(!p.reminder_due(&snap(State::Sent, false), false, T0 + 25 * DAY));
        // A short delay reminds at half-time, not at once.
        let short = Policy::with_expiry_days(2);
        assert_eq!(short.reminder_at(T0), T0 + DAY);
    }

    #[test]
    fn links_expire_with_the_referral_or_after_the_outcome_delay() {
        let p = Policy::default();
        assert_eq!(p.link_expires_at(LinkPurpose::Answer, T0, T0 + 30 * DAY), T0 + 30 * DAY);
        assert_eq!(p.link_expires_at(LinkPurpose::Outcome, T0 + DAY, T0 + 30 * DAY), T0 + 91 * DAY);
        assert!(LinkPurpose::Answer.allows(Command::Accept) && LinkPurpose::Answer.allows(Command::Refuse));
        assert!(!LinkPurpose::Answer.allows(Command::Done) && !LinkPurpose::Answer.allows(Command::Expire));
        assert!(LinkPurpose::Outcome.allows(Command::NoShow) && !LinkPurpose::Outcome.allows(Command::Accept));
    }

    #[test]
    fn anonymisation_cutoff_and_consent() {
        let p = Policy { retention: 10 * DAY, ..Policy::default() };
        assert_eq!(p.anonymise_cutoff(T0), T0 - 10 * DAY);
        assert_eq!(check_new(false), Err("consent"));
        assert!(check_new(true).is_ok());
        assert_eq!(Policy::with_expiry_days(0).expiry, DAY);
    }

    #[test]
    fn codes_round_trip() {
        for s in State::ALL {
            assert_eq!(s.as_str().parse::<State>().unwrap(), *s);
            assert!(EVENTS.contains(&s.event()));
        }
        assert!("maybe".parse::<State>().is_err());
        assert_eq!(Command::from_form("no_show"), Some(Command::NoShow));
        assert_eq!(Command::from_form("expire"), None);
    }
}
