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
