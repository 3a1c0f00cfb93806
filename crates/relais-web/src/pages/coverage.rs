//! The coordinators' coverage grid (`/coordination/couverture`): a Paris week of shifts as
//! a table (days as columns, slot times as rows), each cell booked vs needed, under-covered
//! cells marked in text as well as colour; coordinators set a shift's wanted number and
//! e-mail the volunteers who usually serve at that time.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, session_for, FormData};
use super::schedule_view::{day_label, slot_label, time_label, Week};
use crate::now_ms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use relais_domain::authz::Action;
use relais_domain::schedule::paris_datetime;

pub struct Cell {
    pub id: i64,
    pub label: String,
    pub booked: i64,
    pub wanted: i64,
    /// The forecast's rostered number for this slot, when a forecast is available.
    pub forecast: Option<i64>,
    pub needed: i64,
    pub missing: i64,
    pub past: bool,
}

pub struct GridRow {
    pub time: String,
    pub cells: Vec<Option<Cell>>,
}

#[derive(Template)]
#[template(path = "coverage.html")]
struct CoveragePage<'a> {
    ctx: &'a PageCtx,
    week_label: String,
    offset: i64,
    previous: Option<i64>,
    next: Option<i64>,
    days: Vec<String>,
    rows: Vec<GridRow>,
    under: usize,
    notice: Option<String>,
}

const NOTICES: &[(&str, &str)] = &[("besoin", "coverage-wanted-saved"), ("appel", "coverage-appeal-sent"), ("appel-personne", "coverage-appeal-nobody")];

/// The grid of one week: the days that have shifts, and one row per distinct Paris time.
pub async fn build_grid(state: &AppState, ctx: &PageCtx, week: &Week, viewer: i64) -> Result<(Vec<String>, Vec<GridRow>, usize), PageError> {
    let now = now_ms();
    let shifts = state.store.shifts_between(week.from, week.to, viewer).await?;
    let forecast = crate::forecast::rostered_for(state, &shifts, now).await;
    let mut days: Vec<Date> = shifts.iter().map(|s| paris_datetime(s.starts_at).date()).collect();
    days.dedup();
    let mut times: Vec<String> = shifts.iter().map(|s| format!("{}–{}", time_label(s.starts_at), time_label(s.ends_at))).collect();
    times.sort();
    times.dedup();
    let mut rows: Vec<GridRow> = times.iter().map(|t| GridRow { time: t.clone(), cells: days.iter().map(|_| None).collect() }).collect();
    let mut under = 0;
    for (i, s) in shifts.iter().enumerate() {
        let day = days.iter().position(|d| *d == paris_datetime(s.starts_at).date()).unwrap_or(0);
        let time = format!("{}–{}", time_label(s.starts_at), time_label(s.ends_at));
        let Some(row) = rows.iter_mut().find(|r| r.time == time) else { continue };
        let forecast = forecast.get(i).copied().flatten();
        let needed = s.wanted.max(forecast.unwrap_or(0));
        let missing = (needed - s.booked).max(0);
        let past = s.ends_at <= now;
        if missing > 0 && !past {
            under += 1;
        }
        row.cells[day] = Some(Cell {
            id: s.id,
            label: slot_label(&ctx.tr, s.starts_at, s.ends_at),
            booked: s.booked,
            wanted: s.wanted,
            forecast,
            needed,
            missing,
            past,
        });
    }
    Ok((days.iter().map(|d| day_label(&ctx.tr, *d)).collect(), rows, under))
}

pub async fn grid(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::ManageShifts)?;
        let week = Week::from_query(query.as_deref(), now_ms());
        let notice = query
            .as_deref()
            .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("avis=")))
            .and_then(|c| NOTICES.iter().find(|(k, _)| *k == c))
            .map(|(_, key)| ctx.tr.t(key));
        let (days, rows, under) = build_grid(&state, &ctx, &week, s.user.id).await?;
        Ok(render(&CoveragePage {
            ctx: &ctx,
            week_label: day_label(&ctx.tr, week.monday),
            offset: week.offset,
            previous: week.previous(),
            next: week.next(),
            days,
            rows,
            under,
            notice,
        }))
    }
    .await;
    finish(&ctx, result)
}

fn back(data: &FormData, avis: &str, id: i64) -> Response {
    let offset = Week::from_query(Some(&format!("semaine={}", data.text("semaine"))), now_ms()).offset;
    Redirect::to(&format!("/coordination/couverture?semaine={offset}&avis={avis}#creneau-{id}")).into_response()
}

/// Sets how many volunteers a shift wants.
pub async fn set_wanted(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::ManageShifts)?;
        ctx.check_csrf(data.csrf())?;
        let wanted = data.text("wanted").trim().parse::<u32>().ok().filter(|w| *w <= 500);
        let Some(wanted) = wanted else {
            return Err(PageError::Conflict("coverage-wanted-invalid".into()));
        };
        state.store.set_shift_wanted(id, wanted).await?;
        tracing::info!(shift = id, wanted, by = s.user.id, "shift wanted number set");
        Ok(back(&data, "besoin", id))
    }
    .await;
    finish(&ctx, result)
}

/// E-mails the usual volunteers of an under-covered shift (see `crate::appeals`).
pub async fn appeal(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::ManageShifts)?;
        ctx.check_csrf(data.csrf())?;
        let scope = (s.user.role() != relais_domain::authz::Role::Admin).then(|| s.networks.clone());
        let sent = crate::appeals::write_to_usual_volunteers(&state, id, scope.as_deref(), now_ms()).await?;
        tracing::info!(shift = id, by = s.user.id, recipients = sent, "usual volunteers written to");
        Ok(back(&data, if sent == 0 { "appel-personne" } else { "appel" }, id))
    }
    .await;
    finish(&ctx, result)
}
