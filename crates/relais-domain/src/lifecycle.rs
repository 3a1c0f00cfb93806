//! The help-request state machine. Every change to a request goes through [`apply`], which
//! checks that the change is allowed from the current state and returns the next state and
//! the events to append to the request's timeline. Storage persists both in one transaction,
//! guarded by the request's version so two concurrent changes cannot both win.

use crate::request::{AttemptResult, EventKind, Outcome, Status};
use crate::{Millis, HOUR, MINUTE};
use serde::{Deserialize, Serialize};

/// Tunable rules of the line (configurable by the operator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// How long a claimed request stays with a volunteer without any action from them.
    pub lease: Millis,
    /// Failed attempts (no answer, voicemail) after which the request closes as unreachable.
    pub max_failed_attempts: u32,
    /// Delay before the next try after the n-th failed attempt (the last one repeats).
    pub retry_delays: Vec<Millis>,
    /// How long a follow-up stays reserved for the volunteer who scheduled it, after it is due.
    pub follow_up_reserve: Millis,
    /// Topic skills are a preference that widens: a request goes first only to volunteers
    /// skilled in its topic, then, once it has been due this long, to anyone on duty who
    /// speaks its language (the timeout stage of contact-centre routing).
    pub skill_widen_after: Millis,
    /// Topics that need no particular skill (the generic "autre"): open to all at once.
    pub open_topics: Vec<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            lease: 20 * MINUTE,
            max_failed_attempts: 3,
            retry_delays: vec![30 * MINUTE, 2 * HOUR],
            follow_up_reserve: 2 * HOUR,
            skill_widen_after: 5 * MINUTE,
            open_topics: vec!["autre".to_owned()],
        }
    }
}

impl Policy {
    /// Delay before retrying after `failed` failed attempts so far (1-based).
    pub fn retry_delay(&self, failed: u32) -> Millis {
        let idx = (failed.max(1) - 1) as usize;
        self.retry_delays
            .get(idx)
            .or(self.retry_delays.last())
            .copied()
            .unwrap_or(30 * MINUTE)
    }
}

/// The part of a help request the lifecycle rules read and write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub status: Status,
    pub volunteer_id: Option<i64>,
    pub lease_until: Option<Millis>,
    /// When the request may next be taken (now for a new request; later for a retry or follow-up).
    pub due_at: Millis,
    pub failed_attempts: u32,
    /// Set by a follow-up: the volunteer the request is kept for, for a while.
    pub preferred_volunteer_id: Option<i64>,
    pub outcome: Option<Outcome>,
    /// First time someone called the person (for the wait statistics).
    pub first_callback_at: Option<Millis>,
    pub closed_at: Option<Millis>,
    /// Last contact with the person (attempt, close), the start of the retention period.
    pub last_contact_at: Millis,
}

impl Snapshot {
    /// A request that has just been received.
    pub fn new(now: Millis) -> Self {
        Snapshot {
            status: Status::Waiting,
            volunteer_id: None,
            lease_until: None,
            due_at: now,
            failed_attempts: 0,
            preferred_volunteer_id: None,
            outcome: None,
            first_callback_at: None,
            closed_at: None,
            last_contact_at: now,
        }
    }

    /// Whether `volunteer` currently holds this request.
    pub fn is_held_by(&self, volunteer: i64) -> bool {
        self.status == Status::Assigned && self.volunteer_id == Some(volunteer)
    }
}

/// A change someone (or the clock) asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// A volunteer on duty takes the request from the queue.
    Claim { volunteer: i64 },
    /// A coordinator gives the request to a volunteer (also to take it from another one).
    Assign { coordinator: i64, volunteer: i64 },
    /// The holder records a callback attempt.
    Attempt { volunteer: i64, result: AttemptResult },
    /// The holder closes the request. `follow_up_at` is required for `Outcome::FollowUp`.
    Close { volunteer: i64, outcome: Outcome, follow_up_at: Option<Millis> },
    /// The holder gives the request back to the queue.
    Release { volunteer: i64 },
    /// The holder says they are still on it (a long call): the lease starts again.
    Extend { volunteer: i64 },
    /// The clock: the holder's lease has run out.
    ExpireLease,
    /// The person cancels their own request (with reference and phone number).
    CancelByPerson,
}

/// One line on a request's timeline. `detail` is a code (an outcome, an attempt result),
/// never free text, so the timeline holds no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    pub actor_id: Option<i64>,
    pub detail: Option<String>,
}

