//! Around a call: on the request page, the holder searches the tutorial library and sends a
//! tutorial's link to the person by e-mail. The address typed is checked, put in the outbox
//! message only (erased later by the outbox's retention), and the request's timeline records
//! `tutorial_sent` with the tutorial and the channel, never the address or the text.
//!
//! By SMS (`channel=sms`, offered when the line sends SMS): the link goes to the request's
//! own number, through the SMS outbox; an opted-out number (STOP) gets nothing and the
//! volunteer is told. The event says `sms`, never the number or the text.

use super::console::{request_page, ActionForms};
use super::context::{PageCtx, PageError};
use super::forms::{finish, session_for, t_args, with_status, Errors, FormData};
use super::tutorials::library_lang;
use crate::api::tutorials::{list, page_url};
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_templates::fluent_bundle::FluentValue;
use relais_domain::authz::Action;
use relais_library::Variant;
use relais_store::outbox::NewMessage;

/// Results shown in the box.
const CHOICES: usize = 5;

pub struct TutorialChoice {
    pub slug: String,
    pub title: String,
    pub url: String,
    /// Value of the form's `nonce`: a second click on the same form sends nothing new.
    pub nonce: String,
    pub email: String,
    pub error: Option<String>,
}

/// `?tq=` of the request page, decoded.
pub fn query_param(query: Option<&str>) -> Option<String> {
    let raw = query?.split('&').find_map(|kv| kv.strip_prefix("tq="))?;
    Some(FormData::parse(&format!("tq={raw}")).text("tq")).map(|q| q.trim().chars().take(200).collect())
}

/// The tutorials to offer for `q` (the request's topic when nothing matches the words).
pub fn choices(state: &AppState, ctx: &PageCtx, q: &str, topic: &str, forms: &ActionForms) -> Vec<TutorialChoice> {
    let snap = state.tutorials.snapshot();
    let lang = library_lang(ctx.lang());
    let mut hits = list(&snap, Some(q), None, None);
    if hits.is_empty() {
        hits = list(&snap, None, Some(lang), Some(topic));
    }
    hits.truncate(CHOICES);
    hits.into_iter()
        .map(|h| {
            let refused = forms.tutorial_slug == h.slug;
            TutorialChoice {
                nonce: relais_store::sessions::random_token(),
                email: if refused { forms.email.clone() } else { String::new() },
                error: if refused { forms.errors.get("email").map(str::to_owned) } else { None },
                slug: h.slug,
                title: h.title,
                url: h.url,
            }
        })
        .collect()
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no
/// spaces, at most 254 characters. (The SMTP server is the final judge; this catches typos.)
pub fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && s.chars().all(|c| c.is_ascii_graphic() || (!c.is_ascii() && c.is_alphanumeric()))
        && !s.contains(['<', '>', '(', ')', ',', ';', ':', '"', '[', ']', '\\'])
}

