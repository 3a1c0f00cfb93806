//! Every API route, with no session and with every role: who may do what. The expected
//! answers are written out here, independently of the code that decides them.

use crate::support::*;
use relais_domain::authz::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    /// A partner structure's account (issue 6): signed in, but not staff of the line.
    Partner,
    Volunteer,
    Coordinator,
    Admin,
}

/// (method, path, body, who may) — "may" means the answer is not 401/403.
fn routes(id: i64, volunteer_id: i64) -> Vec<(Method, String, serde_json::Value, &'static [Who])> {
    use Who::*;
    const ALL: &[Who] = &[Anonymous, Partner, Volunteer, Coordinator, Admin];
    const SIGNED_IN: &[Who] = &[Volunteer, Coordinator, Admin];
    const COORD: &[Who] = &[Coordinator, Admin];
    const ADMIN: &[Who] = &[Admin];
    vec![
        (Method::GET, "/api/v1/topics".into(), json!(null), ALL),
        (Method::GET, "/api/v1/openapi.json".into(), json!(null), ALL),
        (Method::POST, "/api/v1/help-requests".into(), json!({"phone": "06 99 99 99 99", "topic": "impots"}), ALL),
        (Method::POST, "/api/v1/me/duty".into(), json!({"on_duty": true}), SIGNED_IN),
        (Method::POST, "/api/v1/help-requests/next".into(), json!({}), SIGNED_IN),
        (Method::GET, format!("/api/v1/help-requests/{id}"), json!(null), COORD),
        (Method::POST, format!("/api/v1/help-requests/{id}/attempts"), json!({"result": "reached"}), SIGNED_IN),
        (Method::POST, format!("/api/v1/help-requests/{id}/close"), json!({"outcome": "resolved"}), SIGNED_IN),
        (Method::POST, format!("/api/v1/help-requests/{id}/release"), json!({}), SIGNED_IN),
        (Method::POST, format!("/api/v1/help-requests/{id}/assign"), json!({"volunteer_id": volunteer_id}), COORD),
        (Method::POST, format!("/api/v1/help-requests/{id}/extend"), json!({}), SIGNED_IN),
        (Method::GET, "/api/v1/queue".into(), json!(null), COORD),
        (Method::PUT, "/api/v1/topics/impots".into(), json!({"label_fr": "Impôts", "label_en": "Taxes", "pictogram": "impots", "position": 6}), ADMIN),
        (Method::GET, "/api/v1/access-journal".into(), json!(null), ADMIN),
        (Method::GET, "/api/v1/stats".into(), json!(null), COORD),
        (Method::GET, "/healthz".into(), json!(null), ALL),
        (Method::GET, "/metrics".into(), json!(null), ALL),
    ]
}

#[tokio::test]
async fn every_route_with_every_role() {
    let app = TestApp::spawn().await;
    let v = app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    app.user(Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    app.user(Role::Partner, "p@relais.test", &[], &[]).await;
    app.user(Role::Admin, "a@relais.test", &["fr"], &[]).await;
    // A request in a language nobody here speaks, so no one's take-next claims it: a
    // volunteer who does not hold it may not see it.
    let id = app.submit_ok(&phone(1), "impots", "ar").await["id"].as_i64().unwrap();
    let tokens = [
        (Who::Anonymous, None),
        (Who::Partner, Some(app.token("p@relais.test").await)),
        (Who::Volunteer, Some(app.token("v@relais.test").await)),
        (Who::Coordinator, Some(app.token("c@relais.test").await)),
        (Who::Admin, Some(app.token("a@relais.test").await)),
    ];
    let mut failures = Vec::new();
    for (method, path, body, allowed) in routes(id, v.id) {
        for (who, token) in &tokens {
            let mut req = app.client.request(method.clone(), app.url(&path));
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            if !body.is_null() {
                req = req.json(&body);
            }
            let status = req.send().await.unwrap().status();
            let denied = status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN;
            let expected_allowed = allowed.contains(who);
            if denied == expected_allowed {
                failures.push(format!("{method} {path} as {who:?}: got {status}, expected {}", if expected_allowed { "allowed" } else { "denied" }));
            }
            if *who == Who::Anonymous && denied {
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}: anonymous gets 401");
            }
        }
    }
    assert!(failures.is_empty(), "authorisation mismatches:\n{}", failures.join("\n"));
}

