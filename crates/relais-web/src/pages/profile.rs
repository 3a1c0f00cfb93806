//! The volunteer's own pages: the profile (languages, topic skills, hours, notification
//! preferences, phone and who may see it, badges received) and the training page.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, session_for, with_status, Errors, FormData};
use super::join::{charter_blocks, language_choices, people_error, topic_choices, CharterBlock};
use super::public::{Choice, TopicChoice};
use crate::state::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::Action;
use relais_domain::people::{self, PhoneVisibility};
use relais_store::people::ProfileUpdate;

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage<'a> {
    ctx: &'a PageCtx,
    languages: Vec<Choice>,
    topics: Vec<TopicChoice>,
    hours: String,
    phone: String,
    phone_visible_to: String,
    email_reminders: bool,
    email_appeals: bool,
    badges: Vec<String>,
    charter_version: Option<i64>,
    errors: Errors,
    saved: bool,
}

pub async fn profile(State(state): State<AppState>, ctx: PageCtx, RawQuery(q): RawQuery) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::EditOwnProfile)?;
        let p = state.store.profile(me.user.id).await?;
        let topics = state.store.topics(false).await?;
        let page = ProfilePage {
            ctx: &ctx,
            languages: language_choices(&ctx, &me.user.language_list()),
            topics: topic_choices(&ctx, &topics, &me.user.skill_list()),
            hours: p.max_hours_per_week.map(|h| h.to_string()).unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            phone_visible_to: p.phone_visible_to.clone(),
            email_reminders: p.email_reminders,
            email_appeals: p.email_appeals,
            badges: state.store.user_badges(me.user.id).await?.into_iter().map(|b| b.label).collect(),
            charter_version: p.charter_version,
            errors: Errors::default(),
            saved: q.as_deref() == Some("avis=enregistre"),
        };
        Ok(render(&page))
    }
    .await;
    finish(&ctx, result)
}

pub async fn save_profile(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::EditOwnProfile)?;
        ctx.check_csrf(data.csrf())?;
        let known: Vec<String> = state.store.topics(false).await?.into_iter().map(|t| t.id).collect();
        let (langs, tops, hours, phone) = (data.all("languages"), data.all("topics"), data.text("hours"), data.text("phone"));
        let mut errors = Errors::default();
        let languages = people::check_languages(&langs).map_err(|c| errors.push("languages", "languages-fr", people_error(&ctx, c))).ok();
        let topics = people::check_topics(&tops, &known).map_err(|c| errors.push("topics", "topics-first", people_error(&ctx, c))).ok();
        let max_hours = people::parse_hours(&hours).map_err(|c| errors.push("hours", "hours", people_error(&ctx, c))).ok();
        let phone_e164 = if phone.trim().is_empty() {
            Some(None)
        } else {
            relais_domain::phone::normalize(&phone).map(Some).map_err(|_| errors.push("phone", "phone", people_error(&ctx, "phone_invalid"))).ok()
        };
        let visibility = PhoneVisibility::parse(&data.text("phone_visible_to")).unwrap_or(PhoneVisibility::Nobody);
        if !errors.is_empty() {
            let all_topics = state.store.topics(false).await?;
            let page = ProfilePage {
                ctx: &ctx,
                languages: language_choices(&ctx, &langs),
                topics: topic_choices(&ctx, &all_topics, &tops),
                hours,
                phone,
                phone_visible_to: visibility.as_str().to_owned(),
                email_reminders: data.checked("email_reminders"),
                email_appeals: data.checked("email_appeals"),
                badges: state.store.user_badges(me.user.id).await?.into_iter().map(|b| b.label).collect(),
                charter_version: state.store.profile(me.user.id).await?.charter_version,
                errors,
                saved: false,
            };
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, render(&page)));
        }
        let update = ProfileUpdate {
            languages: languages.unwrap_or_default(),
            topics: topics.unwrap_or_default(),
            max_hours_per_week: max_hours.flatten(),
            email_reminders: data.checked("email_reminders"),
            email_appeals: data.checked("email_appeals"),
            phone: phone_e164.flatten(),
            phone_visible_to: visibility,
        };
        state.store.save_profile(me.user.id, &update).await?;
        Ok(Redirect::to("/benevole/profil?avis=enregistre").into_response())
    }
    .await;
    finish(&ctx, result)
}

pub struct TopicLink {
    pub href: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "training.html")]
struct TrainingPage<'a> {
    ctx: &'a PageCtx,
    charter: Vec<CharterBlock>,
    charter_version: i64,
    accepted: Option<i64>,
    topics: Vec<TopicLink>,
}

impl TrainingPage<'_> {
    fn accepted_current(&self) -> bool {
        self.accepted == Some(self.charter_version)
    }
}

pub async fn training(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result: Result<Response, PageError> = async {
        let me = session_for(&ctx, Action::EditOwnProfile)?;
        let charter = state.store.charter().await?;
        let topics = state.store.topics(false).await?;
        let links = topics
            .iter()
            .map(|t| TopicLink {
                href: format!("/tutoriels/sujet/{}", t.id),
                label: super::forms::topic_label(&ctx.tr, &topics, &t.id).label,
            })
            .collect();
        let page = TrainingPage {
            ctx: &ctx,
            charter: charter_blocks(&charter.body),
            charter_version: charter.version,
            accepted: state.store.profile(me.user.id).await?.charter_version,
            topics: links,
        };
        Ok(render(&page))
    }
    .await;
    finish(&ctx, result)
}

/// Accepting the current charter again after an edit.
pub async fn accept_charter(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::EditOwnProfile)?;
        ctx.check_csrf(data.csrf())?;
        let current = state.store.charter().await?;
        let version = data.text("charter_version").parse::<i64>().unwrap_or_default();
        if version != current.version {
            return Err(PageError::Conflict("charter-changed".into()));
        }
        state.store.accept_charter(me.user.id, version, crate::now_ms()).await?;
        Ok(Redirect::to("/benevole/formation").into_response())
    }
    .await;
    finish(&ctx, result)
}
