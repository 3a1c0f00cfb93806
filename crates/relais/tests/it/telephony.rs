//! The phone line, driven exactly as a provider drives it: form-encoded webhooks signed with
//! Twilio's algorithm, every TwiML answer parsed as XML and checked verb by verb.

use crate::support::twiml::{parse, El};
use crate::support::{e164, phone, test_config, TestApp};
use relais_domain::schedule::DayHours;
use relais_domain::telephony::signature;
use relais_store::people::ProfileUpdate;
use relais_web::telephony::Secret;
use relais_web::WebConfig;
use reqwest::StatusCode;
use serde_json::json;

const TOKEN: &str = "test-auth-token-0123456789";
const LINE: &str = "+33199001234";

fn config() -> WebConfig {
    let mut c = test_config();
    c.telephony.auth_token = Some(Secret::new(TOKEN));
    c.telephony.account_sid = "AC0000".into();
    c.telephony.line_number = LINE.into();
    c
}

async fn hours(app: &TestApp, open: bool) {
    let day = if open { Some(DayHours::new(0, 24 * 60).unwrap()) } else { None };
    let settings = app.store.shift_settings().await.unwrap();
    app.store.save_service_hours(&[day; 7], false, settings).await.unwrap();
}

/// Posts a webhook to `path_and_query`, signed as the provider signs it.
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

/// The path and query of an absolute URL the answer handed to the provider.
fn local(app: &TestApp, url: &str) -> String {
    url.strip_prefix(&app.addr).unwrap_or_else(|| panic!("{url} is not on {}", app.addr)).to_owned()
}

fn call<'a>(sid: &'a str, from: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("AccountSid", "AC0000"), ("CallSid", sid), ("From", from), ("To", LINE), ("Direction", "inbound")]
}

fn with<'a>(mut p: Vec<(&'a str, &'a str)>, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    p.extend_from_slice(extra);
    p
}

#[tokio::test]
async fn unsigned_or_badly_signed_webhooks_are_refused() {
    let app = TestApp::spawn_with(config()).await;
    let url = app.url("/telephony/twiml/voice");
    let params = [("CallSid", "CA1"), ("From", "+33612345678")];
    let res = app.client.post(&url).form(&params).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no signature");
    let res = app.client.post(&url).header("X-Twilio-Signature", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").form(&params).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "wrong signature");
    let owned: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let other_url = signature::sign(TOKEN, &app.url("/telephony/twiml/sms"), &owned);
    let res = app.client.post(&url).header("X-Twilio-Signature", other_url).form(&params).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "signed for another URL");
    let wrong_key = signature::sign("another token", &url, &owned);
    let res = app.client.post(&url).header("X-Twilio-Signature", wrong_key).form(&params).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "signed with another token");
    let (status, _) = hook(&app, "/telephony/twiml/voice", &params).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.count_requests().await, 0);

    // Without an auth token, the line is not configured: nothing answers.
    let off = TestApp::spawn().await;
    let res = off.client.post(off.url("/telephony/twiml/voice")).form(&params).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn in_hours_a_key_makes_a_callback_request_read_out_and_retries_do_not_repeat_it() {
    let app = TestApp::spawn_with(config()).await;
    hours(&app, true).await;
    let from = e164(1);
    let start = twiml(&app, "/telephony/twiml/voice", &call("CA100", &from)).await;
    assert_eq!(start.names(), ["Gather", "Redirect"]);
    let gather = start.child("Gather");
    assert_eq!(gather.attr("numDigits"), "1");
    assert_eq!(gather.attr("input"), "dtmf");
    assert_eq!(local(&app, gather.attr("action")), "/telephony/twiml/voice/menu?lang=fr&attempt=1");
    assert_eq!(local(&app, &start.child("Redirect").text), "/telephony/twiml/voice/menu?lang=fr&attempt=1");
    let says = gather.says();
    assert_eq!(says.len(), 2, "greeting and menu: {says:?}");
    assert!(says[0].starts_with("Bonjour"));
    assert!(says[1].contains("tapez 4") && says[1].contains("press 9"));
    assert!(gather.children.iter().all(|s| s.attr("language") == "fr-FR"));

    let menu = local(&app, gather.attr("action"));
    let answer = twiml(&app, &menu, &with(call("CA100", &from), &[("Digits", "2")])).await;
    assert_eq!(answer.names(), ["Say", "Hangup"]);
    let req = app.store.open_request_for_phone(&from).await.unwrap().expect("a request");
    assert_eq!(req.channel.as_str(), "phone");
    assert_eq!(req.topic, "declaration-en-ligne");
    assert_eq!(req.language, "fr");
    let spelled = relais_domain::telephony::ivr::spell(&req.reference);
    assert!(answer.says()[0].contains(&spelled), "{:?} reads {spelled}", answer.says());

    // The provider retries the same step: same reference, still one request.
    let again = twiml(&app, &menu, &with(call("CA100", &from), &[("Digits", "2")])).await;
    assert_eq!(again.says(), answer.says());
    assert_eq!(app.count_requests().await, 1);

    // Calling again later: told the request is waiting, not queued twice.
    let second = twiml(&app, "/telephony/twiml/voice", &call("CA101", &from)).await;
    assert_eq!(second.names(), ["Say", "Hangup"]);
    assert!(second.says()[0].contains("déjà une demande"));
    // Even if the menu is reached some other way.
    let menu2 = twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=1", &with(call("CA101", &from), &[("Digits", "1")])).await;
    assert!(menu2.says()[0].contains("déjà une demande"));
    assert_eq!(app.count_requests().await, 1);
}

