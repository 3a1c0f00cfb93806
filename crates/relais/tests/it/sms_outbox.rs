//! Outgoing SMS: the outbox's `sms` channel and its sender, checked against a local HTTP
//! server that records exactly what the provider would receive (method, path, basic auth,
//! form body) and answers as Twilio does (201 with a sid) or with a chosen error.

use crate::support::provider::Provider;
use crate::support::twiml::parse;
use crate::support::{browser, csrf_of, e164, page, phone, sign_in_as, test_config, TestApp};
use relais_domain::schedule::DayHours;
use relais_domain::telephony::signature;
use relais_domain::authz::Role;
use relais_web::telephony::Secret;
use relais_web::WebConfig;
use reqwest::StatusCode;
use std::time::Duration;

const TOKEN: &str = "test-auth-token-0123456789";
const SID: &str = "AC0000";
const LINE: &str = "+33199001234";

fn config(provider: &Provider) -> WebConfig {
    let mut c = test_config();
    c.telephony.auth_token = Some(Secret::new(TOKEN));
    c.telephony.account_sid = SID.into();
    c.telephony.line_number = LINE.into();
    c.telephony.sms_outbound = true;
    c.telephony.api_base = provider.url.clone();
    c
}

fn sms(key: &str, to: &str, text: &str) -> relais_store::outbox::NewMessage {
    relais_store::outbox::NewMessage {
        idempotency_key: key.into(),
        recipient: to.into(),
        subject: "test".into(),
        body_text: text.into(),
        not_before_ms: 0,
    }
}

/// Waits until the outbox message `key` is no longer queued.
async fn finished(app: &TestApp, key: &str) -> relais_store::outbox::OutboxMessage {
    for _ in 0..100 {
        let all = app.store.recent_sms(100).await.unwrap();
        if let Some(m) = all.into_iter().find(|m| m.idempotency_key == key && m.status != "queued") {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{key} still queued");
}

fn basic(user: &str, pass: &str) -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}")))
}

#[tokio::test]
async fn an_sms_is_posted_to_twilios_messages_api_exactly() {
    let provider = Provider::start(&[]).await;
    let app = TestApp::spawn_with(config(&provider)).await;
    let text = "Relais : demande enregistree, reference ACD-347.";
    let queued = app.store.enqueue_sms(&sms("t:1", &e164(1), text), 0).await.unwrap();
    assert_eq!(queued, relais_store::sms_outbox::SmsEnqueued::Queued);
    let got = provider.wait_for(1).await;
    let r = &got[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, format!("/2010-04-01/Accounts/{SID}/Messages.json"));
    assert_eq!(r.auth, basic(SID, TOKEN));
    let mut form = r.form.clone();
    form.sort();
    let m = finished(&app, "t:1").await;
    // Its delivery receipts come back to Relais, the outbox id in the signed URL.
    let receipts = app.url(&format!("/telephony/sms/status?id={}", m.id));
    assert_eq!(
        form,
        vec![("Body".into(), text.into()), ("From".into(), LINE.into()), ("StatusCallback".into(), receipts), ("To".into(), e164(1))]
    );
    assert_eq!(m.status, "sent");
    assert_eq!(m.provider_id.as_deref(), Some("SM00000000000000000000000000000001"), "the returned sid is kept");
    // The same key again queues nothing.
    assert_eq!(app.store.enqueue_sms(&sms("t:1", &e164(1), text), 0).await.unwrap(), relais_store::sms_outbox::SmsEnqueued::Known);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(provider.received().len(), 1);
}

#[tokio::test]
async fn a_server_error_is_retried_then_delivered_once_and_a_4xx_fails_for_good() {
    let provider = Provider::start(&[500, 503]).await;
    let app = TestApp::spawn_with(config(&provider)).await;
    app.store.enqueue_sms(&sms("r:1", &e164(2), "a"), 0).await.unwrap();
    let m = finished(&app, "r:1").await;
    assert_eq!((m.status.as_str(), m.attempts), ("sent", 3), "two 5xx, then sent");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(provider.received().len(), 3, "delivered once, no more requests after the 201");

    let rejecting = Provider::start(&[400, 400, 400]).await;
    let app = TestApp::spawn_with(config(&rejecting)).await;
    app.store.enqueue_sms(&sms("r:2", &e164(3), "b"), 0).await.unwrap();
    let m = finished(&app, "r:2").await;
    assert_eq!((m.status.as_str(), m.attempts), ("failed", 1), "a 4xx is permanent");
    assert_eq!(m.last_error.as_deref(), Some("SMS provider rejected (400)"));
    assert!(!m.last_error.unwrap().contains("+33"), "no number in the error");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(rejecting.received().len(), 1);
}

