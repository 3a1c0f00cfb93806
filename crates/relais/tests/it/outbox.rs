//! The e-mail outbox over the real server, the real database and a real SMTP exchange with
//! the loopback server of `support::smtp`: delivery, idempotency, retries, rejection,
//! several instances, the administrators' view, retention.

use crate::support::*;
use relais_store::outbox::NewMessage;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(10);

fn message(key: &str, to: &str) -> NewMessage {
    NewMessage {
        idempotency_key: key.into(),
        recipient: to.into(),
        subject: "Votre rendez-vous à Évry".into(),
        body_text: "Bonjour Élodie,\n\nÀ bientôt, ça marchera !\n.point en début de ligne\n".into(),
        not_before_ms: 0,
    }
}

/// Polls the stored message until `done` holds (panics after WAIT).
async fn wait_until(app: &TestApp, id: i64, done: impl Fn(&relais_store::outbox::OutboxMessage) -> bool) -> relais_store::outbox::OutboxMessage {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let m = app.store.get_message(id).await.unwrap();
        if done(&m) {
            return m;
        }
        assert!(tokio::time::Instant::now() < deadline, "message stuck: {m:?}");
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
}

async fn id_of(app: &TestApp, key: &str) -> i64 {
    app.store.recent_messages(1000).await.unwrap().into_iter().find(|m| m.idempotency_key == key).expect("stored").id
}

#[tokio::test]
async fn a_queued_message_reaches_the_smtp_server_with_its_headers_and_accents() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    let new = app.store.enqueue_messages(&[message("welcome:1", "amina@example.org")], relais_web::now_ms()).await.unwrap();
    assert_eq!(new, 1);
    app.state.mail_enqueued();

    let mail = smtp.wait_for(1, WAIT).await.remove(0);
    assert_eq!(mail.mail_from, "relais@test.example");
    assert_eq!(mail.rcpt_to, vec!["amina@example.org".to_owned()]);
    assert!(mail.header("From").unwrap().contains("<relais@test.example>"), "{:?}", mail.header("From"));
    assert!(mail.header("To").unwrap().contains("amina@example.org"));
    assert_eq!(mail.subject(), "Votre rendez-vous à Évry");
    assert!(mail.header("Content-Type").unwrap().to_ascii_lowercase().starts_with("text/plain; charset=utf-8"));
    assert_eq!(mail.body_text(), "Bonjour Élodie,\n\nÀ bientôt, ça marchera !\n.point en début de ligne\n");
    let message_id = mail.header("Message-ID").expect("a Message-ID");
    assert!(message_id.starts_with('<') && message_id.ends_with("@test.example>"), "{message_id}");

    let id = id_of(&app, "welcome:1").await;
    let stored = wait_until(&app, id, |m| m.status == "sent").await;
    assert_eq!(stored.attempts, 1);
    assert!(stored.finished_at.is_some());
}

#[tokio::test]
async fn the_same_key_enqueued_twice_is_sent_once() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    let now = relais_web::now_ms();
    let first = app.store.enqueue_messages(&[message("k:1", "a@example.org"), message("k:1", "a@example.org")], now).await.unwrap();
    assert_eq!(first, 1, "a key repeated in one batch counts once");
    assert_eq!(app.store.enqueue_messages(&[message("k:1", "a@example.org"), message("k:2", "b@example.org")], now).await.unwrap(), 1);
    app.state.mail_enqueued();
    smtp.wait_for(2, WAIT).await;
    // Ample time for a second send of the same key, if there were one.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.store.enqueue_messages(&[message("k:1", "a@example.org")], relais_web::now_ms()).await.unwrap(), 0, "even once sent");
    app.state.mail_enqueued();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got = smtp.received();
    assert_eq!(got.len(), 2);
    let mut to: Vec<String> = got.iter().map(|m| m.rcpt_to[0].clone()).collect();
    to.sort();
    assert_eq!(to, vec!["a@example.org", "b@example.org"]);
}

#[tokio::test]
async fn a_message_waits_until_its_not_before_time() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    let now = relais_web::now_ms();
    let later = NewMessage { not_before_ms: now + 800, ..message("later:1", "a@example.org") };
    app.store.enqueue_messages(&[later], now).await.unwrap();
    app.state.mail_enqueued();
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(smtp.received().is_empty(), "not before its time");
    smtp.wait_for(1, WAIT).await;
    assert!(relais_web::now_ms() >= now + 800);
}

