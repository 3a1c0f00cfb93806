//! The life of a request over HTTP: attempts, retries, close, follow-up, release, lease
//! expiry, cancellation by the person.

use crate::support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

fn kinds(events: Vec<relais_store::TimelineEvent>) -> Vec<String> {
    events.into_iter().map(|e| e.kind).collect()
}

#[tokio::test]
async fn failed_attempts_reschedule_then_close_as_unreachable() {
    let mut config = test_config();
    config.policy.max_failed_attempts = 3;
    config.policy.retry_delays = vec![0];
    let app = TestApp::spawn_with(config).await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let id = app.submit_ok(&phone(1), "impots", "fr").await["id"].as_i64().unwrap();
    for attempt in 1..=3 {
        let taken = app.next(&token).await.expect("due again after a failed attempt");
        assert_eq!(taken["id"].as_i64().unwrap(), id);
        let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/attempts"), json!({"result": "no_answer"})).await;
        assert_eq!(res.status(), StatusCode::OK);
        let state: Value = res.json().await.unwrap();
        assert_eq!(state["failed_attempts"], attempt);
        if attempt < 3 {
            assert_eq!(state["status"], "waiting");
        } else {
            assert_eq!(state["status"], "closed");
            assert_eq!(state["outcome"], "unreachable");
        }
    }
    assert!(app.next(&token).await.is_none());
    let k = kinds(app.store.timeline(id).await.unwrap());
    assert_eq!(k.iter().filter(|k| *k == "attempt").count(), 3);
    assert_eq!(k.iter().filter(|k| *k == "rescheduled").count(), 2);
    assert_eq!(k.last().unwrap(), "closed");
}

#[tokio::test]
async fn a_failed_attempt_waits_for_its_retry_time() {
    let app = TestApp::spawn().await; // default: 30 minutes before the next try
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let id = app.submit_ok(&phone(1), "impots", "fr").await["id"].as_i64().unwrap();
    app.next(&token).await.unwrap();
    let state: Value = app.post_json(&token, &format!("/api/v1/help-requests/{id}/attempts"), json!({"result": "voicemail"})).await.json().await.unwrap();
    assert_eq!(state["status"], "waiting");
    let due = state["due_at"].as_i64().unwrap();
    assert!(due >= relais_web::now_ms() + 29 * 60_000, "retry is 30 minutes later");
    assert!(app.next(&token).await.is_none(), "not due yet");
}

#[tokio::test]
async fn close_with_outcome_and_note() {
    let app = TestApp::spawn().await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let id = app.submit_ok(&phone(1), "impots", "fr").await["id"].as_i64().unwrap();
    app.next(&token).await.unwrap();
    app.post_json(&token, &format!("/api/v1/help-requests/{id}/attempts"), json!({"result": "reached"})).await;
    let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/close"), json!({"outcome": "resolved", "note": "Déclaration faite ensemble"})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let stored = app.store.get_request(id).await.unwrap();
    assert_eq!(stored.outcome.as_deref(), Some("resolved"));
    assert_eq!(stored.note.as_deref(), Some("Déclaration faite ensemble"));
    assert_eq!(kinds(app.store.timeline(id).await.unwrap()), vec!["created", "claimed", "attempt", "closed"]);
    // Closed is final.
    let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/close"), json!({"outcome": "resolved"})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/close"), json!({"outcome": "maybe"})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn follow_up_returns_to_the_same_volunteer_first() {
    let app = TestApp::spawn().await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let (_, other) = app.volunteer_on_duty("w@relais.test", &["fr"], &[]).await;
    let id = app.submit_ok(&phone(1), "impots", "fr").await["id"].as_i64().unwrap();
    app.next(&token).await.unwrap();
    let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/close"), json!({"outcome": "follow_up"})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a follow-up needs a time");
    let at = relais_web::now_ms() + 1500;
    let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/close"), json!({"outcome": "follow_up", "follow_up_at": at})).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(app.next(&token).await.is_none(), "not before the chosen time");
    tokio::time::sleep(Duration::from_millis(1700)).await;
    assert!(app.next(&other).await.is_none(), "kept for the volunteer who scheduled it");
    assert_eq!(app.next(&token).await.unwrap()["id"].as_i64().unwrap(), id);
}

#[tokio::test]
async fn release_puts_the_request_back_for_others() {
    let app = TestApp::spawn().await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let (_, other) = app.volunteer_on_duty("w@relais.test", &["fr"], &[]).await;
    let id = app.submit_ok(&phone(1), "impots", "fr").await["id"].as_i64().unwrap();
    app.next(&token).await.unwrap();
    assert!(app.next(&other).await.is_none(), "held by one volunteer only");
    let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/release"), json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.next(&other).await.unwrap()["id"].as_i64().unwrap(), id);
}

#[tokio::test]
async fn an_expired_lease_returns_the_request_to_the_queue() {
    let mut config = test_config();
    config.policy.lease = 600;
    let app = TestApp::spawn_with(config).await;
    let (v, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let (_, other) = app.volunteer_on_duty("w@relais.test", &["fr"], &[]).await;
    let id = app.submit_ok(&phone(1), "impots", "fr").await["id"].as_i64().unwrap();
    app.next(&token).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let taken = app.next(&other).await.expect("back in the queue after the lease ran out");
    assert_eq!(taken["id"].as_i64().unwrap(), id);
    let events = app.store.timeline(id).await.unwrap();
    let expired = events.iter().find(|e| e.kind == "lease_expired").expect("a lease_expired event");
    assert_eq!(expired.detail.as_deref(), Some(format!("from:{}", v.id).as_str()));
    // The first volunteer can no longer act on it.
    let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/attempts"), json!({"result": "reached"})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_holder_extends_a_lease_during_a_long_call() {
    let mut config = test_config();
    config.policy.lease = 1500;
    let app = TestApp::spawn_with(config).await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let (_, other) = app.volunteer_on_duty("w@relais.test", &["fr"], &[]).await;
    let id = app.submit_ok(&phone(1), "impots", "fr").await["id"].as_i64().unwrap();
    app.next(&token).await.unwrap();
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(800)).await;
        let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/extend"), json!({})).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    // 2.4 s after the claim, well past one lease, the request is still held.
    assert!(app.next(&other).await.is_none());
    assert_eq!(app.store.get_request(id).await.unwrap().status.as_str(), "assigned");
    let res = app.post_json(&other, &format!("/api/v1/help-requests/{id}/extend"), json!({})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "only the holder extends");
}
