//! Shifts over the real server: booking rules, cancel deadline, weekly hours, dispatch that
//! follows the schedule, the calendar feed and its revocation, the coverage grid, and the
//! service-hours editor regenerating the shifts.

use crate::support::*;
use jiff::ToSpan;
use relais_domain::authz::Role;
use relais_domain::schedule::{generate_slots, paris_instant, paris_week_monday, Slot};
use relais_domain::{DAY, HOUR, MINUTE};
use reqwest::{Client, StatusCode};
use serde_json::json;



/// Signs in through the sign-in page; returns the browser and a CSRF token of its session.
async fn signed_in(app: &TestApp, email: &str) -> (Client, String) {
    let c = browser();
    let html = c.get(app.url("/connexion")).send().await.unwrap().text().await.unwrap();
    let csrf = csrf_of(&html);
    let res = c.post(app.url("/connexion")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", PASSWORD)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
    let html = c.get(app.url("/benevole/creneaux")).send().await.unwrap().text().await.unwrap();
    let csrf = csrf_of(&html);
    (c, csrf)
}

async fn post(c: &Client, url: String, form: &[(&str, &str)]) -> (StatusCode, String) {
    let res = c.post(url).form(form).send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

/// Sets a volunteer's weekly hours limit (the profile page of the `people` branch edits it).
async fn set_max_hours(app: &TestApp, user: i64, hours: i64) {
    let sql = "UPDATE users SET max_hours_per_week = $1 WHERE id = $2";
    if app.db_url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(&app.db_url).await.unwrap();
        sqlx::query(sql).bind(hours).bind(user).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::SqlitePool::connect(&app.db_url).await.unwrap();
        sqlx::query(sql).bind(hours).bind(user).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

/// Wednesday of next week (Paris) at `h`:`m`, in UTC milliseconds.
fn next_wednesday(h: u16, m: u16) -> i64 {
    let wednesday = paris_week_monday(relais_web::now_ms()).checked_add(9.days()).unwrap();
    paris_instant(wednesday, h * 60 + m)
}

async fn shift(app: &TestApp, start: i64, minutes: i64, wanted: u32) -> i64 {
    app.store.create_shift(Slot { start, end: start + minutes * MINUTE }, wanted, None, relais_web::now_ms()).await.unwrap()
}

fn week_of(start: i64) -> i64 {
    ((paris_week_monday(start) - paris_week_monday(relais_web::now_ms())).get_days() / 7) as i64
}

#[tokio::test]
async fn booking_refuses_full_overlapping_and_over_the_weekly_hours_and_cancel_stops_at_the_deadline() {
    let app = TestApp::spawn().await;
    let amina = app.user(Role::Volunteer, "amina@example.org", &["fr"], &[]).await;
    app.user(Role::Volunteer, "bruno@example.org", &["fr"], &[]).await;
    let s1 = shift(&app, next_wednesday(10, 7), 120, 1).await;
    let s2 = shift(&app, next_wednesday(11, 7), 120, 2).await;
    let s3 = shift(&app, next_wednesday(14, 7), 120, 2).await;
    let soon = shift(&app, relais_web::now_ms() + 2 * HOUR, 60, 2).await;
    let week = week_of(next_wednesday(10, 7)).to_string();
    let (a, csrf_a) = signed_in(&app, "amina@example.org").await;
    let (b, csrf_b) = signed_in(&app, "bruno@example.org").await;

    let book = |c: &Client, csrf: &str, id: i64| {
        let url = app.url(&format!("/benevole/creneaux/{id}/reserver"));
        let form = [("csrf", csrf.to_owned()), ("semaine", week.clone())];
        let c = c.clone();
        async move {
            let res = c.post(url).form(&form).send().await.unwrap();
            (res.status(), res.text().await.unwrap())
        }
    };

    assert_eq!(book(&a, &csrf_a, s1).await.0, StatusCode::SEE_OTHER);
    let html = a.get(app.url(&format!("/benevole/creneaux?semaine={week}"))).send().await.unwrap().text().await.unwrap();
    let row = &html[html.find(&format!("id=\"creneau-{s1}\"")).unwrap()..];
    assert!(row[..row.find("</tr>").unwrap()].contains("1 / 1"), "booked / wanted");

    // Full: the message is tied to the slot, in the user's language.
    let (status, html) = book(&b, &csrf_b, s1).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("Ce créneau est complet"), "{html}");
    assert!(html.contains(&format!("href=\"#creneau-{s1}\"")) && html.contains(&format!("id=\"creneau-{s1}-error\"")));

    // Overlap with her own booking.
    let (status, html) = book(&a, &csrf_a, s2).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("Vous avez déjà un créneau à ce moment-là"));

    // A shift starting in two hours: booked, but too late to cancel (deadline 12 h).
    assert_eq!(book(&a, &csrf_a, soon).await.0, StatusCode::SEE_OTHER);
    let (status, html) = post(&a, app.url(&format!("/benevole/creneaux/{soon}/annuler")), &[("csrf", &csrf_a), ("semaine", "0")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("trop tard pour annuler"), "{html}");

    // Weekly hours: 3 h a week, 2 h booked that week, a second 2 h shift is refused.
    set_max_hours(&app, amina.id, 3).await;
    let (status, html) = book(&a, &csrf_a, s3).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("par semaine que vous avez choisi"), "{html}");
    set_max_hours(&app, amina.id, 4).await;
    assert_eq!(book(&a, &csrf_a, s3).await.0, StatusCode::SEE_OTHER);

    // Cancelling ahead of the deadline frees the place for someone else.
    let (status, _) = post(&a, app.url(&format!("/benevole/creneaux/{s1}/annuler")), &[("csrf", &csrf_a), ("semaine", &week)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(book(&b, &csrf_b, s1).await.0, StatusCode::SEE_OTHER);
    let mine = app.store.bookings_of(amina.id, 0).await.unwrap();
    assert_eq!(mine.iter().filter(|m| m.cancelled_at.is_none()).count(), 2, "soon and s3");
    assert!(mine.iter().any(|m| m.shift_id == s1 && m.cancelled_at.is_some()), "the cancellation is kept");
}

#[tokio::test]
async fn a_volunteer_on_a_booked_shift_gets_requests_without_going_on_duty() {
    let app = TestApp::spawn().await;
    let vol = app.user(Role::Volunteer, "chloe@example.org", &["fr"], &[]).await;
    app.user(Role::Coordinator, "coord@example.org", &["fr"], &[]).await;
    let token = app.token("chloe@example.org").await;
    app.submit_ok(&phone(1), "impots", "fr").await;
    let res = app.post_json(&token, "/api/v1/help-requests/next", json!({})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "off duty and no shift");

    let start = relais_web::now_ms() + 1500;
    let id = shift(&app, start, 60, 2).await;
    app.store.book_shift(id, vol.id, relais_web::now_ms()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis((start - relais_web::now_ms() + 100).max(0) as u64)).await;
    let res = app.post_json(&token, "/api/v1/help-requests/next", json!({})).await;
    assert_eq!(res.status(), StatusCode::OK, "on shift: on duty automatically");

    let (c, _) = signed_in(&app, "coord@example.org").await;
    let html = c.get(app.url("/coordination")).send().await.unwrap().text().await.unwrap();
    let serving = &html[html.find("id=\"serving-title\"").unwrap()..html.find("id=\"queue-title\"").unwrap()];
    let on_shift = &serving[serving.find("class=\"on-shift\"").expect("on-shift list")..];
    assert!(on_shift[..on_shift.find("</ul>").unwrap()].contains("chloe"), "{serving}");
}

#[tokio::test]
async fn the_calendar_feed_lists_bookings_with_stable_uids_and_a_new_link_revokes_the_old() {
    let app = TestApp::spawn().await;
    let vol = app.user(Role::Volunteer, "dina@example.org", &["fr"], &[]).await;
    let kept = next_wednesday(10, 7);
    let s1 = shift(&app, kept, 120, 2).await;
    let s2 = shift(&app, next_wednesday(15, 7), 60, 2).await;
    let now = relais_web::now_ms();
    app.store.book_shift(s1, vol.id, now).await.unwrap();
    app.store.book_shift(s2, vol.id, now).await.unwrap();
    app.store.cancel_booking(s2, vol.id, 12 * HOUR, now).await.unwrap();

    let (c, csrf) = signed_in(&app, "dina@example.org").await;
    let (status, html) = post(&c, app.url("/benevole/calendrier"), &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::OK);
    let start = html.find("id=\"feed-url\"").unwrap();
    let value = &html[start..];
    let value = &value[value.find("value=\"").unwrap() + 7..];
    let url = &value[..value.find('"').unwrap()];
    let path = &url[url.find("/calendrier/").expect("feed path")..];
    assert!(path.ends_with(".ics"));

    let res = app.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = res.text().await.unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.contains("\r\nVERSION:2.0\r\n") && text.trim_end().ends_with("END:VCALENDAR"));
    let cal: icalendar::Calendar = text.parse().expect("valid iCalendar");
    use icalendar::Component;
    let events: Vec<_> = cal.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 2);
    let dtstart = jiff::Timestamp::from_millisecond(kept).unwrap().strftime("%Y%m%dT%H%M%SZ").to_string();
    let confirmed = events.iter().find(|e| e.property_value("STATUS") == Some("CONFIRMED")).expect("the kept booking");
    assert_eq!(confirmed.property_value("DTSTART"), Some(dtstart.as_str()));
    assert!(confirmed.get_summary().is_some());
    let cancelled = events.iter().find(|e| e.property_value("STATUS") == Some("CANCELLED")).expect("the cancelled booking");
    assert_eq!(cancelled.property_value("SEQUENCE"), Some("1"));
    let uids: Vec<String> = events.iter().map(|e| e.get_uid().unwrap().to_owned()).collect();
    let again = app.client.get(app.url(path)).send().await.unwrap().text().await.unwrap();
    assert_eq!(again, text, "the same feed twice: stable UIDs and stamps");
    assert!(uids.iter().all(|u| u.starts_with("shift-booking-")));

    // A new link: the old one is gone (404), the new one works.
    let (_, html) = post(&c, app.url("/benevole/calendrier"), &[("csrf", &csrf)]).await;
    let value = &html[html.find("id=\"feed-url\"").unwrap()..];
    let value = &value[value.find("value=\"").unwrap() + 7..];
    let new_url = &value[..value.find('"').unwrap()];
    let new_path = &new_url[new_url.find("/calendrier/").unwrap()..];
    assert_ne!(new_path, path);
    assert_eq!(app.client.get(app.url(path)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(app.client.get(app.url(new_path)).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(app.client.get(app.url("/calendrier/nope.ics")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    // The page no longer shows any link, only when it was made.
    let html = c.get(app.url("/benevole/creneaux")).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains(&new_path[12..]), "the token is shown only once");
}

#[tokio::test]
async fn the_coverage_grid_shows_booked_against_needed_and_marks_under_covered_slots() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "coord@example.org", &["fr"], &[]).await;
    let v1 = app.user(Role::Volunteer, "eva@example.org", &["fr"], &[]).await;
    let v2 = app.user(Role::Volunteer, "farid@example.org", &["fr"], &[]).await;
    let covered = shift(&app, next_wednesday(9, 3), 120, 2).await;
    let under = shift(&app, next_wednesday(11, 3), 120, 3).await;
    let now = relais_web::now_ms();
    for v in [&v1, &v2] {
        app.store.book_shift(covered, v.id, now).await.unwrap();
    }
    app.store.book_shift(under, v1.id, now).await.unwrap();
    let week = week_of(next_wednesday(9, 3));

    let (c, csrf) = signed_in(&app, "coord@example.org").await;
    let res = c.get(app.url(&format!("/coordination/couverture?semaine={week}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("<table class=\"data coverage\">") && html.contains("<th scope=\"col\">mercredi"));
    let cell = |html: &str, id: i64| {
        let from = html.find(&format!("<td id=\"creneau-{id}\"")).unwrap_or_else(|| panic!("cell {id}"));
        html[from..from + html[from..].find("</td>").unwrap()].to_owned()
    };
    let c_cov = cell(&html, covered);
    assert!(c_cov.contains("class=\"covered\"") && c_cov.contains("2 / 2") && !c_cov.contains("Manque"), "{c_cov}");
    let c_under = cell(&html, under);
    assert!(c_under.contains("class=\"under\"") && c_under.contains("1 / 3") && c_under.contains("⚠ Manque 2"), "{c_under}");
    assert!(c_under.contains("Écrire aux bénévoles habituels"));

    // The coordinator lowers the wanted number: the slot is covered.
    let (status, _) = post(&c, app.url(&format!("/coordination/couverture/{under}/besoin")), &[("csrf", &csrf), ("wanted", "1"), ("semaine", &week.to_string())]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = c.get(app.url(&format!("/coordination/couverture?semaine={week}"))).send().await.unwrap().text().await.unwrap();
    let c_under = cell(&html, under);
    assert!(c_under.contains("class=\"covered\"") && c_under.contains("1 / 1"), "{c_under}");
    let (status, _) = post(&c, app.url(&format!("/coordination/couverture/{under}/besoin")), &[("csrf", &csrf), ("wanted", "-3")]).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Volunteers do not see the grid.
    let (v, _) = signed_in(&app, "eva@example.org").await;
    assert_eq!(v.get(app.url("/coordination/couverture")).send().await.unwrap().status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn service_hours_and_closures_edited_by_an_admin_remake_the_coming_shifts() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@example.org", &["fr"], &[]).await;
    app.user(Role::Coordinator, "coord@example.org", &["fr"], &[]).await;
    let (c, csrf) = signed_in(&app, "admin@example.org").await;
    let mut form: Vec<(String, String)> = vec![("csrf".into(), csrf.clone())];
    for d in 0..5 {
        form.push((format!("open_{d}"), "true".into()));
        form.push((format!("from_{d}"), "09:00".into()));
        form.push((format!("to_{d}"), "18:00".into()));
    }
    form.push(("open_5".into(), "true".into()));
    form.push(("from_5".into(), "10:00".into()));
    form.push(("to_5".into(), "12:00".into()));
    form.push(("whit_monday_closed".into(), "true".into()));
    form.push(("slot_minutes".into(), "60".into()));
    form.push(("default_wanted".into(), "2".into()));
    let res = c.post(app.url("/coordination/horaires")).form(&form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let now = relais_web::now_ms();
    let monday = paris_week_monday(now).checked_add(7.days()).unwrap();
    let from = paris_instant(monday, 0);
    let to = from + 7 * DAY + 2 * HOUR;
    let mut expected_hours = relais_domain::schedule::ServiceHours::default();
    expected_hours.week[5] = Some(relais_domain::schedule::DayHours::new(600, 720).unwrap());
    let expected: Vec<(i64, i64)> = generate_slots(&expected_hours, monday, 7, 60).iter().map(|s| (s.start, s.end)).collect();
    let stored = |app: &TestApp| {
        let store = app.store.clone();
        async move { store.shifts_between(from, to, 0).await.unwrap().iter().map(|s| (s.starts_at, s.ends_at, s.wanted)).collect::<Vec<_>>() }
    };
    let got = stored(&app).await;
    assert_eq!(got.iter().map(|(a, b, _)| (*a, *b)).collect::<Vec<_>>(), expected, "1-hour slots, Saturday 10–12 included");
    // New slots take the new default; a slot that already existed keeps its wanted number.
    let saturday = paris_instant(monday.checked_add(5.days()).unwrap(), 0);
    assert!(got.iter().filter(|(s, _, _)| *s >= saturday).all(|(_, _, w)| *w == 2));
    assert!(!expected.is_empty());

    // A closure on next week's Tuesday removes that day's slots; removing it brings them back.
    let tuesday = monday.checked_add(1.days()).unwrap().to_string();
    let (status, _) = post(&c, app.url("/coordination/horaires/fermetures"), &[("csrf", &csrf), ("first_day", &tuesday), ("last_day", &tuesday), ("reason", "formation")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let t_from = paris_instant(monday.checked_add(1.days()).unwrap(), 0);
    let t_to = t_from + DAY;
    let got = stored(&app).await;
    assert!(got.iter().all(|(s, _, _)| *s < t_from || *s >= t_to), "no slot on the closed day");
    let html = c.get(app.url("/coordination/horaires")).send().await.unwrap().text().await.unwrap();
    let id_at = html.find("/coordination/horaires/fermetures/").unwrap() + "/coordination/horaires/fermetures/".len();
    let id: String = html[id_at..].chars().take_while(|c| c.is_ascii_digit()).collect();
    let (status, _) = post(&c, app.url(&format!("/coordination/horaires/fermetures/{id}/supprimer")), &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(stored(&app).await.len(), expected.len());

    // Bad input: the error is tied to its field and nothing changes.
    let res = c
        .post(app.url("/coordination/horaires"))
        .form(&[("csrf", csrf.as_str()), ("open_0", "true"), ("from_0", "18:00"), ("to_0", "09:00"), ("slot_minutes", "60"), ("default_wanted", "2")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("href=\"#to-0\"") && html.contains("id=\"to-0-error\""), "error tied to the field");
    assert_eq!(stored(&app).await.len(), expected.len());

    // Coordinators cannot edit the hours.
    let (co, co_csrf) = signed_in(&app, "coord@example.org").await;
    assert_eq!(co.get(app.url("/coordination/horaires")).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let (status, _) = post(&co, app.url("/coordination/horaires/fermetures"), &[("csrf", &co_csrf), ("first_day", &tuesday), ("last_day", &tuesday), ("reason", "x")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