/// POST `/benevole/demandes/{id}/tutoriel`: `slug`, `email`, `nonce`.
pub async fn send(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::SendTutorial)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let slug = data.text("slug");
        let email = data.text("email").trim().to_owned();
        let snap = state.tutorials.snapshot();
        if snap.get(&slug, Variant::Fr).is_none() {
            return Err(PageError::Conflict("tutorial_unknown".into()));
        }
        if data.text("channel") == "sms" {
            return send_sms(&state, id, me, &slug, &data).await;
        }
        if !is_plausible_email(&email) {
            let forms = ActionForms {
                errors: Errors::one("email", &format!("email-{slug}"), ctx.tr.t("error-email-invalid")),
                tutorial_q: data.opt("tq"),
                tutorial_slug: slug,
                email,
                ..Default::default()
            };
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, request_page(&state, &ctx, id, forms).await?));
        }
        // The message is written in the person's language when the tutorial exists in it.
        let req = state.store.get_request(id).await?;
        let lang = crate::i18n::Lang::from_code(&req.language).unwrap_or_default();
        let tr = crate::i18n::Tr::new(lang);
        let (t, _) = snap.pick(&slug, library_lang(lang), false).ok_or(PageError::NotFound)?;
        let path = match lang {
            crate::i18n::Lang::Fr => page_url(&slug),
            other => format!("{}?lang={}", page_url(&slug), other.code()),
        };
        let url = state.config.public_link(&path);
        let msg = NewMessage {
            idempotency_key: format!("tutorial:{id}:{slug}:{}", data.opt("nonce").unwrap_or_else(relais_store::sessions::random_token)),
            recipient: email,
            subject: tr.t1("tutorial-mail-subject", "title", &t.title),
            body_text: t_args(
                &tr,
                "tutorial-mail-body",
                &[
                    ("title", FluentValue::from(t.title.clone())),
                    ("url", FluentValue::from(url)),
                    ("phone", FluentValue::from(state.config.line_phone.clone())),
                    ("hours", FluentValue::from(state.config.hours(lang.code()).to_owned())),
                ],
            ),
            not_before_ms: crate::now_ms(),
        };
        match state.store.send_tutorial_link(id, me, &slug, "email", &msg, crate::now_ms()).await {
            Ok(_) => {
                state.mail_enqueued();
                tracing::info!(request = id, volunteer = me, slug = %slug, "tutorial link queued for e-mail");
                Ok(Redirect::to(&format!("/benevole/demandes/{id}?avis=tutoriel-envoye")).into_response())
            }
            Err(e) => Err(PageError::from(ApiError::from(e))),
        }
    }
    .await;
    finish(&ctx, result)
}

/// The tutorial's link by SMS to the request's number.
async fn send_sms(state: &AppState, id: i64, me: i64, slug: &str, data: &FormData) -> Result<Response, PageError> {
    if !crate::telephony::sms_sender::configured(&state.config.telephony) {
        return Err(PageError::Conflict("sms_unavailable".into()));
    }
    let req = state.store.get_request(id).await?;
    let Some(number) = req.phone.clone() else { return Err(PageError::Conflict("sms_unavailable".into())) };
    let lang = crate::i18n::Lang::from_code(&req.language).unwrap_or_default();
    let tr = crate::i18n::Tr::new(lang);
    let snap = state.tutorials.snapshot();
    let (t, _) = snap.pick(slug, library_lang(lang), false).ok_or(PageError::NotFound)?;
    let path = match lang {
        crate::i18n::Lang::Fr => page_url(slug),
        other => format!("{}?lang={}", page_url(slug), other.code()),
    };
    let msg = NewMessage {
        idempotency_key: format!("tutorial-sms:{id}:{slug}:{}", data.opt("nonce").unwrap_or_else(relais_store::sessions::random_token)),
        recipient: number,
        subject: "tutorial link".into(),
        body_text: t_args(
            &tr,
            "tel-sms-tutorial",
            &[
                ("title", FluentValue::from(t.title.clone())),
                ("url", FluentValue::from(state.config.public_link(&path))),
                ("phone", FluentValue::from(state.config.line_phone.clone())),
            ],
        ),
        not_before_ms: crate::now_ms(),
    };
    match state.store.send_tutorial_link(id, me, slug, "sms", &msg, crate::now_ms()).await {
        Ok(relais_store::sms_outbox::SmsEnqueued::OptedOut) => Err(PageError::Conflict("sms_opted_out".into())),
        Ok(_) => {
            state.sms_enqueued();
            tracing::info!(request = id, volunteer = me, slug = %slug, "tutorial link queued for SMS");
            Ok(Redirect::to(&format!("/benevole/demandes/{id}?avis=tutoriel-envoye")).into_response())
        }
        Err(e) => Err(PageError::from(ApiError::from(e))),
    }
}

#[cfg(test)]
mod tests {
    use super::is_plausible_email;

    #[test]
    fn e_mail_addresses_are_checked_for_typos() {
        for ok in ["nom@exemple.fr", "a.b+c@mail.example.org", "jean-luc@laposte.net"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in ["", "nom", "nom@", "@exemple.fr", "nom@exemple", "nom@@exemple.fr", "nom @exemple.fr", "nom@exemple..fr", "a<b>@x.fr", "nom@.fr"] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}