#[tokio::test]
async fn an_unreachable_server_keeps_the_message_queued_then_it_is_delivered_once_up() {
    let port = free_port();
    let url = format!("smtp://127.0.0.1:{port}");
    let mut config = with_smtp(&url);
    config.mail_retry = relais_domain::mail::RetryPolicy { delays: vec![400], max_attempts: 50 };
    let app = TestApp::spawn_with(config).await;
    let before = relais_web::now_ms();
    let keys = ["down:1", "down:2", "down:3"];
    let msgs: Vec<NewMessage> = keys.iter().map(|k| message(k, &format!("{}@example.org", k.replace(':', "")))).collect();
    app.store.enqueue_messages(&msgs, before).await.unwrap();
    app.state.mail_enqueued();
    for key in keys {
        let id = id_of(&app, key).await;
        let waiting = wait_until(&app, id, |m| m.attempts >= 1 && m.last_error.is_some() && m.locked_until.is_none()).await;
        assert_eq!(waiting.status, "queued", "kept, not lost");
        assert!(waiting.next_attempt_at > before, "a later next try");
        let error = waiting.last_error.unwrap();
        assert!(!error.contains("example.org"), "{error}");
    }

    let smtp = SmtpServer::start_on(port).await;
    smtp.wait_for(3, WAIT).await;
    for key in keys {
        let sent = wait_until(&app, id_of(&app, key).await, |m| m.status == "sent").await;
        assert!(sent.attempts >= 2);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut to: Vec<String> = smtp.received().iter().map(|m| m.rcpt_to[0].clone()).collect();
    to.sort();
    assert_eq!(to, vec!["down1@example.org", "down2@example.org", "down3@example.org"], "each delivered once");
}

#[tokio::test]
async fn a_permanent_rejection_ends_as_failed_at_once() {
    let smtp = SmtpServer::start().await;
    smtp.reject_recipients_with(550);
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    app.store.enqueue_messages(&[message("bad:1", "nobody@example.org")], relais_web::now_ms()).await.unwrap();
    app.state.mail_enqueued();
    let id = id_of(&app, "bad:1").await;
    let failed = wait_until(&app, id, |m| m.status == "failed").await;
    assert_eq!(failed.attempts, 1, "not retried");
    let error = failed.last_error.unwrap();
    assert!(error.contains("550") && !error.contains("nobody"), "{error}");
    assert!(smtp.received().is_empty());
}

#[tokio::test]
async fn too_many_transient_failures_end_as_failed() {
    let smtp = SmtpServer::start().await;
    smtp.reject_recipients_with(451);
    let mut config = with_smtp(&smtp.url());
    config.mail_retry = relais_domain::mail::RetryPolicy { delays: vec![50], max_attempts: 3 };
    let app = TestApp::spawn_with(config).await;
    app.store.enqueue_messages(&[message("busy:1", "a@example.org")], relais_web::now_ms()).await.unwrap();
    app.state.mail_enqueued();
    let id = id_of(&app, "busy:1").await;
    let failed = wait_until(&app, id, |m| m.status == "failed").await;
    assert_eq!(failed.attempts, 3);
    assert!(failed.last_error.unwrap().contains("451"));
}

#[tokio::test]
async fn two_instances_on_one_database_never_send_a_message_twice() {
    let smtp = SmtpServer::start().await;
    let a = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    let b = a.another_instance(with_smtp(&smtp.url())).await;
    let now = relais_web::now_ms();
    let msgs: Vec<NewMessage> = (0..60).map(|i| message(&format!("many:{i}"), &format!("p{i}@example.org"))).collect();
    assert_eq!(a.store.enqueue_messages(&msgs, now).await.unwrap(), 60);
    a.state.mail_enqueued();
    b.state.mail_enqueued();
    smtp.wait_for(60, Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let got = smtp.received();
    let mut ids: Vec<String> = got.iter().map(|m| m.header("Message-ID").unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!((got.len(), ids.len()), (60, 60), "each message exactly once");
    let counts = a.store.outbox_counts().await.unwrap();
    assert_eq!((counts.sent, counts.queued), (60, 0));
}

/// The logs of a binary started by `start_binary`, once it is stopped.
fn logs_of(server: crate::durability::Server) -> String {
    server.stop_and_logs()
}

#[tokio::test]
async fn the_binary_sends_mail_with_the_smtp_url_and_sender_it_is_given_and_logs_no_personal_data() {
    let smtp = SmtpServer::start().await;
    let (store, db_url, _dir) = fresh_store().await;
    store.enqueue_messages(&[message("cli:1", "amina@example.org")], relais_web::now_ms()).await.unwrap();
    let server = crate::durability::start_binary(
        &db_url,
        &[("RELAIS_SMTP_URL", smtp.url().as_str()), ("RELAIS_MAIL_FROM", "Ligne Relais <ligne@relais.example>"), ("RELAIS_LOG", "debug")],
    )
    .await;
    let mail = smtp.wait_for(1, WAIT).await.remove(0);
    let id = id_of_in(&store, "cli:1").await;
    for _ in 0..200 {
        if store.get_message(id).await.unwrap().status == "sent" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let logs = logs_of(server);
    assert_eq!(mail.mail_from, "ligne@relais.example");
    assert!(mail.header("Message-ID").unwrap().ends_with("@relais.example>"));
    assert!(logs.contains("e-mail sent"), "the logs were captured: {logs}");
    for secret in ["amina", "rendez-vous", "Bonjour", "Élodie"] {
        assert!(!logs.contains(secret), "{secret:?} appeared in the logs");
    }
}

#[tokio::test]
async fn the_smtp_password_never_reaches_the_logs() {
    let (store, db_url, _dir) = fresh_store().await;
    store.enqueue_messages(&[message("pw:1", "a@example.org")], relais_web::now_ms()).await.unwrap();
    let url = format!("smtp://relais:motdepasse-tres-secret@127.0.0.1:{}", free_port());
    let server = crate::durability::start_binary(&db_url, &[("RELAIS_SMTP_URL", url.as_str()), ("RELAIS_LOG", "debug")]).await;
    let id = id_of_in(&store, "pw:1").await;
    for _ in 0..200 {
        if store.get_message(id).await.unwrap().attempts >= 1 && store.get_message(id).await.unwrap().last_error.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let logs = logs_of(server);
    assert!(logs.contains("will retry"), "the failed attempt was logged: {logs}");
    assert!(!logs.contains("motdepasse-tres-secret"), "the password appeared in the logs");
    assert_eq!(store.get_message(id).await.unwrap().status, "queued");
}

async fn id_of_in(store: &relais_store::Store, key: &str) -> i64 {
    store.recent_messages(1000).await.unwrap().into_iter().find(|m| m.idempotency_key == key).expect("stored").id
}

// ---- What administrators see and do ----



async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let c = browser();
    let html = c.get(app.url("/connexion")).send().await.unwrap().text().await.unwrap();
    let csrf = csrf_of(&html);
    let res = c.post(app.url("/connexion")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", PASSWORD)]).send().await.unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER, "sign-in of {email}");
    c
}

#[tokio::test]
async fn without_smtp_admins_see_queued_messages_masked_and_others_are_refused() {
    use relais_domain::authz::Role;
    use reqwest::StatusCode;
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@example.org", &["fr"], &[]).await;
    app.user(Role::Coordinator, "coord@example.org", &["fr"], &[]).await;
    app.store.enqueue_messages(&[message("q:1", "amina.diallo@example.org")], relais_web::now_ms()).await.unwrap();
    app.state.mail_enqueued();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let admin = app.token("admin@example.org").await;
    let res = app.get(&admin, "/api/v1/admin/outbox").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["smtp_configured"], false);
    assert_eq!(body["counts"]["queued"], 1);
    let item = &body["messages"][0];
    assert_eq!(item["recipient_masked"], "a***@example.org");
    assert_eq!(item["status"], "queued");
    assert_eq!(item["attempts"], 0, "nothing tried without SMTP");
    assert!(!body.to_string().contains("amina.diallo"), "no full address, no body");
    assert!(!body.to_string().contains("Bonjour"));

    let coord = app.token("coord@example.org").await;
    assert_eq!(app.get(&coord, "/api/v1/admin/outbox").await.status(), StatusCode::FORBIDDEN);
    let anonymous = app.client.get(app.url("/api/v1/admin/outbox")).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    let c = signed_in(&app, "admin@example.org").await;
    let res = c.get(app.url("/coordination/courriels")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("--smtp-url"), "the warning banner");
    assert!(html.contains("a***@example.org") && !html.contains("amina.diallo"));
    assert!(html.contains("Votre rendez-vous"));
    assert!(html.contains("href=\"/coordination/courriels\""), "linked from the navigation");
    let c = signed_in(&app, "coord@example.org").await;
    let res = c.get(app.url("/coordination/courriels")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let html = c.get(app.url("/coordination")).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("href=\"/coordination/courriels\""), "not linked for coordinators");

    let metrics = app.client.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("relais_outbox_queued 1"), "{metrics}");
    assert!(metrics.contains("relais_outbox_failed 0"));
}

#[tokio::test]
async fn admins_cancel_and_retry_messages_from_the_page_and_the_api() {
    use relais_domain::authz::Role;
    use reqwest::StatusCode;
    let smtp = SmtpServer::start().await;
    smtp.reject_recipients_with(550);
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    app.user(Role::Admin, "admin@example.org", &["fr"], &[]).await;
    let later = relais_web::now_ms() + 3_600_000;
    app.store
        .enqueue_messages(
            &[message("r:1", "a@example.org"), NewMessage { not_before_ms: later, ..message("r:2", "b@example.org") }, NewMessage { not_before_ms: later, ..message("r:3", "c@example.org") }],
            relais_web::now_ms(),
        )
        .await
        .unwrap();
    app.state.mail_enqueued();
    let (r1, r2, r3) = (id_of(&app, "r:1").await, id_of(&app, "r:2").await, id_of(&app, "r:3").await);
    wait_until(&app, r1, |m| m.status == "failed").await;

    // Page: retry the failed one once the server accepts again; the form needs its token.
    smtp.reject_recipients_with(0);
    let c = signed_in(&app, "admin@example.org").await;
    let html = c.get(app.url("/coordination/courriels")).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("--smtp-url"), "no warning with SMTP configured");
    let csrf = csrf_of(&html);
    let forged = c.post(app.url(&format!("/coordination/courriels/{r1}/reessayer"))).form(&[("csrf", "forged")]).send().await.unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let res = c.post(app.url(&format!("/coordination/courriels/{r1}/reessayer"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mail = smtp.wait_for(1, WAIT).await;
    assert_eq!(mail[0].rcpt_to, vec!["a@example.org".to_owned()]);
    wait_until(&app, r1, |m| m.status == "sent").await;

    // Page: cancel a scheduled one; it never goes out, and cannot be retried.
    let res = c.post(app.url(&format!("/coordination/courriels/{r2}/annuler"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.get_message(r2).await.unwrap().status, "cancelled");
    let token = app.token("admin@example.org").await;
    let res = app.post_json(&token, &format!("/api/v1/admin/outbox/{r2}/retry"), serde_json::json!({})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    // API: "retry now" sends a scheduled message at once.
    let res = app.post_json(&token, &format!("/api/v1/admin/outbox/{r3}/retry"), serde_json::json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    smtp.wait_for(2, WAIT).await;
    wait_until(&app, r3, |m| m.status == "sent").await;
    let res = app.post_json(&token, &format!("/api/v1/admin/outbox/{r3}/cancel"), serde_json::json!({})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "a sent message cannot be cancelled");
    let res = app.post_json(&token, "/api/v1/admin/outbox/999999/cancel", serde_json::json!({})).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(smtp.received().len(), 2);

    let doc: serde_json::Value = app.client.get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    for path in ["/api/v1/admin/outbox", "/api/v1/admin/outbox/{id}/retry", "/api/v1/admin/outbox/{id}/cancel"] {
        assert!(doc["paths"][path].is_object(), "{path} in the OpenAPI document");
    }
}

#[tokio::test]
async fn retention_erases_recipients_and_bodies_of_old_mail_only() {
    let app = TestApp::spawn().await;
    let now = relais_web::now_ms();
    app.store.enqueue_messages(&[message("old:1", "a@example.org"), message("new:1", "b@example.org"), message("wait:1", "c@example.org")], now).await.unwrap();
    let (old, new, waiting) = (id_of(&app, "old:1").await, id_of(&app, "new:1").await, id_of(&app, "wait:1").await);
    app.store.mark_message_sent(old, now - 31 * relais_domain::DAY).await.unwrap();
    app.store.mark_message_sent(new, now - 29 * relais_domain::DAY).await.unwrap();
    relais_web::jobs::run_housekeeping(&app.state).await;
    let old = app.store.get_message(old).await.unwrap();
    assert!(old.recipient.is_none() && old.body_text.is_none() && old.purged_at.is_some());
    assert_eq!(old.subject, "Votre rendez-vous à Évry", "the subject stays for the administrators' list");
    let new = app.store.get_message(new).await.unwrap();
    assert!(new.recipient.is_some() && new.body_text.is_some());
    let waiting = app.store.get_message(waiting).await.unwrap();
    assert!(waiting.recipient.is_some(), "a queued message is never erased");
}

#[tokio::test]
async fn bad_mail_settings_stop_the_start_with_the_option_named() {
    let dir = tempfile::tempdir().unwrap();
    for (args, expected, secret) in [
        (vec!["--smtp-url", "http://user:hunter2-secret@mail.example.org"], "--smtp-url", "hunter2-secret"),
        (vec!["--mail-from", "pas une adresse"], "--mail-from", "\u{0}"),
        (vec!["--public-url", "relais.example.org"], "--public-url", "\u{0}"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_relais"))
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(dir.path())
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains(secret), "{args:?}: the password was echoed");
    }
}
