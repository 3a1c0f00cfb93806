//! Which request a volunteer gets when they ask for the next one.
//!
//! The rule, in order:
//! 1. only requests that are waiting and due, in a language the volunteer speaks (hard rule);
//!    and, until a request has been due for `skill_widen_after`, only to volunteers skilled
//!    in its topic (a preference that widens with the wait; open topics such as "autre"
//!    need no skill);
//! 2. a follow-up is kept for the volunteer who scheduled it until `follow_up_reserve` after
//!    it is due; the volunteer it is kept for gets it first;
//! 3. then the most urgent;
//! 4. then, among equally urgent ones, a request on a topic the volunteer is skilled in;
//! 5. then the one that has waited longest (earliest due time, then earliest creation).
//!
//! Storage implements the same order in SQL so the claim stays one atomic statement; a test
//! in the store crate checks that both agree on random queues.

use crate::lifecycle::Policy;
use crate::request::{Status, Urgency};
use crate::Millis;

/// What dispatch knows about the volunteer asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Volunteer {
    pub id: i64,
    pub languages: Vec<String>,
    pub topic_skills: Vec<String>,
}

/// What dispatch knows about a request in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub status: Status,
    pub language: String,
    pub topic: String,
    pub urgency: Urgency,
    pub due_at: Millis,
    pub created_at: Millis,
    pub preferred_volunteer_id: Option<i64>,
}

/// Whether `v` may take `c` at `now`.
pub fn is_eligible(v: &Volunteer, c: &Candidate, now: Millis, policy: &Policy) -> bool {
    let kept_for_me = c.preferred_volunteer_id == Some(v.id);
    c.status == Status::Waiting
        && c.due_at <= now
        && v.languages.iter().any(|l| *l == c.language)
        && match c.preferred_volunteer_id {
            None => true,
            Some(p) => p == v.id || c.due_at + policy.follow_up_reserve <= now,
        }
        && (kept_for_me || skill_fits(v, c, now, policy))
}

/// The widening rule: skilled volunteers first, anyone once the request has waited.
pub fn skill_fits(v: &Volunteer, c: &Candidate, now: Millis, policy: &Policy) -> bool {
    v.topic_skills.iter().any(|t| *t == c.topic)
        || policy.open_topics.iter().any(|t| *t == c.topic)
        || is_widened(c, now, policy)
}

/// Whether a request has waited long enough to be offered to any volunteer on duty.
pub fn is_widened(c: &Candidate, now: Millis, policy: &Policy) -> bool {
    c.due_at + policy.skill_widen_after <= now
}

/// Ordering key: the smallest key is served first.
pub fn priority_key(v: &Volunteer, c: &Candidate) -> (i64, i64, i64, Millis, Millis, i64) {
    let kept_for_me = c.preferred_volunteer_id == Some(v.id);
    let skilled = v.topic_skills.iter().any(|t| *t == c.topic);
    (
        -(kept_for_me as i64),
        -c.urgency.rank(),
        -(skilled as i64),
        c.due_at,
        c.created_at,
        c.id,
    )
}

