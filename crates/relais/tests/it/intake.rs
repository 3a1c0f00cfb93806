//! Public intake through the API: valid requests are stored and acknowledged; bad ones
//! are refused with the field named, and nothing is stored.

use crate::support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_valid_request_is_stored_and_acknowledged_with_a_reference() {
    let app = TestApp::spawn().await;
    let res = app
        .submit(json!({"phone": "06 12 34 56 78", "topic": "impots", "language": "fr", "first_name": "Marie",
                       "postcode": "75011", "callback_windows": ["morning", "evening"], "sms_consent": true}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert!(res.headers().get("location").is_some());
    let body: Value = res.json().await.unwrap();
    let reference = body["reference"].as_str().unwrap();
    assert_eq!(relais_domain::reference::normalize(reference).as_deref(), Some(reference));
    assert_eq!(body["status"], "waiting");
    // Nobody was called back yet: the estimate says there is no basis.
    assert_eq!(body["estimated_wait"]["kind"], "unknown");
    let stored = app.store.get_request(body["id"].as_i64().unwrap()).await.unwrap();
    assert_eq!(stored.phone.as_deref(), Some("+33612345678"), "stored in E.164");
    assert_eq!(stored.area.as_deref(), Some("75"));
    assert_eq!(stored.windows(), vec!["morning", "evening"]);
    assert_eq!(app.store.timeline(stored.id).await.unwrap()[0].kind, "created");
}

async fn assert_refused(app: &TestApp, body: Value, field: &str, code: &str) {
    let res = app.submit(body.clone()).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let problem: Value = res.json().await.unwrap();
    let errors = problem["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["field"] == field && e["code"] == code),
        "expected {field}/{code} in {problem}"
    );
}

#[tokio::test]
async fn bad_fields_are_named_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    assert_refused(&app, json!({"phone": "12", "topic": "impots"}), "phone", "error-phone-invalid").await;
    assert_refused(&app, json!({"phone": "call me maybe", "topic": "impots"}), "phone", "error-phone-invalid").await;
    assert_refused(&app, json!({"phone": "", "topic": "impots"}), "phone", "error-phone-missing").await;
    assert_refused(&app, json!({"phone": "0612345678", "topic": "astrologie"}), "topic", "error-topic-unknown").await;
    assert_refused(&app, json!({"phone": "0612345678", "topic": "impots", "language": "xx"}), "language", "error-language").await;
    assert_refused(&app, json!({"phone": "0612345678", "topic": "impots", "postcode": "7501"}), "postcode", "error-postcode").await;
    assert_refused(&app, json!({"phone": "0612345678", "topic": "impots", "callback_windows": ["midnight"]}), "callback_windows", "error-window").await;
    assert_refused(&app, json!({"phone": "0612345678", "topic": "impots", "need": "x".repeat(501)}), "need", "error-too-long").await;
    assert_refused(&app, json!({"topic": "impots"}), "phone", "error-invalid").await;
    assert_eq!(app.count_requests().await, 0);
}

#[tokio::test]
async fn every_bad_field_is_reported_at_once() {
    let app = TestApp::spawn().await;
    let res = app.submit(json!({"phone": "12", "topic": "nope", "postcode": "abc"})).await;
    let problem: Value = res.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["phone", "topic", "postcode"]);
}

#[tokio::test]
async fn malformed_and_oversized_bodies_are_refused_cleanly() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .post(app.url("/api/v1/help-requests"))
        .header("content-type", "application/json")
        .body("{\"phone\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let p: Value = res.json().await.unwrap();
    assert!(p["detail"].as_str().unwrap().contains("malformed JSON"), "{p}");

    let huge = json!({"phone": "0612345678", "topic": "impots", "need": "x".repeat(200_000)});
    let res = app.submit(huge).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["code"], "payload_too_large");
    assert_eq!(app.count_requests().await, 0);
}

#[tokio::test]
async fn a_second_open_request_for_the_same_number_is_refused() {
    let app = TestApp::spawn().await;
    let first = app.submit_ok("06 12 34 56 78", "impots", "fr").await;
    let res = app.submit(json!({"phone": "+33 6 12 34 56 78", "topic": "logement"})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["code"], "open_request_exists");
    assert!(!p.to_string().contains(first["reference"].as_str().unwrap()), "the reference is not revealed to whoever knows the number");
    assert_eq!(app.count_requests().await, 1);
}

#[tokio::test]
async fn public_intake_is_limited_per_address() {
    let mut config = test_config();
    config.intake_per_minute = 3;
    let app = TestApp::spawn_with(config).await;
    for i in 0..3 {
        app.submit_ok(&phone(i), "impots", "fr").await;
    }
    let res = app.submit(json!({"phone": phone(9), "topic": "impots"})).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.count_requests().await, 3);
}

#[tokio::test]
async fn wait_estimate_appears_once_callbacks_have_been_made() {
    let app = TestApp::spawn().await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    for i in 0..4 {
        app.submit_ok(&phone(i), "impots", "fr").await;
    }
    let taken = app.next(&token).await.unwrap();
    let id = taken["id"].as_i64().unwrap();
    let res = app.post_json(&token, &format!("/api/v1/help-requests/{id}/attempts"), json!({"result": "reached"})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = app.submit_ok(&phone(50), "impots", "fr").await;
    assert_eq!(body["estimated_wait"]["kind"], "minutes", "{body}");
    assert!(body["estimated_wait"]["high"].as_i64().unwrap() > body["estimated_wait"]["low"].as_i64().unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_intakes_are_each_stored_once_and_a_refused_one_spoils_no_other() {
    let app = std::sync::Arc::new(TestApp::spawn().await);
    let mut tasks = Vec::new();
    for i in 0..100u32 {
        let app = app.clone();
        // Ten people share one number: one of them gets in, nine are told it is already open.
        let number = if i % 10 == 0 { phone(999) } else { phone(i) };
        tasks.push(tokio::spawn(async move { app.submit(json!({"phone": number, "topic": "impots"})).await.status() }));
    }
    let mut created = 0;
    let mut conflicts = 0;
    for t in tasks {
        match t.await.unwrap() {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => conflicts += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((created, conflicts), (91, 9));
    assert_eq!(app.count_requests().await, 91);
}
