//! Orientation (referral) of a person to a place, and partner structures (issue 6), through
//! the real server and database: the volunteer's form (consent required), the place's
//! one-time links by real SMTP (accept / refuse, then came / did not come), single use,
//! expiry of links and of referrals (jobs, two instances), reminders, anonymisation, a place
//! without e-mail, the timeline and statistics, partners' requests on behalf of a person and
//! their scope.

use crate::support::*;
use relais_domain::authz::Role;
use relais_domain::referral::State;
use relais_domain::DAY;
use relais_store::referrals::{LinkMail, NewReferral};
use reqwest::StatusCode;
use std::time::Duration;

const WITH_MAIL: &str = "lieu-mail";
const NO_MAIL: &str = "lieu-tel";

/// Two places in Chambéry: one with an e-mail, one with only a phone.
async fn seed_places(app: &TestApp) {
    let json = serde_json::json!([
        {"id": WITH_MAIL, "pivot": "43493312300029", "nom": "France Services Chambéry", "commune": "Chambéry", "code_postal": "73000",
         "adresse": "1 place de la Mairie", "date_maj": "2026-01-02", "courriels": "accueil@fs-chambery.test",
         "telephone": "+33479000000", "horaires": "Mo-Su 00:00-24:00", "latitude": 45.566, "longitude": 5.921,
         "services": "Aide aux démarches administratives"},
        {"id": NO_MAIL, "pivot": "43493312300037", "nom": "Centre social des Hauts", "commune": "Chambéry", "code_postal": "73000",
         "adresse": "2 rue du Parc", "date_maj": "2026-01-02", "telephone": "+33479000001", "latitude": 45.57, "longitude": 5.93,
         "services": "Aide aux démarches administratives"}
    ]);
    let bytes = serde_json::to_vec(&json).unwrap();
    let report = relais_directory::parse(&bytes, relais_directory::Format::LmnJson).unwrap();
    assert_eq!(report.rejected.len(), 0, "{:?}", report.rejected);
    app.store_places(&report.accepted, relais_web::now_ms()).await;
}