/// The request `v` should get next among `queue`, if any.
pub fn pick_next<'a>(v: &Volunteer, queue: &'a [Candidate], now: Millis, policy: &Policy) -> Option<&'a Candidate> {
    queue
        .iter()
        .filter(|c| is_eligible(v, c, now, policy))
        .min_by_key(|c| priority_key(v, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MINUTE;

    const NOW: Millis = 1_700_000_000_000;

    fn vol(langs: &[&str], skills: &[&str]) -> Volunteer {
        Volunteer {
            id: 1,
            languages: langs.iter().map(|s| s.to_string()).collect(),
            topic_skills: skills.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn req(id: i64, lang: &str, topic: &str, urgency: Urgency, age_min: i64) -> Candidate {
        Candidate {
            id,
            status: Status::Waiting,
            language: lang.into(),
            topic: topic.into(),
            urgency,
            due_at: NOW - age_min * MINUTE,
            created_at: NOW - age_min * MINUTE,
            preferred_volunteer_id: None,
        }
    }

    fn pick(v: &Volunteer, q: &[Candidate]) -> Option<i64> {
        pick_next(v, q, NOW, &Policy::default()).map(|c| c.id)
    }

    #[test]
    fn oldest_first_among_equals() {
        let q = [req(1, "fr", "impots", Urgency::Normal, 5), req(2, "fr", "impots", Urgency::Normal, 50)];
        assert_eq!(pick(&vol(&["fr"], &[]), &q), Some(2));
    }

    #[test]
    fn urgent_before_older() {
        let q = [req(1, "fr", "impots", Urgency::Normal, 500), req(2, "fr", "impots", Urgency::Urgent, 1)];
        assert_eq!(pick(&vol(&["fr"], &["impots"]), &q), Some(2));
    }

    #[test]
    fn language_is_a_hard_rule() {
        let q = [req(1, "ar", "impots", Urgency::Urgent, 500)];
        assert_eq!(pick(&vol(&["fr", "en"], &[]), &q), None);
        assert_eq!(pick(&vol(&["fr", "ar"], &[]), &q), Some(1));
    }

    #[test]
    fn skill_preferred_among_equally_urgent() {
        let q = [req(1, "fr", "impots", Urgency::Normal, 50), req(2, "fr", "famille-caf", Urgency::Normal, 5)];
        assert_eq!(pick(&vol(&["fr"], &["famille-caf"]), &q), Some(2));
        // but urgency beats skill (once the urgent request is open to everyone)
        let q = [req(1, "fr", "impots", Urgency::Urgent, 10), req(2, "fr", "famille-caf", Urgency::Normal, 50)];
        assert_eq!(pick(&vol(&["fr"], &["famille-caf"]), &q), Some(1));
    }

    #[test]
    fn skills_first_then_anyone_after_the_widening_wait() {
        let policy = Policy::default();
        let young = req(1, "fr", "impots", Urgency::Normal, 1);
        let unskilled = vol(&["fr"], &["famille-caf"]);
        let skilled = vol(&["fr"], &["impots"]);
        assert_eq!(pick(&unskilled, &[young.clone()]), None, "a young request waits for a skilled volunteer");
        assert_eq!(pick(&skilled, &[young.clone()]), Some(1));
        let mut widened = young.clone();
        widened.due_at = NOW - policy.skill_widen_after;
        assert_eq!(pick(&unskilled, &[widened]), Some(1), "after the widening wait anyone may take it");
        let mut just_before = young;
        just_before.due_at = NOW - policy.skill_widen_after + 1;
        assert_eq!(pick(&unskilled, &[just_before]), None);
    }

    #[test]
    fn widening_wait_is_configurable_and_zero_means_a_plain_preference() {
        let policy = Policy { skill_widen_after: 0, ..Policy::default() };
        let q = [req(1, "fr", "impots", Urgency::Normal, 0)];
        assert_eq!(pick_next(&vol(&["fr"], &[]), &q, NOW, &policy).map(|c| c.id), Some(1));
        let policy = Policy { skill_widen_after: 60 * MINUTE, ..Policy::default() };
        let q = [req(1, "fr", "impots", Urgency::Normal, 30)];
        assert_eq!(pick_next(&vol(&["fr"], &[]), &q, NOW, &policy).map(|c| c.id), None);
    }

    #[test]
    fn open_topics_need_no_skill() {
        let q = [req(1, "fr", "autre", Urgency::Normal, 0)];
        assert_eq!(pick(&vol(&["fr"], &[]), &q), Some(1));
    }

    #[test]
    fn follow_up_kept_for_me_needs_no_skill() {
        let mut f = req(1, "fr", "impots", Urgency::Normal, 0);
        f.preferred_volunteer_id = Some(1);
        assert_eq!(pick(&vol(&["fr"], &[]), &[f]), Some(1));
    }

    #[test]
    fn requests_not_yet_due_wait() {
        let mut later = req(1, "fr", "impots", Urgency::Urgent, 0);
        later.due_at = NOW + MINUTE;
        assert_eq!(pick(&vol(&["fr"], &[]), &[later]), None);
    }

    #[test]
    fn follow_up_is_kept_for_its_volunteer_then_opens_to_all() {
        let mut f = req(1, "fr", "impots", Urgency::Normal, 10);
        f.preferred_volunteer_id = Some(99);
        let other = vol(&["fr"], &[]);
        assert_eq!(pick(&other, &[f.clone()]), None);
        let mut owner = vol(&["fr"], &[]);
        owner.id = 99;
        let q = [req(2, "fr", "impots", Urgency::Urgent, 100), f.clone()];
        assert_eq!(pick(&owner, &q), Some(1), "kept-for-me comes first");
        f.due_at = NOW - Policy::default().follow_up_reserve;
        assert_eq!(pick(&other, &[f]), Some(1), "after the reserve anyone may take it");
    }

    #[test]
    fn held_or_closed_requests_are_never_offered() {
        let mut a = req(1, "fr", "impots", Urgency::Normal, 10);
        a.status = Status::Assigned;
        let mut c = req(2, "fr", "impots", Urgency::Normal, 10);
        c.status = Status::Closed;
        assert_eq!(pick(&vol(&["fr"], &[]), &[a, c]), None);
    }
}
