//! "Appeler" from the console through the provider: the REST call is checked against a local
//! recording server, then the provider's signed webhooks are driven as Twilio drives them
//! (form-encoded, signed), every TwiML answer parsed as XML, attempts asserted on the
//! timeline. Also the "we tried to reach you" SMS and SMS delivery receipts.

use crate::support::provider::Provider;
use crate::support::twiml::{parse, El};
use crate::support::{browser, csrf_of, e164, page, phone, sign_in_as, test_config, TestApp};
use relais_domain::authz::Role;
use relais_domain::telephony::signature;
use relais_store::people::ProfileUpdate;
use relais_web::telephony::Secret;
use relais_web::WebConfig;
use reqwest::{Client, StatusCode};
use serde_json::json;
use std::time::Duration;

const TOKEN: &str = "test-auth-token-0123456789";
const SID: &str = "AC0000";
const LINE: &str = "+33199001234";
const VOLUNTEER_PHONE: &str = "+33611223344";

fn config(provider: &Provider) -> WebConfig {
    let mut c = test_config();
    c.telephony.auth_token = Some(Secret::new(TOKEN));
    c.telephony.account_sid = SID.into();
    c.telephony.line_number = LINE.into();
    c.telephony.api_base = provider.url.clone();
    c.telephony.sms_outbound = true;
    c
}

async fn give_phone(app: &TestApp, user_id: i64, phone: Option<&str>) {
    app.store
        .save_profile(
            user_id,
            &ProfileUpdate {
                languages: vec!["fr".into()],
                topics: vec![],
                max_hours_per_week: None,
                email_reminders: false,
                email_appeals: false,
                phone: phone.map(str::to_owned),
                phone_visible_to: relais_domain::people::PhoneVisibility::Nobody,
            },
        )
        .await
        .unwrap();
}

/// A volunteer signed in with a browser, on duty, holding the next request. Returns the
/// browser, the CSRF token and the request id.
async fn volunteer_holding(app: &TestApp, email: &str) -> (Client, String, i64) {
    let b = browser();
    sign_in_as(app, &b, email).await;
    let (_, html) = page(&b, app.url("/benevole")).await;
    let csrf = csrf_of(&html);
    b.post(app.url("/benevole/service")).form(&[("csrf", csrf.as_str()), ("on_duty", "true")]).send().await.unwrap();
    let res = b.post(app.url("/benevole/suivante")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = res.headers()["location"].to_str().unwrap().trim_start_matches("/benevole/demandes/").parse().unwrap();
    (b, csrf, id)
}

/// Posts a webhook signed as the provider signs it.
async fn hook(app: &TestApp, path_and_query: &str, params: &[(&str, &str)]) -> (StatusCode, String) {
    let url = app.url(path_and_query);
    let owned: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let sig = signature::sign(TOKEN, &url, &owned);
    let res = app.client.post(&url).header("X-Twilio-Signature", sig).form(&owned).send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

async fn twiml(app: &TestApp, path_and_query: &str, params: &[(&str, &str)]) -> El {
    let (status, body) = hook(app, path_and_query, params).await;
    assert_eq!(status, StatusCode::OK, "{path_and_query}: {body}");
    parse(&body)
}

fn local(app: &TestApp, url: &str) -> String {
    url.strip_prefix(&app.addr).unwrap_or_else(|| panic!("{url} is not on {}", app.addr)).to_owned()
}

fn leg<'a>(sid: &'a str) -> Vec<(&'a str, &'a str)> {
    // The volunteer's leg: from the line to the volunteer's phone.
    vec![("AccountSid", SID), ("CallSid", sid), ("From", LINE), ("To", VOLUNTEER_PHONE), ("Direction", "outbound-api")]
}

fn with<'a>(mut p: Vec<(&'a str, &'a str)>, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    p.extend_from_slice(extra);
    p
}