#[tokio::test]
async fn out_of_hours_the_hours_are_said_and_a_callback_is_offered() {
    let app = TestApp::spawn_with(config()).await;
    hours(&app, false).await;
    let from = e164(2);
    let start = twiml(&app, "/telephony/twiml/voice", &call("CA200", &from)).await;
    let says = start.child("Gather").says();
    assert_eq!(says.len(), 3, "{says:?}");
    assert!(says[1].contains(&WebConfig::default().line_hours_fr), "{says:?}");
    let answer = twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=1", &with(call("CA200", &from), &[("Digits", "3")])).await;
    assert_eq!(answer.names(), ["Say", "Hangup"]);
    let req = app.store.open_request_for_phone(&from).await.unwrap().expect("a callback request");
    assert_eq!(req.topic, "info-verifiee");
    let events = app.store.recent_telephony(10).await.unwrap();
    assert!(events.iter().any(|e| e.kind == "callback" && e.result == "out_of_hours"), "{events:?}");
    assert!(events.iter().any(|e| e.kind == "incoming_call" && e.result == "out_of_hours_menu"));
}

#[tokio::test]
async fn wrong_or_missing_keys_repeat_the_menu_then_the_call_becomes_a_callback_anyway() {
    let app = TestApp::spawn_with(config()).await;
    hours(&app, true).await;
    let from = e164(3);
    let first = twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=1", &with(call("CA300", &from), &[("Digits", "7")])).await;
    let gather = first.child("Gather");
    assert_eq!(local(&app, gather.attr("action")), "/telephony/twiml/voice/menu?lang=fr&attempt=2");
    assert_eq!(gather.says()[0], "Je n'ai pas compris.");
    // The Redirect after the Gather: no Digits at all.
    let second = twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=2", &call("CA300", &from)).await;
    assert_eq!(local(&app, second.child("Gather").attr("action")), "/telephony/twiml/voice/menu?lang=fr&attempt=3");
    assert_eq!(app.count_requests().await, 0);
    let third = twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=3", &with(call("CA300", &from), &[("Digits", "#")])).await;
    assert_eq!(third.names(), ["Say", "Hangup"]);
    let req = app.store.open_request_for_phone(&from).await.unwrap().expect("a request after three tries");
    assert_eq!(req.topic, "autre");
}

#[tokio::test]
async fn the_language_key_switches_to_english_and_the_request_is_in_english() {
    let app = TestApp::spawn_with(config()).await;
    hours(&app, true).await;
    let from = e164(4);
    let en = twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=1", &with(call("CA400", &from), &[("Digits", "9")])).await;
    let gather = en.child("Gather");
    assert_eq!(local(&app, gather.attr("action")), "/telephony/twiml/voice/menu?lang=en&attempt=1");
    assert!(gather.children.iter().all(|s| s.attr("language") == "en-GB"));
    assert!(gather.says()[0].starts_with("For a video call"));
    let done = twiml(&app, "/telephony/twiml/voice/menu?lang=en&attempt=1", &with(call("CA400", &from), &[("Digits", "1")])).await;
    assert!(done.says()[0].starts_with("Your request is saved"));
    let req = app.store.open_request_for_phone(&from).await.unwrap().unwrap();
    assert_eq!((req.language.as_str(), req.topic.as_str()), ("en", "famille-visio"));
}

