//! Public pages, in easy-to-read French first: what the service is, the callback form,
//! its confirmation, and following or cancelling one's own request.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, label, t_args, with_status, Errors, FormData};
use crate::actions;
use crate::error::ApiError;
use crate::intake::{IntakeInput, MAX_NAME, MAX_NEED};
use crate::state::AppState;
use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_templates::fluent_bundle::FluentValue;
use relais_domain::request::{CallbackWindow, Channel, Outcome, Status, LANGUAGES};
use relais_domain::wait::WaitEstimate;
use relais_store::{HelpRequest, Topic};
use governor::DefaultKeyedRateLimiter;
use std::net::{IpAddr, SocketAddr};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    ctx: &'a PageCtx,
}

pub async fn home(ctx: PageCtx) -> Response {
    render(&HomePage { ctx: &ctx })
}

/// What the person typed, kept to show the form again.
#[derive(Debug, Clone, Default)]
pub struct RequestForm {
    pub first_name: String,
    pub phone: String,
    pub topic: String,
    pub language: String,
    pub postcode: String,
    pub callback_windows: Vec<String>,
    pub sms_consent: bool,
    pub urgent: bool,
    pub need: String,
}

impl RequestForm {
    pub fn from_data(data: &FormData) -> RequestForm {
        RequestForm {
            first_name: data.text("first_name"),
            phone: data.text("phone"),
            topic: data.text("topic"),
            language: data.text("language"),
            postcode: data.text("postcode"),
            callback_windows: data.all("callback_windows"),
            sms_consent: data.checked("sms_consent"),
            urgent: data.checked("urgent"),
            need: data.text("need"),
        }
    }

    pub fn input(&self) -> IntakeInput {
        let opt = |s: &str| Some(s.to_owned()).filter(|v| !v.trim().is_empty());
        IntakeInput {
            // The web form always arrives by the web channel.
            channel: None,
            phone: self.phone.clone(),
            first_name: opt(&self.first_name),
            topic: opt(&self.topic),
            language: opt(&self.language),
            postcode: opt(&self.postcode),
            callback_windows: self.callback_windows.clone(),
            sms_consent: self.sms_consent,
            urgent: self.urgent,
            need: opt(&self.need),
        }
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct TopicChoice {
    pub id: String,
    pub label: String,
    pub picto: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "request_form.html")]
struct RequestPage<'a> {
    ctx: &'a PageCtx,
    form: RequestForm,
    topics: Vec<TopicChoice>,
    languages: Vec<Choice>,
    windows: Vec<Choice>,
    errors: Errors,
    max_name: usize,
    max_need: usize,
    /// `/demande`, or `/partenaire/demande` for a partner sending on behalf of a person.
    form_action: &'static str,
    /// The partner's form: the person's consent checkbox (ticked or not).
    consent: Option<bool>,
}

/// The fields of the form, in page order.
pub(crate) const FIELD_ORDER: &[&str] = &["phone", "topic", "first_name", "language", "callback_windows", "postcode", "need"];

/// The id of the input a field's error links to.
pub(crate) fn anchor(field: &str, topics: &[Topic]) -> String {
    match field {
        "topic" => topics.first().map(|t| format!("topic-{}", t.id)).unwrap_or_else(|| "topic".into()),
        "callback_windows" => "window-morning".into(),
        other => other.to_owned(),
    }
}

fn request_page(ctx: &PageCtx, topics: &[Topic], form: RequestForm, errors: Errors) -> Response {
    request_page_for(ctx, topics, form, errors, "/demande", None)
}

