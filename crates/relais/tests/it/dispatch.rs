//! Take-next through the API: order, language, skills, duty.

use crate::support::*;
use relais_domain::request::Urgency;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn most_urgent_then_oldest_in_a_language_the_volunteer_speaks() {
    let app = TestApp::spawn().await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr", "en"], &[]).await;
    let old = app.submit_ok(&phone(1), "impots", "fr").await;
    let arabic = app.submit_ok(&phone(2), "impots", "ar").await;
    let newer = app.submit_ok(&phone(3), "impots", "en").await;
    let urgent = app.submit(json!({"phone": phone(4), "topic": "logement", "urgent": true})).await.json::<serde_json::Value>().await.unwrap();
    let order: Vec<i64> = [
        app.next(&token).await.unwrap(),
        app.next(&token).await.unwrap(),
        app.next(&token).await.unwrap(),
    ]
    .iter()
    .map(|r| r["id"].as_i64().unwrap())
    .collect();
    assert_eq!(order, vec![urgent["id"].as_i64().unwrap(), old["id"].as_i64().unwrap(), newer["id"].as_i64().unwrap()]);
    assert!(app.next(&token).await.is_none(), "the Arabic request is not offered to a volunteer who does not speak Arabic");
    let (_, ar_token) = app.volunteer_on_duty("a@relais.test", &["ar"], &[]).await;
    assert_eq!(app.next(&ar_token).await.unwrap()["id"], arabic["id"]);
    let _ = Urgency::Urgent;
}

#[tokio::test]
async fn topic_skills_are_preferred_among_equally_urgent_requests() {
    let app = TestApp::spawn().await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &["famille-caf"]).await;
    app.submit_ok(&phone(1), "impots", "fr").await;
    let caf = app.submit_ok(&phone(2), "famille-caf", "fr").await;
    assert_eq!(app.next(&token).await.unwrap()["id"], caf["id"]);
}

#[tokio::test]
async fn taking_a_request_needs_duty_and_returns_204_when_nothing_waits() {
    let app = TestApp::spawn().await;
    app.user(relais_domain::authz::Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    let token = app.token("v@relais.test").await;
    let res = app.post_json(&token, "/api/v1/help-requests/next", json!({})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(res.json::<serde_json::Value>().await.unwrap()["code"], "not_on_duty");
    app.post_json(&token, "/api/v1/me/duty", json!({"on_duty": true})).await;
    assert!(app.next(&token).await.is_none());
}

#[tokio::test]
async fn the_holder_sees_the_phone_number_and_others_do_not() {
    let app = TestApp::spawn().await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let (_, other) = app.volunteer_on_duty("w@relais.test", &["fr"], &[]).await;
    app.user(relais_domain::authz::Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    let coord = app.token("c@relais.test").await;
    app.submit_ok("06 12 34 56 78", "impots", "fr").await;
    let taken = app.next(&token).await.unwrap();
    assert_eq!(taken["phone"], "+33612345678");
    let id = taken["id"].as_i64().unwrap();
    let res = app.get(&other, &format!("/api/v1/help-requests/{id}")).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let seen: serde_json::Value = app.get(&coord, &format!("/api/v1/help-requests/{id}")).await.json().await.unwrap();
    assert!(seen["phone"].is_null(), "coordinators see the masked number only");
    assert_eq!(seen["phone_masked"], "+33 •• •• •• 78");
}

#[tokio::test]
async fn a_coordinator_assigns_and_reassigns() {
    let app = TestApp::spawn().await;
    let (v1, t1) = app.volunteer_on_duty("v1@relais.test", &["fr"], &[]).await;
    let (v2, t2) = app.volunteer_on_duty("v2@relais.test", &["fr"], &[]).await;
    app.user(relais_domain::authz::Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    let coord = app.token("c@relais.test").await;
    let r = app.submit_ok(&phone(1), "impots", "fr").await;
    let id = r["id"].as_i64().unwrap();
    let res = app.post_json(&coord, &format!("/api/v1/help-requests/{id}/assign"), json!({"volunteer_id": v1.id})).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<serde_json::Value>().await.unwrap()["volunteer_id"], v1.id);
    let res = app.post_json(&coord, &format!("/api/v1/help-requests/{id}/assign"), json!({"volunteer_id": v2.id})).await;
    assert_eq!(res.json::<serde_json::Value>().await.unwrap()["volunteer_id"], v2.id);
    // The first volunteer no longer holds it; the second does.
    let res = app.post_json(&t1, &format!("/api/v1/help-requests/{id}/release"), json!({})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = app.post_json(&t2, &format!("/api/v1/help-requests/{id}/release"), json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let kinds: Vec<String> = app.store.timeline(id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec!["created", "assigned", "assigned", "released"]);
}
