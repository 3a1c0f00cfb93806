//! The volunteer's console: duty, the requests they hold, taking the next one, working on
//! a request (attempts, closing, releasing, keeping it longer during a long call) and
//! their history.

use super::context::{render, PageCtx, PageError};
use super::forms::{
    code_key, finish, iso, label, language_option, paris_local_value, parse_paris_local, session_for, topic_label, validation,
    with_status, Errors, FormData, TopicLabel,
};
use super::live::QueueFigures;
use super::public::Choice;
use crate::actions::{self, paris_time};
use crate::error::ApiError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::Action;
use relais_domain::lifecycle::Command;
use relais_domain::phone;
use relais_domain::request::{AttemptResult, Outcome, Status};
use relais_store::{HelpRequest, TimelineEvent};

/// Notices a redirect to the console may carry (`?avis=`), by code.
pub(crate) const NOTICES: &[(&str, &str)] = &[
    ("personne", "console-nobody-waiting"),
    ("service", "console-duty-changed"),
    ("cloturee", "console-closed"),
    ("liberee", "console-released"),
    ("rappel", "console-rescheduled"),
    ("plus-a-vous", "console-not-yours"),
];

fn notice_from_query(ctx: &PageCtx, query: Option<&str>) -> Option<String> {
    let code = query?.split('&').find_map(|kv| kv.strip_prefix("avis="))?;
    NOTICES.iter().find(|(c, _)| *c == code).map(|(_, key)| ctx.tr.t(key))
}

pub struct HeldItem {
    pub id: i64,
    pub reference: String,
    pub topic: TopicLabel,
    pub urgent: bool,
    pub lease_until: String,
    pub lease_iso: String,
}

#[derive(Template)]
#[template(path = "console.html")]
struct ConsolePage<'a> {
    ctx: &'a PageCtx,
    on_duty: bool,
    /// On a booked shift now: on duty automatically (dispatch follows the schedule).
    on_shift: bool,
    held: Vec<HeldItem>,
    notice: Option<String>,
    alert: Option<String>,
    figures: QueueFigures,
}

async fn console_page(state: &AppState, ctx: &PageCtx, notice: Option<String>, alert: Option<String>) -> Result<Response, PageError> {
    let s = session_for(ctx, Action::Serve)?;
    // Fresh from storage: the duty flag may have changed since the session was read.
    let user = state.store.user(s.user.id).await?;
    let topics = state.store.topics(true).await?;
    let held = state
        .store
        .held_by(user.id)
        .await?
        .into_iter()
        .map(|r| HeldItem {
            id: r.id,
            topic: topic_label(&ctx.tr, &topics, &r.topic),
            urgent: r.urgency > 0,
            lease_until: r.lease_until.map(paris_time).unwrap_or_default(),
            lease_iso: r.lease_until.map(iso).unwrap_or_default(),
            reference: r.reference,
        })
        .collect();
    let figures = QueueFigures::load(state).await?;
    let on_shift = state.store.on_shift(user.id, crate::now_ms()).await?;
    Ok(render(&ConsolePage { ctx, on_duty: user.on_duty, on_shift, held, notice, alert, figures }))
}

pub async fn home(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let notice = notice_from_query(&ctx, query.as_deref());
    let result = console_page(&state, &ctx, notice, None).await;
    finish(&ctx, result)
}

pub async fn duty(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::Serve)?;
        ctx.check_csrf(data.csrf())?;
        let on = data.get("on_duty").is_some_and(|v| v == "true");
        actions::set_duty(&state, ctx.session.as_ref(), on).await?;
        Ok(Redirect::to("/benevole?avis=service").into_response())
    }
    .await;
    finish(&ctx, result)
}

pub async fn next(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::Serve)?;
        ctx.check_csrf(data.csrf())?;
        match actions::take_next(&state, ctx.session.as_ref()).await {
            Ok(Some(req)) => Ok(Redirect::to(&format!("/benevole/demandes/{}", req.id)).into_response()),
            Ok(None) => Ok(Redirect::to("/benevole?avis=personne").into_response()),
            Err(ApiError::Conflict { code, .. }) => {
                let alert = Some(ctx.tr.t(&code_key("conflict", code)));
                Ok(with_status(StatusCode::CONFLICT, console_page(&state, &ctx, None, alert).await?))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&ctx, result)
}

