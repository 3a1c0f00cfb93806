//! The administrators' pages: the topic catalogue (labels, pictogram, order, whether a
//! topic is offered on the request form) and the access journal (who saw which request's
//! personal data, and when). Coordinators and volunteers get "forbidden".

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, iso, session_for, validation, with_status, Errors, FormData};
use super::public::Choice;
use crate::actions::{self, paris_time};
use crate::error::FieldError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::Action;
use relais_store::Topic;

/// Entries shown when no request is chosen.
pub const JOURNAL_LATEST: i64 = 200;

/// The pictograms shipped under `static/pictos/` (one per seed topic).
pub fn pictogram_names() -> Vec<&'static str> {
    relais_domain::topics::SEED.iter().map(|t| t.pictogram).collect()
}

/// One form of the catalogue page: an existing topic, or the empty form that adds one.
pub struct TopicForm {
    /// Whether the topic is already stored (its id can no longer change).
    pub existing: bool,
    /// Start of the ids of this form's inputs: `topic-<id>` or `new-topic`.
    pub prefix: String,
    pub id: String,
    pub label_fr: String,
    pub label_en: String,
    pub pictogram: String,
    pub position: String,
    pub priority: bool,
    pub active: bool,
    pub pictos: Vec<Choice>,
    pub errors: Errors,
    /// The pictogram stored before (allowed even if it is not shipped, e.g. set by the API).
    pub stored_pictogram: Option<String>,
}

impl TopicForm {
    fn new(existing: bool, id: String) -> TopicForm {
        let prefix = if existing { format!("topic-{id}") } else { "new-topic".to_owned() };
        TopicForm {
            existing,
            prefix,
            id,
            label_fr: String::new(),
            label_en: String::new(),
            pictogram: String::new(),
            position: String::new(),
            priority: false,
            active: true,
            pictos: Vec::new(),
            errors: Errors::default(),
            stored_pictogram: None,
        }
    }

    fn from_topic(t: &Topic) -> TopicForm {
        TopicForm {
            label_fr: t.label_fr.clone(),
            label_en: t.label_en.clone(),
            pictogram: t.pictogram.clone(),
            position: t.position.to_string(),
            priority: t.priority,
            active: t.active,
            stored_pictogram: Some(t.pictogram.clone()),
            ..TopicForm::new(true, t.id.clone())
        }
    }

    /// What was sent: `id` comes from the address for a stored topic, from the form otherwise.
    fn from_data(existing: bool, id: String, data: &FormData) -> TopicForm {
        TopicForm {
            label_fr: data.text("label_fr").trim().to_owned(),
            label_en: data.text("label_en").trim().to_owned(),
            pictogram: data.text("pictogram").trim().to_owned(),
            position: data.text("position").trim().to_owned(),
            priority: data.checked("priority"),
            active: data.checked("active"),
            ..TopicForm::new(existing, id.trim().to_owned())
        }
    }

    /// The id of the input of `field` in this form.
    pub fn anchor(&self, field: &str) -> String {
        format!("{}-{field}", self.prefix)
    }

    /// The `aria-describedby` of the input of `field` when it has an error.
    pub fn error_id(&self, field: &str) -> String {
        format!("{}-{field}-error", self.prefix)
    }

    pub fn picto_src(&self) -> String {
        let known = pictogram_names();
        let name = if known.contains(&self.pictogram.as_str()) { self.pictogram.as_str() } else { "autre" };
        format!("/static/pictos/{name}.svg")
    }

    /// The pictogram choices, with the stored one kept even if it is not shipped.
    fn with_pictos(mut self) -> TopicForm {
        let mut names: Vec<String> = pictogram_names().into_iter().map(str::to_owned).collect();
        for extra in [Some(&self.pictogram), self.stored_pictogram.as_ref()].into_iter().flatten() {
            if !extra.is_empty() && !names.contains(extra) {
                names.push(extra.clone());
            }
        }
        self.pictos = names
            .into_iter()
            .map(|n| Choice { selected: n == self.pictogram, label: n.clone(), value: n })
            .collect();
        self
    }

