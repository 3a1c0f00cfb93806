//! The administrators' editor of service hours (`/coordination/horaires`): opening hours
//! per weekday, whether Whit Monday closes the line, slot length, default wanted number,
//! and exceptional closures. Every change regenerates the coming weeks' shifts at once.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, session_for, with_status, Errors, FormData};
use super::schedule_view::WEEKS_AHEAD;
use crate::now_ms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::Action;
use relais_domain::schedule::{Closure, DayHours};
use relais_store::shifts::{ShiftSettings, StoredClosure};

pub struct DayForm {
    pub index: usize,
    pub name: String,
    pub open: bool,
    pub from: String,
    pub to: String,
}

#[derive(Template)]
#[template(path = "service_hours.html")]
struct HoursPage<'a> {
    ctx: &'a PageCtx,
    days: Vec<DayForm>,
    whit_monday_closed: bool,
    slot_minutes: String,
    default_wanted: String,
    closures: Vec<StoredClosure>,
    closure_first: String,
    closure_last: String,
    closure_reason: String,
    errors: Errors,
    notice: Option<String>,
}

fn hhmm(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// "09:00" → 540; "24:00" is allowed as a closing time.
fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

async fn page(state: &AppState, ctx: &PageCtx, refused: Option<(FormData, Errors)>, notice: Option<String>) -> Result<Response, PageError> {
    session_for(ctx, Action::EditServiceHours)?;
    let hours = state.store.service_hours().await?;
    let settings = state.store.shift_settings().await?;
    let closures = state.store.closures().await?;
    let (data, errors) = refused.unwrap_or_default();
    let sent = !data.0.is_empty();
    let days = (0..7)
        .map(|i| {
            let stored = hours.week[i];
            DayForm {
                index: i,
                name: ctx.tr.t(&format!("shifts-weekday-{i}")),
                open: if sent { data.checked(&format!("open_{i}")) } else { stored.is_some() },
                from: if sent { data.text(&format!("from_{i}")) } else { stored.map(|d| hhmm(d.open_minute)).unwrap_or_else(|| "09:00".into()) },
                to: if sent { data.text(&format!("to_{i}")) } else { stored.map(|d| hhmm(d.close_minute)).unwrap_or_else(|| "18:00".into()) },
            }
        })
        .collect();
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok(with_status(
        status,
        render(&HoursPage {
            ctx,
            days,
            whit_monday_closed: if sent && data.get("slot_minutes").is_some() { data.checked("whit_monday_closed") } else { hours.whit_monday_closed },
            slot_minutes: data.opt("slot_minutes").unwrap_or_else(|| settings.slot_minutes.to_string()),
            default_wanted: data.opt("default_wanted").unwrap_or_else(|| settings.default_wanted.to_string()),
            closures,
            closure_first: data.text("first_day"),
            closure_last: data.text("last_day"),
            closure_reason: data.text("reason"),
            errors,
            notice,
        }),
    ))
}

pub async fn show(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let notice = query.as_deref().is_some_and(|q| q.contains("avis=enregistre")).then(|| ctx.tr.t("hours-saved"));
    let result = page(&state, &ctx, None, notice).await;
    finish(&ctx, result)
}

async fn regenerate(state: &AppState) -> Result<(), PageError> {
    let n = state.store.generate_shifts(now_ms(), (WEEKS_AHEAD * 7) as u16).await?;
    tracing::info!(shifts = n, "shifts regenerated after a service-hours change");
    Ok(())
}

pub async fn save(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::EditServiceHours)?;
        ctx.check_csrf(data.csrf())?;
        let mut errors = Errors::default();
        let mut week: [Option<DayHours>; 7] = [None; 7];
        for (i, day) in week.iter_mut().enumerate() {
            if !data.checked(&format!("open_{i}")) {
                continue;
            }
            let from = parse_hhmm(&data.text(&format!("from_{i}")));
            let to = parse_hhmm(&data.text(&format!("to_{i}")));
            match (from, to) {
                (Some(f), Some(t)) => match DayHours::new(f, t) {
                    Ok(h) => *day = Some(h),
                    Err(_) => errors.push(&format!("to_{i}"), &format!("to-{i}"), ctx.tr.t("hours-error-order")),
                },
                (None, _) => errors.push(&format!("from_{i}"), &format!("from-{i}"), ctx.tr.t("hours-error-time")),
                (_, None) => errors.push(&format!("to_{i}"), &format!("to-{i}"), ctx.tr.t("hours-error-time")),
            }
        }
        let slot_minutes = data.text("slot_minutes").trim().parse::<u16>().ok().filter(|m| (15..=720).contains(m));
        if slot_minutes.is_none() {
            errors.push("slot_minutes", "slot-minutes", ctx.tr.t("hours-error-slot-minutes"));
        }
        let default_wanted = data.text("default_wanted").trim().parse::<u32>().ok().filter(|w| *w <= 500);
        if default_wanted.is_none() {
            errors.push("default_wanted", "default-wanted", ctx.tr.t("hours-error-wanted"));
        }
        let (Some(slot_minutes), Some(default_wanted), true) = (slot_minutes, default_wanted, errors.is_empty()) else {
            return page(&state, &ctx, Some((data, errors)), None).await;
        };
        state
            .store
            .save_service_hours(&week, data.checked("whit_monday_closed"), ShiftSettings { slot_minutes, default_wanted })
            .await?;
        regenerate(&state).await?;
        Ok(Redirect::to("/coordination/horaires?avis=enregistre").into_response())
    }
    .await;
    finish(&ctx, result)
}

pub async fn add_closure(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::EditServiceHours)?;
        ctx.check_csrf(data.csrf())?;
        let mut errors = Errors::default();
        let first = data.text("first_day").trim().parse::<jiff::civil::Date>().ok();
        let last = data.text("last_day").trim().parse::<jiff::civil::Date>().ok();
        if first.is_none() {
            errors.push("first_day", "first-day", ctx.tr.t("hours-error-date"));
        }
        if last.is_none() {
            errors.push("last_day", "last-day", ctx.tr.t("hours-error-date"));
        }
        let reason = data.text("reason");
        if reason.trim().is_empty() || reason.chars().count() > 200 {
            errors.push("reason", "reason", ctx.tr.t("hours-error-reason"));
        }
        let closure = match (first, last) {
            (Some(f), Some(l)) if errors.is_empty() => match Closure::new(f, l, &reason) {
                Ok(c) => Some(c),
                Err(_) => {
                    errors.push("last_day", "last-day", ctx.tr.t("hours-error-closure-order"));
                    None
                }
            },
            _ => None,
        };
        let Some(closure) = closure else {
            return page(&state, &ctx, Some((data, errors)), None).await;
        };
        state.store.add_closure(&closure, now_ms()).await?;
        regenerate(&state).await?;
        Ok(Redirect::to("/coordination/horaires?avis=enregistre").into_response())
    }
    .await;
    finish(&ctx, result)
}

pub async fn remove_closure(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::EditServiceHours)?;
        ctx.check_csrf(data.csrf())?;
        state.store.remove_closure(id).await?;
        regenerate(&state).await?;
        Ok(Redirect::to("/coordination/horaires?avis=enregistre").into_response())
    }
    .await;
    finish(&ctx, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_hhmm("09:00"), Some(540));
        assert_eq!(parse_hhmm("24:00"), Some(1440));
        assert_eq!(parse_hhmm("24:01"), None);
        assert_eq!(parse_hhmm("9h"), None);
        assert_eq!(hhmm(1080), "18:00");
    }
}
