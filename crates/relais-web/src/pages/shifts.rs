//! The volunteer's shifts: the week's slots with booked/wanted, booking and cancelling,
//! "my shifts", and the private calendar-feed link (made, shown once, replaced).

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, message, session_for, with_status, FormData};
use super::schedule_view::{day_label, slot_label, time_label, Week};
use crate::error::ApiError;
use crate::state::AppState;
use crate::now_ms;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::Action;
use relais_domain::schedule::paris_datetime;

pub struct SlotRow {
    pub id: i64,
    pub time: String,
    pub label: String,
    pub booked: i64,
    pub wanted: i64,
    pub mine: bool,
    pub full: bool,
    pub started: bool,
    pub error: Option<String>,
}

pub struct DayGroup {
    pub label: String,
    pub slots: Vec<SlotRow>,
}

pub struct MineRow {
    pub id: i64,
    pub label: String,
    pub cancellable: bool,
}

#[derive(Template)]
#[template(path = "shifts.html")]
struct ShiftsPage<'a> {
    ctx: &'a PageCtx,
    week_label: String,
    previous: Option<i64>,
    next: Option<i64>,
    offset: i64,
    days: Vec<DayGroup>,
    mine: Vec<MineRow>,
    notice: Option<String>,
    /// The refused slot's message, for the summary (anchor, text).
    alert: Option<(String, String)>,
    cancel_hours: i64,
    feed_made_at: Option<String>,
    /// The new feed link, shown once right after it is made.
    new_feed_url: Option<String>,
}

const NOTICES: &[(&str, &str)] = &[("reserve", "shifts-booked"), ("annule", "shifts-cancelled")];

struct Shown {
    offset: i64,
    notice: Option<String>,
    refused: Option<(i64, String)>,
    new_feed_url: Option<String>,
}

async fn shifts_page(state: &AppState, ctx: &PageCtx, shown: Shown) -> Result<Response, PageError> {
    let s = session_for(ctx, Action::BookShifts)?;
    let now = now_ms();
    let week = Week::at(shown.offset, now);
    let mut days: Vec<DayGroup> = Vec::new();
    for sh in state.store.shifts_between(week.from, week.to, s.user.id).await? {
        let label = day_label(&ctx.tr, paris_datetime(sh.starts_at).date());
        let error = shown.refused.as_ref().filter(|(id, _)| *id == sh.id).map(|(_, m)| m.clone());
        let row = SlotRow {
            id: sh.id,
            time: format!("{}–{}", time_label(sh.starts_at), time_label(sh.ends_at)),
            label: slot_label(&ctx.tr, sh.starts_at, sh.ends_at),
            booked: sh.booked,
            wanted: sh.wanted,
            mine: sh.mine,
            full: sh.booked >= sh.wanted,
            started: sh.starts_at <= now,
            error,
        };
        match days.last_mut() {
            Some(d) if d.label == label => d.slots.push(row),
            _ => days.push(DayGroup { label, slots: vec![row] }),
        }
    }
    let deadline = state.config.shift_cancel_deadline;
    let mine = state
        .store
        .bookings_of(s.user.id, now)
        .await?
        .into_iter()
        .filter(|b| b.cancelled_at.is_none() && !b.withdrawn)
        .map(|b| MineRow {
            id: b.shift_id,
            label: slot_label(&ctx.tr, b.starts_at, b.ends_at),
            cancellable: now <= b.starts_at - deadline,
        })
        .collect();
    let feed_made_at = state.store.calendar_token_made_at(s.user.id).await?.map(crate::actions::paris_time);
    let alert = shown.refused.map(|(id, m)| (format!("creneau-{id}"), m));
    let status = if alert.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    let page = ShiftsPage {
        ctx,
        week_label: day_label(&ctx.tr, week.monday),
        previous: week.previous(),
        next: week.next(),
        offset: week.offset,
        days,
        mine,
        notice: shown.notice,
        alert,
        cancel_hours: deadline / relais_domain::HOUR,
        feed_made_at,
        new_feed_url: shown.new_feed_url,
    };
    Ok(with_status(status, render(&page)))
}

fn query_value<'a>(query: Option<&'a str>, key: &str) -> Option<&'a str> {
    query?.split('&').find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
}

pub async fn list(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let week = Week::from_query(query.as_deref(), now_ms());
    let notice = query_value(query.as_deref(), "avis").and_then(|c| NOTICES.iter().find(|(k, _)| *k == c)).map(|(_, key)| ctx.tr.t(key));
    let result = shifts_page(&state, &ctx, Shown { offset: week.offset, notice, refused: None, new_feed_url: None }).await;
    finish(&ctx, result)
}

/// The week to return to after a form (`semaine` hidden field).
fn form_week(data: &FormData) -> i64 {
    Week::from_query(Some(&format!("semaine={}", data.text("semaine"))), now_ms()).offset
}

/// Runs a booking change; a refusal re-renders the week with the message on its slot.
async fn change(state: &AppState, ctx: &PageCtx, data: &FormData, id: i64, book: bool) -> Result<Response, PageError> {
    let s = session_for(ctx, Action::BookShifts)?;
    ctx.check_csrf(data.csrf())?;
    let offset = form_week(data);
    let now = now_ms();
    let done = if book {
        state.store.book_shift(id, s.user.id, now).await
    } else {
        state.store.cancel_booking(id, s.user.id, state.config.shift_cancel_deadline, now).await
    };
    match done.map_err(ApiError::from) {
        Ok(()) => {
            if book {
                tracing::info!(shift = id, volunteer = s.user.id, "shift booked");
            } else {
                tracing::info!(shift = id, volunteer = s.user.id, "shift booking cancelled");
            }
            let avis = if book { "reserve" } else { "annule" };
            Ok(Redirect::to(&format!("/benevole/creneaux?semaine={offset}&avis={avis}#creneau-{id}")).into_response())
        }
        Err(ApiError::Conflict { code, .. }) => {
            let text = message(&ctx.tr, &format!("shifts-refused-{code}"));
            shifts_page(state, ctx, Shown { offset, notice: None, refused: Some((id, text)), new_feed_url: None }).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn book(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = change(&state, &ctx, &data, id, true).await;
    finish(&ctx, result)
}

pub async fn cancel(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = change(&state, &ctx, &data, id, false).await;
    finish(&ctx, result)
}

/// Makes a new calendar-feed link (the old one stops working) and shows it once.
pub async fn new_feed(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::BookShifts)?;
        ctx.check_csrf(data.csrf())?;
        let token = relais_store::sessions::random_token();
        state.store.replace_calendar_token(s.user.id, &token, now_ms()).await?;
        tracing::info!(volunteer = s.user.id, "calendar feed link replaced");
        let url = state.config.public_link(&format!("/calendrier/{token}.ics"));
        shifts_page(&state, &ctx, Shown { offset: 0, notice: Some(ctx.tr.t("shifts-feed-made")), refused: None, new_feed_url: Some(url) })
            .await
    }
    .await;
    finish(&ctx, result)
}
