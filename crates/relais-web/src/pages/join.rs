//! Joining the volunteer network: the public sign-up page, the charter, and the page an
//! invitation link opens. Sign-up creates a pending account that a coordinator of the
//! chosen network approves; an invitation link, used once before it expires, sets the
//! password, activates the account and signs the person in.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, language_option, topic_label, with_status, Errors, FormData};
use super::public::{Choice, TopicChoice};
use crate::auth::SESSION_COOKIE;
use crate::state::AppState;
use crate::{now_ms, people_mail};
use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::PrivateCookieJar;
use relais_domain::people::{self, PhoneVisibility};
use relais_domain::request::LANGUAGES;
use relais_store::people::{LinkState, NewSignup, ProfileUpdate};
use relais_store::sessions::SessionKind;
use relais_store::{Network, StoreError, Topic};
use std::net::SocketAddr;

/// The charter as paragraphs, headings and list items (the stored text is plain lines:
/// `## ` starts a heading, `- ` a list item).
pub enum CharterBlock {
    Heading(String),
    Para(String),
    List(Vec<String>),
}

pub fn charter_blocks(body: &str) -> Vec<CharterBlock> {
    let mut out: Vec<CharterBlock> = Vec::new();
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(h) = line.strip_prefix("## ") {
            out.push(CharterBlock::Heading(h.to_owned()));
        } else if let Some(item) = line.strip_prefix("- ") {
            match out.last_mut() {
                Some(CharterBlock::List(items)) => items.push(item.to_owned()),
                _ => out.push(CharterBlock::List(vec![item.to_owned()])),
            }
        } else {
            out.push(CharterBlock::Para(line.to_owned()));
        }
    }
    out
}

#[derive(Template)]
#[template(path = "charter.html")]
struct CharterPage<'a> {
    ctx: &'a PageCtx,
    version: i64,
    blocks: Vec<CharterBlock>,
}

pub async fn charter(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        let c = state.store.charter().await?;
        Ok(render(&CharterPage { ctx: &ctx, version: c.version, blocks: charter_blocks(&c.body) }))
    }
    .await;
    finish(&ctx, result)
}

/// What the person typed on the sign-up page.
#[derive(Debug, Clone, Default)]
pub struct SignupForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub network: String,
    pub languages: Vec<String>,
    pub topics: Vec<String>,
    pub hours: String,
    pub charter: bool,
}

impl SignupForm {
    fn from_data(data: &FormData) -> SignupForm {
        SignupForm {
            name: data.text("name"),
            email: data.text("email"),
            phone: data.text("phone"),
            network: data.text("network"),
            languages: data.all("languages"),
            topics: data.all("topics"),
            hours: data.text("hours"),
            charter: data.checked("charter"),
        }
    }
}

/// A checked sign-up, or the (field, code) of each problem, in page order.
pub struct CheckedSignup {
    pub signup: NewSignup,
}