#[tokio::test]
async fn an_invalid_token_gets_401_with_a_bearer_challenge() {
    let app = TestApp::spawn().await;
    let res = app.client.post(app.url("/api/v1/me/duty")).bearer_auth("not-a-token").json(&json!({"on_duty": true})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
}

#[tokio::test]
async fn wrong_password_is_refused_and_throttled() {
    let mut config = test_config();
    config.login_attempts = 3;
    let app = TestApp::spawn_with(config).await;
    app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    for _ in 0..3 {
        let res = app.client.post(app.url("/api/v1/auth/token")).json(&json!({"email": "v@relais.test", "password": "wrong"})).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app.client.post(app.url("/api/v1/auth/token")).json(&json!({"email": "V@relais.test", "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "throttled per e-mail, whatever its case");
}

#[tokio::test]
async fn a_deactivated_account_loses_its_tokens() {
    let app = TestApp::spawn().await;
    let v = app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    let token = app.token("v@relais.test").await;
    app.store.set_user_status(v.id, relais_store::AccountStatus::Deactivated).await.unwrap();
    let res = app.post_json(&token, "/api/v1/me/duty", json!({"on_duty": true})).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

/// Every page with every role: 200 when allowed, a redirect to the sign-in page without a
/// session, 403 with one that may not.
#[tokio::test]
async fn every_page_with_every_role() {
    let app = TestApp::spawn().await;
    for (role, email) in [(Role::Partner, "p@relais.test"), (Role::Volunteer, "v@relais.test"), (Role::Coordinator, "c@relais.test"), (Role::Admin, "a@relais.test")] {
        app.user(role, email, &["fr"], &[]).await;
    }
    let id = app.submit_ok(&phone(1), "impots", "ar").await["id"].as_i64().unwrap();
    use Who::*;
    const PUBLIC: &[Who] = &[Anonymous, Partner, Volunteer, Coordinator, Admin];
    const SIGNED_IN: &[Who] = &[Volunteer, Coordinator, Admin];
    const COORD: &[Who] = &[Coordinator, Admin];
    const ADMIN: &[Who] = &[Admin];
    const PARTNER: &[Who] = &[Partner];
    const ON_BEHALF: &[Who] = &[Partner, Coordinator, Admin];
    let pages: Vec<(String, &[Who])> = vec![
        ("/".into(), PUBLIC),
        ("/demande".into(), PUBLIC),
        ("/suivi".into(), PUBLIC),
        ("/connexion".into(), PUBLIC),
        ("/benevole".into(), SIGNED_IN),
        ("/benevole/historique".into(), SIGNED_IN),
        (format!("/benevole/demandes/{id}"), COORD),
        ("/coordination".into(), COORD),
        ("/coordination/benevoles".into(), COORD),
        ("/coordination/chiffres".into(), COORD),
        ("/coordination/sujets".into(), ADMIN),
        ("/coordination/journal".into(), ADMIN),
        ("/lieux".into(), PUBLIC),
        ("/partenaire".into(), PARTNER),
        ("/partenaire/demande".into(), ON_BEHALF),
        ("/coordination/partenaires".into(), COORD),
        ("/coordination/orientations".into(), COORD),
    ];
    let mut browsers = vec![(Anonymous, { relais_web::install_tls_provider(); reqwest::Client::builder() }.redirect(reqwest::redirect::Policy::none()).build().unwrap())];
    for (who, email) in [(Partner, "p@relais.test"), (Volunteer, "v@relais.test"), (Coordinator, "c@relais.test"), (Admin, "a@relais.test")] {
        let c = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let html = c.get(app.url("/connexion")).send().await.unwrap().text().await.unwrap();
        let start = html.find("name=\"csrf\" value=\"").unwrap() + 19;
        let csrf = &html[start..start + html[start..].find('"').unwrap()];
        let res = c.post(app.url("/connexion")).form(&[("csrf", csrf), ("email", email), ("password", PASSWORD)]).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
        browsers.push((who, c));
    }
    let mut failures = Vec::new();
    for (path, allowed) in &pages {
        for (who, c) in &browsers {
            let res = c.get(app.url(path)).send().await.unwrap();
            let status = res.status();
            let expected = if path == "/connexion" && *who != Anonymous {
                // Signed in already: sent on to their own area.
                StatusCode::SEE_OTHER
            } else if allowed.contains(who) {
                StatusCode::OK
            } else if *who == Anonymous {
                StatusCode::SEE_OTHER
            } else {
                StatusCode::FORBIDDEN
            };
            if status != expected {
                failures.push(format!("GET {path} as {who:?}: got {status}, expected {expected}"));
            } else if status == StatusCode::SEE_OTHER && *who == Anonymous {
                assert_eq!(res.headers()["location"], "/connexion", "{path}");
            }
        }
    }
    assert!(failures.is_empty(), "page authorisation mismatches:\n{}", failures.join("\n"));
}