#[tokio::test]
async fn a_hidden_number_is_told_to_call_again_and_nothing_is_stored() {
    let app = TestApp::spawn_with(config()).await;
    hours(&app, true).await;
    let answer = twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=1", &with(call("CA500", "anonymous"), &[("Digits", "1")])).await;
    assert_eq!(answer.names(), ["Say", "Hangup"]);
    assert!(answer.says()[0].contains("masqué"));
    assert_eq!(app.count_requests().await, 0);
}

#[tokio::test]
async fn live_answering_rings_on_duty_volunteers_and_falls_back_to_a_callback() {
    let mut c = config();
    c.telephony.live_answering = true;
    c.telephony.dial_timeout = std::time::Duration::from_secs(17);
    let app = TestApp::spawn_with(c).await;
    hours(&app, true).await;
    let mut phones = Vec::new();
    for (i, email) in ["a@test.example", "b@test.example"].iter().enumerate() {
        let (user, _) = app.volunteer_on_duty(email, &["fr"], &[]).await;
        let p = e164(900 + i as u32);
        app.store
            .save_profile(
                user.id,
                &ProfileUpdate {
                    languages: vec!["fr".into()],
                    topics: vec![],
                    max_hours_per_week: None,
                    email_reminders: false,
                    email_appeals: false,
                    phone: Some(p.clone()),
                    phone_visible_to: relais_domain::people::PhoneVisibility::Nobody,
                },
            )
            .await
            .unwrap();
        phones.push(p);
    }
    // On duty without a phone: not rung.
    app.volunteer_on_duty("nophone@test.example", &["fr"], &[]).await;

    let from = e164(5);
    let answer = twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=1", &with(call("CA600", &from), &[("Digits", "1")])).await;
    assert_eq!(answer.names(), ["Say", "Dial"]);
    let dial = answer.child("Dial");
    assert_eq!(dial.attr("callerId"), LINE);
    assert_eq!(dial.attr("timeout"), "17");
    assert_eq!(local(&app, dial.attr("action")), "/telephony/twiml/voice/dial-done?lang=fr&topic=famille-visio");
    let numbers: Vec<&str> = dial.children.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(numbers, phones.iter().map(String::as_str).collect::<Vec<_>>());
    let whisper_url = local(&app, dial.children[0].attr("url"));
    assert_eq!(app.count_requests().await, 0, "no request while ringing");

    // The volunteer who picks up hears the whisper and must press 1.
    let whisper = twiml(&app, &whisper_url, &call("CA601", &phones[0])).await;
    assert_eq!(whisper.names(), ["Gather", "Hangup"]);
    let accept = local(&app, whisper.child("Gather").attr("action"));
    assert_eq!(whisper.child("Gather").attr("numDigits"), "1");
    let accepted = twiml(&app, &accept, &with(call("CA601", &phones[0]), &[("Digits", "1")])).await;
    assert!(accepted.children.is_empty(), "an empty answer bridges the call");
    let voicemail = twiml(&app, &accept, &call("CA601", &phones[0])).await;
    assert_eq!(voicemail.names(), ["Hangup"]);

    // Someone took it: the call ends there.
    let done = twiml(&app, "/telephony/twiml/voice/dial-done?lang=fr&topic=famille-visio", &with(call("CA600", &from), &[("DialCallStatus", "completed")])).await;
    assert_eq!(done.names(), ["Hangup"]);
    assert_eq!(app.count_requests().await, 0);

    // Nobody accepted: a callback request, said so.
    let fallback = twiml(&app, "/telephony/twiml/voice/dial-done?lang=fr&topic=famille-visio", &with(call("CA602", &from), &[("DialCallStatus", "no-answer")])).await;
    assert_eq!(fallback.names(), ["Say", "Say", "Hangup"]);
    assert!(fallback.says()[0].contains("Personne"));
    let req = app.store.open_request_for_phone(&from).await.unwrap().expect("fallback request");
    assert_eq!(req.topic, "famille-visio");
}

#[tokio::test]
async fn status_callbacks_record_the_call_duration() {
    let app = TestApp::spawn_with(config()).await;
    let (status, _) = hook(&app, "/telephony/status", &with(call("CA700", &e164(7)), &[("CallStatus", "completed"), ("CallDuration", "95")])).await;
    assert_eq!(status, StatusCode::OK);
    let (s, d, _) = app.store.call_status("CA700").await.unwrap().unwrap();
    assert_eq!((s.as_deref(), d), (Some("completed"), Some(95_000)));
    let events = app.store.recent_telephony(5).await.unwrap();
    assert_eq!((events[0].kind.as_str(), events[0].result.as_str()), ("call_status", "completed"));
}

