//! Orientation (referral) pages (issue 6).
//!
//! - `/benevole/demandes/{id}/orienter?lieu=…` (the holder of a request) and
//!   `/partenaire/orienter?lieu=…` (a partner): the form that orients a person to a place,
//!   with the person's consent required (an error tied to the checkbox otherwise). The place
//!   gets an e-mail with a one-time link; a place without e-mail is still recorded and the
//!   sender is told to call it.
//! - `/orientation/{token}` (public, no sign-in): the place reads the referral and accepts or
//!   refuses it; after accepting, a new link (by e-mail) to say whether the person came. A
//!   used or expired link gets a clear page (410), never a second change.
//! - `/orientations/{id}/etape`: the sender (place without e-mail) or a coordinator records
//!   the place's answer or the outcome. The domain (`relais_domain::referral::apply`) decides.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, session_for, topic_label, with_status, Errors, FormData};
use super::tutorial_sending::is_plausible_email;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::{now_ms, referral_mail};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_directory::Place;
use relais_domain::authz::{authorize, Action, Role};
use relais_domain::referral::{Actor, Command, LinkPurpose, RefusedBecause, State as RState};
use relais_store::referrals::{LinkRefusal, LinkState, NewReferral, PersonMessage, Referral};
use relais_store::sms_outbox::SmsEnqueued;
use relais_store::{HelpRequest, StoreError};
use serde::Deserialize;

/// Longest text the sender may write for the place.
pub const MAX_REFERRAL_NEED: usize = 1000;

#[derive(Debug, Deserialize)]
pub struct PlaceQuery {
    pub lieu: Option<String>,
}

/// What the form keeps after a refused submission.
#[derive(Default)]
pub struct OrientForm {
    pub first_name: String,
    pub need: String,
    pub topic: String,
    pub consent: bool,
    pub notify_sms: bool,
    pub person_email: String,
    pub nonce: String,
}

pub struct TopicOpt {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "referral_form.html")]
struct OrientPage<'a> {
    ctx: &'a PageCtx,
    action: String,
    back: String,
    place_name: String,
    place_address: String,
    place_email: Option<String>,
    place_phone: Option<String>,
    /// A partner chooses the topic; a volunteer's referral has the request's.
    topics: Vec<TopicOpt>,
    /// The SMS box is offered: the request has a number, SMS consent, and the line sends SMS.
    sms_offered: bool,
    form: OrientForm,
    errors: Errors,
    max_need: usize,
}

/// The request of a volunteer's referral, with the holder check done by storage later.
async fn held_request(state: &AppState, ctx: &PageCtx, id: i64) -> Result<HelpRequest, PageError> {
    let s = session_for(ctx, Action::OrientPerson)?;
    let req = state.store.get_request(id).await?;
    if !req.snapshot().is_held_by(s.user.id) {
        return Err(PageError::Conflict("not_holder".into()));
    }
    Ok(req)
}

async fn place_or_404(state: &AppState, q: &PlaceQuery) -> Result<Place, PageError> {
    let id = q.lieu.as_deref().map(str::trim).filter(|s| !s.is_empty()).ok_or(PageError::NotFound)?;
    state.store.place(id).await?.ok_or(PageError::NotFound)
}

fn sms_offered(state: &AppState, req: Option<&HelpRequest>) -> bool {
    req.is_some_and(|r| r.phone.is_some() && r.sms_consent) && crate::telephony::sms_sender::configured(&state.config.telephony)
}

async fn form_page(
    state: &AppState,
    ctx: &PageCtx,
    req: Option<&HelpRequest>,
    place: &Place,
    form: OrientForm,
    errors: Errors,
) -> Result<Response, PageError> {
    let (action, back) = match req {
        Some(r) => (format!("/benevole/demandes/{}/orienter?lieu={}", r.id, encode(&place.id)), format!("/benevole/demandes/{}", r.id)),
        None => (format!("/partenaire/orienter?lieu={}", encode(&place.id)), "/partenaire".to_owned()),
    };
    let topics = if req.is_none() {
        let all = state.store.topics(false).await?;
        all.iter()
            .map(|t| TopicOpt { id: t.id.clone(), label: topic_label(&ctx.tr, &all, &t.id).label, selected: form.topic == t.id })
            .collect()
    } else {
        Vec::new()
    };
    let has_errors = !errors.is_empty();
    let page = render(&OrientPage {
        ctx,
        action,
        back,
        place_name: place.nom.clone(),
        place_address: referral_mail::address(place),
        place_email: place.courriels.first().cloned(),
        place_phone: place.telephone.clone(),
        topics,
        sms_offered: sms_offered(state, req),
        form,
        errors,
        max_need: MAX_REFERRAL_NEED,
    });
    Ok(if has_errors { with_status(StatusCode::UNPROCESSABLE_ENTITY, page) } else { page })
}

