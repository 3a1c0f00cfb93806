//! Partner structures (issue 6): CCAS, social centres, France Services.
//!
//! - `/partenaire`: what the partner sent (help requests and referrals), their own only,
//!   state and dates, with the least personal data (the first name of a referral); every
//!   display is journaled. Links to send a request and to find a place.
//! - `/partenaire/demande`: a help request on behalf of a person (channel `referral`), the
//!   public form's validation plus the person's consent.
//! - `/coordination/partenaires`: coordinators invite partner accounts (an invitation link
//!   by e-mail, as for volunteers); `/partenaire/invitation/{token}`: the partner chooses a
//!   password with that one-time link.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, label, session_for, topic_label, with_status, Errors, FormData};
use super::public::{anchor, request_page_for, RequestForm, FIELD_ORDER};
use super::referrals::{notice, rows, ReferralRow};
use super::tutorial_sending::is_plausible_email;
use crate::auth::SESSION_COOKIE;
use crate::error::ApiError;
use crate::state::AppState;
use crate::{intake, now_ms};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::PrivateCookieJar;
use relais_domain::authz::Action;
use relais_domain::request::Channel;
use relais_store::partners::NewPartner;
use relais_store::people::LinkState;
use relais_store::sessions::SessionKind;
use relais_store::StoreError;

pub struct SentRequest {
    pub reference: String,
    pub topic: String,
    pub status: String,
    pub created: String,
    pub created_iso: String,
    pub closed: Option<String>,
}

#[derive(Template)]
#[template(path = "partner_home.html")]
struct HomePage<'a> {
    ctx: &'a PageCtx,
    structure: Option<String>,
    notice: Option<String>,
    requests: Vec<SentRequest>,
    referrals: Vec<ReferralRow>,
}

/// GET `/partenaire`
pub async fn home(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::ViewOwnSubmissions)?;
        let me = s.user.id;
        let tr = &ctx.tr;
        let topics = state.store.topics(false).await?;
        let now = now_ms();
        let sent = state.store.partner_requests(me, 200).await?;
        let referrals = state.store.referrals_sent_by(me, 200).await?;
        let place_states = super::referrals::place_states(&state, &referrals).await?;
        // The page shows personal data (references, first names): journal every line shown.
        for r in &sent {
            state.store.record_referral_access(Some(me), None, Some(r.request_id), "partner_list", now).await?;
        }
        for r in referrals.iter().filter(|r| r.first_name.is_some() || r.need.is_some()) {
            state.store.record_referral_access(Some(me), Some(r.id), r.request_id, "partner_list", now).await?;
        }
        let requests = sent
            .into_iter()
            .map(|r| SentRequest {
                topic: topic_label(tr, &topics, &r.topic).label,
                status: match r.outcome.as_deref() {
                    Some(o) => format!("{} · {}", label(tr, "status", &r.status), label(tr, "outcome", o)),
                    None => label(tr, "status", &r.status),
                },
                created: crate::actions::paris_time(r.created_at),
                created_iso: super::forms::iso(r.created_at),
                closed: r.closed_at.map(crate::actions::paris_time),
                reference: r.reference,
            })
            .collect();
        let page = HomePage {
            ctx: &ctx,
            structure: state.store.partner_structure(me).await?,
            notice: notice(&ctx, query.as_deref()),
            requests,
            referrals: rows(tr, referrals, Some((s.user.role(), me)), &place_states),
        };
        Ok(render(&page))
    }
    .await;
    finish(&ctx, result)
}

/// GET `/partenaire/demande`
pub async fn request_form(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        session_for(&ctx, Action::SubmitOnBehalf)?;
        let topics = state.store.topics(false).await?;
        Ok(request_page_for(&ctx, &topics, RequestForm::default(), Errors::default(), "/partenaire/demande", Some(false)))
    }
    .await;
    finish(&ctx, result)
}

