//! Shift e-mails through the outbox: "write to the usual volunteers" of an under-covered
//! slot (real SMTP on loopback) and the reminders before a booked shift.

use crate::support::*;
use jiff::ToSpan;
use relais_domain::authz::Role;
use relais_domain::schedule::{paris_instant, paris_week_monday, Slot};
use relais_domain::{DAY, HOUR, MINUTE};
use relais_store::{AccountStatus, NewUser, User};
use reqwest::{Client, StatusCode};
use std::time::Duration;



async fn signed_in(app: &TestApp, email: &str) -> (Client, String) {
    let c = browser();
    let html = c.get(app.url("/connexion")).send().await.unwrap().text().await.unwrap();
    let csrf = csrf_of(&html);
    let res = c.post(app.url("/connexion")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", PASSWORD)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = c.get(app.url("/coordination/couverture")).send().await.unwrap().text().await.unwrap();
    (c, csrf_of(&html))
}

async fn exec(app: &TestApp, sql: &str, id: i64) {
    if app.db_url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(&app.db_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).bind(id).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::SqlitePool::connect(&app.db_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).bind(id).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

async fn member(app: &TestApp, role: Role, email: &str, network: i64) -> User {
    app.store
        .create_user(
            &NewUser {
                email: email.into(),
                display_name: email.split('@').next().unwrap().into(),
                password: PASSWORD.into(),
                role,
                status: AccountStatus::Active,
                languages: vec!["fr".into()],
                topic_skills: vec![],
                networks: vec![network],
            },
            relais_web::now_ms(),
        )
        .await
        .unwrap()
}

fn next_wednesday(h: u16, m: u16) -> i64 {
    let wednesday = paris_week_monday(relais_web::now_ms()).checked_add(9.days()).unwrap();
    paris_instant(wednesday, h * 60 + m)
}

async fn shift(app: &TestApp, start: i64, minutes: i64, wanted: u32) -> i64 {
    app.store.create_shift(Slot { start, end: start + minutes * MINUTE }, wanted, None, relais_web::now_ms()).await.unwrap()
}

/// Books `shift` for `user` as if done an hour before it started.
async fn booked_before(app: &TestApp, shift: i64, start: i64, user: i64) {
    app.store.book_shift(shift, user, start - HOUR).await.unwrap();
}

#[tokio::test]
async fn writing_to_the_usual_volunteers_reaches_those_who_served_then_in_the_coordinators_networks_once() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    let now = relais_web::now_ms();
    let ours = app.store.ensure_network("Hinaura", now).await.unwrap().id;
    let theirs = app.store.ensure_network("La Poste", now).await.unwrap().id;
    member(&app, Role::Coordinator, "coord@example.org", ours).await;
    let usual = member(&app, Role::Volunteer, "usual@example.org", ours).await;
    let cancelled = member(&app, Role::Volunteer, "cancelled@example.org", ours).await;
    let other_time = member(&app, Role::Volunteer, "other-time@example.org", ours).await;
    let other_network = member(&app, Role::Volunteer, "other-network@example.org", theirs).await;
    let already = member(&app, Role::Volunteer, "already@example.org", ours).await;
    let no_appeals = member(&app, Role::Volunteer, "no-appeals@example.org", ours).await;
    exec(&app, "UPDATE users SET email_appeals = FALSE WHERE id = $1", no_appeals.id).await;

    let target_start = next_wednesday(10, 7);
    let target = shift(&app, target_start, 120, 3).await;
    booked_before(&app, target, target_start, already.id).await;
    // Same Paris weekday and time, 1 and 3 weeks earlier (past shifts), and another time.
    for weeks in [1i64, 3] {
        let day = paris_week_monday(target_start).checked_add((2 - 7 * weeks).days()).unwrap();
        let start = paris_instant(day, 10 * 60 + 7);
        let past = shift(&app, start, 120, 9).await;
        for u in [&usual, &cancelled, &other_network, &already, &no_appeals] {
            booked_before(&app, past, start, u.id).await;
        }
        app.store.cancel_booking(past, cancelled.id, 0, start - 30 * MINUTE).await.unwrap();
        let other = paris_instant(day, 14 * 60 + 7);
        let past_other = shift(&app, other, 120, 9).await;
        booked_before(&app, past_other, other, other_time.id).await;
    }

    let (c, csrf) = signed_in(&app, "coord@example.org").await;
    let res = c.post(app.url(&format!("/coordination/couverture/{target}/appel"))).form(&[("csrf", csrf.as_str()), ("semaine", "1")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()["location"].to_str().unwrap().contains("avis=appel"));
    let mails = smtp.wait_for(1, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails = if smtp.received().len() > mails.len() { smtp.received() } else { mails };
    assert_eq!(mails.len(), 1, "only the usual volunteer of our network: {:?}", mails.iter().map(|m| m.rcpt_to.clone()).collect::<Vec<_>>());
    assert_eq!(mails[0].rcpt_to, vec!["usual@example.org".to_owned()]);
    assert!(mails[0].subject().contains("il manque des bénévoles"), "{}", mails[0].subject());
    let body = mails[0].body_text();
    assert!(body.contains(&format!("/benevole/creneaux?semaine=1#creneau-{target}")), "{body}");
    assert!(body.contains("10:07"), "the Paris time: {body}");

    // A second click writes to nobody twice.
    let res = c.post(app.url(&format!("/coordination/couverture/{target}/appel"))).form(&[("csrf", csrf.as_str()), ("semaine", "1")]).send().await.unwrap();
    assert!(res.headers()["location"].to_str().unwrap().contains("avis=appel-personne"));
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(smtp.received().len(), 1);
}

#[tokio::test]
async fn reminders_are_enqueued_the_day_before_and_an_hour_before_and_not_after_a_cancel() {
    let app = TestApp::spawn().await;
    let vol = app.user(Role::Volunteer, "gina@example.org", &["fr"], &[]).await;
    let quiet = app.user(Role::Volunteer, "quiet@example.org", &["fr"], &[]).await;
    exec(&app, "UPDATE users SET email_reminders = FALSE WHERE id = $1", quiet.id).await;
    let now = relais_web::now_ms();
    let s = next_wednesday(10, 7);
    let kept = shift(&app, s, 120, 3).await;
    app.store.book_shift(kept, vol.id, now).await.unwrap();
    app.store.book_shift(kept, quiet.id, now).await.unwrap();
    let dropped_start = next_wednesday(14, 7);
    let dropped = shift(&app, dropped_start, 60, 3).await;
    app.store.book_shift(dropped, vol.id, now).await.unwrap();
    app.store.cancel_booking(dropped, vol.id, 12 * HOUR, now).await.unwrap();
    let late_start = next_wednesday(16, 37);
    let late = shift(&app, late_start, 60, 3).await;
    // Booked three hours before the start: no "tomorrow" mail, only the one-hour one.
    app.store.book_shift(late, vol.id, late_start - 3 * HOUR).await.unwrap();

    let reminders = || async {
        let mut keys: Vec<(String, i64)> = app
            .store
            .recent_messages(1000)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.idempotency_key.starts_with("shift-reminder:"))
            .map(|m| (m.idempotency_key, m.next_attempt_at))
            .collect();
        keys.sort();
        keys
    };
    let state = app.state.clone();
    let enqueue = |at: i64| {
        let state = state.clone();
        async move { relais_web::appeals::enqueue_reminders(&state, at).await.unwrap() }
    };

    assert_eq!(enqueue(s - DAY - 10 * MINUTE).await, 0, "too early");
    assert_eq!(enqueue(s - DAY - MINUTE).await, 1);
    assert_eq!(enqueue(s - DAY).await, 0, "idempotent");
    assert_eq!(enqueue(s - HOUR - MINUTE).await, 1);
    assert_eq!(enqueue(dropped_start - HOUR - MINUTE).await, 0, "cancelled booking");
    assert_eq!(enqueue(dropped_start - DAY - MINUTE).await, 0);
    assert_eq!(enqueue(late_start - DAY - MINUTE).await, 0, "booked after the day-before time");
    assert_eq!(enqueue(late_start - HOUR - MINUTE).await, 1);
    let got = reminders().await;
    let bookings = app.store.bookings_of(vol.id, 0).await.unwrap();
    let id_of = |shift: i64| bookings.iter().find(|b| b.shift_id == shift).unwrap().booking_id;
    assert_eq!(
        got,
        {
            let mut v = vec![
                (format!("shift-reminder:{}:day-before", id_of(kept)), s - DAY),
                (format!("shift-reminder:{}:hour-before", id_of(kept)), s - HOUR),
                (format!("shift-reminder:{}:hour-before", id_of(late)), late_start - HOUR),
            ];
            v.sort();
            v
        },
        "keys and send times; nothing for the volunteer who turned reminders off"
    );
    let msg = app.store.recent_messages(10).await.unwrap().into_iter().find(|m| m.idempotency_key.ends_with(":day-before")).unwrap();
    let body = msg.body_text.unwrap();
    assert!(body.contains("10:07") && body.contains("heure de Paris") && body.contains("/benevole"), "{body}");
}