    /// Checks what only the page knows, then builds the topic.
    fn topic(&self) -> Result<Topic, Vec<FieldError>> {
        let mut errors = Vec::new();
        let position = self.position.parse::<i64>().ok().filter(|p| (0..=100_000).contains(p));
        if position.is_none() {
            errors.push(FieldError::new("position", "error-position", "a whole number from 0 to 100000"));
        }
        let kept = self.stored_pictogram.as_ref() == Some(&self.pictogram);
        if !kept && !pictogram_names().contains(&self.pictogram.as_str()) {
            errors.push(FieldError::new("pictogram", "error-pictogram", "one of the pictograms in the list"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Topic {
            id: self.id.clone(),
            label_fr: self.label_fr.clone(),
            label_en: self.label_en.clone(),
            pictogram: self.pictogram.clone(),
            priority: self.priority,
            position: position.unwrap_or_default(),
            active: self.active,
        })
    }
}

#[derive(Template)]
#[template(path = "topics.html")]
struct TopicsPage<'a> {
    ctx: &'a PageCtx,
    rows: Vec<TopicForm>,
    new: TopicForm,
    /// The errors of the refused form, for the summary at the top.
    errors: Errors,
    notice: Option<String>,
}

/// The catalogue page; `refused` is a form sent back with its errors.
async fn topics_page(state: &AppState, ctx: &PageCtx, refused: Option<TopicForm>, notice: Option<String>) -> Result<Response, PageError> {
    let topics = state.store.topics(true).await?;
    let next_position = topics.iter().map(|t| t.position).max().map_or(0, |p| p + 1);
    let errors = refused.as_ref().map(|f| f.errors.clone()).unwrap_or_default();
    let mut refused = refused;
    let rows = topics
        .iter()
        .map(|t| match refused.take_if(|f| f.existing && f.id == t.id) {
            Some(f) => f.with_pictos(),
            None => TopicForm::from_topic(t).with_pictos(),
        })
        .collect();
    let new = match refused.take_if(|f| !f.existing) {
        Some(f) => f,
        None => TopicForm { position: next_position.to_string(), ..TopicForm::new(false, String::new()) },
    }
    .with_pictos();
    Ok(render(&TopicsPage { ctx, rows, new, errors, notice }))
}

pub async fn topics(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let result = async {
        session_for(&ctx, Action::EditTopics)?;
        let saved = FormData::parse(query.as_deref().unwrap_or_default()).get("avis") == Some("enregistre");
        let notice = saved.then(|| ctx.tr.t("topics-saved"));
        topics_page(&state, &ctx, None, notice).await
    }
    .await;
    finish(&ctx, result)
}

/// Saves one form through `actions::save_topic`; field errors go back to that form (422).
async fn save(state: &AppState, ctx: &PageCtx, form: TopicForm) -> Result<Response, PageError> {
    let refuse = |mut form: TopicForm, fields: &[FieldError]| {
        form.errors = Errors::from_fields(&ctx.tr, fields, |f| form.anchor(f));
        form
    };
    let topic = match form.topic() {
        Ok(t) => t,
        Err(fields) => {
            let form = refuse(form, &fields);
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, topics_page(state, ctx, Some(form), None).await?));
        }
    };
    match actions::save_topic(state, ctx.session.as_ref(), topic).await {
        Ok(t) => {
            tracing::info!(topic = %t.id, "topic saved");
            Ok(Redirect::to("/coordination/sujets?avis=enregistre").into_response())
        }
        Err(e) => match validation(&e) {
            Some(fields) => {
                let form = refuse(form, fields);
                Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, topics_page(state, ctx, Some(form), None).await?))
            }
            None => Err(e.into()),
        },
    }
}

/// Changes a stored topic.
pub async fn save_topic(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::EditTopics)?;
        ctx.check_csrf(data.csrf())?;
        let Some(stored) = state.store.topic(&id).await? else { return Err(PageError::NotFound) };
        let form = TopicForm { stored_pictogram: Some(stored.pictogram), ..TopicForm::from_data(true, id, &data) };
        save(&state, &ctx, form).await
    }
    .await;
    finish(&ctx, result)
}

/// Adds a topic; an id already in the catalogue is refused (the row above changes it).
pub async fn add_topic(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::EditTopics)?;
        ctx.check_csrf(data.csrf())?;
        let form = TopicForm::from_data(false, data.text("id"), &data);
        if !form.id.is_empty() && state.store.topic(&form.id).await?.is_some() {
            let taken = [FieldError::new("id", "error-topic-taken", "this topic already exists")];
            let form = TopicForm { errors: Errors::from_fields(&ctx.tr, &taken, |f| form.anchor(f)), ..form };
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, topics_page(&state, &ctx, Some(form), None).await?));
        }
        save(&state, &ctx, form).await
    }
    .await;
    finish(&ctx, result)
}

