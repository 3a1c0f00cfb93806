//! Personal data: never in logs, every view journaled, erased after retention.

use crate::durability::start_binary;
use crate::support::*;
use relais_domain::authz::Role;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn phone_numbers_and_notes_never_reach_the_logs() {
    let (store, db_url, _dir) = fresh_store().await;
    store
        .create_user(
            &relais_store::NewUser {
                email: "v@relais.test".into(),
                display_name: "V".into(),
                password: PASSWORD.into(),
                role: Role::Volunteer,
                status: relais_store::AccountStatus::Active,
                languages: vec!["fr".into()],
                topic_skills: vec![],
                networks: vec![],
            },
            relais_web::now_ms(),
        )
        .await
        .unwrap();
    store.close().await;
    let server = start_binary(&db_url, &[("RELAIS_LOG", "debug"), ("RELAIS_SKILL_WIDEN_SECONDS", "0")]).await;
    let c = crate::support::plain_client();
    let a = &server.addr;
    let res = c.post(format!("{a}/api/v1/help-requests")).json(&json!({"phone": "06 12 34 56 78", "topic": "impots", "need": "secret besoin"})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    // A malformed number is not logged either.
    c.post(format!("{a}/api/v1/help-requests")).json(&json!({"phone": "06 98 76 5", "topic": "impots"})).send().await.unwrap();
    let token: serde_json::Value = c.post(format!("{a}/api/v1/auth/token")).json(&json!({"email": "v@relais.test", "password": PASSWORD})).send().await.unwrap().json().await.unwrap();
    let token = token["token"].as_str().unwrap();
    c.post(format!("{a}/api/v1/me/duty")).bearer_auth(token).json(&json!({"on_duty": true})).send().await.unwrap();
    let taken: serde_json::Value = c.post(format!("{a}/api/v1/help-requests/next")).bearer_auth(token).send().await.unwrap().json().await.unwrap();
    let id = taken["id"].as_i64().unwrap();
    c.get(format!("{a}/api/v1/help-requests/{id}")).bearer_auth(token).send().await.unwrap();
    c.post(format!("{a}/api/v1/help-requests/{id}/close")).bearer_auth(token).json(&json!({"outcome": "resolved", "note": "note confidentielle"})).send().await.unwrap();
    let out = server.stop_and_logs();
    assert!(out.contains("help request received"), "the logs were captured: {out}");
    for secret in ["12345678", "12 34 56 78", "98 76 5", "0698765", "secret besoin", "note confidentielle", PASSWORD, token] {
        assert!(!out.contains(secret), "{secret:?} appeared in the logs");
    }
}

#[tokio::test]
async fn every_view_of_personal_data_is_journaled() {
    let app = TestApp::spawn().await;
    let (v, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    let c = app.user(Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    let coord = app.token("c@relais.test").await;
    app.submit_ok(&phone(1), "impots", "fr").await;
    let id = app.next(&token).await.unwrap()["id"].as_i64().unwrap();
    app.get(&token, &format!("/api/v1/help-requests/{id}")).await;
    app.get(&coord, &format!("/api/v1/help-requests/{id}")).await;
    let journal = app.store.access_journal(Some(id), 10).await.unwrap();
    let entries: Vec<(i64, &str)> = journal.iter().rev().map(|e| (e.user_id, e.action.as_str())).collect();
    assert_eq!(entries, vec![(v.id, "claim"), (v.id, "view"), (c.id, "view")]);
    // A refused view is not a view.
    let (_, other) = app.volunteer_on_duty("w@relais.test", &["fr"], &[]).await;
    assert_eq!(app.get(&other, &format!("/api/v1/help-requests/{id}")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.store.access_journal(Some(id), 10).await.unwrap().len(), 3);
}

#[tokio::test]
async fn retention_erases_personal_fields_and_keeps_the_statistics() {
    let mut config = test_config();
    config.retention = 0;
    let app = TestApp::spawn_with(config).await;
    let (_, token) = app.volunteer_on_duty("v@relais.test", &["fr"], &[]).await;
    app.submit(json!({"phone": phone(1), "topic": "impots", "first_name": "Marie", "postcode": "33000", "need": "aide"})).await;
    let open = app.submit_ok(&phone(2), "logement", "fr").await["id"].as_i64().unwrap();
    let id = app.next(&token).await.unwrap()["id"].as_i64().unwrap();
    app.post_json(&token, &format!("/api/v1/help-requests/{id}/close"), json!({"outcome": "oriented", "note": "vers France Services"})).await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    relais_web::jobs::run_housekeeping(&app.state).await;
    let purged = app.store.get_request(id).await.unwrap();
    assert_eq!((purged.phone, purged.first_name, purged.need, purged.note, purged.postcode), (None, None, None, None, None));
    assert!(purged.purged_at.is_some());
    assert_eq!(purged.area.as_deref(), Some("33"), "the department stays for statistics");
    assert_eq!(purged.outcome.as_deref(), Some("oriented"));
    assert_eq!(app.store.timeline(id).await.unwrap().last().unwrap().kind, "purged");
    // Open requests are never purged.
    assert!(app.store.get_request(open).await.unwrap().phone.is_some());
    let stats = app.store.stats(0, i64::MAX).await.unwrap();
    assert_eq!(stats.created, 2);
    assert_eq!(stats.closed, 1);
}