impl Event {
    fn new(kind: EventKind, actor_id: Option<i64>, detail: Option<&str>) -> Self {
        Event { kind, actor_id, detail: detail.map(str::to_owned) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub next: Snapshot,
    pub events: Vec<Event>,
}

/// Why a change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("the request is closed")]
    Closed,
    #[error("the request is not waiting in the queue")]
    NotWaiting,
    #[error("the request is not due yet")]
    NotDue,
    #[error("the request is not held by this volunteer")]
    NotHolder,
    #[error("the lease has not run out")]
    LeaseNotExpired,
    #[error("a follow-up needs a date in the future")]
    FollowUpNeedsFutureTime,
}

/// Applies `cmd` at instant `now` to `current`.
pub fn apply(
    current: &Snapshot,
    cmd: &Command,
    now: Millis,
    policy: &Policy,
) -> Result<Transition, TransitionError> {
    let mut next = current.clone();
    let mut events = Vec::new();
    if current.status == Status::Closed {
        return Err(TransitionError::Closed);
    }
    match *cmd {
        Command::Claim { volunteer } => {
            if current.status != Status::Waiting {
                return Err(TransitionError::NotWaiting);
            }
            if current.due_at > now {
                return Err(TransitionError::NotDue);
            }
            take(&mut next, volunteer, now, policy);
            events.push(Event::new(EventKind::Claimed, Some(volunteer), None));
        }
        Command::Assign { coordinator, volunteer } => {
            take(&mut next, volunteer, now, policy);
            let from = current.volunteer_id.filter(|_| current.status == Status::Assigned);
            let detail = from.map(|f| format!("from:{f}"));
            events.push(Event {
                kind: EventKind::Assigned,
                actor_id: Some(coordinator),
                detail: Some(match detail {
                    Some(d) => format!("to:{volunteer};{d}"),
                    None => format!("to:{volunteer}"),
                }),
            });
        }
        Command::Attempt { volunteer, result } => {
            holder(current, volunteer)?;
            next.first_callback_at.get_or_insert(now);
            next.last_contact_at = now;
            events.push(Event::new(EventKind::Attempt, Some(volunteer), Some(result.as_str())));
            match result {
                AttemptResult::Reached => next.lease_until = Some(now + policy.lease),
                // A wrong number will not become right by trying again.
                AttemptResult::WrongNumber => {
                    close(&mut next, Outcome::Unreachable, now);
                    events.push(Event::new(EventKind::Closed, Some(volunteer), Some("unreachable")));
                }
                AttemptResult::NoAnswer | AttemptResult::Voicemail => {
                    next.failed_attempts += 1;
                    if next.failed_attempts >= policy.max_failed_attempts {
                        close(&mut next, Outcome::Unreachable, now);
                        events.push(Event::new(EventKind::Closed, None, Some("unreachable")));
                    } else {
                        let due = now + policy.retry_delay(next.failed_attempts);
                        back_to_queue(&mut next, due);
                        events.push(Event::new(EventKind::Rescheduled, None, None));
                    }
                }
            }
        }
        Command::Close { volunteer, outcome, follow_up_at } => {
            holder(current, volunteer)?;
            next.last_contact_at = now;
            if outcome == Outcome::FollowUp {
                let at = follow_up_at
                    .filter(|at| *at > now)
                    .ok_or(TransitionError::FollowUpNeedsFutureTime)?;
                back_to_queue(&mut next, at);
                next.preferred_volunteer_id = Some(volunteer);
                next.failed_attempts = 0;
                events.push(Event::new(EventKind::FollowUpScheduled, Some(volunteer), None));
            } else {
                close(&mut next, outcome, now);
                events.push(Event::new(EventKind::Closed, Some(volunteer), Some(outcome.as_str())));
            }
        }
        Command::Release { volunteer } => {
            holder(current, volunteer)?;
            back_to_queue(&mut next, current.due_at.min(now));
            events.push(Event::new(EventKind::Released, Some(volunteer), None));
        }
        Command::Extend { volunteer } => {
            holder(current, volunteer)?;
            next.lease_until = Some(now + policy.lease);
            events.push(Event::new(EventKind::LeaseExtended, Some(volunteer), None));
        }
        Command::ExpireLease => {
            if current.status != Status::Assigned {
                return Err(TransitionError::NotWaiting);
            }
            if current.lease_until.is_some_and(|l| l > now) {
                return Err(TransitionError::LeaseNotExpired);
            }
            let was = current.volunteer_id;
            back_to_queue(&mut next, current.due_at.min(now));
            events.push(Event { kind: EventKind::LeaseExpired, actor_id: None, detail: was.map(|v| format!("from:{v}")) });
        }
        Command::CancelByPerson => {
            close(&mut next, Outcome::Cancelled, now);
            events.push(Event::new(EventKind::CancelledByPerson, None, None));
        }
    }
    Ok(Transition { next, events })
}

fn holder(current: &Snapshot, volunteer: i64) -> Result<(), TransitionError> {
    if current.is_held_by(volunteer) { Ok(()) } else { Err(TransitionError::NotHolder) }
}

fn take(next: &mut Snapshot, volunteer: i64, now: Millis, policy: &Policy) {
    next.status = Status::Assigned;
    next.volunteer_id = Some(volunteer);
    next.lease_until = Some(now + policy.lease);
}

fn back_to_queue(next: &mut Snapshot, due_at: Millis) {
    next.status = Status::Waiting;
    next.volunteer_id = None;
    next.lease_until = None;
    next.due_at = due_at;
}

fn close(next: &mut Snapshot, outcome: Outcome, now: Millis) {
    next.status = Status::Closed;
    next.lease_until = None;
    next.outcome = Some(outcome);
    next.closed_at = Some(now);
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Millis = 1_700_000_000_000;
    const V: i64 = 7;
    const OTHER: i64 = 8;

    fn policy() -> Policy {
        Policy::default()
    }

    fn claimed() -> Snapshot {
        apply(&Snapshot::new(T0), &Command::Claim { volunteer: V }, T0 + 1000, &policy()).unwrap().next
    }

    fn kinds(t: &Transition) -> Vec<EventKind> {
        t.events.iter().map(|e| e.kind).collect()
    }

    #[test]
    fn claim_gives_the_request_to_one_volunteer_under_a_lease() {
        let t = apply(&Snapshot::new(T0), &Command::Claim { volunteer: V }, T0 + 5, &policy()).unwrap();
        assert_eq!(t.next.status, Status::Assigned);
        assert_eq!(t.next.volunteer_id, Some(V));
        assert_eq!(t.next.lease_until, Some(T0 + 5 + policy().lease));
        assert_eq!(kinds(&t), vec![EventKind::Claimed]);
    }

    #[test]
    fn a_held_request_cannot_be_claimed_again() {
        let err = apply(&claimed(), &Command::Claim { volunteer: OTHER }, T0 + 2000, &policy()).unwrap_err();
        assert_eq!(err, TransitionError::NotWaiting);
    }

    #[test]
    fn a_request_due_later_cannot_be_claimed_yet() {
        let mut s = Snapshot::new(T0);
        s.due_at = T0 + HOUR;
        let err = apply(&s, &Command::Claim { volunteer: V }, T0, &policy()).unwrap_err();
        assert_eq!(err, TransitionError::NotDue);
    }

    #[test]
    fn reached_attempt_keeps_the_request_and_renews_the_lease() {
        let now = T0 + 10 * MINUTE;
        let t = apply(&claimed(), &Command::Attempt { volunteer: V, result: AttemptResult::Reached }, now, &policy()).unwrap();
        assert_eq!(t.next.status, Status::Assigned);
        assert_eq!(t.next.lease_until, Some(now + policy().lease));
        assert_eq!(t.next.first_callback_at, Some(now));
        assert_eq!(kinds(&t), vec![EventKind::Attempt]);
    }

    #[test]
    fn failed_attempt_reschedules_with_the_configured_delay() {
        let now = T0 + MINUTE;
        let t = apply(&claimed(), &Command::Attempt { volunteer: V, result: AttemptResult::NoAnswer }, now, &policy()).unwrap();
        assert_eq!(t.next.status, Status::Waiting);
        assert_eq!(t.next.volunteer_id, None);
        assert_eq!(t.next.failed_attempts, 1);
        assert_eq!(t.next.due_at, now + 30 * MINUTE);
        assert_eq!(kinds(&t), vec![EventKind::Attempt, EventKind::Rescheduled]);
    }

    #[test]
    fn failed_attempts_finally_close_as_unreachable() {
        let p = policy();
        let mut s = Snapshot::new(T0);
        let mut now = T0;
        for i in 1..=p.max_failed_attempts {
            s = apply(&s, &Command::Claim { volunteer: V }, now, &p).unwrap().next;
            let t = apply(&s, &Command::Attempt { volunteer: V, result: AttemptResult::Voicemail }, now, &p).unwrap();
            s = t.next.clone();
            if i < p.max_failed_attempts {
                assert_eq!(s.status, Status::Waiting, "after attempt {i}");
                assert_eq!(s.due_at, now + p.retry_delay(i));
                now = s.due_at;
            } else {
                assert_eq!(s.status, Status::Closed);
                assert_eq!(s.outcome, Some(Outcome::Unreachable));
                assert_eq!(kinds(&t), vec![EventKind::Attempt, EventKind::Closed]);
            }
        }
        // The second retry used the second delay.
        assert_eq!(p.retry_delay(2), 2 * HOUR);
        assert_eq!(p.retry_delay(9), 2 * HOUR);
    }

    #[test]
    fn wrong_number_closes_at_once() {
        let t = apply(&claimed(), &Command::Attempt { volunteer: V, result: AttemptResult::WrongNumber }, T0 + MINUTE, &policy()).unwrap();
        assert_eq!(t.next.status, Status::Closed);
        assert_eq!(t.next.outcome, Some(Outcome::Unreachable));
    }

    #[test]
    fn only_the_holder_may_record_attempts_close_or_release() {
        let s = claimed();
        for cmd in [
            Command::Attempt { volunteer: OTHER, result: AttemptResult::Reached },
            Command::Close { volunteer: OTHER, outcome: Outcome::Resolved, follow_up_at: None },
            Command::Release { volunteer: OTHER },
        ] {
            assert_eq!(apply(&s, &cmd, T0 + MINUTE, &policy()).unwrap_err(), TransitionError::NotHolder, "{cmd:?}");
        }
    }

    #[test]
    fn close_with_each_final_outcome() {
        for outcome in Outcome::ALL.iter().copied().filter(|o| *o != Outcome::FollowUp) {
            let t = apply(&claimed(), &Command::Close { volunteer: V, outcome, follow_up_at: None }, T0 + MINUTE, &policy()).unwrap();
            assert_eq!(t.next.status, Status::Closed);
            assert_eq!(t.next.outcome, Some(outcome));
            assert_eq!(t.next.closed_at, Some(T0 + MINUTE));
            assert_eq!(t.events[0].detail.as_deref(), Some(outcome.as_str()));
        }
    }

    #[test]
    fn follow_up_returns_to_the_queue_for_the_same_volunteer() {
        let at = T0 + 2 * crate::DAY;
        let t = apply(&claimed(), &Command::Close { volunteer: V, outcome: Outcome::FollowUp, follow_up_at: Some(at) }, T0 + MINUTE, &policy()).unwrap();
        assert_eq!(t.next.status, Status::Waiting);
        assert_eq!(t.next.due_at, at);
        assert_eq!(t.next.preferred_volunteer_id, Some(V));
        assert_eq!(kinds(&t), vec![EventKind::FollowUpScheduled]);
    }

    #[test]
    fn follow_up_needs_a_future_time() {
        for at in [None, Some(T0)] {
            let cmd = Command::Close { volunteer: V, outcome: Outcome::FollowUp, follow_up_at: at };
            assert_eq!(apply(&claimed(), &cmd, T0 + MINUTE, &policy()).unwrap_err(), TransitionError::FollowUpNeedsFutureTime);
        }
    }

    #[test]
    fn release_puts_the_request_back_due_now() {
        let t = apply(&claimed(), &Command::Release { volunteer: V }, T0 + MINUTE, &policy()).unwrap();
        assert_eq!(t.next.status, Status::Waiting);
        assert_eq!(t.next.volunteer_id, None);
        assert!(t.next.due_at <= T0 + MINUTE);
        assert_eq!(kinds(&t), vec![EventKind::Released]);
    }

    #[test]
    fn the_holder_extends_the_lease() {
        let s = claimed();
        let later = T0 + 15 * MINUTE;
        let t = apply(&s, &Command::Extend { volunteer: V }, later, &policy()).unwrap();
        assert_eq!(t.next.lease_until, Some(later + policy().lease));
        assert_eq!(t.next.status, Status::Assigned);
        assert_eq!(apply(&s, &Command::Extend { volunteer: OTHER }, later, &policy()).unwrap_err(), TransitionError::NotHolder);
    }

    #[test]
    fn lease_expiry_only_after_the_lease() {
        let s = claimed();
        let lease_end = s.lease_until.unwrap();
        assert_eq!(apply(&s, &Command::ExpireLease, lease_end - 1, &policy()).unwrap_err(), TransitionError::LeaseNotExpired);
        let t = apply(&s, &Command::ExpireLease, lease_end, &policy()).unwrap();
        assert_eq!(t.next.status, Status::Waiting);
        assert_eq!(t.events[0].kind, EventKind::LeaseExpired);
        assert_eq!(t.events[0].detail.as_deref(), Some("from:7"));
    }

    #[test]
    fn coordinator_reassigns_from_one_volunteer_to_another() {
        let t = apply(&claimed(), &Command::Assign { coordinator: 1, volunteer: OTHER }, T0 + MINUTE, &policy()).unwrap();
        assert!(t.next.is_held_by(OTHER));
        assert_eq!(t.events[0].detail.as_deref(), Some("to:8;from:7"));
    }

    #[test]
    fn person_cancels_while_waiting_or_assigned_but_not_once_closed() {
        for s in [Snapshot::new(T0), claimed()] {
            let t = apply(&s, &Command::CancelByPerson, T0 + MINUTE, &policy()).unwrap();
            assert_eq!(t.next.outcome, Some(Outcome::Cancelled));
            let again = apply(&t.next, &Command::CancelByPerson, T0 + 2 * MINUTE, &policy());
            assert_eq!(again.unwrap_err(), TransitionError::Closed);
        }
    }
}