/// GET `/benevole/demandes/{id}/orienter?lieu=…`
pub async fn volunteer_form(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, Query(q): Query<PlaceQuery>) -> Response {
    let result = async {
        let req = held_request(&state, &ctx, id).await?;
        let place = place_or_404(&state, &q).await?;
        // The form shows the request's first name and need: journaled like the request page.
        if let Some(s) = ctx.session.as_ref() {
            state.store.record_access(s.user.id, req.id, "referral_form", now_ms()).await?;
        }
        let form = OrientForm {
            first_name: req.first_name.clone().unwrap_or_default(),
            need: req.need.clone().unwrap_or_default(),
            topic: req.topic.clone(),
            nonce: relais_store::sessions::random_token(),
            ..Default::default()
        };
        form_page(&state, &ctx, Some(&req), &place, form, Errors::default()).await
    }
    .await;
    finish(&ctx, result)
}

/// GET `/partenaire/orienter?lieu=…`
pub async fn partner_form(State(state): State<AppState>, ctx: PageCtx, Query(q): Query<PlaceQuery>) -> Response {
    let result = async {
        session_for(&ctx, Action::ViewOwnSubmissions)?;
        let place = place_or_404(&state, &q).await?;
        let form = OrientForm { nonce: relais_store::sessions::random_token(), ..Default::default() };
        form_page(&state, &ctx, None, &place, form, Errors::default()).await
    }
    .await;
    finish(&ctx, result)
}

/// POST `/benevole/demandes/{id}/orienter?lieu=…`
pub async fn volunteer_submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Query(q): Query<PlaceQuery>,
    data: FormData,
) -> Response {
    let result = async {
        ctx.check_csrf(data.csrf())?;
        let req = held_request(&state, &ctx, id).await?;
        let place = place_or_404(&state, &q).await?;
        submit(&state, &ctx, Some(&req), &place, &data).await
    }
    .await;
    finish(&ctx, result)
}

/// POST `/partenaire/orienter?lieu=…`
pub async fn partner_submit(State(state): State<AppState>, ctx: PageCtx, Query(q): Query<PlaceQuery>, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::ViewOwnSubmissions)?;
        ctx.check_csrf(data.csrf())?;
        let place = place_or_404(&state, &q).await?;
        submit(&state, &ctx, None, &place, &data).await
    }
    .await;
    finish(&ctx, result)
}

