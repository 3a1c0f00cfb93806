//! The coordinators' pages about people: bulk invitations from a CSV file, a volunteer's
//! page (profile, badges given and removed, the phone shown on request and journaled), and
//! for administrators the charter editor and the badge catalogue. Coordinators act on
//! their own networks' people only (`relais_domain::authz::may_manage`).

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, iso, session_for, with_status, Errors, FormData};
use super::public::Choice;
use crate::actions::paris_time;
use crate::people_actions::{self, InviteError};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::{may_see_phone, Action};
use relais_domain::people::CsvProblem;

pub struct ProblemRow {
    pub line: u64,
    pub column: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "invitations.html")]
struct InvitationsPage<'a> {
    ctx: &'a PageCtx,
    networks: Vec<Choice>,
    problems: Vec<ProblemRow>,
    errors: Errors,
    done: Option<String>,
    days: i64,
}

async fn invitations_page(
    state: &AppState,
    ctx: &PageCtx,
    chosen: Option<i64>,
    problems: Vec<CsvProblem>,
    errors: Errors,
    done: Option<String>,
) -> Result<Response, PageError> {
    let me = session_for(ctx, Action::InviteVolunteers)?;
    let networks = people_actions::my_networks(state, me).await?;
    let problems = problems
        .into_iter()
        .map(|p| ProblemRow {
            line: p.line,
            column: p.column,
            message: super::forms::message(&ctx.tr, &format!("csv-error-{}", p.code.replace('_', "-"))),
        })
        .collect();
    let page = InvitationsPage {
        ctx,
        networks: networks
            .iter()
            .map(|n| Choice { value: n.id.to_string(), label: n.name.clone(), selected: chosen == Some(n.id) })
            .collect(),
        problems,
        errors,
        done,
        days: state.config.invitation_ttl / relais_domain::DAY,
    };
    Ok(render(&page))
}

pub async fn invitations(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = invitations_page(&state, &ctx, None, Vec::new(), Errors::default(), None).await;
    finish(&ctx, result)
}

/// The upload: `multipart/form-data` with `csrf`, `network` and `file`.
pub async fn invitations_upload(State(state): State<AppState>, ctx: PageCtx, mut multipart: Multipart) -> Response {
    let result = async {
        session_for(&ctx, Action::InviteVolunteers)?;
        let (mut csrf, mut network, mut file) = (String::new(), String::new(), Vec::new());
        while let Ok(Some(field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_owned();
            let Ok(bytes) = field.bytes().await else { return Err(PageError::Conflict("error-upload".into())) };
            match name.as_str() {
                "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
                "network" => network = String::from_utf8_lossy(&bytes).into_owned(),
                "file" => file = bytes.to_vec(),
                _ => {}
            }
        }
        ctx.check_csrf(&csrf)?;
        let Ok(network_id) = network.trim().parse::<i64>() else {
            let errors = Errors::one("network", "network", super::join::people_error(&ctx, "network_missing"));
            let page = invitations_page(&state, &ctx, None, Vec::new(), errors, None).await?;
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page));
        };
        match people_actions::invite(&state, ctx.session.as_ref(), network_id, &file, &ctx.tr).await {
            Ok(outcome) => {
                let done = ctx.tr.t1("invitations-done", "count", outcome.invited_count)
                    + " "
                    + &ctx.tr.t1("invitations-known", "count", outcome.already_known);
                invitations_page(&state, &ctx, Some(network_id), Vec::new(), Errors::default(), Some(done)).await
            }
            Err(InviteError::Rows(problems)) => {
                let errors = Errors::one("file", "file", ctx.tr.t1("invitations-refused", "count", problems.len()));
                let page = invitations_page(&state, &ctx, Some(network_id), problems, errors, None).await?;
                Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
            }
            Err(InviteError::Api(e)) => Err(e.into()),
        }
    }
    .await;
    finish(&ctx, result)
}

pub struct BadgeRow {
    pub id: i64,
    pub label: String,
    pub given: bool,
}

pub struct JournalLine {
    pub time: String,
    pub iso: String,
    pub who: String,
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage<'a> {
    ctx: &'a PageCtx,
    id: i64,
    name: String,
    status: String,
    languages: String,
    skills: String,
    hours: String,
    charter: String,
    phone_allowed: bool,
    phone: Option<String>,
    badges: Vec<BadgeRow>,
    journal: Vec<JournalLine>,
}

