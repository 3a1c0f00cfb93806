//! Health, metrics, OpenAPI, security headers, statistics.

use crate::support::*;
use relais_domain::authz::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn healthz_checks_the_database() {
    let app = TestApp::spawn().await;
    let res = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    app.store.close().await;
    let res = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client.get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/topics", "/api/v1/help-requests", "/api/v1/help-requests/next", "/api/v1/help-requests/{id}",
        "/api/v1/help-requests/{id}/attempts", "/api/v1/help-requests/{id}/close", "/api/v1/help-requests/{id}/release",
        "/api/v1/help-requests/{id}/assign", "/api/v1/auth/token", "/api/v1/me/duty", "/api/v1/queue", "/api/v1/stats",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing from the OpenAPI document");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn metrics_report_queue_requests_and_latency() {
    let app = TestApp::spawn().await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    app.submit_ok(&phone(1), "impots", "fr").await;
    app.submit_ok(&phone(2), "logement", "fr").await;
    let id = app.next(&token).await.unwrap()["id"].as_i64().unwrap();
    app.post_json(&token, &format!("/api/v1/help-requests/{id}/close"), json!({"outcome": "resolved"})).await;
    let text = app.client.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("relais_queue_waiting 1"), "{text}");
    assert!(text.contains("relais_queue_assigned 0"));
    assert!(text.contains("relais_volunteers_on_duty 1"));
    assert!(text.contains("relais_requests_created_total{channel=\"web\",topic=\"impots\"} 1"));
    assert!(text.contains("relais_requests_closed_total{outcome=\"resolved\"} 1"));
    assert!(text.contains("relais_http_request_duration_seconds_bucket{"));
    assert!(text.contains("route=\"/api/v1/help-requests/{id}/close\""), "routes are labelled by template, not by id");
    assert!(!text.contains("+336"), "no phone number in metrics");
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let app = TestApp::spawn().await;
    let res = app.client.get(app.url("/api/v1/topics")).send().await.unwrap();
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn stats_count_by_channel_topic_outcome_with_median_wait() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    let coord = app.token("c@relais.test").await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    app.submit(json!({"phone": phone(1), "topic": "impots", "channel": "phone"})).await;
    app.submit_ok(&phone(2), "impots", "fr").await;
    app.submit_ok(&phone(3), "logement", "fr").await;
    for outcome in ["resolved", "oriented"] {
        let id = app.next(&token).await.unwrap()["id"].as_i64().unwrap();
        app.post_json(&token, &format!("/api/v1/help-requests/{id}/attempts"), json!({"result": "reached"})).await;
        app.post_json(&token, &format!("/api/v1/help-requests/{id}/close"), json!({"outcome": outcome})).await;
    }
    let s: Value = app.get(&coord, "/api/v1/stats").await.json().await.unwrap();
    assert_eq!(s["created"], 3);
    assert_eq!(s["closed"], 2);
    assert_eq!(s["first_callbacks"], 2);
    assert!(s["median_wait_to_first_callback_seconds"].is_i64());
    let count = |list: &str, key: &str| s[list].as_array().unwrap().iter().find(|c| c["key"] == key).map(|c| c["count"].as_i64().unwrap());
    assert_eq!(count("by_channel", "phone"), Some(1));
    assert_eq!(count("by_channel", "web"), Some(2));
    assert_eq!(count("by_topic", "impots"), Some(2));
    assert_eq!(count("by_outcome", "oriented"), Some(1));
    let q: Value = app.get(&coord, "/api/v1/queue").await.json().await.unwrap();
    assert_eq!(q["waiting"], 1);
    assert!(q["items"][0].get("phone").is_none(), "the queue shows no personal data");
}

#[tokio::test]
async fn an_administrator_edits_the_topic_catalogue() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "a@relais.test", &["fr"], &[]).await;
    let admin = app.token("a@relais.test").await;
    let put = |id: &str, body: Value| app.client.put(app.url(&format!("/api/v1/topics/{id}"))).bearer_auth(&admin).json(&body).send();
    let res = put("retraite", json!({"label_fr": "Retraite", "label_en": "Pension", "pictogram": "autre", "position": 20})).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = put("impots", json!({"label_fr": "Impôts et taxes", "label_en": "Taxes", "pictogram": "impots", "position": 6, "active": false})).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let topics: Value = app.client.get(app.url("/api/v1/topics")).send().await.unwrap().json().await.unwrap();
    let ids: Vec<&str> = topics.as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"retraite"));
    assert!(!ids.contains(&"impots"), "an inactive topic is no longer offered");
    // The edited catalogue is what the public form shows.
    put("famille-visio", json!({"label_fr": "Voir ma famille en vidéo", "label_en": "See my family on video", "pictogram": "famille-visio", "position": 0, "priority": true})).await.unwrap();
    let form = app.client.get(app.url("/demande?lang=fr")).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("Voir ma famille en vidéo") && form.contains("Retraite"), "edited and new labels shown");
    assert!(!form.contains("value=\"impots\""), "the inactive topic is not offered");
    // And it can no longer be chosen.
    let res = app.submit(json!({"phone": phone(1), "topic": "impots"})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = put("Bad Id", json!({"label_fr": "", "label_en": "x", "pictogram": "../x", "position": 1})).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let p: Value = res.json().await.unwrap();
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["id", "label_fr", "pictogram"]);
}

#[tokio::test]
async fn an_administrator_reads_the_access_journal() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "a@relais.test", &["fr"], &[]).await;
    let admin = app.token("a@relais.test").await;
    let (v, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    app.submit_ok(&phone(1), "impots", "fr").await;
    let id = app.next(&token).await.unwrap()["id"].as_i64().unwrap();
    app.get(&token, &format!("/api/v1/help-requests/{id}")).await;
    let j: Value = app.get(&admin, &format!("/api/v1/access-journal?request_id={id}")).await.json().await.unwrap();
    let actions: Vec<(&str, i64)> = j.as_array().unwrap().iter().map(|e| (e["action"].as_str().unwrap(), e["user_id"].as_i64().unwrap())).collect();
    assert_eq!(actions, vec![("view", v.id), ("claim", v.id)], "newest first");
}