fn sms<'a>(sid: &'a str, from: &'a str, body: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("MessageSid", sid), ("From", from), ("To", LINE), ("Body", body)]
}

#[tokio::test]
async fn an_sms_makes_a_request_and_stop_opts_the_number_out() {
    let app = TestApp::spawn_with(config()).await;
    let from = e164(8);
    let need = "Bonjour, je n'arrive pas à faire ma déclaration CAF";
    let answer = twiml(&app, "/telephony/twiml/sms", &sms("SM1", &from, need)).await;
    assert_eq!(answer.names(), ["Message"]);
    let req = app.store.open_request_for_phone(&from).await.unwrap().expect("a request");
    assert_eq!(req.channel.as_str(), "sms");
    assert_eq!(req.need.as_deref(), Some(need));
    assert!(answer.child("Message").text.contains(&req.reference));
    // A retried webhook: same answer, one request.
    let again = twiml(&app, "/telephony/twiml/sms", &sms("SM1", &from, need)).await;
    assert_eq!(again.child("Message").text, answer.child("Message").text);
    assert_eq!(app.count_requests().await, 1);

    let other = e164(9);
    for (i, stop) in ["STOP", "Arrêt", " stop all "].iter().enumerate() {
        let sid = format!("SMSTOP{i}");
        let quiet = twiml(&app, "/telephony/twiml/sms", &sms(&sid, &other, stop)).await;
        assert!(quiet.children.is_empty(), "no reply to {stop}");
    }
    assert!(app.store.sms_opted_out(&other).await.unwrap());
    assert!(!app.store.sms_opted_out(&from).await.unwrap());
    assert_eq!(app.count_requests().await, 1, "STOP is not a request");
    // The opted-out number may still ask for help; it gets no SMS back.
    let silent = twiml(&app, "/telephony/twiml/sms", &sms("SM9", &other, "aide pour ameli")).await;
    assert!(silent.children.is_empty());
    assert_eq!(app.count_requests().await, 2);
}