pub struct JournalRow {
    pub time: String,
    pub iso: String,
    pub who: String,
    pub request_id: i64,
    pub action: String,
}

#[derive(Template)]
#[template(path = "journal.html")]
struct JournalPage<'a> {
    ctx: &'a PageCtx,
    /// The request number as typed.
    request_id: String,
    /// The request shown, when one was chosen and is a number.
    filtered: Option<i64>,
    rows: Vec<JournalRow>,
    errors: Errors,
}

impl JournalPage<'_> {
    fn caption(&self) -> String {
        match self.filtered {
            Some(id) => self.ctx.tr.t1("journal-caption-request", "id", id),
            None => self.ctx.tr.t1("journal-caption-latest", "count", JOURNAL_LATEST),
        }
    }
}

pub async fn journal(State(state): State<AppState>, ctx: PageCtx, RawQuery(query): RawQuery) -> Response {
    let result = async {
        session_for(&ctx, Action::ViewAccessJournal)?;
        let tr = &ctx.tr;
        let query = FormData::parse(query.as_deref().unwrap_or_default());
        let typed = query.opt("request_id").unwrap_or_default();
        let filtered = typed.parse::<i64>().ok().filter(|id| *id > 0);
        if !typed.is_empty() && filtered.is_none() {
            let errors = Errors::one("request_id", "request_id", tr.t("error-request-number"));
            let page = JournalPage { ctx: &ctx, request_id: typed, filtered: None, rows: Vec::new(), errors };
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, render(&page)));
        }
        let rows = actions::access_journal(&state, ctx.session.as_ref(), filtered, JOURNAL_LATEST)
            .await?
            .into_iter()
            .map(|e| JournalRow {
                time: paris_time(e.at),
                iso: iso(e.at),
                who: e.user_name,
                request_id: e.request_id,
                action: match e.action.as_str() {
                    "claim" => tr.t("journal-action-claim"),
                    "view" => tr.t("journal-action-view"),
                    other => other.to_owned(),
                },
            })
            .collect();
        Ok(render(&JournalPage { ctx: &ctx, request_id: typed, filtered, rows, errors: Errors::default() }))
    }
    .await;
    finish(&ctx, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_offered_pictogram_is_shipped() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static/pictos");
        let names = pictogram_names();
        assert_eq!(names.len(), 15);
        for n in names {
            assert!(dir.join(format!("{n}.svg")).is_file(), "{n}.svg");
        }
    }

    #[test]
    fn a_sent_form_becomes_a_topic_or_field_errors() {
        let data = FormData::parse("id=+banque+&label_fr=Banque&label_en=Bank&pictogram=autre&position=12&priority=true");
        let form = TopicForm::from_data(false, data.text("id"), &data);
        assert_eq!(form.anchor("id"), "new-topic-id");
        assert_eq!(form.error_id("id"), "new-topic-id-error");
        let t = form.topic().unwrap();
        assert_eq!((t.id.as_str(), t.position, t.priority, t.active), ("banque", 12, true, false));

        let data = FormData::parse("label_fr=Imp%C3%B4ts&pictogram=inconnu&position=-1");
        let form = TopicForm::from_data(true, "impots".into(), &data);
        assert_eq!(form.anchor("position"), "topic-impots-position");
        let fields: Vec<_> = form.topic().unwrap_err().into_iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(fields, vec![("position".to_owned(), "error-position"), ("pictogram".to_owned(), "error-pictogram")]);
    }

    #[test]
    fn a_stored_pictogram_outside_the_list_stays_selected() {
        let t = Topic {
            id: "banque".into(),
            label_fr: "Banque".into(),
            label_en: "Bank".into(),
            pictogram: "banque".into(),
            priority: false,
            position: 3,
            active: true,
        };
        let form = TopicForm::from_topic(&t).with_pictos();
        assert_eq!(form.pictos.len(), 16);
        assert!(form.pictos.iter().any(|p| p.value == "banque" && p.selected));
        assert_eq!(form.picto_src(), "/static/pictos/autre.svg");
        assert_eq!(form.topic().unwrap().pictogram, "banque", "kept when saved again");
    }
}