pub struct Fact {
    pub label: String,
    pub value: String,
    /// Dates and numbers: shown left to right whatever the page's direction.
    pub ltr: bool,
}

pub struct TimelineItem {
    pub iso: String,
    pub time: String,
    pub label: String,
    pub detail: Option<String>,
    pub actor: Option<String>,
}

/// What the forms on the request page keep after a refused submission.
#[derive(Default)]
pub struct ActionForms {
    pub errors: Errors,
    pub result: String,
    pub outcome: String,
    pub note: String,
    pub follow_up_at: String,
    /// A word shown at the top after an action that stays on the page (`?avis=`).
    pub notice: Option<String>,
    /// The library search of the "send a tutorial" box (`?tq=`); the request's topic when absent.
    pub tutorial_q: Option<String>,
    /// The tutorial whose e-mail form was refused, and what was typed in it.
    pub tutorial_slug: String,
    pub email: String,
}

#[derive(Template)]
#[template(path = "request.html")]
struct RequestPage<'a> {
    ctx: &'a PageCtx,
    id: i64,
    reference: String,
    status: String,
    status_class: &'static str,
    urgent: bool,
    topic: TopicLabel,
    facts: Vec<Fact>,
    need: Option<String>,
    note: Option<String>,
    phone_display: Option<String>,
    phone_href: String,
    phone_masked: Option<String>,
    holder: bool,
    timeline: Vec<TimelineItem>,
    results: Vec<Choice>,
    outcomes: Vec<Choice>,
    errors: Errors,
    forms: ActionForms,
    follow_up_min: String,
    /// End of the holder's time on the request (Paris time), for the "still on the line" form.
    lease_until: String,
    lease_iso: String,
    /// The library search box (holder only) and its results.
    tutorial_q: String,
    tutorials: Vec<super::tutorial_sending::TutorialChoice>,
    tutorial_sms: bool,
    /// `/lieux` prefilled with the person's postcode and the topic's service.
    places_href: String,
    /// Orientations of this request to places (issue 6), with the steps this viewer may record.
    referrals: Vec<super::referrals::ReferralRow>,
    orient_places_href: String,
    /// "Appeler" through the line (telephony/line_call.rs).
    call: crate::telephony::line_call::CallBox,
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Waiting => "waiting",
        Status::Assigned => "assigned",
        Status::Closed => "closed",
    }
}

fn timeline_item(ctx: &PageCtx, e: TimelineEvent) -> TimelineItem {
    let tr = &ctx.tr;
    if e.kind == relais_store::tutorials::EVENT_TUTORIAL_SENT {
        // Which tutorial and by which channel; the address was never stored here.
        let detail = e.detail.as_deref().and_then(relais_store::tutorials::parse_sent_detail).map(|(channel, slug)| {
            format!("{slug} · {}", label(tr, "tutorial-channel", channel))
        });
        return TimelineItem { iso: iso(e.at), time: paris_time(e.at), label: label(tr, "event", &e.kind), detail, actor: e.actor_name };
    }
    // Details are codes (never free text): an attempt result or an outcome.
    let detail = e.detail.as_deref().and_then(|d| {
        if let Ok(r) = d.parse::<AttemptResult>() {
            Some(label(tr, "attempt", r.as_str()))
        } else if let Ok(o) = d.parse::<Outcome>() {
            Some(label(tr, "outcome", o.as_str()))
        } else {
            None
        }
    });
    TimelineItem { iso: iso(e.at), time: paris_time(e.at), label: label(tr, "event", &e.kind), detail, actor: e.actor_name }
}