async fn submit(state: &AppState, ctx: &PageCtx, req: Option<&HelpRequest>, place: &Place, data: &FormData) -> Result<Response, PageError> {
    let me = session_for(ctx, Action::OrientPerson)?.user.id;
    let tr = &ctx.tr;
    let form = OrientForm {
        first_name: data.text("first_name").trim().chars().take(200).collect(),
        need: data.text("need").trim().to_owned(),
        topic: req.map(|r| r.topic.clone()).unwrap_or_else(|| data.text("topic")),
        consent: data.checked("consent"),
        notify_sms: data.checked("notify_sms"),
        person_email: data.text("person_email").trim().to_owned(),
        nonce: data.opt("nonce").unwrap_or_else(relais_store::sessions::random_token),
    };
    // Every problem at once, in the order of the fields.
    let mut errors = Errors::default();
    if form.first_name.chars().count() > crate::intake::MAX_NAME {
        errors.push("first_name", "first_name", tr.t1("referral-error-first-name", "max", crate::intake::MAX_NAME));
    }
    if req.is_none() && !state.store.topics(false).await?.iter().any(|t| t.id == form.topic) {
        errors.push("topic", "topic", tr.t("referral-error-topic"));
    }
    if form.need.chars().count() > MAX_REFERRAL_NEED {
        errors.push("need", "need", tr.t1("referral-error-need-too-long", "max", MAX_REFERRAL_NEED));
    }
    if !form.person_email.is_empty() && !is_plausible_email(&form.person_email) {
        errors.push("person_email", "person_email", tr.t("error-email-invalid"));
    }
    if relais_domain::referral::check_new(form.consent).is_err() {
        errors.push("consent", "consent", tr.t("referral-error-consent"));
    }
    if !errors.is_empty() {
        return form_page(state, ctx, req, place, form, errors).await;
    }
    let now = now_ms();
    let expires_at = state.config.referral.expires_at(now);
    let place_email = place.courriels.first().cloned();
    let topics = state.store.topics(false).await?;
    let topic_fr = topics.iter().find(|t| t.id == form.topic).map(|t| t.label_fr.clone()).unwrap_or_else(|| form.topic.clone());
    let opt = |s: &str| Some(s.to_owned()).filter(|v| !v.is_empty());
    let new = NewReferral {
        request_id: req.map(|r| r.id),
        place_id: place.id.clone(),
        place_name: place.nom.clone(),
        place_email: place_email.clone(),
        topic: form.topic.clone(),
        first_name: opt(&form.first_name),
        need: opt(&form.need),
        sender_id: me,
        consent_at: now,
        expires_at,
        form_key: form.nonce.clone(),
    };
    let link = place_email.as_deref().map(|to| {
        referral_mail::answer_mail(state, &form.nonce, to, &place.nom, &topic_fr, new.first_name.as_deref(), new.need.as_deref(), expires_at, now)
    });
    // The person: by SMS when asked and allowed (consent, the line sends SMS), else by
    // e-mail when an address was typed. In the request's language.
    let person_lang = req.and_then(|r| Lang::from_code(&r.language)).unwrap_or(ctx.lang());
    let ptr = Tr::new(person_lang);
    let person = if form.notify_sms && sms_offered(state, req) {
        req.and_then(|r| r.phone.clone()).map(|number| PersonMessage {
            channel: "sms",
            message: referral_mail::person_message(&ptr, state, format!("referral-person-sms:{}", form.nonce), number, place, now),
        })
    } else if !form.person_email.is_empty() {
        Some(PersonMessage {
            channel: "email",
            message: referral_mail::person_message(&ptr, state, format!("referral-person:{}", form.nonce), form.person_email.clone(), place, now),
        })
    } else {
        None
    };
    let holder = req.map(|_| me);
    let (referral, person_sent) = match state.store.create_referral(&new, holder, link.as_ref(), person.as_ref(), now).await {
        Ok(done) => done,
        // The same form sent twice: the first one counts.
        Err(StoreError::Duplicate("referral")) => {
            let r = state.store.referral_by_form_key(&form.nonce).await?.ok_or(PageError::NotFound)?;
            return Ok(after_create(&r, None));
        }
        Err(e) => return Err(e.into()),
    };
    if link.is_some() || person.as_ref().is_some_and(|p| p.channel == "email") {
        state.mail_enqueued();
    }
    if person_sent == Some(SmsEnqueued::Queued) && person.as_ref().is_some_and(|p| p.channel == "sms") {
        state.sms_enqueued();
    }
    tracing::info!(referral = referral.id, request = ?referral.request_id, sender = me, by_mail = link.is_some(), "referral sent");
    Ok(after_create(&referral, person_sent))
}

fn after_create(r: &Referral, person: Option<SmsEnqueued>) -> Response {
    let code = if r.place_email.is_none() {
        "orientation-a-appeler"
    } else if person == Some(SmsEnqueued::OptedOut) {
        "orientation-sms-refuse"
    } else {
        "orientation-envoyee"
    };
    match r.request_id {
        Some(id) => Redirect::to(&format!("/benevole/demandes/{id}?avis={code}#orientations")).into_response(),
        None => Redirect::to(&format!("/partenaire?avis={code}")).into_response(),
    }
}