/// A volunteer holding a request (postcode 73000, topic famille-caf), signed in in a browser.
async fn held(app: &TestApp, n: u32) -> (reqwest::Client, i64) {
    let email = format!("v{n}@relais.test");
    let (_, token) = app.volunteer_on_duty(&email, &["fr"], &[]).await;
    let res = app
        .submit(serde_json::json!({"phone": phone(n), "topic": "famille-caf", "language": "fr", "postcode": "73000",
            "first_name": "Maryse", "need": "Refaire sa carte Vitale", "sms_consent": true}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = app.next(&token).await.expect("a request to take")["id"].as_i64().unwrap();
    let c = browser();
    sign_in_as(app, &c, &email).await;
    (c, id)
}

/// `&#38;` and friends back to characters (askama escapes `&` in attributes).
fn unescape(s: &str) -> String {
    s.replace("&#38;", "&").replace("&amp;", "&")
}

/// The one-time link in a mail body.
fn link_in(body: &str) -> String {
    let start = body.find("/orientation/").expect("a link in the mail");
    body[start..].split_whitespace().next().unwrap().to_owned()
}

async fn post_form(c: &reqwest::Client, url: String, form: &[(&str, &str)]) -> (StatusCode, String, Option<String>) {
    let res = c.post(url).form(form).send().await.unwrap();
    let status = res.status();
    let location = res.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    (status, res.text().await.unwrap(), location)
}

async fn outbox_count(app: &TestApp) -> usize {
    app.store.recent_messages(10_000).await.unwrap().len()
}

#[tokio::test]
async fn a_place_accepts_then_says_the_person_came_through_one_time_links() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    seed_places(&app).await;
    let (c, id) = held(&app, 1).await;

    // The request page links to the search for this request; its results offer "Orienter ici".
    let (_, html) = page(&c, app.url(&format!("/benevole/demandes/{id}"))).await;
    let start = html.find("Chercher un lieu pour orienter la personne").expect("the orientation link");
    let href_start = html[..start].rfind("href=\"").unwrap() + 6;
    let search = unescape(&html[href_start..href_start + html[href_start..].find('"').unwrap()]);
    assert!(search.contains(&format!("demande={id}")), "{search}");
    let (status, html) = page(&c, app.url(&search)).await;
    assert_eq!(status, StatusCode::OK);
    let form_url = format!("/benevole/demandes/{id}/orienter?lieu={WITH_MAIL}");
    assert!(unescape(&html).contains(&form_url), "Orienter ici for the place: {html}");
    // The public search has no such action.
    let (_, public) = page(&plain_client(), app.url(&search)).await;
    assert!(!public.contains("Orienter ici"));

    // The form, prefilled from the request.
    let (status, html) = page(&c, app.url(&form_url)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("value=\"Maryse\"") && html.contains("Refaire sa carte Vitale"));
    let journal = app.store.access_journal(Some(id), 100).await.unwrap();
    assert!(journal.iter().any(|e| e.action == "referral_form"), "the form's view of personal data is journaled");
    let csrf = csrf_of(&html);
    let nonce = html.split("name=\"nonce\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();

    // Without the consent: the form again, the error tied to the checkbox, nothing stored.
    let before = outbox_count(&app).await;
    let fields = [("csrf", csrf.as_str()), ("nonce", nonce.as_str()), ("first_name", "Maryse"), ("need", "Carte Vitale")];
    let (status, html, _) = post_form(&c, app.url(&form_url), &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"consent-error\"") && html.contains("aria-describedby=\"consent-error consent-hint\""), "{html}");
    assert!(html.contains("l&#39;accord de la personne est obligatoire") || html.contains("l'accord de la personne est obligatoire"), "{html}");
    assert!(html.contains("href=\"#consent\""), "the summary links to the field");
    assert!(app.store.referrals_of_request(id).await.unwrap().is_empty());
    assert_eq!(outbox_count(&app).await, before);

    // With it: one referral, its e-mail to the place, a `referral_sent` event.
    let mut fields = fields.to_vec();
    fields.push(("consent", "true"));
    let (status, _, location) = post_form(&c, app.url(&form_url), &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.unwrap().contains("avis=orientation-envoyee"));
    // The same form sent twice stores one referral.
    let (status, _, _) = post_form(&c, app.url(&form_url), &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let refs = app.store.referrals_of_request(id).await.unwrap();
    assert_eq!(refs.len(), 1);
    let r = &refs[0];
    assert_eq!((r.state, r.consent_by, r.first_name.as_deref()), (State::Sent, r.sender_id, Some("Maryse")));
    assert_eq!(r.expires_at - r.sent_at, 30 * DAY, "default delay: 30 days");

    let mails = smtp.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(mails[0].rcpt_to, vec!["accueil@fs-chambery.test".to_owned()]);
    assert_eq!(mails[0].subject(), "Orientation d'une personne vers France Services Chambéry");
    let body = mails[0].body_text();
    assert!(body.contains("Maryse") && body.contains("Carte Vitale") && !body.contains("06 12"), "{body}");
    let answer = link_in(&body);

    // The place's page (no sign-in): the person's first name and need, journaled.
    let place = browser();
    let (status, html) = page(&place, app.url(&answer)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Maryse") && html.contains("Le lieu accepte") && html.contains("Le lieu refuse"));
    assert!(html.contains(&app.state.config.line_phone), "the line's number stays on the public page");
    assert_eq!(app.store.referral_access_count(r.id).await.unwrap(), 1);
    // Not for the outcome yet.
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&place, app.url(&answer), &[("csrf", csrf.as_str()), ("action", "done")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, html, _) = post_form(&place, app.url(&answer), &[("csrf", csrf.as_str()), ("action", "accept")]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("vous acceptez d&#39;accueillir") || html.contains("vous acceptez d'accueillir"), "{html}");
    assert_eq!(app.store.referral(r.id).await.unwrap().state, State::Accepted);

    // Used once: a second use is refused with a clear page, nothing changes.
    let (status, html, _) = post_form(&place, app.url(&answer), &[("csrf", csrf.as_str()), ("action", "refuse")]).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(html.contains("Ce lien a déjà servi"), "{html}");
    let (status, html) = page(&place, app.url(&answer)).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(html.contains("Ce lien a déjà servi") && !html.contains("Maryse"), "no personal data on a spent link");
    assert_eq!(app.store.referral(r.id).await.unwrap().state, State::Accepted);

    // The second e-mail: did the person come?
    let mails = smtp.wait_for(2, Duration::from_secs(10)).await;
    assert_eq!(mails[1].subject(), "La personne orientée vers France Services Chambéry est-elle venue ?");
    let outcome = link_in(&mails[1].body_text());
    assert_ne!(outcome, answer);
    let (status, html) = page(&place, app.url(&outcome)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("La personne est venue") && html.contains("La personne n&#39;est pas venue") || html.contains("La personne n'est pas venue"));
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&place, app.url(&outcome), &[("csrf", csrf.as_str()), ("action", "done")]).await;
    assert_eq!(status, StatusCode::OK);
    let done = app.store.referral(r.id).await.unwrap();
    assert_eq!(done.state, State::Done);
    assert!(done.answered_at.is_some() && done.finished_at.is_some());
    let (status, _, _) = post_form(&place, app.url(&outcome), &[("csrf", csrf.as_str()), ("action", "no_show")]).await;
    assert_eq!(status, StatusCode::GONE);

    // The timeline: codes only, never the place or the person.
    let kinds: Vec<(String, Option<String>)> = app.store.timeline(id).await.unwrap().into_iter().map(|e| (e.kind, e.detail)).collect();
    for k in ["referral_sent", "referral_accepted", "referral_done"] {
        assert_eq!(kinds.iter().filter(|(kind, _)| kind == k).count(), 1, "{k}: {kinds:?}");
    }
    for (_, d) in &kinds {
        assert!(!d.as_deref().unwrap_or("").contains("Maryse") && !d.as_deref().unwrap_or("").contains("fs-chambery"));
    }
    let (_, html) = page(&c, app.url(&format!("/benevole/demandes/{id}"))).await;
    assert!(html.contains("Orientation envoyée à un lieu · France Services Chambéry") && html.contains("La personne est venue au lieu"), "{html}");
    assert!(html.contains("France Services Chambéry"), "the request page lists its referrals");

    // Statistics: anonymous counts by state.
    let coord = app.user(Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    let token = app.token(&coord.email).await;
    let stats: serde_json::Value = app.get(&token, "/api/v1/stats").await.json().await.unwrap();
    let by = stats["by_referral_state"].as_array().unwrap();
    let count = |k: &str| by.iter().find(|c| c["key"] == k).unwrap()["count"].as_i64().unwrap();
    assert_eq!((count("done"), count("sent"), count("refused")), (1, 0, 0));
}

#[tokio::test]
async fn a_refusal_and_the_answer_link_of_a_place_without_e_mail_recorded_by_the_volunteer() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    seed_places(&app).await;
    let (c, id) = held(&app, 2).await;

    // Refused through the link.
    let form_url = format!("/benevole/demandes/{id}/orienter?lieu={WITH_MAIL}");
    let (_, html) = page(&c, app.url(&form_url)).await;
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&c, app.url(&form_url), &[("csrf", csrf.as_str()), ("nonce", "n-1"), ("consent", "true")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let answer = link_in(&smtp.wait_for(1, Duration::from_secs(10)).await[0].body_text());
    let place = browser();
    let (_, html) = page(&place, app.url(&answer)).await;
    let pcsrf = csrf_of(&html);
    let (status, html, _) = post_form(&place, app.url(&answer), &[("csrf", pcsrf.as_str()), ("action", "refuse")]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("votre refus est enregistré"));
    let refused = &app.store.referrals_of_request(id).await.unwrap()[0];
    assert_eq!(refused.state, State::Refused);
    // The volunteer may not overrule the place's answer (it has an e-mail).
    let (_, html) = page(&c, app.url(&format!("/benevole/demandes/{id}"))).await;
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&c, app.url(&format!("/orientations/{}/etape", refused.id)), &[("csrf", csrf.as_str()), ("action", "accept")]).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // A place without e-mail: recorded, the volunteer is told to call, no e-mail goes out.
    let form_url = format!("/benevole/demandes/{id}/orienter?lieu={NO_MAIL}");
    let (_, html) = page(&c, app.url(&form_url)).await;
    assert!(html.contains("Ce lieu n&#39;a pas de courriel") || html.contains("Ce lieu n'a pas de courriel"));
    let before = outbox_count(&app).await;
    // A bad address for the person is an error tied to its field.
    let (status, html, _) = post_form(&c, app.url(&form_url), &[("csrf", csrf.as_str()), ("nonce", "n-2"), ("consent", "true"), ("person_email", "maryse@")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("aria-describedby=\"person_email-error person_email-hint\""));
    let fields = [("csrf", csrf.as_str()), ("nonce", "n-2"), ("consent", "true"), ("person_email", "maryse@example.test")];
    let (status, _, location) = post_form(&c, app.url(&form_url), &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = location.unwrap();
    assert!(location.contains("avis=orientation-a-appeler"));
    // No e-mail for the place; one for the person with the place's address and hours.
    let msgs = app.store.recent_messages(100).await.unwrap();
    assert_eq!(msgs.len(), before + 1);
    let to_person = &msgs[0];
    assert_eq!(to_person.recipient.as_deref(), Some("maryse@example.test"));
    let text = to_person.body_text.clone().unwrap();
    assert!(text.contains("Centre social des Hauts") && text.contains("2 rue du Parc, 73000 Chambéry") && text.contains("+33479000001"), "{text}");
    let (_, html) = page(&c, app.url(&location)).await;
    assert!(html.contains("Ce lieu n&#39;a pas de courriel : appelez-le") || html.contains("Ce lieu n'a pas de courriel : appelez-le"), "{html}");
    let phoned = app.store.referrals_of_request(id).await.unwrap().into_iter().find(|r| r.place_id == NO_MAIL).unwrap();
    assert!(html.contains(&format!("/orientations/{}/etape", phoned.id)), "steps offered to the volunteer");
    // Done before accepted is refused; accept, then no-show.
    let step = |action: &'static str| {
        let (c, url, csrf) = (c.clone(), app.url(&format!("/orientations/{}/etape", phoned.id)), csrf.clone());
        async move { post_form(&c, url, &[("csrf", csrf.as_str()), ("action", action)]).await.0 }
    };
    assert_eq!(step("no_show").await, StatusCode::CONFLICT);
    assert_eq!(step("accept").await, StatusCode::SEE_OTHER);
    assert_eq!(step("no_show").await, StatusCode::SEE_OTHER);
    assert_eq!(app.store.referral(phoned.id).await.unwrap().state, State::NoShow);
    // Another volunteer (not the sender) may not record anything.
    app.user(Role::Volunteer, "other@relais.test", &["fr"], &[]).await;
    let other = browser();
    sign_in_as(&app, &other, "other@relais.test").await;
    let (_, html) = page(&other, app.url("/benevole")).await;
    let ocsrf = csrf_of(&html);
    let (status, _, _) = post_form(&other, app.url(&format!("/orientations/{}/etape", phoned.id)), &[("csrf", ocsrf.as_str()), ("action", "done")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Nor orient a request they do not hold.
    let (status, _) = page(&other, app.url(&format!("/benevole/demandes/{id}/orienter?lieu={WITH_MAIL}"))).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let kinds: Vec<String> = app.store.timeline(id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds.iter().filter(|k| *k == "referral_sent").count(), 2);
    assert!(kinds.contains(&"referral_refused".to_owned()) && kinds.contains(&"referral_no_show".to_owned()));
}

/// A referral stored as if sent `age` ago, with a known answer-link token.
async fn sent_ago(app: &TestApp, request_id: i64, sender: i64, age: i64, token: &str) -> i64 {
    let now = relais_web::now_ms();
    let sent = now - age;
    let policy = app.state.config.referral;
    let new = NewReferral {
        request_id: Some(request_id),
        place_id: WITH_MAIL.into(),
        place_name: "France Services Chambéry".into(),
        place_email: Some("accueil@fs-chambery.test".into()),
        topic: "famille-caf".into(),
        first_name: Some("Maryse".into()),
        need: None,
        sender_id: sender,
        consent_at: sent,
        expires_at: policy.expires_at(sent),
        form_key: token.into(),
    };
    let link = LinkMail {
        token: token.into(),
        expires_at: policy.expires_at(sent),
        message: relais_store::outbox::NewMessage {
            idempotency_key: format!("test:{token}"),
            recipient: "accueil@fs-chambery.test".into(),
            subject: "test".into(),
            body_text: "test".into(),
            not_before_ms: sent,
        },
    };
    app.store.create_referral(&new, None, Some(&link), None, sent).await.unwrap().0.id
}

#[tokio::test]
async fn expired_links_are_refused_and_the_expiry_job_runs_once_across_instances() {
    let app = TestApp::spawn().await;
    seed_places(&app).await;
    let (_, id) = held(&app, 3).await;
    let sender = app.store.user_by_email("v3@relais.test").await.unwrap().unwrap().id;
    let old = sent_ago(&app, id, sender, 31 * DAY, "expired-token-0123456789").await;

    // The link died with the delay: a clear page, nothing changes.
    let place = browser();
    let (status, html) = page(&place, app.url("/orientation/expired-token-0123456789")).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(html.contains("Ce lien n&#39;est plus valable") || html.contains("Ce lien n'est plus valable"), "{html}");
    let (status, _) = page(&place, app.url("/orientation/no-such-token")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Two instances run the job at the same time: one expiry, one event.
    let second = app.another_instance(test_config()).await;
    let now = relais_web::now_ms();
    tokio::join!(relais_web::referral_jobs::run(&app.state, now), relais_web::referral_jobs::run(&second.state, now));
    relais_web::referral_jobs::run(&app.state, now).await;
    assert_eq!(app.store.referral(old).await.unwrap().state, State::Expired);
    let expired = app.store.timeline(id).await.unwrap().into_iter().filter(|e| e.kind == "referral_expired").count();
    assert_eq!(expired, 1);
    // A young referral is left alone.
    let young = sent_ago(&app, id, sender, DAY, "young-token-0123456789").await;
    relais_web::referral_jobs::run(&app.state, relais_web::now_ms()).await;
    assert_eq!(app.store.referral(young).await.unwrap().state, State::Sent);

    // Anonymisation after retention: the finished referral loses its personal data.
    let retention = app.state.config.referral.retention;
    relais_web::referral_jobs::anonymise(&app.state, relais_web::now_ms() + retention + DAY).await;
    let gone = app.store.referral(old).await.unwrap();
    assert!(gone.first_name.is_none() && gone.place_email.is_none() && gone.anonymised_at.is_some());
    assert_eq!(gone.state, State::Expired, "the state stays for the statistics");
    assert_eq!(app.store.referral(young).await.unwrap().first_name.as_deref(), Some("Maryse"), "an open referral is kept");
}

#[tokio::test]
async fn the_place_is_reminded_once_before_expiry_with_a_working_link() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    seed_places(&app).await;
    let (_, id) = held(&app, 4).await;
    let sender = app.store.user_by_email("v4@relais.test").await.unwrap().unwrap().id;
    let due = sent_ago(&app, id, sender, 25 * DAY, "due-token-0123456789").await;
    let fresh = sent_ago(&app, id, sender, 2 * DAY, "fresh-token-0123456789").await;
    let second = app.another_instance(with_smtp(&smtp.url())).await;
    let now = relais_web::now_ms();
    let (a, b) = tokio::join!(relais_web::referral_jobs::remind(&app.state, now), relais_web::referral_jobs::remind(&second.state, now));
    assert_eq!(a.unwrap() + b.unwrap(), 1, "one reminder across both instances");
    assert_eq!(relais_web::referral_jobs::remind(&app.state, now + 60_000).await.unwrap(), 0, "never twice");
    assert!(app.store.referral(due).await.unwrap().reminded_at.is_some());
    assert!(app.store.referral(fresh).await.unwrap().reminded_at.is_none());
    let mails = smtp.wait_for(3, Duration::from_secs(10)).await;
    let reminder = mails.iter().find(|m| m.subject().starts_with("Rappel")).expect("the reminder");
    assert!(reminder.body_text().contains("Maryse"));
    let link = link_in(&reminder.body_text());
    let place = browser();
    let (status, html) = page(&place, app.url(&link)).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&place, app.url(&link), &[("csrf", csrf.as_str()), ("action", "accept")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.store.referral(due).await.unwrap().state, State::Accepted);
    // The outcome link: the person did not come.
    let mails = smtp.wait_for(4, Duration::from_secs(10)).await;
    let outcome = mails.iter().find(|m| m.subject().ends_with("est-elle venue ?")).expect("the outcome e-mail");
    let link = link_in(&outcome.body_text());
    let (status, html) = page(&place, app.url(&link)).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&place, app.url(&link), &[("csrf", csrf.as_str()), ("action", "no_show")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.store.referral(due).await.unwrap().state, State::NoShow);
    // The first link of the same referral, unused, now finds it answered.
    let (status, html) = page(&place, app.url("/orientation/due-token-0123456789")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("déjà reçu une réponse"));
}

#[tokio::test]
async fn partners_are_invited_send_requests_on_behalf_and_see_only_their_own() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    seed_places(&app).await;
    app.user(Role::Coordinator, "coord@relais.test", &["fr"], &[]).await;
    let coord = browser();
    sign_in_as(&app, &coord, "coord@relais.test").await;

    // The coordinator invites partner A; a bad address is an error tied to its field.
    let (_, html) = page(&coord, app.url("/coordination/partenaires")).await;
    let csrf = csrf_of(&html);
    let (status, html, _) = post_form(&coord, app.url("/coordination/partenaires"), &[("csrf", csrf.as_str()), ("email", "nope"), ("name", "Ana"), ("structure", "CCAS de Chambéry")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("aria-describedby=\"email-error\""));
    let (status, _, _) = post_form(&coord, app.url("/coordination/partenaires"), &[("csrf", csrf.as_str()), ("email", "ana@ccas.test"), ("name", "Ana"), ("structure", "CCAS de Chambéry")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let mail = &smtp.wait_for(1, Duration::from_secs(10)).await[0];
    assert_eq!(mail.rcpt_to, vec!["ana@ccas.test".to_owned()]);
    let body = mail.body_text();
    let start = body.find("/partenaire/invitation/").unwrap();
    let invitation = body[start..].split_whitespace().next().unwrap().to_owned();
    let a = browser();
    let (status, html) = page(&a, app.url(&invitation)).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&html);
    let (status, _, location) = post_form(&a, app.url(&invitation), &[("csrf", csrf.as_str()), ("password", PASSWORD)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/partenaire"));
    let (status, _, _) = post_form(&browser(), app.url(&invitation), &[("csrf", csrf.as_str()), ("password", PASSWORD)]).await;
    assert!(status == StatusCode::GONE || status == StatusCode::FORBIDDEN, "the invitation works once: {status}");
    let ana = app.store.user_by_email("ana@ccas.test").await.unwrap().unwrap();
    assert_eq!(ana.role(), Role::Partner);

    // A partner is not a volunteer.
    let (status, _) = page(&a, app.url("/benevole")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // A request on behalf of a person: the public form's validation plus the consent.
    let (status, html) = page(&a, app.url("/partenaire/demande")).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&html);
    let (status, html, _) = post_form(&a, app.url("/partenaire/demande"), &[("csrf", csrf.as_str()), ("phone", "12"), ("topic", "famille-caf"), ("language", "fr")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"consent-error\"") && html.contains("id=\"phone-error\""), "both errors at once");
    assert_eq!(app.count_requests().await, 0);
    let good = [("csrf", csrf.as_str()), ("phone", "06 12 00 00 77"), ("topic", "famille-caf"), ("language", "fr"), ("first_name", "Jules"), ("consent", "true")];
    let (status, _, location) = post_form(&a, app.url("/partenaire/demande"), &good).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location:?}");
    let sent = app.store.partner_requests(ana.id, 10).await.unwrap();
    assert_eq!(sent.len(), 1);
    let req = app.store.get_request(sent[0].request_id).await.unwrap();
    assert_eq!(req.channel.as_str(), "referral");

    // A partner orients a person to a place from the search.
    let (_, html) = page(&a, app.url("/lieux?near=73000")).await;
    assert!(unescape(&html).contains(&format!("/partenaire/orienter?lieu={WITH_MAIL}")));
    let form = format!("/partenaire/orienter?lieu={WITH_MAIL}");
    let (_, html) = page(&a, app.url(&form)).await;
    let csrf = csrf_of(&html);
    let (status, html, _) = post_form(&a, app.url(&form), &[("csrf", csrf.as_str()), ("nonce", "p-1"), ("topic", "famille-caf"), ("first_name", "Jules")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"consent-error\""));
    let (status, _, _) = post_form(&a, app.url(&form), &[("csrf", csrf.as_str()), ("nonce", "p-1"), ("topic", "famille-caf"), ("first_name", "Jules"), ("consent", "true")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // A's page lists what A sent, journaled; B's lists nothing of A's.
    let (status, html) = page(&a, app.url("/partenaire")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&req.reference) && html.contains("France Services Chambéry"));
    let referral = app.store.referrals_sent_by(ana.id, 10).await.unwrap().remove(0);
    assert!(app.store.referral_access_count(referral.id).await.unwrap() >= 1);
    app.user(Role::Partner, "bea@centre.test", &[], &[]).await;
    let b = browser();
    sign_in_as(&app, &b, "bea@centre.test").await;
    let (status, html) = page(&b, app.url("/partenaire")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains(&req.reference) && !html.contains("France Services Chambéry") && !html.contains("Jules"));
    // B may not record a step on A's referral, nor see the request page.
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&b, app.url(&format!("/orientations/{}/etape", referral.id)), &[("csrf", csrf.as_str()), ("action", "accept")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = page(&b, app.url(&format!("/benevole/demandes/{}", req.id))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Nor may the public reach the partner pages.
    let res = app.client.get(app.url("/partenaire/demande")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "anonymous: sent to sign in");
    assert_eq!(res.headers()["location"], "/connexion");
}

/// With SMS consent and the SMS channel on, the person may get the place's address and today's
/// hours by SMS (through the SMS outbox); a number that sent STOP gets nothing, and the
/// volunteer is told.
#[tokio::test]
async fn the_person_gets_the_address_by_sms_unless_they_sent_stop() {
    let mut config = test_config();
    config.telephony.auth_token = Some(relais_web::telephony::Secret::new("test-auth-token-0123456789"));
    config.telephony.account_sid = "AC0000".into();
    config.telephony.line_number = "+33900000000".into();
    config.telephony.sms_outbound = true;
    // Nothing listens there: the SMS stays in the outbox, which is what is checked.
    config.telephony.api_base = "http://127.0.0.1:9".into();
    let app = TestApp::spawn_with(config).await;
    seed_places(&app).await;
    let (c, id) = held(&app, 5).await;
    let form_url = format!("/benevole/demandes/{id}/orienter?lieu={WITH_MAIL}");
    let (_, html) = page(&c, app.url(&form_url)).await;
    assert!(html.contains("name=\"notify_sms\""), "offered: SMS consent and the channel is on");
    let csrf = csrf_of(&html);
    let (status, _, location) = post_form(&c, app.url(&form_url), &[("csrf", csrf.as_str()), ("nonce", "s-1"), ("consent", "true"), ("notify_sms", "true")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.unwrap().contains("avis=orientation-envoyee"));
    let sms = app.store.recent_sms(10).await.unwrap();
    let to_person = sms.iter().find(|m| m.idempotency_key == "referral-person-sms:s-1").expect("the SMS in the outbox");
    assert_eq!(to_person.recipient.as_deref(), Some(e164(5).as_str()));
    let text = to_person.body_text.clone().unwrap();
    assert!(text.contains("France Services Chambéry") && text.contains("1 place de la Mairie") && text.contains("00:00-24:00"), "{text}");

    // STOP: the referral goes, the SMS does not, the volunteer is told.
    app.store.opt_out_sms(&e164(5), relais_web::now_ms()).await.unwrap();
    let (status, _, location) = post_form(&c, app.url(&form_url), &[("csrf", csrf.as_str()), ("nonce", "s-2"), ("consent", "true"), ("notify_sms", "true")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = location.unwrap();
    assert!(location.contains("avis=orientation-sms-refuse"), "{location}");
    let (_, html) = page(&c, app.url(&location)).await;
    assert!(html.contains("La personne a refusé les SMS (STOP)"));
    assert!(app.store.recent_sms(10).await.unwrap().iter().all(|m| m.idempotency_key != "referral-person-sms:s-2"));
    assert_eq!(app.store.referrals_of_request(id).await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_referral_under_way_warns_its_sender_when_the_place_closes_or_leaves_the_directory() {
    let app = TestApp::spawn().await;
    seed_places(&app).await;
    let (c, id) = held(&app, 8).await;
    // One referral under way (sent, to the place with e-mail) and one already refused (the
    // place without e-mail, answer recorded by the volunteer).
    for (place, nonce) in [(WITH_MAIL, "w-1"), (NO_MAIL, "w-2")] {
        let form_url = format!("/benevole/demandes/{id}/orienter?lieu={place}");
        let (_, html) = page(&c, app.url(&form_url)).await;
        let csrf = csrf_of(&html);
        let (status, _, _) = post_form(&c, app.url(&form_url), &[("csrf", csrf.as_str()), ("nonce", nonce), ("consent", "true")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{place}");
    }
    let refused = app.store.referrals_of_request(id).await.unwrap().into_iter().find(|r| r.place_id == NO_MAIL).unwrap();
    let request_url = app.url(&format!("/benevole/demandes/{id}"));
    let (_, html) = page(&c, request_url.clone()).await;
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&c, app.url(&format!("/orientations/{}/etape", refused.id)), &[("csrf", csrf.as_str()), ("action", "refuse")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let warnings = |html: &str| html.matches("class=\"place-warning\"").count();
    assert_eq!(warnings(&html), 0, "open places warn nobody");
    let to_sender = |app: &TestApp| {
        let store = app.store.clone();
        async move {
            store.recent_messages(100).await.unwrap().into_iter().filter(|m| m.recipient.as_deref() == Some("v8@relais.test")).collect::<Vec<_>>()
        }
    };

    // A closure that ended yesterday says nothing.
    let now = relais_web::now_ms();
    let today = relais_directory::editing::paris_today(now);
    let yesterday = today.yesterday().unwrap();
    app.store.close_place(WITH_MAIL, &yesterday.to_string(), "Travaux", now, None).await.unwrap();
    let (_, html) = page(&c, request_url.clone()).await;
    assert_eq!(warnings(&html), 0, "{html}");

    // A coordinator closes both places until tomorrow: the referral under way warns on the
    // page, and its sender gets one e-mail (none for the refused one, none twice).
    app.user(Role::Coordinator, "coord@relais.test", &["fr"], &[]).await;
    let coord = browser();
    sign_in_as(&app, &coord, "coord@relais.test").await;
    let (_, html) = page(&coord, app.url(&format!("/coordination/lieux/{WITH_MAIL}"))).await;
    let ccsrf = csrf_of(&html);
    let tomorrow = today.tomorrow().unwrap().to_string();
    for place in [WITH_MAIL, NO_MAIL, WITH_MAIL] {
        let fields = [("csrf", ccsrf.as_str()), ("closed_until", tomorrow.as_str()), ("closure_reason", "Travaux")];
        let (status, _, _) = post_form(&coord, app.url(&format!("/coordination/lieux/{place}/fermer")), &fields).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    let (_, html) = page(&c, request_url.clone()).await;
    assert_eq!(warnings(&html), 1, "only the referral under way warns: {html}");
    let shown = today.tomorrow().unwrap().strftime("%d/%m/%Y").to_string();
    assert!(html.contains("Ce lieu est fermé jusqu") && html.contains(&format!("{shown} inclus (Travaux)")), "{html}");
    let mails = to_sender(&app).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    let body = mails[0].body_text.clone().unwrap();
    assert!(mails[0].subject.contains("France Services Chambéry") && body.contains(&format!("{shown} inclus (motif : Travaux)")), "{body}");
    assert!(body.contains(&format!("/benevole/demandes/{id}#orientations")) && !body.contains("Maryse") && !body.contains("Vitale"), "{body}");

    // Archived: orient elsewhere, by e-mail too. In English on an English page.
    for place in [WITH_MAIL, NO_MAIL] {
        let (status, _, _) = post_form(&coord, app.url(&format!("/coordination/lieux/{place}/archiver")), &[("csrf", ccsrf.as_str())]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    let (_, html) = page(&c, request_url.clone()).await;
    assert_eq!(warnings(&html), 1, "{html}");
    assert!(html.contains("est plus dans l") && html.contains("orientez la personne vers un autre lieu"), "{html}");
    let (_, html) = page(&c, app.url(&format!("/benevole/demandes/{id}?lang=en"))).await;
    assert!(html.contains("This place is no longer in the directory: orient the person to another place."), "{html}");
    let mails = to_sender(&app).await;
    assert_eq!(mails.len(), 2, "{mails:?}");
    assert!(mails.iter().any(|m| m.subject.contains("plus dans l'annuaire")), "{mails:?}");
}

/// An active account in `network`, created in storage.
async fn member(app: &TestApp, role: Role, email: &str, network: i64) -> i64 {
    let new = relais_store::NewUser {
        email: email.into(),
        display_name: email.split('@').next().unwrap().into(),
        password: PASSWORD.into(),
        role,
        status: relais_store::AccountStatus::Active,
        languages: vec!["fr".into()],
        topic_skills: vec![],
        networks: vec![network],
    };
    app.store.create_user(&new, relais_web::now_ms()).await.unwrap().id
}

#[tokio::test]
async fn coordinators_follow_the_referrals_of_their_networks_without_the_persons_data() {
    let app = TestApp::spawn().await;
    seed_places(&app).await;
    let now = relais_web::now_ms();
    let a = app.store.ensure_network("Réseau Savoie", now).await.unwrap().id;
    let b = app.store.ensure_network("Réseau Isère", now).await.unwrap().id;
    let in_a = member(&app, Role::Volunteer, "ines@relais.test", a).await;
    let in_b = member(&app, Role::Volunteer, "bruno@relais.test", b).await;
    member(&app, Role::Coordinator, "coord-a@relais.test", a).await;
    for (sender, key) in [(in_a, "k-a"), (in_b, "k-b")] {
        let new = NewReferral {
            request_id: None,
            place_id: WITH_MAIL.into(),
            place_name: "France Services Chambéry".into(),
            place_email: Some("accueil@fs-chambery.test".into()),
            topic: "famille-caf".into(),
            first_name: Some("Maryse".into()),
            need: Some("Refaire sa carte Vitale".into()),
            sender_id: sender,
            consent_at: now,
            expires_at: now + 30 * DAY,
            form_key: key.into(),
        };
        app.store.create_referral(&new, None, None, None, now).await.unwrap();
    }

    // A coordinator sees what their network sent, not the other network's, and no first name
    // or need of the person.
    let c = browser();
    sign_in_as(&app, &c, "coord-a@relais.test").await;
    let (status, html) = page(&c, app.url("/coordination/orientations")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("1 orientation.") && html.contains("<td>ines</td>") && !html.contains("bruno"), "{html}");
    assert!(!html.contains("Maryse") && !html.contains("Vitale"), "no personal data of the person: {html}");
    assert!(html.contains("France Services Chambéry") && html.contains("Envoyée"), "{html}");
    // Filtered by state.
    let (_, html) = page(&c, app.url("/coordination/orientations?etat=accepted")).await;
    assert!(html.contains("Aucune orientation."), "{html}");
    // An administrator sees both; a volunteer may not see the list.
    app.user(Role::Admin, "admin@relais.test", &["fr"], &[]).await;
    let admin = browser();
    sign_in_as(&app, &admin, "admin@relais.test").await;
    let (_, html) = page(&admin, app.url("/coordination/orientations?lang=en")).await;
    assert!(html.contains("2 referrals.") && html.contains("<td>ines</td>") && html.contains("<td>bruno</td>"), "{html}");
    let v = browser();
    sign_in_as(&app, &v, "ines@relais.test").await;
    let (status, _) = page(&v, app.url("/coordination/orientations")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_coordinator_deactivates_a_partner_of_their_network_from_the_partners_page() {
    let app = TestApp::spawn().await;
    let now = relais_web::now_ms();
    let a = app.store.ensure_network("Réseau Savoie", now).await.unwrap().id;
    let b = app.store.ensure_network("Réseau Isère", now).await.unwrap().id;
    member(&app, Role::Coordinator, "coord-a@relais.test", a).await;
    let ours = member(&app, Role::Partner, "ccas@savoie.test", a).await;
    member(&app, Role::Partner, "ccas@isere.test", b).await;
    let c = browser();
    sign_in_as(&app, &c, "coord-a@relais.test").await;
    let (_, html) = page(&c, app.url("/coordination/partenaires")).await;
    // A button for the partner of the coordinator's network only.
    assert_eq!(html.matches("/statut\"").count(), 1, "{html}");
    assert!(html.contains(&format!("action=\"/coordination/benevoles/{ours}/statut\"")), "{html}");
    let csrf = csrf_of(&html);
    let url = app.url(&format!("/coordination/benevoles/{ours}/statut"));
    let (status, _, location) = post_form(&c, url.clone(), &[("csrf", csrf.as_str()), ("status", "deactivated"), ("retour", "partenaires")]).await;
    assert_eq!((status, location.as_deref()), (StatusCode::SEE_OTHER, Some("/coordination/partenaires")));
    assert_eq!(app.store.user(ours).await.unwrap().status, relais_store::AccountStatus::Deactivated);
    // The partner can no longer sign in; reactivated, they can.
    let partner = browser();
    let (_, login) = page(&partner, app.url("/connexion")).await;
    let pcsrf = csrf_of(&login);
    let (status, _, _) = post_form(&partner, app.url("/connexion"), &[("csrf", pcsrf.as_str()), ("email", "ccas@savoie.test"), ("password", PASSWORD)]).await;
    assert_ne!(status, StatusCode::SEE_OTHER, "a deactivated partner does not sign in");
    let (status, _, _) = post_form(&c, url, &[("csrf", csrf.as_str()), ("status", "active"), ("retour", "partenaires")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    sign_in_as(&app, &partner, "ccas@savoie.test").await;
}