pub(crate) async fn request_page(state: &AppState, ctx: &PageCtx, id: i64, forms: ActionForms) -> Result<Response, PageError> {
    let (req, timeline, holder) = actions::view(state, ctx.session.as_ref(), id).await?;
    let tr = &ctx.tr;
    let topics = state.store.topics(true).await?;
    let none = || tr.t("value-none");
    let HelpRequest { reference, status, topic, language, first_name, need, note, postcode, phone: number, .. } = req.clone();
    let windows: Vec<String> = req.windows().iter().map(|w| label(tr, "window", w)).collect();
    let mut facts = vec![
        Fact { label: tr.t("request-urgency"), value: label(tr, "urgency", req.urgency().as_str()), ltr: false },
        Fact { label: tr.t("request-language"), value: language_option(tr, &language), ltr: false },
        Fact { label: tr.t("request-first-name"), value: first_name.unwrap_or_else(none), ltr: false },
        Fact { label: tr.t("request-postcode"), value: postcode.clone().unwrap_or_else(none), ltr: false },
        Fact { label: tr.t("request-windows"), value: if windows.is_empty() { tr.t("request-windows-any") } else { windows.join(", ") }, ltr: false },
        Fact { label: tr.t("request-sms"), value: tr.t(if req.sms_consent { "value-yes" } else { "value-no" }), ltr: false },
        Fact { label: tr.t("request-channel"), value: label(tr, "channel", req.channel.as_str()), ltr: false },
        Fact { label: tr.t("request-created"), value: paris_time(req.created_at), ltr: true },
        Fact { label: tr.t("request-failed-attempts"), value: req.failed_attempts.to_string(), ltr: false },
    ];
    if let Some(v) = req.volunteer_id.filter(|_| status == Status::Assigned) {
        let name = state.store.user(v).await.map(|u| u.display_name).unwrap_or_else(|_| none());
        facts.push(Fact { label: tr.t("request-holder"), value: name, ltr: false });
        if let Some(l) = req.lease_until {
            facts.push(Fact { label: tr.t("request-lease-until"), value: paris_time(l), ltr: true });
        }
    }
    if status == Status::Waiting && req.due_at > crate::now_ms() {
        facts.push(Fact { label: tr.t("request-due-at"), value: paris_time(req.due_at), ltr: true });
    }
    if let Some(o) = req.outcome() {
        facts.push(Fact { label: tr.t("request-outcome"), value: label(tr, "outcome", o.as_str()), ltr: false });
    }
    let choices = |prefix: &str, codes: Vec<&'static str>, current: &str| -> Vec<Choice> {
        codes
            .into_iter()
            .map(|c| Choice { value: c.into(), label: label(tr, prefix, c), selected: current == c })
            .collect()
    };
    let held_lease = req.lease_until.filter(|_| holder && status == Status::Assigned);
    let tutorial_q = forms.tutorial_q.clone().unwrap_or_else(|| topic_label(tr, &topics, &topic).label);
    let tutorials = if holder { super::tutorial_sending::choices(state, ctx, &tutorial_q, &topic, &forms) } else { Vec::new() };
    // By SMS too when the line sends SMS and the person left a number.
    let tutorial_sms = holder && number.is_some() && crate::telephony::sms_sender::configured(&state.config.telephony);
    // The holder's search offers "Orienter ici" for this request.
    let places_href = super::places::prefilled_href(postcode.as_deref(), &topic);
    // The same search for the holder, whose results offer "Orienter ici" for this request.
    let orient_places_href = format!("{places_href}{}demande={}", if places_href.contains('?') { '&' } else { '?' }, req.id);
    let viewer = ctx.session.as_ref().map(|s| (s.user.role(), s.user.id));
    let of_request = state.store.referrals_of_request(req.id).await?;
    // Referral events carry the referral's id only; the page names the place from the row.
    let place_of: std::collections::HashMap<String, String> = of_request.iter().map(|r| (r.id.to_string(), r.place_name.clone())).collect();
    let place_states = super::referrals::place_states(state, &of_request).await?;
    let referrals = super::referrals::rows(tr, of_request, viewer, &place_states);
    let call = match ctx.session.as_ref().map(|s| s.user.id).filter(|_| holder) {
        Some(me) => crate::telephony::line_call::call_box(state, tr, &req, me).await?,
        None => crate::telephony::line_call::CallBox { offered: false, needs_phone: false, last: None },
    };
    // Calling through the line, the volunteer needs no number: it stays masked.
    let show_number = holder && !call.offered;
    let page = RequestPage {
        orient_places_href,
        referrals,
        call,
        places_href,
        tutorial_q,
        tutorials,
        tutorial_sms,
        ctx,
        lease_until: held_lease.map(paris_time).unwrap_or_default(),
        lease_iso: held_lease.map(iso).unwrap_or_default(),
        id: req.id,
        reference,
        status: label(tr, "status", status.as_str()),
        status_class: status_class(status),
        urgent: req.urgency > 0,
        topic: topic_label(tr, &topics, &topic),
        facts,
        need,
        note,
        phone_display: number.as_deref().filter(|_| show_number).map(phone::display),
        phone_href: number.clone().filter(|_| show_number).unwrap_or_default(),
        phone_masked: number.as_deref().map(phone::mask),
        holder,
        timeline: timeline
            .into_iter()
            .map(|e| {
                let place = e.kind.starts_with("referral_").then(|| e.detail.as_ref().and_then(|d| place_of.get(d)).cloned()).flatten();
                let mut item = timeline_item(ctx, e);
                if place.is_some() {
                    item.detail = place;
                }
                item
            })
            .collect(),
        results: choices("attempt", AttemptResult::ALL.iter().map(|r| r.as_str()).collect(), &forms.result),
        outcomes: choices("outcome", Outcome::ALL.iter().map(|o| o.as_str()).collect(), &forms.outcome),
        errors: forms.errors.clone(),
        forms,
        follow_up_min: paris_local_value(crate::now_ms()),
    };
    Ok(render(&page))
}