/// Notices after a referral (`?avis=`), by code.
pub const NOTICES: &[(&str, &str)] = &[
    ("orientation-envoyee", "referral-notice-sent"),
    ("orientation-a-appeler", "referral-notice-call"),
    ("orientation-sms-refuse", "referral-notice-sms-opted-out"),
    ("orientation-etape", "referral-notice-step"),
    ("demande-envoyee", "partner-notice-request-sent"),
];

pub fn notice(ctx: &PageCtx, query: Option<&str>) -> Option<String> {
    let code = query?.split('&').find_map(|kv| kv.strip_prefix("avis="))?;
    NOTICES.iter().find(|(c, _)| *c == code).map(|(_, key)| ctx.tr.t(key))
}

/// One referral as the request page and the partner page list it.
pub struct ReferralRow {
    pub id: i64,
    pub place: String,
    pub state: String,
    pub state_code: &'static str,
    pub sent: String,
    pub sent_iso: String,
    pub answered: Option<String>,
    pub finished: Option<String>,
    pub expires: String,
    pub by_phone: bool,
    /// The steps this account may record now (value, label): for a place without e-mail,
    /// or for a coordinator.
    pub steps: Vec<(&'static str, String)>,
    /// A referral still under way to a place since closed or archived: what the sender
    /// should know (tell the person, or orient them elsewhere).
    pub place_warning: Option<String>,
}

/// Closures and archives of the places of `referrals` (see [`rows`]).
pub type PlaceStates = std::collections::HashMap<String, (Option<String>, Option<String>, Option<i64>)>;

/// The closures and archives of the places the open referrals of `referrals` go to.
pub async fn place_states(state: &AppState, referrals: &[Referral]) -> Result<PlaceStates, StoreError> {
    let mut ids: Vec<&str> = referrals.iter().filter(|r| !r.state.is_final()).map(|r| r.place_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    state.store.place_unavailability(&ids).await
}

/// The warning of one referral: only while it is under way (sent or accepted), the place
/// archived, or closed on `today` (a closure that ended says nothing).
fn place_warning(tr: &Tr, r: &Referral, places: &PlaceStates, today: jiff::civil::Date) -> Option<String> {
    if r.state.is_final() {
        return None;
    }
    let (until, reason, archived) = places.get(&r.place_id)?;
    if archived.is_some() {
        return Some(tr.t("referral-place-archived"));
    }
    let until = until.as_deref().filter(|d| relais_directory::editing::closure_in_effect(d, today))?;
    let date = super::places_admin::date_text(tr, until);
    Some(match reason.as_deref().filter(|r| !r.is_empty()) {
        Some(reason) => super::forms::t_args(tr, "referral-place-closed-because", &[("date", date.into()), ("reason", reason.to_owned().into())]),
        None => tr.t1("referral-place-closed", "date", date),
    })
}

/// The actor a signed-in account is for a referral.
pub fn actor_for(role: Role, user_id: i64) -> Actor {
    if authorize(Some(role), Action::ManagePartners) { Actor::Coordinator(user_id) } else { Actor::Sender(user_id) }
}

pub fn rows(tr: &Tr, referrals: Vec<Referral>, viewer: Option<(Role, i64)>, places: &PlaceStates) -> Vec<ReferralRow> {
    let now = now_ms();
    let today = relais_directory::editing::paris_today(now);
    referrals
        .into_iter()
        .map(|r| {
            let snap = r.snapshot();
            let steps = viewer
                .map(|(role, id)| {
                    [Command::Accept, Command::Refuse, Command::Done, Command::NoShow]
                        .into_iter()
                        .filter(|c| relais_domain::referral::apply(&snap, actor_for(role, id), *c, now).is_ok())
                        .map(|c| {
                            let code = step_code(c);
                            (code, tr.t(&format!("referral-step-{}", code.replace('_', "-"))))
                        })
                        .collect()
                })
                .unwrap_or_default();
            ReferralRow {
                id: r.id,
                place: r.place_name.clone(),
                state: tr.t(&format!("referral-state-{}", r.state.as_str().replace('_', "-"))),
                state_code: r.state.as_str(),
                sent: crate::actions::paris_time(r.sent_at),
                sent_iso: super::forms::iso(r.sent_at),
                answered: r.answered_at.map(crate::actions::paris_time),
                finished: r.finished_at.map(crate::actions::paris_time),
                expires: crate::actions::paris_time(r.expires_at),
                by_phone: r.place_email.is_none() && r.anonymised_at.is_none(),
                place_warning: place_warning(tr, &r, places, today),
                steps,
            }
        })
        .collect()
}

fn step_code(c: Command) -> &'static str {
    match c {
        Command::Accept => "accept",
        Command::Refuse => "refuse",
        Command::Done => "done",
        Command::NoShow => "no_show",
        Command::Expire => "expire",
    }
}

/// POST `/orientations/{id}/etape`: `action` = accept | refuse | done | no_show.
pub async fn record_step(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::OrientPerson)?;
        ctx.check_csrf(data.csrf())?;
        let cmd = Command::from_form(&data.text("action")).ok_or_else(|| PageError::Conflict("referral_step_unknown".into()))?;
        let actor = actor_for(s.user.role(), s.user.id);
        match state.store.record_referral_step(id, actor, cmd, now_ms()).await? {
            Ok(r) => {
                tracing::info!(referral = r.id, state = %r.state, "referral step recorded");
                Ok(match (s.user.role(), r.request_id) {
                    (Role::Partner, _) | (_, None) => Redirect::to("/partenaire?avis=orientation-etape").into_response(),
                    (_, Some(req)) => Redirect::to(&format!("/benevole/demandes/{req}?avis=orientation-etape#orientations")).into_response(),
                })
            }
            Err(refused) => Err(PageError::Conflict(format!("referral_{}", refused.code()))),
        }
    }
    .await;
    finish(&ctx, result)
}

