//! The staffing forecast: `relais staffing` against the Erlang C reference values,
//! the history it reads (arrivals per Europe/Paris half-hour, handling time), and the
//! routing rule that widens topic skills after a wait.

use crate::support::*;
use relais_domain::lifecycle::{Command as Cmd, Policy};
use relais_domain::request::{Channel, Outcome, Urgency};
use relais_domain::MINUTE;
use relais_store::NewHelpRequest;
use std::process::Command;

fn relais(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_relais")).args(args).output().unwrap()
}

/// `name value` lines of `relais staffing`.
fn value(out: &str, name: &str) -> f64 {
    out.lines()
        .find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix(' ')))
        .unwrap_or_else(|| panic!("{name} missing in {out}"))
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn staffing_command_prints_erlang_c_figures() {
    // A = 100 × 180 / 1800 = 10 erlangs. The reference values for A = 10, N = 14 are
    // C = 0.1741319, SL(20 s) = 0.88835, ASA = 7.836 s; N = 13 misses 80 % in 20 s.
    let out = relais(&["staffing", "--calls", "100", "--aht", "180", "--interval", "1800", "--target", "0.8", "--within", "20", "--shrinkage", "0.3"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = String::from_utf8(out.stdout).unwrap();
    assert_eq!(value(&out, "traffic_erlangs"), 10.0);
    assert_eq!(value(&out, "agents"), 14.0);
    assert_eq!(value(&out, "rostered"), 20.0, "⌈14 / (1 − 0.3)⌉");
    assert!((value(&out, "service_level") - 0.88835).abs() < 1e-5, "{out}");
    assert!((value(&out, "asa_seconds") - 7.836).abs() < 1e-3, "{out}");
    assert!((value(&out, "wait_probability") - 0.1741319).abs() < 1e-7, "{out}");
    assert!((value(&out, "occupancy") - 10.0 / 14.0).abs() < 1e-4, "{out}");
}

#[test]
fn staffing_command_applies_the_occupancy_cap() {
    let out = relais(&["staffing", "--calls", "100", "--aht", "180", "--target", "0.8", "--within", "20", "--max-occupancy", "0.6"]);
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    assert_eq!(value(&out, "agents"), 17.0, "10 / 17 ≤ 0.6 < 10 / 16");
}

#[test]
fn staffing_command_names_the_bad_option() {
    let out = relais(&["staffing", "--calls", "100", "--aht", "180", "--target", "1.5"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("target"), "{err}");
    let out = relais(&["staffing", "--aht", "180"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--calls"));
}

fn request(n: u32, topic: &str) -> NewHelpRequest {
    NewHelpRequest {
        channel: Channel::Phone,
        phone: e164(n),
        first_name: None,
        need: None,
        postcode: None,
        topic: topic.into(),
        language: "fr".into(),
        callback_windows: vec![],
        sms_consent: false,
        urgency: Urgency::Normal,
    }
}

/// Milliseconds of a Europe/Paris wall-clock time.
fn paris(s: &str) -> i64 {
    let dt: jiff::civil::DateTime = s.parse().unwrap();
    dt.to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Paris").unwrap()).unwrap().timestamp().as_millisecond()
}

#[tokio::test]
async fn history_gives_the_load_per_paris_half_hour_and_the_handling_time() {
    let (store, url, _dir) = fresh_store().await;
    let v = store
        .create_user(
            &relais_store::NewUser {
                email: "v@relais.test".into(),
                display_name: "v".into(),
                password: PASSWORD.into(),
                role: relais_domain::authz::Role::Volunteer,
                status: relais_store::AccountStatus::Active,
                languages: vec!["fr".into()],
                topic_skills: vec![],
                networks: vec![],
            },
            0,
        )
        .await
        .unwrap();
    let policy = Policy::default();
    // Monday 9:10 in Paris, once in winter time (UTC+1) and once in summer time (UTC+2),
    // around the 29 March 2026 change: both are the Monday 9:00–9:30 half-hour.
    let arrivals = ["2026-03-23T09:10", "2026-03-30T09:10", "2026-03-30T09:25", "2026-03-31T14:45"];
    for (i, at) in arrivals.iter().enumerate() {
        let at = paris(at);
        let r = store.create_request(&request(i as u32, "impots"), at).await.unwrap();
        // Handled for 4, 6, 8, 10 minutes from the claim to the close.
        store.transition(r.id, &Cmd::Claim { volunteer: v.id }, at + MINUTE, &policy, None).await.unwrap();
        let close = Cmd::Close { volunteer: v.id, outcome: Outcome::Resolved, follow_up_at: None };
        store.transition(r.id, &close, at + MINUTE + (4 + 2 * i as i64) * MINUTE, &policy, None).await.unwrap();
    }
    let now = paris("2026-04-01T12:00");
    let profile = store.arrival_profile(now, 2).await.unwrap();
    let load = |wd: u8, slot: u8| profile.iter().find(|l| l.weekday == wd && l.slot == slot).unwrap().calls_per_interval;
    assert_eq!(load(0, 18), 1.5, "three Monday 9:00–9:30 arrivals over two weeks");
    assert_eq!(load(1, 29), 0.5, "Tuesday 14:30–15:00");
    assert_eq!(profile.iter().map(|l| l.calls_per_interval).sum::<f64>(), 2.0);
    assert_eq!(store.average_handling_seconds(now, 2).await.unwrap(), Some(7.0 * 60.0));
    // The command reads the same history, looking back from today: two requests a day ago.
    let yesterday = relais_web::now_ms() - relais_domain::DAY;
    for n in 10..12 {
        store.create_request(&request(n, "impots"), yesterday).await.unwrap();
    }
    store.close().await;
    let out = relais(&["staffing", "--from-history", "--weeks", "1", "--aht", "180", "--database-url", &url, "--target", "0.8", "--within", "20"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("AHT 180 s"), "{out}");
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "one half-hour had requests: {out}");
    let cols: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!(cols[2], "2.0", "two requests in that half-hour over one week: {out}");
    assert_eq!(cols[4], "1", "0.2 erlang needs one volunteer: {out}");
}

#[tokio::test]
async fn a_young_request_waits_for_a_skilled_volunteer_then_widens_to_everyone() {
    let mut config = test_config();
    config.policy.skill_widen_after = 10 * MINUTE;
    let app = TestApp::spawn_with(config).await;
    let (_, unskilled) = app.volunteer_on_duty("u@relais.test", &["fr"], &["logement"]).await;
    let (_, skilled) = app.volunteer_on_duty("s@relais.test", &["fr"], &["impots"]).await;
    let now = relais_web::now_ms();
    let young = app.store.create_request(&request(1, "impots"), now - MINUTE).await.unwrap();
    let old = app.store.create_request(&request(2, "impots"), now - 11 * MINUTE).await.unwrap();
    let open = app.store.create_request(&request(3, "autre"), now).await.unwrap();
    // The unskilled volunteer gets the widened one, then the open topic, never the young one.
    assert_eq!(app.next(&unskilled).await.unwrap()["id"], old.id);
    assert_eq!(app.next(&unskilled).await.unwrap()["id"], open.id);
    assert!(app.next(&unskilled).await.is_none(), "the young impots request is kept for skilled volunteers");
    assert_eq!(app.next(&skilled).await.unwrap()["id"], young.id);
}

#[tokio::test]
async fn with_no_widening_wait_skills_are_only_a_preference() {
    let mut config = test_config();
    config.policy.skill_widen_after = 0;
    let app = TestApp::spawn_with(config).await;
    let (_, unskilled) = app.volunteer_on_duty("u@relais.test", &["fr"], &["logement"]).await;
    let r = app.submit_ok(&phone(1), "impots", "fr").await;
    assert_eq!(app.next(&unskilled).await.unwrap()["id"], r["id"]);
}
