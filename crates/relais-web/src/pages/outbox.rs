//! The e-mail outbox page for administrators (`/coordination/courriels`): a warning when
//! no SMTP server is configured, counts by status, the latest messages with masked
//! recipients, and "retry now" / "cancel" buttons. Decisions are in `outbox_admin`.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, iso, FormData};
use crate::actions::paris_time;
use crate::outbox_admin::{self, OutboxCountsDto, OutboxItem};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};

pub struct OutboxRow {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub status: String,
    pub attempts: i64,
    pub next_try: Option<(String, String)>,
    pub last_error: String,
    pub pending: bool,
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage<'a> {
    ctx: &'a PageCtx,
    smtp_configured: bool,
    counts: OutboxCountsDto,
    rows: Vec<OutboxRow>,
    notice: Option<String>,
}

fn row(ctx: &PageCtx, m: &OutboxItem) -> OutboxRow {
    OutboxRow {
        id: m.id,
        recipient: m.recipient_masked.clone().unwrap_or_else(|| ctx.tr.t("outbox-erased")),
        subject: m.subject.clone(),
        status: ctx.tr.t(&format!("outbox-status-{}", m.status)),
        attempts: m.attempts,
        next_try: m.next_attempt_at.map(|at| (paris_time(at), iso(at))),
        last_error: m.last_error.clone().unwrap_or_default(),
        pending: m.status == "queued" || m.status == "failed",
    }
}

pub async fn page(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let result = async {
        let view = outbox_admin::view(&state, ctx.session.as_ref(), outbox_admin::LATEST).await?;
        let notice = match FormData::parse(query.as_deref().unwrap_or_default()).get("avis") {
            Some("relance") => Some(ctx.tr.t("outbox-retried")),
            Some("annule") => Some(ctx.tr.t("outbox-cancelled")),
            _ => None,
        };
        let rows = view.messages.iter().map(|m| row(&ctx, m)).collect();
        Ok::<_, PageError>(render(&OutboxPage { ctx: &ctx, smtp_configured: view.smtp_configured, counts: view.counts, rows, notice }))
    }
    .await;
    finish(&ctx, result)
}

pub async fn retry(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        ctx.check_csrf(data.csrf())?;
        outbox_admin::retry(&state, ctx.session.as_ref(), id).await?;
        Ok(Redirect::to("/coordination/courriels?avis=relance").into_response())
    }
    .await;
    finish(&ctx, result)
}

pub async fn cancel(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        ctx.check_csrf(data.csrf())?;
        outbox_admin::cancel(&state, ctx.session.as_ref(), id).await?;
        Ok(Redirect::to("/coordination/courriels?avis=annule").into_response())
    }
    .await;
    finish(&ctx, result)
}