/// POST `/partenaire/demande`: the public form's fields and validation, channel `referral`,
/// the person's consent required; one transaction stores the request and the partner's link.
pub async fn request_submit(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::SubmitOnBehalf)?;
        let me = s.user.id;
        ctx.check_csrf(data.csrf())?;
        let form = RequestForm::from_data(&data);
        let consent = data.checked("consent");
        let topics = state.store.topics(false).await?;
        let checked = intake::validate(&state.store, &form.input(), Channel::Referral).await?;
        // All problems at once: the intake's and the consent.
        let mut fields = match &checked {
            Ok(_) => Vec::new(),
            Err(f) => f.clone(),
        };
        if !consent {
            fields.push(crate::error::FieldError::new("consent", "partner-error-consent", "the person's consent is required"));
        }
        let page_with = |errors: Errors, status: StatusCode, form: RequestForm| {
            with_status(status, request_page_for(&ctx, &topics, form, errors, "/partenaire/demande", Some(consent)))
        };
        if !fields.is_empty() {
            let mut errors = Errors::from_fields(&ctx.tr, &fields, |f| anchor(f, &topics));
            errors.0.sort_by_key(|e| FIELD_ORDER.iter().position(|f| *f == e.field).unwrap_or(FIELD_ORDER.len()));
            return Ok(page_with(errors, StatusCode::UNPROCESSABLE_ENTITY, form));
        }
        let Ok(new) = checked else { return Err(PageError::Internal) };
        let now = now_ms();
        match state.store.create_partner_request(&new, me, now, now).await {
            Ok(req) => {
                tracing::info!(request = req.id, partner = me, "help request sent by a partner");
                state.notify_queue();
                Ok(Redirect::to("/partenaire?avis=demande-envoyee").into_response())
            }
            Err(StoreError::Duplicate("open_request")) => {
                let errors = Errors::one("phone", "phone", ctx.tr.t("conflict-open-request-exists"));
                Ok(page_with(errors, StatusCode::CONFLICT, form))
            }
            Err(e) => Err(ApiError::from(e).into()),
        }
    }
    .await;
    finish(&ctx, result)
}

// --- Coordinators: partner accounts ---

pub struct PartnerItem {
    pub id: i64,
    /// Whether this coordinator may deactivate or reactivate the account (their networks).
    pub manageable: bool,
    /// Not deactivated: active, or invited and not yet signed in (deactivating it then
    /// withdraws the invitation: a deactivated account's link no longer works).
    pub active: bool,
    pub name: String,
    pub email: String,
    pub structure: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "partners.html")]
struct PartnersPage<'a> {
    ctx: &'a PageCtx,
    partners: Vec<PartnerItem>,
    errors: Errors,
    email: String,
    name: String,
    structure: String,
    notice: Option<String>,
}

async fn partners_page(
    state: &AppState,
    ctx: &PageCtx,
    errors: Errors,
    typed: (String, String, String),
    notice: Option<String>,
) -> Result<Response, PageError> {
    let networks: std::collections::HashMap<i64, Vec<i64>> = state.store.list_users().await?.into_iter().map(|u| (u.user.id, u.networks)).collect();
    let me = ctx.session.as_ref();
    let partners = state
        .store
        .partners()
        .await?
        .into_iter()
        .map(|(u, s)| PartnerItem {
            id: u.id,
            manageable: me.is_some_and(|me| super::coordination::may_change(me, u.id, u.role(), networks.get(&u.id).map(Vec::as_slice).unwrap_or_default())),
            active: u.status != relais_store::AccountStatus::Deactivated,
            status: label(&ctx.tr, "account-status", u.status.as_str()),
            name: u.display_name,
            email: u.email,
            structure: s.unwrap_or_default(),
        })
        .collect();
    let has_errors = !errors.is_empty();
    let (email, name, structure) = typed;
    let page = render(&PartnersPage { ctx, partners, errors, email, name, structure, notice });
    Ok(if has_errors { with_status(StatusCode::UNPROCESSABLE_ENTITY, page) } else { page })
}

/// GET `/coordination/partenaires`
pub async fn list(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let result = async {
        session_for(&ctx, Action::ManagePartners)?;
        let notice = query.as_deref().is_some_and(|q| q.contains("avis=invite")).then(|| ctx.tr.t("partners-invited"));
        partners_page(&state, &ctx, Errors::default(), Default::default(), notice).await
    }
    .await;
    finish(&ctx, result)
}