/// The callback form posting to `form_action`; with `consent`, the partner's version.
pub(crate) fn request_page_for(
    ctx: &PageCtx,
    topics: &[Topic],
    form: RequestForm,
    errors: Errors,
    form_action: &'static str,
    consent: Option<bool>,
) -> Response {
    let tr = &ctx.tr;
    let language = if form.language.is_empty() { ctx.lang().code().to_owned() } else { form.language.clone() };
    let page = RequestPage {
        ctx,
        topics: topics
            .iter()
            .map(|t| {
                let shown = super::forms::topic_label(tr, topics, &t.id);
                TopicChoice { id: t.id.clone(), label: shown.label, picto: shown.picto, checked: form.topic == t.id }
            })
            .collect(),
        languages: LANGUAGES
            .iter()
            .map(|code| Choice { value: (*code).into(), label: super::forms::language_option(tr, code), selected: language == *code })
            .collect(),
        windows: CallbackWindow::ALL
            .iter()
            .map(|w| Choice {
                value: w.as_str().into(),
                label: label(tr, "window", w.as_str()),
                selected: form.callback_windows.iter().any(|c| c == w.as_str()),
            })
            .collect(),
        form,
        errors,
        max_name: MAX_NAME,
        max_need: MAX_NEED,
        form_action,
        consent,
    };
    render(&page)
}

pub async fn request_form(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        let topics = state.store.topics(false).await?;
        Ok(request_page(&ctx, &topics, RequestForm::default(), Errors::default()))
    }
    .await;
    finish(&ctx, result)
}

pub async fn request_submit(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    ctx: PageCtx,
    data: FormData,
) -> Response {
    let result = async {
        guard(&ctx, &data, state.intake_limiter.as_deref(), addr)?;
        let form = RequestForm::from_data(&data);
        match actions::submit(&state, &form.input(), Channel::Web).await {
            Ok((req, _)) => Ok(Redirect::to(&format!("/demande/{}/confirmation", req.reference)).into_response()),
            Err(ApiError::Validation(fields)) => {
                let topics = state.store.topics(false).await?;
                let mut errors = Errors::from_fields(&ctx.tr, &fields, |f| anchor(f, &topics));
                // The summary lists problems in the order of the fields on the page.
                errors.0.sort_by_key(|e| FIELD_ORDER.iter().position(|f| *f == e.field).unwrap_or(FIELD_ORDER.len()));
                Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, request_page(&ctx, &topics, form, errors)))
            }
            Err(ApiError::Conflict { code: "open_request_exists", .. }) => {
                // Said plainly, tied to the phone field; the existing reference stays private.
                let topics = state.store.topics(false).await?;
                let errors = Errors::one("phone", "phone", ctx.tr.t("conflict-open-request-exists"));
                Ok(with_status(StatusCode::CONFLICT, request_page(&ctx, &topics, form, errors)))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    finish(&ctx, result)
}

/// The wait, said honestly: a range when there is a basis for one, else that we cannot tell.
fn wait_text(ctx: &PageCtx, wait: WaitEstimate) -> String {
    match wait {
        WaitEstimate::Minutes { low, high } if low <= 0 => {
            t_args(&ctx.tr, "wait-under", &[("high", FluentValue::from(high))])
        }
        WaitEstimate::Minutes { low, high } => {
            t_args(&ctx.tr, "wait-minutes", &[("low", FluentValue::from(low)), ("high", FluentValue::from(high))])
        }
        WaitEstimate::Unknown => ctx.tr.t("wait-unknown"),
    }
}

/// What the person is told about the wait for a request.
async fn wait_for(state: &AppState, ctx: &PageCtx, req: &HelpRequest) -> Result<Option<String>, PageError> {
    if req.status != Status::Waiting {
        return Ok(None);
    }
    if req.due_at > crate::now_ms() {
        let when = super::forms::isolate(&ctx.tr, &actions::paris_time(req.due_at));
        return Ok(Some(ctx.tr.t1("wait-planned", "when", when)));
    }
    Ok(Some(wait_text(ctx, actions::estimate(state, req).await?)))
}

#[derive(Template)]
#[template(path = "confirmation.html")]
struct ConfirmationPage<'a> {
    ctx: &'a PageCtx,
    reference: String,
    wait: Option<String>,
}

