//! The claim query in SQL must pick exactly what `relais_domain::dispatch::pick_next`
//! picks, on random queues, on this run's database.

use crate::support::*;
use rand::{Rng, SeedableRng};
use relais_domain::dispatch::{pick_next, Candidate, Volunteer};
use relais_domain::lifecycle::{Command, Policy};
use relais_domain::request::{Channel, Status, Urgency};
use relais_store::NewHelpRequest;

#[tokio::test]
async fn sql_claim_order_equals_the_domain_rule() {
    // Requests are claimed and closed "in the past" below: their leases are already over, so
    // the lease-expiry job must not run between a claim and its close.
    let mut config = test_config();
    config.lease_check_every = std::time::Duration::from_secs(3600);
    let app = TestApp::spawn_with(config).await;
    // A widening wait of an hour leaves about a third of the queue to skilled volunteers only.
    let policy = Policy { skill_widen_after: 3_600_000, ..Policy::default() };
    let mut rng = rand::rngs::StdRng::seed_from_u64(20261124);
    let langs = ["fr", "ar", "en"];
    let topics = ["impots", "famille-caf", "logement", "autre"];
    let me = app.user(relais_domain::authz::Role::Volunteer, "me@relais.test", &["fr", "ar"], &["famille-caf"]).await;
    let other = app.user(relais_domain::authz::Role::Volunteer, "o@relais.test", &["fr"], &[]).await;
    let now = relais_web::now_ms();
    let mut candidates = Vec::new();
    for i in 0..120u32 {
        let created = now - rng.random_range(0..10_000_000);
        let new = NewHelpRequest {
            channel: Channel::Web,
            phone: e164(i),
            first_name: None,
            need: None,
            postcode: None,
            topic: topics[rng.random_range(0..topics.len())].into(),
            language: langs[rng.random_range(0..langs.len())].into(),
            callback_windows: vec![],
            sms_consent: false,
            urgency: if rng.random_bool(0.2) { Urgency::Urgent } else { Urgency::Normal },
        };
        let r = app.store.create_request(&new, created).await.unwrap();
        // Some become follow-ups kept for one volunteer or the other, due at various times.
        let r = if rng.random_bool(0.15) {
            let holder = if rng.random_bool(0.5) { me.id } else { other.id };
            app.store.transition(r.id, &Command::Claim { volunteer: holder }, created, &policy, None).await.unwrap();
            let at = now + rng.random_range(-3 * 3_600_000..600_000i64);
            let at = at.max(created + 1);
            app.store
                .transition(r.id, &Command::Close { volunteer: holder, outcome: relais_domain::request::Outcome::FollowUp, follow_up_at: Some(at) }, created, &policy, None)
                .await
                .unwrap()
        } else {
            r
        };
        candidates.push(Candidate {
            id: r.id,
            status: Status::Waiting,
            language: r.language.clone(),
            topic: r.topic.clone(),
            urgency: r.urgency(),
            due_at: r.due_at,
            created_at: r.created_at,
            preferred_volunteer_id: r.preferred_volunteer_id,
        });
    }
    let profile = Volunteer { id: me.id, languages: vec!["fr".into(), "ar".into()], topic_skills: vec!["famille-caf".into()] };
    let mut taken = 0;
    loop {
        let expected = pick_next(&profile, &candidates, now, &policy).map(|c| c.id);
        let got = app.store.claim_next(&me, now, &policy).await.unwrap().map(|r| r.id);
        assert_eq!(got, expected, "after {taken} claims");
        match got {
            None => break,
            Some(id) => {
                candidates.iter_mut().find(|c| c.id == id).unwrap().status = Status::Assigned;
                taken += 1;
            }
        }
    }
    assert!(taken > 30, "the queue exercised the rule ({taken} claims)");
}