#[tokio::test]
async fn cti_events_turn_missed_calls_into_callback_requests() {
    let mut c = config();
    c.telephony.cti_token = Some(Secret::new("cti-token-0123456789abcdef"));
    let app = TestApp::spawn_with(c).await;
    let post = |token: &str, body: serde_json::Value| {
        let url = app.url(&format!("/api/v1/cti/{token}"));
        let client = app.client.clone();
        async move { client.post(url).json(&body).send().await.unwrap() }
    };
    let tok = "cti-token-0123456789abcdef";
    let from = phone(10);
    let ev = |event: &str, id: &str, cause: &str| json!({"event": event, "from": from, "to": LINE, "direction": "in", "callId": id, "cause": cause});

    assert_eq!(post("wrong-token-0123456789abcde", ev("newCall", "c1", "")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(post(tok, ev("newCall", "c1", "")).await.status(), StatusCode::ACCEPTED);
    let res = post(tok, ev("hangup", "c1", "noAnswer")).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(res.json::<serde_json::Value>().await.unwrap()["result"], "callback_request_created");
    let req = app.store.open_request_for_phone(&e164(10)).await.unwrap().expect("a callback request");
    assert_eq!(req.channel.as_str(), "phone");
    // The phone system sends the hangup again: nothing new.
    let res = post(tok, ev("hangup", "c1", "noAnswer")).await;
    assert_eq!(res.json::<serde_json::Value>().await.unwrap()["result"], "callback_request_exists");
    assert_eq!(app.count_requests().await, 1);

    // Answered: logged with a duration, no request.
    let ans = json!({"event": "newCall", "from": phone(11), "to": LINE, "direction": "inbound", "callId": "c2"});
    post(tok, ans).await;
    post(tok, json!({"event": "answer", "from": phone(11), "to": LINE, "direction": "inbound", "callId": "c2"})).await;
    let res = post(tok, json!({"event": "hangup", "from": phone(11), "to": LINE, "direction": "inbound", "callId": "c2", "cause": "normalClearing"})).await;
    assert_eq!(res.json::<serde_json::Value>().await.unwrap()["result"], "answered_call_logged");
    let (status, duration, _) = app.store.call_status("cti:c2").await.unwrap().unwrap();
    assert_eq!(status.as_deref(), Some("completed"));
    assert!(duration.is_some());
    // Forwarded and outbound calls are not missed calls.
    let res = post(tok, json!({"event": "hangup", "from": phone(12), "to": LINE, "direction": "in", "callId": "c3", "cause": "forwarded"})).await;
    assert_eq!(res.json::<serde_json::Value>().await.unwrap()["result"], "ignored");
    assert_eq!(app.count_requests().await, 1);

    // Bad values are named.
    let res = post(tok, json!({"event": "hangup", "from": phone(12), "to": LINE, "direction": "in", "callId": "c4", "cause": "eaten"})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("cause"), "{body}");
    let res = post(tok, json!({"event": "ring", "direction": "in", "callId": "c5"})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A body without callId is a problem document that names the field.
    let res = post(tok, json!({"event": "hangup", "direction": "in"})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let body = res.text().await.unwrap();
    assert!(body.contains("callId"), "{body}");

    // Without a configured token the endpoint does not exist.
    let off = TestApp::spawn_with(config()).await;
    let res = off.client.post(off.url(&format!("/api/v1/cti/{tok}"))).json(&ev("newCall", "x", "")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_coordinators_page_shows_the_urls_and_the_events_without_personal_data() {
    use crate::support::{browser, page, sign_in_as};
    use relais_domain::authz::Role;
    let app = TestApp::spawn_with(config()).await;
    hours(&app, true).await;
    let from = e164(20);
    twiml(&app, "/telephony/twiml/voice/menu?lang=fr&attempt=1", &with(call("CA2000", &from), &[("Digits", "1")])).await;
    app.user(Role::Coordinator, "coord@test.example", &["fr"], &[]).await;
    app.user(Role::Volunteer, "vol@test.example", &["fr"], &[]).await;

    let c = browser();
    sign_in_as(&app, &c, "coord@test.example").await;
    for lang in ["fr", "en", "ar"] {
        let (status, html) = page(&c, app.url(&format!("/coordination/telephonie?lang={lang}"))).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert!(html.contains(&format!("POST {}/telephony/twiml/voice", app.addr)), "{lang}");
        assert!(html.contains(&format!("POST {}/telephony/twiml/sms", app.addr)));
        assert!(!html.contains(&from[3..]) && !html.contains("CA2000"), "no number, no CallSid");
        if lang == "fr" {
            assert!(html.contains("Demande de rappel") && html.contains("rappel demandé"), "{html}");
            // The French texts (two replies, the confirmation, a tutorial link, "we tried to
            // reach you") stay in GSM-7 and one segment each.
            assert_eq!(html.matches("<td>GSM-7</td>").count(), 5, "{html}");
            assert_eq!(html.matches("data-segments=\"1\"").count(), 5);
        }
    }
    let v = browser();
    sign_in_as(&app, &v, "vol@test.example").await;
    let (status, _) = page(&v, app.url("/coordination/telephonie")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn calls_taken_live_count_as_handling_time_for_the_staffing_forecast() {
    let mut c = config();
    c.telephony.cti_token = Some(Secret::new("cti-token-0123456789abcdef"));
    let app = TestApp::spawn_with(c).await;
    let now = relais_web::now_ms();
    assert_eq!(app.store.average_handling_seconds(now + 1000, 4).await.unwrap(), None);
    // A live call a volunteer took for 4 minutes (the Dial's action carries the talk time).
    let done = twiml(&app, "/telephony/twiml/voice/dial-done?lang=fr&topic=autre", &with(call("CA800", &e164(30)), &[("DialCallStatus", "completed"), ("DialCallDuration", "240")])).await;
    assert_eq!(done.names(), ["Hangup"]);
    let avg = app.store.average_handling_seconds(relais_web::now_ms() + 1000, 4).await.unwrap();
    assert_eq!(avg, Some(240.0));
    // A CTI call answered then hung up adds its answer→hangup time.
    let url = app.url("/api/v1/cti/cti-token-0123456789abcdef");
    for event in ["newCall", "answer", "hangup"] {
        let body = json!({"event": event, "from": phone(31), "to": LINE, "direction": "in", "callId": "live1", "cause": "normalClearing"});
        assert_eq!(app.client.post(&url).json(&body).send().await.unwrap().status(), StatusCode::ACCEPTED);
    }
    let avg = app.store.average_handling_seconds(relais_web::now_ms() + 1000, 4).await.unwrap().unwrap();
    assert!(avg < 240.0 && avg > 100.0, "two calls averaged: {avg}");
}