/// POST `/coordination/partenaires`: `email`, `name`, `structure`.
pub async fn invite(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        let s = session_for(&ctx, Action::ManagePartners)?;
        ctx.check_csrf(data.csrf())?;
        let tr = &ctx.tr;
        let (email, name, structure) = (data.text("email").trim().to_lowercase(), data.text("name").trim().to_owned(), data.text("structure").trim().to_owned());
        let mut errors = Errors::default();
        if !is_plausible_email(&email) {
            errors.push("email", "email", tr.t("error-email-invalid"));
        }
        if name.is_empty() || name.chars().count() > 100 {
            errors.push("name", "name", tr.t("partners-error-name"));
        }
        if structure.is_empty() || structure.chars().count() > 200 {
            errors.push("structure", "structure", tr.t("partners-error-structure"));
        }
        if !errors.is_empty() {
            return partners_page(&state, &ctx, errors, (email, name, structure), None).await;
        }
        // The partner joins the coordinator's first network (independent for an administrator
        // without one), so coordinators of that network manage the account.
        let network_id = match s.networks.first() {
            Some(n) => *n,
            None => state.store.independent_network().await?.id,
        };
        let now = now_ms();
        let token = relais_store::sessions::random_token();
        let days = state.config.invitation_ttl / relais_domain::DAY;
        let hash = relais_store::people::token_hash(&token);
        let mail = crate::people_mail::partner_invitation(tr, &token, &hash, &email, &name, &structure, days, &state.config.public_url, now);
        let p = NewPartner { email: email.clone(), name: name.clone(), structure: structure.clone(), network_id, invited_by: s.user.id, token, expires_at: now + state.config.invitation_ttl };
        match state.store.invite_partner(&p, &mail, now).await {
            Ok(id) => {
                tracing::info!(partner = id, by = s.user.id, "partner invited");
                state.mail_enqueued();
                Ok(Redirect::to("/coordination/partenaires?avis=invite").into_response())
            }
            Err(StoreError::Duplicate("email")) => {
                let errors = Errors::one("email", "email", tr.t("error-email-taken"));
                partners_page(&state, &ctx, errors, (email, name, structure), None).await
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&ctx, result)
}

#[derive(Template)]
#[template(path = "partner_invitation.html")]
struct InvitationPage<'a> {
    ctx: &'a PageCtx,
    token: String,
    name: String,
    errors: Errors,
    /// Why the link cannot be used (used, expired).
    gone: Option<String>,
}

fn gone(ctx: &PageCtx, token: &str, st: LinkState) -> Response {
    let key = if st == LinkState::Used { "invitation-used" } else { "invitation-expired" };
    let page = render(&InvitationPage { ctx, token: token.to_owned(), name: String::new(), errors: Errors::default(), gone: Some(ctx.tr.t(key)) });
    with_status(StatusCode::GONE, page)
}

/// GET `/partenaire/invitation/{token}`
pub async fn invitation(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> Response {
    let result = async {
        let inv = state.store.invitation(&token).await?.ok_or(PageError::NotFound)?;
        let user = state.store.user(inv.user_id).await?;
        if user.role() != relais_domain::authz::Role::Partner {
            return Err(PageError::NotFound);
        }
        match inv.state(now_ms()) {
            LinkState::Usable => {}
            other => return Ok(gone(&ctx, &token, other)),
        }
        Ok(render(&InvitationPage { ctx: &ctx, token, name: user.display_name, errors: Errors::default(), gone: None }))
    }
    .await;
    finish(&ctx, result)
}

/// POST `/partenaire/invitation/{token}`: `password`.
pub async fn invitation_accept(
    State(state): State<AppState>,
    ctx: PageCtx,
    jar: PrivateCookieJar,
    Path(token): Path<String>,
    data: FormData,
) -> Response {
    let result = async {
        ctx.check_csrf(data.csrf())?;
        let inv = state.store.invitation(&token).await?.ok_or(PageError::NotFound)?;
        let now = now_ms();
        if inv.state(now) != LinkState::Usable {
            return Ok(gone(&ctx, &token, inv.state(now)));
        }
        let password = data.text("password");
        if let Err(code) = relais_domain::people::check_password(&password) {
            let user = state.store.user(inv.user_id).await?;
            let key = format!("people-error-{}", code.replace('_', "-"));
            let msg = if ctx.tr.has(&key) { ctx.tr.t(&key) } else { ctx.tr.t("error-generic") };
            let page = render(&InvitationPage { ctx: &ctx, token, name: user.display_name, errors: Errors::one("password", "password", msg), gone: None });
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page));
        }
        let user = match state.store.accept_partner_invitation(&token, &password, now).await {
            Ok(u) => u,
            Err(StoreError::NotFound) => return Ok(gone(&ctx, &token, LinkState::Used)),
            Err(e) => return Err(e.into()),
        };
        tracing::info!(user = user.id, "partner invitation accepted");
        let session = state.store.create_session(user.id, SessionKind::Web, state.config.session_ttl, now).await?;
        let jar = jar.add(crate::i18n::cookie(SESSION_COOKIE, session, state.config.secure_cookies));
        Ok((jar, Redirect::to("/partenaire")).into_response())
    }
    .await;
    finish(&ctx, result)
}
