//! Pages over the real server: CSRF on every form, errors tied to their field, sessions by
//! cookie, the console and the coordinator area by role.

use crate::support::*;
use relais_domain::authz::Role;
use reqwest::{Client, StatusCode};




#[tokio::test]
async fn the_request_form_refuses_a_missing_or_foreign_csrf_token_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let form = [("phone", "06 12 34 56 78"), ("topic", "impots")];
    let res = browser().post(app.url("/demande")).form(&form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A token from another browser does not work either.
    let other = browser();
    let (_, html) = page(&other, app.url("/demande")).await;
    let foreign = csrf_of(&html);
    let me = browser();
    page(&me, app.url("/demande")).await;
    let res = me.post(app.url("/demande")).form(&[("csrf", foreign.as_str()), ("phone", "06 12 34 56 78"), ("topic", "impots")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.text().await.unwrap().contains("<h1"), "an error page, in the user's language");
    assert_eq!(app.count_requests().await, 0);
}

#[tokio::test]
async fn the_request_form_ties_errors_to_fields_then_confirms_with_the_reference() {
    let app = TestApp::spawn().await;
    let c = browser();
    let (status, html) = page(&c, app.url("/demande")).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&html);
    let res = c.post(app.url("/demande")).form(&[("csrf", csrf.as_str()), ("phone", "12"), ("topic", "impots")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("class=\"error-summary\""));
    assert!(html.contains("href=\"#phone\""), "the summary links to the field");
    let input = &html[html.find("id=\"phone\"").expect("phone input")..];
    let input = &input[..input.find('>').unwrap()];
    assert!(input.contains("aria-invalid=\"true\"") && input.contains("phone-error"), "{input}");
    assert!(html.contains("id=\"phone-error\""));
    assert!(html.contains("value=\"12\""), "what the person typed is kept");
    assert_eq!(app.count_requests().await, 0);

    let res = c
        .post(app.url("/demande"))
        .form(&[("csrf", csrf.as_str()), ("phone", "06 12 34 56 78"), ("topic", "famille-visio"), ("callback_windows", "morning"), ("callback_windows", "evening")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let reference = location.trim_start_matches("/demande/").trim_end_matches("/confirmation").to_owned();
    let stored = app.store.find_by_reference(&reference, "+33612345678").await.unwrap().expect("stored before the redirect");
    assert_eq!(stored.windows(), vec!["morning", "evening"]);
    let (status, html) = page(&c, app.url(&location)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&reference));
    assert!(!html.contains("12 34 56 78") && !html.contains("+33612345678"), "no personal data on the confirmation");
}

#[tokio::test]
async fn pages_follow_the_chosen_language_and_direction() {
    let app = TestApp::spawn().await;
    let c = browser();
    let (_, html) = page(&c, app.url("/?lang=ar")).await;
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    // The choice is remembered by cookie.
    let (_, html) = page(&c, app.url("/demande")).await;
    assert!(html.contains("lang=\"ar\""));
    let fresh = browser();
    let res = fresh.get(app.url("/")).header("accept-language", "en-GB,en;q=0.9").send().await.unwrap();
    assert!(res.text().await.unwrap().contains("<html lang=\"en\" dir=\"ltr\">"));
    let (_, html) = page(&browser(), app.url("/")).await;
    assert!(html.contains("<html lang=\"fr\""), "French by default");
    assert!(html.contains("01 99 00 12 34"), "the line's number on the page");
}

#[tokio::test]
async fn switching_language_keeps_what_the_page_was_asked_for() {
    let app = TestApp::spawn().await;
    let (_, html) = page(&browser(), app.url("/lieux?near=69001&lang=en&free=true")).await;
    // The other languages' links carry the search (an `&` in an attribute is written escaped).
    let html = html.replace("&#38;", "&").replace("&amp;", "&");
    assert!(html.contains("href=\"/lieux?near=69001&free=true&lang=ar\""), "the Arabic link keeps the search");
    assert!(html.contains("href=\"/lieux?near=69001&free=true&lang=fr\""), "the French link keeps the search");
    // A page asked for without a query links to the bare path.
    let (_, html) = page(&browser(), app.url("/demande")).await;
    assert!(html.contains("href=\"/demande?lang=en\""));
}

async fn sign_in(app: &TestApp, c: &Client, email: &str, password: &str) -> reqwest::Response {
    let (_, html) = page(c, app.url("/connexion")).await;
    let csrf = csrf_of(&html);
    c.post(app.url("/connexion")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", password)]).send().await.unwrap()
}

#[tokio::test]
async fn a_volunteer_signs_in_goes_on_duty_takes_a_request_and_sees_the_number() {
    let app = TestApp::spawn().await;
    let v = app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    app.submit_ok("06 12 34 56 78", "impots", "fr").await;
    let c = browser();
    let res = sign_in(&app, &c, "v@relais.test", "wrong password").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = sign_in(&app, &c, "v@relais.test", PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/benevole");
    let cookie = res.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).find(|c| c.starts_with("relais_session=")).unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");

    let (_, html) = page(&c, app.url("/benevole")).await;
    let csrf = csrf_of(&html);
    let res = c.post(app.url("/benevole/service")).form(&[("csrf", csrf.as_str()), ("on_duty", "true")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = c.post(app.url("/benevole/suivante")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/benevole/demandes/"), "{location}");
    let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    let (status, html) = page(&c, app.url(&location)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("tel:+33612345678"), "the holder gets the number");
    let journal = app.store.access_journal(Some(id), 10).await.unwrap();
    assert!(journal.iter().any(|e| e.user_id == v.id && e.action == "view"));

    // Close it from the page.
    let res = c.post(app.url(&format!("{location}/cloture"))).form(&[("csrf", csrf.as_str()), ("outcome", "resolved"), ("note", "fait")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.get_request(id).await.unwrap().outcome.as_deref(), Some("resolved"));

    // A form without the token does nothing.
    let res = c.post(app.url("/benevole/service")).form(&[("on_duty", "false")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(app.store.user(v.id).await.unwrap().on_duty);

    // Signing out ends the session on the server.
    let res = c.post(app.url("/deconnexion")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = c.get(app.url("/benevole")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/connexion");
}

#[tokio::test]
async fn the_coordinator_area_is_for_coordinators() {
    let app = TestApp::spawn().await;
    app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    app.user(Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    app.submit_ok(&phone(1), "impots", "fr").await;
    let anon = browser();
    let res = anon.get(app.url("/coordination")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let v = browser();
    sign_in(&app, &v, "v@relais.test", PASSWORD).await;
    for path in ["/coordination", "/coordination/benevoles", "/coordination/chiffres"] {
        assert_eq!(v.get(app.url(path)).send().await.unwrap().status(), StatusCode::FORBIDDEN, "{path}");
    }
    let c = browser();
    let res = sign_in(&app, &c, "c@relais.test", PASSWORD).await;
    assert_eq!(res.headers()["location"], "/coordination");
    for path in ["/coordination", "/coordination/benevoles", "/coordination/chiffres"] {
        let (status, html) = page(&c, app.url(path)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!html.contains("+33612"), "{path}: no phone number in the coordinator area");
    }
    let res = c.get(app.url("/coordination/flux")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
}

#[tokio::test]
async fn looking_up_requests_is_limited_per_address() {
    let mut config = test_config();
    config.lookup_per_minute = 2;
    let app = TestApp::spawn_with(config).await;
    let r = app.submit_ok("06 12 34 56 78", "impots", "fr").await;
    let reference = r["reference"].as_str().unwrap();
    let c = browser();
    let (_, html) = page(&c, app.url("/suivi")).await;
    let csrf = csrf_of(&html);
    let lookup = |phone: &'static str| {
        c.post(app.url("/suivi")).form(&[("csrf", csrf.as_str()), ("reference", reference), ("phone", phone)]).send()
    };
    assert_eq!(lookup("06 00 00 00 01").await.unwrap().status(), StatusCode::NOT_FOUND);
    let found = lookup("06 12 34 56 78").await.unwrap();
    assert_eq!(found.status(), StatusCode::OK);
    assert!(found.text().await.unwrap().contains(reference));
    assert_eq!(lookup("06 12 34 56 78").await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
}