/// Checks a sign-up against the rules and the stored networks and topics.
#[allow(clippy::too_many_arguments)]
pub fn check_signup(
    name: &str,
    email: &str,
    phone: &str,
    network: &str,
    languages: &[String],
    topics: &[String],
    hours: &str,
    password: &str,
    charter: bool,
    charter_version: i64,
    networks: &[Network],
    known_topics: &[String],
) -> Result<NewSignup, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let name = people::check_name(name).map_err(|c| errors.push(("name", c))).ok();
    let email = people::normalize_email(email);
    if !people::is_plausible_email(&email) {
        errors.push(("email", "email_invalid"));
    }
    let phone = if phone.trim().is_empty() {
        None
    } else {
        match relais_domain::phone::normalize(phone) {
            Ok(p) => Some(p),
            Err(_) => {
                errors.push(("phone", "phone_invalid"));
                None
            }
        }
    };
    let network_id = network.parse::<i64>().ok().filter(|id| networks.iter().any(|n| n.id == *id));
    if network_id.is_none() {
        errors.push(("network", "network_missing"));
    }
    let languages = people::check_languages(languages).map_err(|c| errors.push(("languages", c))).ok();
    let topics = people::check_topics(topics, known_topics).map_err(|c| errors.push(("topics", c))).ok();
    let hours = people::parse_hours(hours).map_err(|c| errors.push(("hours", c))).ok();
    if let Err(c) = people::check_password(password) {
        errors.push(("password", c));
    }
    if !charter {
        errors.push(("charter", "charter_missing"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(NewSignup {
        name: name.unwrap_or_default(),
        email,
        password: password.to_owned(),
        phone,
        network_id: network_id.unwrap_or_default(),
        languages: languages.unwrap_or_default(),
        topics: topics.unwrap_or_default(),
        max_hours_per_week: hours.flatten(),
        charter_version,
    })
}

/// The error message of a code on the people pages.
pub fn people_error(ctx: &PageCtx, code: &str) -> String {
    super::forms::message(&ctx.tr, &format!("people-error-{}", code.replace('_', "-")))
}

/// The first input of a field, for the error summary's links.
fn anchor(field: &str) -> String {
    match field {
        "languages" => "languages-fr".into(),
        "topics" => "topics-first".into(),
        other => other.to_owned(),
    }
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignupPage<'a> {
    ctx: &'a PageCtx,
    form: SignupForm,
    networks: Vec<Choice>,
    languages: Vec<Choice>,
    topics: Vec<TopicChoice>,
    errors: Errors,
}

pub fn language_choices(ctx: &PageCtx, chosen: &[String]) -> Vec<Choice> {
    LANGUAGES
        .iter()
        .map(|c| Choice { value: (*c).into(), label: language_option(&ctx.tr, c), selected: chosen.iter().any(|x| x == c) })
        .collect()
}

pub fn topic_choices(ctx: &PageCtx, topics: &[Topic], chosen: &[String]) -> Vec<TopicChoice> {
    topics
        .iter()
        .map(|t| {
            let l = topic_label(&ctx.tr, topics, &t.id);
            TopicChoice { id: t.id.clone(), label: l.label, picto: l.picto, checked: chosen.contains(&t.id) }
        })
        .collect()
}

async fn signup_page(state: &AppState, ctx: &PageCtx, form: SignupForm, errors: Errors) -> Result<Response, PageError> {
    let networks = state.store.networks().await?;
    let independent = state.store.independent_network().await?;
    let topics = state.store.topics(false).await?;
    // Networks by name, "independent" last and named plainly.
    let mut choices: Vec<Choice> = networks
        .iter()
        .filter(|n| n.id != independent.id)
        .map(|n| Choice { value: n.id.to_string(), label: n.name.clone(), selected: form.network == n.id.to_string() })
        .collect();
    choices.push(Choice {
        value: independent.id.to_string(),
        label: ctx.tr.t("signup-independent"),
        selected: form.network == independent.id.to_string(),
    });
    let languages = if form.languages.is_empty() { vec![ctx.lang().code().to_owned()] } else { form.languages.clone() };
    let page = SignupPage {
        ctx,
        networks: choices,
        languages: language_choices(ctx, &languages),
        topics: topic_choices(ctx, &topics, &form.topics),
        form,
        errors,
    };
    Ok(render(&page))
}

pub async fn signup_form(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = signup_page(&state, &ctx, SignupForm::default(), Errors::default()).await;
    finish(&ctx, result)
}

#[derive(Template)]
#[template(path = "signup_done.html")]
struct SignupDone<'a> {
    ctx: &'a PageCtx,
}

pub async fn signup_submit(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    ctx: PageCtx,
    data: FormData,
) -> Response {
    let result = async {
        super::public::guard(&ctx, &data, state.intake_limiter.as_deref(), addr)?;
        let form = SignupForm::from_data(&data);
        let networks = state.store.networks().await?;
        let topics: Vec<String> = state.store.topics(false).await?.into_iter().map(|t| t.id).collect();
        let charter = state.store.charter().await?;
        let checked = check_signup(
            &form.name,
            &form.email,
            &form.phone,
            &form.network,
            &form.languages,
            &form.topics,
            &form.hours,
            &data.text("password"),
            form.charter,
            charter.version,
            &networks,
            &topics,
        );
        let signup = match checked {
            Ok(s) => s,
            Err(fields) => {
                let mut errors = Errors::default();
                for (field, code) in fields {
                    errors.push(field, &anchor(field), people_error(&ctx, code));
                }
                return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, signup_page(&state, &ctx, form, errors).await?));
            }
        };
        sign_up(&state, &ctx.tr, &signup).await?;
        Ok(render(&SignupDone { ctx: &ctx }))
    }
    .await;
    finish(&ctx, result)
}