// --- The place's public page ---

#[derive(Template)]
#[template(path = "referral_link.html")]
struct LinkPage<'a> {
    ctx: &'a PageCtx,
    token: String,
    place: String,
    first_name: Option<String>,
    topic: String,
    need: Option<String>,
    sent: String,
    expires: String,
    state: String,
    /// The buttons offered (value, label); none when the link cannot be used.
    steps: Vec<(&'static str, String)>,
    /// Why the link cannot be used, or what was just recorded.
    message: Option<String>,
}

fn link_message(tr: &Tr, why: LinkRefusal) -> (StatusCode, String) {
    match why {
        LinkRefusal::Unknown => (StatusCode::NOT_FOUND, tr.t("referral-link-unknown")),
        LinkRefusal::Used => (StatusCode::GONE, tr.t("referral-link-used")),
        LinkRefusal::Expired | LinkRefusal::Refused(RefusedBecause::AlreadyExpired) => (StatusCode::GONE, tr.t("referral-link-expired")),
        LinkRefusal::WrongPurpose => (StatusCode::CONFLICT, tr.t("referral-link-wrong-step")),
        LinkRefusal::Refused(_) => (StatusCode::CONFLICT, tr.t("referral-link-already-answered")),
    }
}

async fn link_page(
    state: &AppState,
    ctx: &PageCtx,
    token: &str,
    r: &Referral,
    steps: Vec<(&'static str, String)>,
    message: Option<String>,
) -> Result<Response, PageError> {
    let tr = &ctx.tr;
    let topics = state.store.topics(false).await?;
    let page = LinkPage {
        ctx,
        token: token.to_owned(),
        place: r.place_name.clone(),
        first_name: r.first_name.clone(),
        topic: topic_label(tr, &topics, &r.topic).label,
        need: r.need.clone(),
        sent: crate::actions::paris_time(r.sent_at),
        expires: crate::actions::paris_time(r.expires_at),
        state: tr.t(&format!("referral-state-{}", r.state.as_str().replace('_', "-"))),
        steps,
        message,
    };
    // The place sees the person's first name and need: journaled.
    if r.first_name.is_some() || r.need.is_some() {
        state.store.record_referral_access(None, Some(r.id), r.request_id, "place_link", now_ms()).await?;
    }
    Ok(render(&page))
}

/// A page with only a message (unknown, used or expired link), in the right status.
async fn refused_page(state: &AppState, ctx: &PageCtx, token: &str, why: LinkRefusal, r: Option<&Referral>) -> Result<Response, PageError> {
    let (status, message) = link_message(&ctx.tr, why);
    let page = match r {
        // No personal data once the link is spent: the state only.
        Some(r) => {
            let shown = Referral { first_name: None, need: None, ..r.clone() };
            link_page(state, ctx, token, &shown, Vec::new(), Some(message)).await?
        }
        None => PageError::NotFound.render(ctx),
    };
    Ok(with_status(status, page))
}

/// GET `/orientation/{token}`
pub async fn link(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> Response {
    let result = async {
        let now = now_ms();
        let Some(row) = state.store.referral_link(&token).await? else { return Err(PageError::NotFound) };
        let r = state.store.referral(row.referral_id).await?;
        let refusal = match row.state(now) {
            LinkState::Used => Some(LinkRefusal::Used),
            LinkState::Expired => Some(LinkRefusal::Expired),
            LinkState::Usable => None,
        };
        if let Some(why) = refusal {
            return refused_page(&state, &ctx, &token, why, Some(&r)).await;
        }
        let purpose = row.purpose().unwrap_or(LinkPurpose::Answer);
        let snap = r.snapshot();
        let steps: Vec<(&'static str, String)> = [Command::Accept, Command::Refuse, Command::Done, Command::NoShow]
            .into_iter()
            .filter(|c| purpose.allows(*c) && relais_domain::referral::apply(&snap, Actor::Place, *c, now).is_ok())
            .map(|c| {
                let code = step_code(c);
                (code, ctx.tr.t(&format!("referral-step-{}", code.replace('_', "-"))))
            })
            .collect();
        if steps.is_empty() {
            // Already answered another way (a second link, a coordinator) or past the delay.
            let why = if now >= r.expires_at && r.state == RState::Sent {
                LinkRefusal::Refused(RefusedBecause::AlreadyExpired)
            } else {
                LinkRefusal::Refused(RefusedBecause::WrongState(r.state))
            };
            return refused_page(&state, &ctx, &token, why, Some(&r)).await;
        }
        link_page(&state, &ctx, &token, &r, steps, None).await
    }
    .await;
    finish(&ctx, result)
}

/// POST `/orientation/{token}`: `action` = accept | refuse | done | no_show.
pub async fn link_submit(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>, data: FormData) -> Response {
    let result = async {
        ctx.check_csrf(data.csrf())?;
        let cmd = Command::from_form(&data.text("action")).ok_or_else(|| PageError::Conflict("referral_step_unknown".into()))?;
        let now = now_ms();
        let Some(row) = state.store.referral_link(&token).await? else { return Err(PageError::NotFound) };
        let before = state.store.referral(row.referral_id).await?;
        // Prepared before the transaction; stored and queued only if the place accepts.
        let outcome = if cmd == Command::Accept { referral_mail::outcome_mail(&state, &before, now) } else { None };
        match state.store.use_referral_link(&token, cmd, outcome.as_ref(), now).await? {
            Ok(r) => {
                if outcome.is_some() && r.state == RState::Accepted {
                    state.mail_enqueued();
                }
                tracing::info!(referral = r.id, state = %r.state, "referral answered through its link");
                let key = format!("referral-link-thanks-{}", r.state.as_str().replace('_', "-"));
                let shown = Referral { first_name: None, need: None, ..r };
                link_page(&state, &ctx, &token, &shown, Vec::new(), Some(ctx.tr.t(&key))).await
            }
            Err(why) => refused_page(&state, &ctx, &token, why, Some(&before)).await,
        }
    }
    .await;
    finish(&ctx, result)
}

/// Where "Orienter ici" leads on `/lieux`, without the place id: a partner's form, or the
/// referral form of the request `demande` for a signed-in member of the line (the form
/// itself checks that they hold it). `None` for the public.
pub fn orient_base(ctx: &PageCtx, demande: Option<i64>) -> Option<String> {
    let s = ctx.session.as_ref()?;
    if !authorize(Some(s.user.role()), Action::OrientPerson) {
        return None;
    }
    match (s.user.role(), demande) {
        (Role::Partner, _) => Some("/partenaire/orienter?lieu=".into()),
        (_, Some(id)) => Some(format!("/benevole/demandes/{id}/orienter?lieu=")),
        (_, None) => None,
    }
}

/// Percent-encodes a query value (unreserved characters kept).
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