#[tokio::test]
async fn an_opted_out_number_is_never_sent_to() {
    let provider = Provider::start(&[]).await;
    // The sender does not run in the first instance (SMS off): the SMS waits, then STOP comes.
    let mut off = config(&provider);
    off.telephony.sms_outbound = false;
    let app = TestApp::spawn_with(off).await;
    app.store.enqueue_sms(&sms("o:1", &e164(4), "avant STOP"), 0).await.unwrap();
    let url = app.url("/telephony/twiml/sms");
    let params: Vec<(String, String)> =
        [("MessageSid", "SM1"), ("From", e164(4).as_str()), ("To", LINE), ("Body", "Stop")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let sig = signature::sign(TOKEN, &url, &params);
    let res = app.client.post(&url).header("X-Twilio-Signature", sig).form(&params).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // Enqueueing after STOP writes nothing.
    assert_eq!(app.store.enqueue_sms(&sms("o:2", &e164(4), "après STOP"), 0).await.unwrap(), relais_store::sms_outbox::SmsEnqueued::OptedOut);
    // An instance that sends SMS now finds the queued one: checked again at send time.
    let sender = app.another_instance(config(&provider)).await;
    let m = finished(&sender, "o:1").await;
    assert_eq!((m.status.as_str(), m.last_error.as_deref()), ("failed", Some("number opted out (STOP)")));
    assert!(app.store.recent_sms(10).await.unwrap().iter().all(|m| m.idempotency_key != "o:2"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(provider.received().is_empty(), "nothing reached the provider");
}

#[tokio::test]
async fn the_generic_http_gateway_gets_the_url_template_filled_in() {
    let provider = Provider::start(&[]).await;
    let mut c = config(&provider);
    c.telephony.sms_http_url = Some(Secret::new(format!("{}/send?to={{to}}&text={{text}}&key=k1", provider.url)));
    c.telephony.sms_http_method = "GET".into();
    let app = TestApp::spawn_with(c).await;
    app.store.enqueue_sms(&sms("g:1", &e164(5), "Réf. A & B"), 0).await.unwrap();
    let got = provider.wait_for(1).await;
    assert_eq!((got[0].method.as_str(), got[0].path.as_str()), ("GET", "/send"));
    assert_eq!(got[0].query, "to=%2B33612000005&text=R%C3%A9f.%20A%20%26%20B&key=k1");
    assert_eq!(finished(&app, "g:1").await.status, "sent");
}

/// Posts a signed voice webhook and parses the TwiML.
async fn voice(app: &TestApp, path_and_query: &str, params: &[(&str, &str)]) -> crate::support::twiml::El {
    let url = app.url(path_and_query);
    let owned: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let sig = signature::sign(TOKEN, &url, &owned);
    let res = app.client.post(&url).header("X-Twilio-Signature", sig).form(&owned).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    parse(&res.text().await.unwrap())
}

#[tokio::test]
async fn the_callers_consent_key_queues_exactly_one_confirmation_sms() {
    let provider = Provider::start(&[]).await;
    let app = TestApp::spawn_with(config(&provider)).await;
    let settings = app.store.shift_settings().await.unwrap();
    app.store.save_service_hours(&[Some(DayHours::new(0, 24 * 60).unwrap()); 7], false, settings).await.unwrap();
    let from = e164(6);
    let call = [("AccountSid", SID), ("CallSid", "CA-consent"), ("From", from.as_str()), ("To", LINE), ("Digits", "2")];
    let answer = voice(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=1", &call).await;
    assert_eq!(answer.names(), ["Say", "Gather", "Hangup"], "the callback is read, then the SMS is offered");
    let gather = answer.child("Gather");
    assert!(gather.says().join(" ").contains("par SMS, tapez 1"));
    let action = gather.attr("action").strip_prefix(&app.addr).unwrap().to_owned();
    let made = app.store.call_request("CA-consent").await.unwrap().unwrap();
    assert!(!made.sms_consent, "no consent before the key");
    let reference = made.reference;

    // Another key: no SMS.
    let other = [("AccountSid", SID), ("CallSid", "CA-other"), ("From", from.as_str()), ("To", LINE), ("Digits", "5")];
    assert_eq!(voice(&app, &action, &other).await.names(), ["Say", "Hangup"]);
    // The consent key, twice (a provider retry): one SMS.
    let yes = [("AccountSid", SID), ("CallSid", "CA-consent"), ("From", from.as_str()), ("To", LINE), ("Digits", "1")];
    for _ in 0..2 {
        let done = voice(&app, &action, &yes).await;
        assert!(done.says().join(" ").contains("recevoir un SMS"));
    }
    assert!(app.store.call_request("CA-consent").await.unwrap().unwrap().sms_consent, "the key set the request's SMS consent");
    let got = provider.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(provider.received().len(), 1, "exactly one SMS");
    let body = got[0].form.iter().find(|(k, _)| k == "Body").unwrap().1.clone();
    assert!(body.contains(&reference) && body.contains("STOP"), "{body}");
    assert!(!body.contains("+33") && !body.contains("06 12"), "no personal details: {body}");
    let seg = relais_domain::telephony::sms::segments(&body);
    assert_eq!(seg.count, 1, "one segment: {body}");
    // The coordinators' page lists it with the number masked.
    let coord = browser();
    app.user(Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    sign_in_as(&app, &coord, "c@relais.test").await;
    let (_, html) = page(&coord, app.url("/coordination/telephonie")).await;
    assert!(html.contains("id=\"sms-outbox\"") && html.contains("callback confirmation"));
    assert!(!html.contains(&from) && !html.contains("06 12 00 00 06"), "the number is masked");
}

#[tokio::test]
async fn the_holder_sends_a_tutorial_link_by_sms_and_the_timeline_keeps_no_number() {
    let provider = Provider::start(&[]).await;
    let mut c = config(&provider);
    c.public_url = "https://aide.example.org".into();
    let app = TestApp::spawn_with(c).await;
    app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    app.submit_ok(&phone(7), "famille-visio", "fr").await;
    let b = browser();
    sign_in_as(&app, &b, "v@relais.test").await;
    let (_, html) = page(&b, app.url("/benevole")).await;
    let csrf = csrf_of(&html);
    b.post(app.url("/benevole/service")).form(&[("csrf", csrf.as_str()), ("on_duty", "true")]).send().await.unwrap();
    let res = b.post(app.url("/benevole/suivante")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    let id: i64 = res.headers()["location"].to_str().unwrap().trim_start_matches("/benevole/demandes/").parse().unwrap();
    let (_, html) = page(&b, app.url(&format!("/benevole/demandes/{id}?tq=appel+vid%C3%A9o+famille"))).await;
    assert!(html.contains("name=\"channel\" value=\"sms\""), "SMS is offered");
    let form = [("csrf", csrf.as_str()), ("slug", "appel-video-whatsapp"), ("channel", "sms"), ("nonce", "n1")];
    for _ in 0..2 {
        let res = b.post(app.url(&format!("/benevole/demandes/{id}/tutoriel"))).form(&form).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let got = provider.wait_for(1).await;
    let to = got[0].form.iter().find(|(k, _)| k == "To").unwrap().1.clone();
    let body = got[0].form.iter().find(|(k, _)| k == "Body").unwrap().1.clone();
    assert_eq!(to, e164(7), "to the request's own number");
    assert!(body.contains("https://aide.example.org/tutoriels/appel-video-whatsapp"), "{body}");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(provider.received().len(), 1, "idempotent on the form's nonce");
    let timeline = app.store.timeline(id).await.unwrap();
    let sent: Vec<_> = timeline.iter().filter(|e| e.kind == "tutorial_sent").collect();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].detail.as_deref(), Some("sms:appel-video-whatsapp"));
    assert!(timeline.iter().all(|e| !e.detail.as_deref().unwrap_or("").contains("+33")), "no number in the timeline");
    let (_, html) = page(&b, app.url(&format!("/benevole/demandes/{id}"))).await;
    assert!(html.contains("appel-video-whatsapp · par SMS"));

    // After STOP the volunteer is told and nothing is queued.
    app.store.opt_out_sms(&e164(7), 0).await.unwrap();
    let form = [("csrf", csrf.as_str()), ("slug", "appel-video-whatsapp"), ("channel", "sms"), ("nonce", "n2")];
    let res = b.post(app.url(&format!("/benevole/demandes/{id}/tutoriel"))).form(&form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("STOP"));
    assert_eq!(app.store.recent_sms(10).await.unwrap().len(), 1);
}

#[tokio::test]
async fn bad_sms_options_stop_the_server_with_the_option_named() {
    let (_store, url, _dir) = crate::support::fresh_store().await;
    let cases: [(&[&str], &str); 4] = [
        (&["--sms-sender-name", "Relais Numerique"], "--sms-sender-name"),
        (&["--sms-http-url", "https://sms.example/send?to={to}"], "--sms-http-url"),
        (&["--sms-http-method", "PUT"], "--sms-http-method"),
        (&["--telephony-sms"], "--telephony-sms"),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["serve", "--database-url", &url, "--bind", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_relais")).args(&args).output().unwrap();
        assert!(!out.status.success(), "{extra:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{extra:?}: {err}");
    }
}