async fn person_page(state: &AppState, ctx: &PageCtx, id: i64, show_phone: bool) -> Result<Response, PageError> {
    let me = session_for(ctx, Action::InviteVolunteers)?;
    let (user, networks) = people_actions::managed_person(state, me, id).await?;
    let tr = &ctx.tr;
    let profile = state.store.profile(id).await?;
    let topics = state.store.topics(true).await?;
    let given = state.store.user_badges(id).await?;
    let badges = state
        .store
        .badges()
        .await?
        .into_iter()
        .map(|b| BadgeRow { given: given.iter().any(|g| g.id == b.id), id: b.id, label: b.label })
        .collect();
    let phone_allowed = profile.phone.is_some()
        && may_see_phone(me.user.role(), &me.networks, &networks, profile.phone_visible_to == "coordinators");
    let phone = if show_phone && phone_allowed {
        // Seeing the phone is an access to personal data: journaled before it is shown.
        state.store.record_person_access(me.user.id, id, "view_phone", crate::now_ms()).await?;
        profile.phone.clone()
    } else {
        None
    };
    let journal = state
        .store
        .person_access_journal(id, 20)
        .await?
        .into_iter()
        .map(|j| JournalLine { time: paris_time(j.at), iso: iso(j.at), who: j.user_name })
        .collect();
    let page = PersonPage {
        ctx,
        id,
        name: user.display_name.clone(),
        status: super::forms::label(tr, "account-status", user.status.as_str()),
        languages: user.language_list().iter().map(|l| super::forms::label(tr, "language", l)).collect::<Vec<_>>().join(", "),
        skills: user.skill_list().iter().map(|t| super::forms::topic_label(tr, &topics, t).label).collect::<Vec<_>>().join(", "),
        hours: profile.max_hours_per_week.map(|h| h.to_string()).unwrap_or_else(|| tr.t("value-empty")),
        charter: match profile.charter_version {
            Some(v) => tr.t1("person-charter-version", "version", v),
            None => tr.t("person-charter-none"),
        },
        phone_allowed,
        phone,
        badges,
        journal,
    };
    Ok(render(&page))
}

pub async fn person(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>) -> Response {
    let result = person_page(&state, &ctx, id, false).await;
    finish(&ctx, result)
}

/// Shows the phone (a POST: it writes to the journal).
pub async fn person_phone(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::ViewVolunteerPhone)?;
        ctx.check_csrf(data.csrf())?;
        person_page(&state, &ctx, id, true).await
    }
    .await;
    finish(&ctx, result)
}

/// Gives (`give=1`) or removes a badge.
pub async fn person_badge(State(state): State<AppState>, ctx: PageCtx, Path((id, badge)): Path<(i64, i64)>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::InviteVolunteers)?;
        ctx.check_csrf(data.csrf())?;
        people_actions::managed_person(&state, me, id).await?;
        if data.checked("give") {
            state.store.give_badge(id, badge, me.user.id, crate::now_ms()).await?;
        } else {
            state.store.remove_badge(id, badge).await?;
        }
        Ok(Redirect::to(&format!("/coordination/benevoles/{id}")).into_response())
    }
    .await;
    finish(&ctx, result)
}

#[derive(Template)]
#[template(path = "charter_edit.html")]
struct CharterEditPage<'a> {
    ctx: &'a PageCtx,
    version: i64,
    body: String,
    badges: Vec<String>,
    errors: Errors,
    saved: bool,
}

async fn charter_edit_page(state: &AppState, ctx: &PageCtx, body: Option<String>, errors: Errors, saved: bool) -> Result<Response, PageError> {
    session_for(ctx, Action::EditCharter)?;
    let c = state.store.charter().await?;
    let badges = state.store.badges().await?.into_iter().map(|b| b.label).collect();
    Ok(render(&CharterEditPage { ctx, version: c.version, body: body.unwrap_or(c.body), badges, errors, saved }))
}

pub async fn charter_edit(State(state): State<AppState>, ctx: PageCtx, RawQuery(q): RawQuery) -> Response {
    let saved = q.as_deref() == Some("avis=enregistre");
    let result = charter_edit_page(&state, &ctx, None, Errors::default(), saved).await;
    finish(&ctx, result)
}

pub const MAX_CHARTER: usize = 20_000;

pub async fn charter_save(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::EditCharter)?;
        ctx.check_csrf(data.csrf())?;
        let body = data.text("body").replace("\r\n", "\n");
        if body.trim().is_empty() || body.chars().count() > MAX_CHARTER {
            let errors = Errors::one("body", "body", super::join::people_error(&ctx, "charter_length"));
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, charter_edit_page(&state, &ctx, Some(body), errors, false).await?));
        }
        let v = state.store.save_charter(body.trim(), me.user.id, crate::now_ms()).await?;
        tracing::info!(by = me.user.id, version = v.version, "charter saved");
        Ok(Redirect::to("/coordination/charte?avis=enregistre").into_response())
    }
    .await;
    finish(&ctx, result)
}

/// Adds a badge to the catalogue (administrators).
pub async fn badge_add(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::EditCharter)?;
        ctx.check_csrf(data.csrf())?;
        let label = data.text("label");
        let label = label.trim();
        if label.is_empty() || label.chars().count() > 80 {
            let errors = Errors::one("label", "badge-label", super::join::people_error(&ctx, "badge_label"));
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, charter_edit_page(&state, &ctx, None, errors, false).await?));
        }
        match state.store.add_badge(label, crate::now_ms()).await {
            Ok(_) | Err(relais_store::StoreError::Duplicate(_)) => Ok(Redirect::to("/coordination/charte").into_response()),
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&ctx, result)
}