pub async fn request(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, RawQuery(query): RawQuery) -> Response {
    let result = async {
        session_for(&ctx, Action::ViewRequest)?;
        let has = |pair: &str| query.as_deref().is_some_and(|q| q.split('&').any(|kv| kv == pair));
        let notice = if has("avis=prolongee") {
            Some(ctx.tr.t("extend-done"))
        } else if has("avis=tutoriel-envoye") {
            Some(ctx.tr.t("console-tutorials-sent"))
        } else if has("avis=appel") {
            Some(ctx.tr.t("tel-call-placed"))
        } else {
            super::referrals::notice(&ctx, query.as_deref())
        };
        let tutorial_q = super::tutorial_sending::query_param(query.as_deref());
        request_page(&state, &ctx, id, ActionForms { notice, tutorial_q, ..Default::default() }).await
    }
    .await;
    finish(&ctx, result)
}

/// Where to go after an action: the request while it is still the volunteer's, else the
/// console with a word on what happened.
fn after(req: &HelpRequest, me: i64, gone: &str) -> Response {
    if req.snapshot().is_held_by(me) {
        Redirect::to(&format!("/benevole/demandes/{}", req.id)).into_response()
    } else {
        let code = if req.status == Status::Closed { "cloturee" } else { gone };
        Redirect::to(&format!("/benevole?avis={code}")).into_response()
    }
}

/// A refused action: field errors go back to the form, anything else is an error page.
async fn refused(state: &AppState, ctx: &PageCtx, id: i64, e: ApiError, mut forms: ActionForms) -> Result<Response, PageError> {
    match validation(&e) {
        Some(fields) => {
            forms.errors = Errors::from_fields(&ctx.tr, fields, |f| f.to_owned());
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, request_page(state, ctx, id, forms).await?))
        }
        None => Err(e.into()),
    }
}