/// Stores a checked sign-up with its e-mail. An address that already has an account gets
/// an e-mail saying so, and the caller sees the same success as for a new one.
pub async fn sign_up(state: &AppState, tr: &crate::i18n::Tr, signup: &NewSignup) -> Result<(), PageError> {
    let now = now_ms();
    let network = state.store.network(signup.network_id).await?;
    let independent = state.store.independent_network().await?;
    let network_name = if network.id == independent.id { tr.t("signup-independent-mail") } else { network.name.clone() };
    // The key needs the account id, known only after the insert: the e-mail is built with
    // a placeholder id first, then keyed on the address, which is unique among accounts.
    let mail = people_mail::signup_received(tr, 0, &signup.email, &signup.name, &network_name, now);
    let mail = relais_store::outbox::NewMessage { idempotency_key: format!("signup-received:{}", relais_store::people::token_hash(&signup.email)), ..mail };
    match state.store.sign_up(signup, &mail, now).await {
        Ok(user) => {
            state.mail_enqueued();
            tracing::info!(user = user.id, network = network.id, "volunteer signed up");
            Ok(())
        }
        Err(StoreError::Duplicate("email")) => {
            if let Some(existing) = state.store.user_by_email(&signup.email).await? {
                let mail = people_mail::signup_address_taken(tr, existing.id, &existing.email, &state.config.public_url, now);
                state.store.enqueue_messages(std::slice::from_ref(&mail), now).await?;
                state.mail_enqueued();
                tracing::info!(user = existing.id, "sign-up with an address that has an account");
            }
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage<'a> {
    ctx: &'a PageCtx,
    token: String,
    name: String,
    network: String,
    languages: Vec<Choice>,
    topics: Vec<TopicChoice>,
    hours: String,
    charter_version: i64,
    errors: Errors,
}

#[derive(Template)]
#[template(path = "invitation_gone.html")]
struct InvitationGone<'a> {
    ctx: &'a PageCtx,
    message: String,
}

fn gone(ctx: &PageCtx, state: LinkState) -> Response {
    let key = if state == LinkState::Used { "invitation-used" } else { "invitation-expired" };
    with_status(StatusCode::GONE, render(&InvitationGone { ctx, message: ctx.tr.t(key) }))
}

async fn invitation_page(
    state: &AppState,
    ctx: &PageCtx,
    token: &str,
    user: &relais_store::User,
    network_id: i64,
    chosen: (Vec<String>, Vec<String>, String),
    errors: Errors,
) -> Result<Response, PageError> {
    let topics = state.store.topics(false).await?;
    let charter = state.store.charter().await?;
    let network = state.store.network(network_id).await?;
    let page = InvitationPage {
        ctx,
        token: token.to_owned(),
        name: user.display_name.clone(),
        network: network.name,
        languages: language_choices(ctx, &chosen.0),
        topics: topic_choices(ctx, &topics, &chosen.1),
        hours: chosen.2,
        charter_version: charter.version,
        errors,
    };
    Ok(render(&page))
}

pub async fn invitation_form(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> Response {
    let result = async {
        let inv = state.store.invitation(&token).await?.ok_or(PageError::NotFound)?;
        match inv.state(now_ms()) {
            LinkState::Usable => {}
            other => return Ok(gone(&ctx, other)),
        }
        let user = state.store.user(inv.user_id).await?;
        let chosen = (user.language_list(), user.skill_list(), String::new());
        invitation_page(&state, &ctx, &token, &user, inv.network_id, chosen, Errors::default()).await
    }
    .await;
    finish(&ctx, result)
}

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
        match inv.state(now) {
            LinkState::Usable => {}
            other => return Ok(gone(&ctx, other)),
        }
        let topics: Vec<String> = state.store.topics(false).await?.into_iter().map(|t| t.id).collect();
        let (langs, tops, hours) = (data.all("languages"), data.all("topics"), data.text("hours"));
        let password = data.text("password");
        let mut errors = Errors::default();
        let languages = people::check_languages(&langs).map_err(|c| errors.push("languages", "languages-fr", people_error(&ctx, c))).ok();
        let topic_ids = people::check_topics(&tops, &topics).map_err(|c| errors.push("topics", "topics-first", people_error(&ctx, c))).ok();
        let max_hours = people::parse_hours(&hours).map_err(|c| errors.push("hours", "hours", people_error(&ctx, c))).ok();
        if let Err(c) = people::check_password(&password) {
            errors.push("password", "password", people_error(&ctx, c));
        }
        let charter_version = data.text("charter_version").parse::<i64>().unwrap_or_default();
        if !data.checked("charter") {
            errors.push("charter", "charter", people_error(&ctx, "charter_missing"));
        }
        let current = state.store.charter().await?;
        if errors.is_empty() && charter_version != current.version {
            // The charter changed while the page was open: show the new one to accept.
            errors.push("charter", "charter", people_error(&ctx, "charter_changed"));
        }
        if !errors.is_empty() {
            let user = state.store.user(inv.user_id).await?;
            let page = invitation_page(&state, &ctx, &token, &user, inv.network_id, (langs, tops, hours), errors).await?;
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page));
        }
        let profile = ProfileUpdate {
            languages: languages.unwrap_or_default(),
            topics: topic_ids.unwrap_or_default(),
            max_hours_per_week: max_hours.flatten(),
            email_reminders: true,
            email_appeals: true,
            phone: None,
            phone_visible_to: PhoneVisibility::Coordinators,
        };
        let user = match state.store.accept_invitation(&token, &password, &profile, current.version, now).await {
            Ok(u) => u,
            // Used in another tab a moment ago.
            Err(StoreError::NotFound) => return Ok(gone(&ctx, LinkState::Used)),
            Err(e) => return Err(e.into()),
        };
        tracing::info!(user = user.id, "invitation accepted");
        let session = state.store.create_session(user.id, SessionKind::Web, state.config.session_ttl, now).await?;
        let jar = jar.add(crate::i18n::cookie(SESSION_COOKIE, session, state.config.secure_cookies));
        Ok((jar, Redirect::to("/benevole/formation")).into_response())
    }
    .await;
    finish(&ctx, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charter_text_becomes_headings_paragraphs_and_lists() {
        let blocks = charter_blocks("Intro.\n\n## Titre\n- un\n- deux\nFin.");
        assert!(matches!(&blocks[0], CharterBlock::Para(p) if p == "Intro."));
        assert!(matches!(&blocks[1], CharterBlock::Heading(h) if h == "Titre"));
        assert!(matches!(&blocks[2], CharterBlock::List(l) if l.len() == 2));
        assert!(matches!(&blocks[3], CharterBlock::Para(_)));
    }
}