fn sms<'a>(to: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("AccountSid", SID), ("From", LINE), ("To", to), ("MessageSid", "SM1"), ("ApiVersion", "2010-04-01")]
}

fn attempts(timeline: &[relais_store::TimelineEvent]) -> Vec<String> {
    timeline.iter().filter(|e| e.kind == "attempt").map(|e| e.detail.clone().unwrap_or_default()).collect()
}

async fn calls(provider: &Provider) -> Vec<crate::support::provider::Received> {
    provider.received().into_iter().filter(|r| r.path.ends_with("/Calls.json")).collect()
}

/// Presses "Appeler"; returns the REST request the provider received and the call's
/// webhook paths (answer, status).
async fn press_call(app: &TestApp, provider: &Provider, b: &Client, csrf: &str, id: i64) -> (crate::support::provider::Received, String) {
    let before = calls(provider).await.len();
    let res = b.post(app.url(&format!("/benevole/demandes/{id}/appeler"))).form(&[("csrf", csrf)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], format!("/benevole/demandes/{id}?avis=appel").as_str());
    let got = calls(provider).await;
    assert_eq!(got.len(), before + 1, "one Calls.json request");
    let sid = format!("CA{:032}", provider.received().len());
    (got[before].clone(), sid)
}

#[tokio::test]
async fn appeler_rings_the_volunteer_then_bridges_and_the_callbacks_record_the_attempt_once() {
    let provider = Provider::start(&[]).await;
    let app = TestApp::spawn_with(config(&provider)).await;
    let v = app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    give_phone(&app, v.id, Some(VOLUNTEER_PHONE)).await;
    let res = app.submit(json!({"phone": phone(1), "topic": "famille-visio", "language": "fr", "sms_consent": true})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let (b, csrf, id) = volunteer_holding(&app, "v@relais.test").await;

    // The console offers the call; the person's number stays masked.
    let (_, html) = page(&b, app.url(&format!("/benevole/demandes/{id}"))).await;
    assert!(html.contains(&format!("action=\"/benevole/demandes/{id}/appeler\"")), "Appeler is offered");
    assert!(!html.contains(&e164(1)) && !html.contains("06 12 00 00 01"), "the person's number is not shown");

    let (rest, sid) = press_call(&app, &provider, &b, &csrf, id).await;
    assert_eq!(rest.method, "POST");
    assert_eq!(rest.path, format!("/2010-04-01/Accounts/{SID}/Calls.json"));
    use base64::Engine;
    assert_eq!(rest.auth, format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{SID}:{TOKEN}"))));
    assert_eq!(rest.field("To"), Some(VOLUNTEER_PHONE), "the volunteer's own phone first");
    assert_eq!(rest.field("From"), Some(LINE), "shown the line's number");
    assert_eq!(rest.field("Method"), Some("POST"));
    assert_eq!(rest.fields("StatusCallbackEvent"), ["answered", "completed"]);
    let answer = local(&app, rest.field("Url").unwrap());
    let status = local(&app, rest.field("StatusCallback").unwrap());
    assert!(answer.starts_with("/telephony/twiml/callback/answer?call="), "{answer}");
    assert!(status.starts_with("/telephony/callback/status?call="), "{status}");
    assert!(rest.form.iter().all(|(_, v)| !v.contains(&e164(1))), "the person's number is not sent before the volunteer answers");
    let (_, html) = page(&b, app.url(&format!("/benevole/demandes/{id}?avis=appel"))).await;
    assert!(html.contains("La ligne appelle votre téléphone") && html.contains("votre téléphone sonne"));

    // Pressing again while it rings does not ring twice.
    let res = b.post(app.url(&format!("/benevole/demandes/{id}/appeler"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("déjà en cours"));
    assert_eq!(calls(&provider).await.len(), 1);

    // Unsigned, the webhook is refused.
    let res = app.client.post(app.url(&answer)).form(&leg(&sid)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Another call's sid gets nothing.
    assert_eq!(twiml(&app, &answer, &leg("CA-other")).await.names(), ["Hangup"]);

    // The volunteer picks up: they press 1 to call the person (a voicemail never does).
    let picked = twiml(&app, &answer, &with(leg(&sid), &[("CallStatus", "in-progress")])).await;
    assert_eq!(picked.names(), ["Gather", "Hangup"]);
    let gather = picked.child("Gather");
    assert_eq!(gather.attr("numDigits"), "1");
    let reference = app.store.get_request(id).await.unwrap().reference;
    assert!(gather.says()[0].contains(&relais_domain::telephony::ivr::spell(&reference)), "{:?}", gather.says());
    let connect = local(&app, gather.attr("action"));
    assert_eq!(twiml(&app, &connect, &with(leg(&sid), &[("Digits", "5")])).await.names(), ["Hangup"], "another key hangs up");

    let bridge = twiml(&app, &connect, &with(leg(&sid), &[("Digits", "1")])).await;
    assert_eq!(bridge.names(), ["Say", "Dial"]);
    let dial = bridge.child("Dial");
    assert_eq!(dial.attr("callerId"), LINE, "the person sees the line's number");
    assert_eq!(dial.names(), ["Number"]);
    assert_eq!(dial.child("Number").text, e164(1));
    assert!(!dial.child("Number").attrs.contains_key("url"), "no whisper on the person's leg");
    let dial_done = local(&app, dial.attr("action"));

    // Nobody answers: a no_answer attempt, the request goes back to the queue, and the
    // person, who consented, gets the "we tried to reach you" SMS.
    let ended = twiml(&app, &dial_done, &with(leg(&sid), &[("DialCallStatus", "no-answer"), ("DialCallDuration", "0")])).await;
    assert!(ended.says()[0].contains("n'a pas répondu"), "{:?}", ended.says());
    let timeline = app.store.timeline(id).await.unwrap();
    assert_eq!(attempts(&timeline), ["no_answer"]);
    assert_eq!(timeline.iter().find(|e| e.kind == "attempt").unwrap().actor_id, Some(v.id));
    let req = app.store.get_request(id).await.unwrap();
    assert_eq!((req.status.as_str(), req.failed_attempts), ("waiting", 1));

    // The provider retries the Dial action, and the leg completes: nothing more.
    twiml(&app, &dial_done, &with(leg(&sid), &[("DialCallStatus", "no-answer")])).await;
    assert_eq!(twiml(&app, &status, &with(leg(&sid), &[("CallStatus", "completed"), ("CallDuration", "31")])).await.names(), Vec::<&str>::new());
    assert_eq!(attempts(&app.store.timeline(id).await.unwrap()), ["no_answer"], "one attempt whatever the retries");
    assert_eq!(app.store.latest_line_call(id).await.unwrap().unwrap().state, "no_answer", "the leg's end does not overwrite the result");

    let tried: Vec<_> = app.store.recent_sms(10).await.unwrap().into_iter().filter(|m| m.subject == "we tried to reach you").collect();
    assert_eq!(tried.len(), 1, "one SMS per attempt");
    let messages = provider.wait_for(2).await;
    let sms = messages.iter().find(|r| r.path.ends_with("/Messages.json")).expect("the SMS was sent");
    assert_eq!(sms.field("To"), Some(e164(1).as_str()));
    let body = sms.field("Body").unwrap();
    assert!(body.contains(&app.state.config.line_phone), "the line's number to call back: {body}");
    assert!(!body.contains(&reference) && !body.contains("06 12"), "nothing personal: {body}");
    assert_eq!(relais_domain::telephony::sms::segments(body).count, 1, "{body}");
    // The telephony log keeps codes only.
    let log = app.store.recent_telephony(50).await.unwrap();
    assert!(log.iter().any(|e| e.kind == "line_call" && e.result == "no_answer"));
    assert!(log.iter().all(|e| !e.result.contains("CA") && !e.result.contains("+33")));
}

#[tokio::test]
async fn a_reached_person_keeps_the_request_and_an_unreached_volunteer_records_no_attempt() {
    let provider = Provider::start(&[]).await;
    let app = TestApp::spawn_with(config(&provider)).await;
    let v = app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    give_phone(&app, v.id, Some(VOLUNTEER_PHONE)).await;
    app.submit_ok(&phone(2), "famille-visio", "fr").await;
    let (b, csrf, id) = volunteer_holding(&app, "v@relais.test").await;

    // The volunteer's own phone does not answer: the person was never called.
    let (rest, sid) = press_call(&app, &provider, &b, &csrf, id).await;
    let status = local(&app, rest.field("StatusCallback").unwrap());
    twiml(&app, &status, &with(leg(&sid), &[("CallStatus", "no-answer")])).await;
    assert!(attempts(&app.store.timeline(id).await.unwrap()).is_empty());
    assert_eq!(app.store.latest_line_call(id).await.unwrap().unwrap().state, "volunteer_unreached");
    let (_, html) = page(&b, app.url(&format!("/benevole/demandes/{id}"))).await;
    assert!(html.contains("Dernier appel : votre téléphone n&#x27;a pas répondu") || html.contains("Dernier appel : votre téléphone n&#39;a pas répondu"));

    // Again; this time the person answers.
    let (rest, sid) = press_call(&app, &provider, &b, &csrf, id).await;
    let answer = local(&app, rest.field("Url").unwrap());
    let connect = local(&app, twiml(&app, &answer, &leg(&sid)).await.child("Gather").attr("action"));
    let dial_done = local(&app, twiml(&app, &connect, &with(leg(&sid), &[("Digits", "1")])).await.child("Dial").attr("action"));
    let ended = twiml(&app, &dial_done, &with(leg(&sid), &[("DialCallStatus", "completed"), ("DialCallDuration", "240")])).await;
    assert_eq!(ended.names(), ["Say", "Hangup"]);
    assert_eq!(attempts(&app.store.timeline(id).await.unwrap()), ["reached"]);
    let req = app.store.get_request(id).await.unwrap();
    assert!(req.snapshot().is_held_by(v.id), "a reached person: the request stays the volunteer's");
    assert!(req.first_callback_at.is_some());
    assert!(app.store.recent_sms(10).await.unwrap().is_empty(), "no SMS after a reached attempt");

    // Released, a late callback of a new call cannot touch the request.
    let (rest, sid) = press_call(&app, &provider, &b, &csrf, id).await;
    let answer = local(&app, rest.field("Url").unwrap());
    let connect = local(&app, twiml(&app, &answer, &leg(&sid)).await.child("Gather").attr("action"));
    let dial_done = local(&app, twiml(&app, &connect, &with(leg(&sid), &[("Digits", "1")])).await.child("Dial").attr("action"));
    let res = b.post(app.url(&format!("/benevole/demandes/{id}/liberer"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    twiml(&app, &dial_done, &with(leg(&sid), &[("DialCallStatus", "busy")])).await;
    assert_eq!(attempts(&app.store.timeline(id).await.unwrap()), ["reached"], "not the volunteer's any more: no attempt");
    assert_eq!(app.store.latest_line_call(id).await.unwrap().unwrap().state, "busy");
    // And a new answer on it is told so.
    let late = twiml(&app, &answer, &leg(&sid)).await;
    assert_eq!(late.names(), ["Say", "Hangup"]);
    assert!(late.says()[0].contains("plus la vôtre"));
}

#[tokio::test]
async fn a_volunteer_without_a_phone_is_told_and_without_a_provider_the_number_is_shown_with_the_advice() {
    let provider = Provider::start(&[]).await;
    let app = TestApp::spawn_with(config(&provider)).await;
    app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    app.submit_ok(&phone(3), "famille-visio", "fr").await;
    let (b, csrf, id) = volunteer_holding(&app, "v@relais.test").await;
    let (_, html) = page(&b, app.url(&format!("/benevole/demandes/{id}"))).await;
    assert!(html.contains("indiquez votre numéro de téléphone dans votre profil"), "told to add a phone");
    assert!(!html.contains("/appeler\""), "no Appeler button");
    let res = b.post(app.url(&format!("/benevole/demandes/{id}/appeler"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("indiquez votre numéro de téléphone"));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(calls(&provider).await.is_empty(), "nothing asked of the provider");

    // No provider: the number is shown to the holder, with the advice and a link that hides
    // their caller id; the view is journaled.
    let plain = TestApp::spawn().await;
    plain.user(Role::Volunteer, "w@relais.test", &["fr"], &[]).await;
    plain.submit_ok(&phone(4), "famille-visio", "fr").await;
    let (b, _csrf, id) = volunteer_holding(&plain, "w@relais.test").await;
    let (_, html) = page(&b, plain.url(&format!("/benevole/demandes/{id}"))).await;
    assert!(html.contains(&format!("href=\"tel:{}\"", e164(4))));
    assert!(html.contains(&format!("href=\"tel:%2331%23{}\"", e164(4))), "the #31# link");
    assert!(html.contains("Masquez votre numéro"));
    assert!(!html.contains("Appeler par la ligne"));
    let journal = plain.store.access_journal(Some(id), 10).await.unwrap();
    assert!(journal.iter().any(|e| e.action == "view"), "{journal:?}");
}

#[tokio::test]
async fn a_no_answer_from_the_console_texts_only_people_who_consented_once_per_attempt() {
    let provider = Provider::start(&[]).await;
    let app = TestApp::spawn_with(config(&provider)).await;
    app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    let res = app.submit(json!({"phone": phone(5), "topic": "famille-visio", "language": "fr", "sms_consent": true})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let (b, csrf, consented) = volunteer_holding(&app, "v@relais.test").await;
    let form = [("csrf", csrf.as_str()), ("result", "no_answer")];
    let res = b.post(app.url(&format!("/benevole/demandes/{consented}/tentative"))).form(&form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let tried = app.store.recent_sms(10).await.unwrap();
    assert_eq!(tried.len(), 1);
    assert_eq!((tried[0].subject.as_str(), tried[0].recipient.as_deref()), ("we tried to reach you", Some(e164(5).as_str())));
    assert!(tried[0].idempotency_key.starts_with(&format!("sms-tried:{consented}:")));

    // Without consent, or after a wrong number: nothing.
    app.submit_ok(&phone(6), "famille-visio", "fr").await;
    let res = b.post(app.url("/benevole/suivante")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    let other: i64 = res.headers()["location"].to_str().unwrap().trim_start_matches("/benevole/demandes/").parse().unwrap();
    assert_ne!(other, consented);
    let res = b.post(app.url(&format!("/benevole/demandes/{other}/tentative"))).form(&form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.recent_sms(10).await.unwrap().len(), 1, "no consent, no SMS");
    assert_eq!(attempts(&app.store.timeline(other).await.unwrap()), ["no_answer"]);
}

#[tokio::test]
async fn sms_delivery_receipts_are_signed_idempotent_and_shown_to_coordinators() {
    let provider = Provider::start(&[]).await;
    let app = TestApp::spawn_with(config(&provider)).await;
    let msg = |key: &str, n: u32| relais_store::outbox::NewMessage {
        idempotency_key: key.into(),
        recipient: e164(n),
        subject: "test".into(),
        body_text: "Relais".into(),
        not_before_ms: 0,
    };
    app.store.enqueue_sms(&msg("d:1", 7), 0).await.unwrap();
    app.store.enqueue_sms(&msg("d:2", 8), 0).await.unwrap();
    let got = provider.wait_for(2).await;
    let callbacks: Vec<String> = got.iter().map(|r| local(&app, r.field("StatusCallback").unwrap())).collect();
    let (first, second) = (e164(7), e164(8));
    let by_to = |to: &str| callbacks[got.iter().position(|r| r.field("To") == Some(to)).unwrap()].clone();

    // Unsigned: refused, nothing recorded.
    let res = app.client.post(app.url(&by_to(&first))).form(&with(sms(&first), &[("MessageStatus", "delivered")])).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // sent, delivered, then a late or retried sent: delivered stays.
    for status in ["sent", "delivered", "sent", "delivered"] {
        let (code, _) = hook(&app, &by_to(&first), &with(sms(&first), &[("MessageStatus", status)])).await;
        assert_eq!(code, StatusCode::NO_CONTENT);
    }
    let (code, _) = hook(&app, &by_to(&second), &with(sms(&second), &[("MessageStatus", "undelivered"), ("ErrorCode", "30003")])).await;
    assert_eq!(code, StatusCode::NO_CONTENT);
    let (code, _) = hook(&app, &by_to(&second), &with(sms(&second), &[("MessageStatus", "whatever")])).await;
    assert_eq!(code, StatusCode::BAD_REQUEST);

    let rows = app.store.recent_sms_with_delivery(10).await.unwrap();
    let of = |key: &str| rows.iter().find(|r| r.msg.idempotency_key == key).unwrap();
    assert_eq!(of("d:1").delivery_status.as_deref(), Some("delivered"));
    assert_eq!((of("d:2").delivery_status.as_deref(), of("d:2").delivery_error.as_deref()), (Some("undelivered"), Some("30003")));
    let receipts = app.store.recent_telephony(50).await.unwrap().into_iter().filter(|e| e.kind == "sms_receipt").count();
    assert_eq!(receipts, 3, "sent, delivered, undelivered: retries log nothing");

    let coord = browser();
    app.user(Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    sign_in_as(&app, &coord, "c@relais.test").await;
    let (_, html) = page(&coord, app.url("/coordination/telephonie")).await;
    assert!(html.contains("data-delivery=\"delivered\">remis<"), "delivered shown");
    assert!(html.contains("non remis (30003)"), "the error code shown");
    assert!(html.contains("/telephony/sms/status"), "the receipts URL is listed");
    assert!(!html.contains(&first) && !html.contains(&second), "numbers masked");
}

#[tokio::test]
async fn the_telephony_log_written_off_the_answer_path_loses_no_line_and_reads_its_writes() {
    let app = TestApp::spawn_with(test_config()).await;
    // Lines handed over from many tasks at once are written in batches, none lost.
    let handles: Vec<_> = (0..300)
        .map(|i| {
            let store = app.store.clone();
            tokio::spawn(async move { store.log_telephony("call_status", if i % 2 == 0 { "completed" } else { "busy" }, i).await })
        })
        .collect();
    for h in handles {
        h.await.unwrap().unwrap();
    }
    // Read right after: the read waits for the lines handed over before it.
    let log = app.store.recent_telephony(1000).await.unwrap();
    assert_eq!(log.len(), 300);
    assert_eq!(log.iter().filter(|e| e.result == "busy").count(), 150);
    // Through the webhook too: its line is on the page's read at once.
    let mut c = test_config();
    c.telephony.auth_token = Some(Secret::new(TOKEN));
    c.telephony.line_number = LINE.into();
    let line = TestApp::spawn_with(c).await;
    let (status, _) = hook(&line, "/telephony/twiml/voice", &[("CallSid", "CA-log"), ("From", e164(9).as_str())]).await;
    assert_eq!(status, StatusCode::OK);
    let log = line.store.recent_telephony(10).await.unwrap();
    assert_eq!((log.len(), log[0].kind.as_str()), (1, "incoming_call"));
}