pub async fn attempt(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::Serve)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let forms = ActionForms { result: data.text("result"), ..Default::default() };
        let Ok(result) = forms.result.parse::<AttemptResult>() else {
            let forms = ActionForms { errors: Errors::one("result", "result-reached", ctx.tr.t("error-attempt-result")), ..forms };
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, request_page(&state, &ctx, id, forms).await?));
        };
        match actions::act(&state, ctx.session.as_ref(), id, Command::Attempt { volunteer: me, result }, None).await {
            Ok(req) => Ok(after(&req, me, "rappel")),
            Err(e) => refused(&state, &ctx, id, e, forms).await,
        }
    }
    .await;
    finish(&ctx, result)
}

pub async fn close(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::Serve)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let forms = ActionForms {
            outcome: data.text("outcome"),
            note: data.text("note"),
            follow_up_at: data.text("follow_up_at"),
            ..Default::default()
        };
        let mut errors = Errors::default();
        let outcome = forms.outcome.parse::<Outcome>().ok();
        if outcome.is_none() {
            errors.push("outcome", "outcome", ctx.tr.t("error-outcome"));
        }
        let follow_up_at = match parse_paris_local(&forms.follow_up_at) {
            Ok(at) => at,
            Err(_) => {
                errors.push("follow_up_at", "follow_up_at", ctx.tr.t("error-follow-up-format"));
                None
            }
        };
        let Some(outcome) = outcome.filter(|_| errors.is_empty()) else {
            let forms = ActionForms { errors, ..forms };
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, request_page(&state, &ctx, id, forms).await?));
        };
        // The date matters only for a follow-up.
        let follow_up_at = follow_up_at.filter(|_| outcome == Outcome::FollowUp);
        let cmd = Command::Close { volunteer: me, outcome, follow_up_at };
        match actions::act(&state, ctx.session.as_ref(), id, cmd, Some(&forms.note)).await {
            Ok(req) => Ok(after(&req, me, "rappel")),
            Err(e) => refused(&state, &ctx, id, e, forms).await,
        }
    }
    .await;
    finish(&ctx, result)
}

pub async fn release(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::Serve)?.user.id;
        ctx.check_csrf(data.csrf())?;
        match actions::act(&state, ctx.session.as_ref(), id, Command::Release { volunteer: me }, None).await {
            Ok(req) => Ok(after(&req, me, "liberee")),
            Err(e) => refused(&state, &ctx, id, e, ActionForms::default()).await,
        }
    }
    .await;
    finish(&ctx, result)
}

/// "I am still on the line with the person": the holder's time on the request starts again.
pub async fn extend(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::Serve)?.user.id;
        ctx.check_csrf(data.csrf())?;
        match actions::act(&state, ctx.session.as_ref(), id, Command::Extend { volunteer: me }, None).await {
            Ok(req) if req.snapshot().is_held_by(me) => {
                Ok(Redirect::to(&format!("/benevole/demandes/{}?avis=prolongee", req.id)).into_response())
            }
            Ok(req) => Ok(after(&req, me, "plus-a-vous")),
            Err(e) => refused(&state, &ctx, id, e, ActionForms::default()).await,
        }
    }
    .await;
    finish(&ctx, result)
}

pub struct HistoryRow {
    pub id: i64,
    pub reference: String,
    pub topic: TopicLabel,
    pub status: String,
    pub status_class: &'static str,
    pub date: String,
    pub date_iso: String,
}

#[derive(Template)]
#[template(path = "history.html")]
struct HistoryPage<'a> {
    ctx: &'a PageCtx,
    rows: Vec<HistoryRow>,
}

pub async fn history(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::Serve)?;
        let topics = state.store.topics(true).await?;
        let rows = state
            .store
            .history(s.user.id, 100)
            .await?
            .into_iter()
            .map(|i| {
                let status = i.status.parse::<Status>().unwrap_or(Status::Closed);
                HistoryRow {
                    id: i.id,
                    topic: topic_label(&ctx.tr, &topics, &i.topic),
                    status: label(&ctx.tr, "status", &i.status),
                    status_class: status_class(status),
                    date: paris_time(i.created_at),
                    date_iso: iso(i.created_at),
                    reference: i.reference,
                }
            })
            .collect();
        Ok(render(&HistoryPage { ctx: &ctx, rows }))
    }
    .await;
    finish(&ctx, result)
}