/// Anyone with the address can open this page: it shows the reference and the wait, and
/// nothing of the person.
pub async fn confirmation(State(state): State<AppState>, ctx: PageCtx, Path(reference): Path<String>) -> Response {
    let result = async {
        let reference = relais_domain::reference::normalize(&reference).ok_or(PageError::NotFound)?;
        let req = state.store.request_by_reference(&reference).await?.ok_or(PageError::NotFound)?;
        let wait = wait_for(&state, &ctx, &req).await?;
        Ok(render(&ConfirmationPage { ctx: &ctx, reference: req.reference, wait }))
    }
    .await;
    finish(&ctx, result)
}

#[derive(Template)]
#[template(path = "follow_form.html")]
struct FollowPage<'a> {
    ctx: &'a PageCtx,
    reference: String,
    phone: String,
    errors: Errors,
}

fn follow_page(ctx: &PageCtx, reference: String, phone: String, errors: Errors) -> Response {
    render(&FollowPage { ctx, reference, phone, errors })
}

/// Neither the reference nor the number is said to be the wrong one.
fn not_found_errors(ctx: &PageCtx) -> Errors {
    Errors::one("reference", "reference", ctx.tr.t("follow-not-found"))
}

pub async fn follow_form(ctx: PageCtx) -> Response {
    follow_page(&ctx, String::new(), String::new(), Errors::default())
}

#[derive(Template)]
#[template(path = "follow_result.html")]
struct FollowResultPage<'a> {
    ctx: &'a PageCtx,
    reference: String,
    phone: String,
    status: String,
    wait: Option<String>,
    open: bool,
}

/// A public form from `addr`: its CSRF token must be this browser's, and the address
/// within the limit of `limiter` (none when the operator switched it off).
pub fn guard(ctx: &PageCtx, data: &FormData, limiter: Option<&DefaultKeyedRateLimiter<IpAddr>>, addr: SocketAddr) -> Result<(), PageError> {
    ctx.check_csrf(data.csrf())?;
    if let Some(limiter) = limiter {
        limiter.check_key(&addr.ip()).map_err(|_| PageError::TooMany)?;
    }
    Ok(())
}

pub async fn follow_lookup(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    ctx: PageCtx,
    data: FormData,
) -> Response {
    let result = async {
        guard(&ctx, &data, state.lookup_limiter.as_deref(), addr)?;
        let (reference, phone) = (data.text("reference"), data.text("phone"));
        let Some(req) = actions::lookup(&state, &reference, &phone).await? else {
            return Ok(with_status(StatusCode::NOT_FOUND, follow_page(&ctx, reference, phone, not_found_errors(&ctx))));
        };
        let status = match (req.status, req.outcome()) {
            (Status::Closed, Some(Outcome::Cancelled)) => ctx.tr.t("follow-status-cancelled"),
            (s, _) => label(&ctx.tr, "follow-status", s.as_str()),
        };
        let wait = wait_for(&state, &ctx, &req).await?;
        let page = FollowResultPage {
            ctx: &ctx,
            open: relais_store::requests::is_open(req.status),
            reference: req.reference,
            phone,
            status,
            wait,
        };
        Ok(render(&page))
    }
    .await;
    finish(&ctx, result)
}

#[derive(Template)]
#[template(path = "follow_cancelled.html")]
struct CancelledPage<'a> {
    ctx: &'a PageCtx,
    reference: String,
}

pub async fn follow_cancel(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    ctx: PageCtx,
    data: FormData,
) -> Response {
    let result = async {
        guard(&ctx, &data, state.lookup_limiter.as_deref(), addr)?;
        let (reference, phone) = (data.text("reference"), data.text("phone"));
        match actions::cancel_own(&state, &reference, &phone).await? {
            Some(req) => Ok(render(&CancelledPage { ctx: &ctx, reference: req.reference })),
            None => Ok(with_status(StatusCode::NOT_FOUND, follow_page(&ctx, reference, phone, not_found_errors(&ctx)))),
        }
    }
    .await;
    finish(&ctx, result)
}
