//! Editing tutorials (administrators, and coordinators with the tutorial-editor right):
//! the list with the "not checked for 6 months" flag and the feedback counts, the editor
//! (source, preview, errors with their line, publish), the history and restoring an older
//! revision, and new translations or easy-to-read versions. Every publish is a revision
//! with its author and time (the journal of edits).

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, session_for, t_args, with_status, FormData};
use crate::api::tutorials::pictogram_url;
use crate::state::AppState;
use crate::tutorials::is_stale;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_templates::fluent_bundle::FluentValue;
use relais_domain::authz::Action;
use relais_library::check::{check_tutorial, Context};
use relais_library::{Tutorial, Variant};
use std::collections::BTreeSet;

pub struct EditorRow {
    pub slug: String,
    pub title: String,
    /// (variant code, edit link, checked on, stale).
    pub versions: Vec<(String, String, String, bool)>,
    pub missing: Vec<(String, String)>,
    pub stale: bool,
    pub helped: i64,
    pub not_helped: i64,
}

#[derive(Template)]
#[template(path = "tutorial_editor_list.html")]
struct ListPage<'a> {
    ctx: &'a PageCtx,
    stale_text: String,
    rows: Vec<EditorRow>,
}

/// Today in Europe/Paris.
fn today() -> jiff::civil::Date {
    let tz = jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned_datetime(tz).date()
}

fn edit_href(slug: &str, v: Variant) -> String {
    format!("/coordination/tutoriels/{slug}/{}", v.code())
}

pub async fn list(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        session_for(&ctx, Action::EditTutorials)?;
        let snap = state.tutorials.snapshot();
        let feedback = state.store.tutorial_feedback().await?;
        let today = today();
        let mut stale_count = 0;
        let rows: Vec<EditorRow> = snap
            .originals()
            .map(|fr| {
                let variants = snap.library.variants_of(&fr.slug);
                let versions: Vec<(String, String, String, bool)> = variants
                    .iter()
                    .filter_map(|v| snap.get(&fr.slug, *v))
                    .map(|t| {
                        let stale = is_stale(t.checked_on, today);
                        if stale {
                            stale_count += 1;
                        }
                        (t.variant.code().to_owned(), edit_href(&t.slug, t.variant), t.checked_on.to_string(), stale)
                    })
                    .collect();
                let missing = Variant::ALL
                    .into_iter()
                    .filter(|v| !variants.contains(v))
                    .map(|v| (v.code().to_owned(), edit_href(&fr.slug, v)))
                    .collect();
                let (helped, not_helped) = feedback
                    .iter()
                    .filter(|(s, _, _)| *s == fr.slug)
                    .fold((0, 0), |(h, n), (_, _, c)| (h + c.helped, n + c.not_helped));
                EditorRow {
                    stale: versions.iter().any(|v| v.3),
                    slug: fr.slug.clone(),
                    title: fr.title.clone(),
                    versions,
                    missing,
                    helped,
                    not_helped,
                }
            })
            .collect();
        let stale_text = t_args(&ctx.tr, "editor-stale-count", &[("n", FluentValue::from(stale_count))]);
        Ok(render(&ListPage { ctx: &ctx, stale_text, rows }))
    }
    .await;
    finish(&ctx, result)
}

pub struct ShownProblem {
    pub line: Option<usize>,
    pub message: String,
}

pub struct RevisionRow {
    pub id: i64,
    pub when: String,
    pub author: String,
    pub kind: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "tutorial_editor.html")]
struct EditPage<'a> {
    ctx: &'a PageCtx,
    heading: String,
    action: String,
    source: String,
    problems: Vec<ShownProblem>,
    notice: Option<String>,
    preview: Option<Tutorial>,
    history: Vec<RevisionRow>,
}

fn variant_of(code: &str) -> Result<Variant, PageError> {
    Variant::from_code(code).ok_or(PageError::NotFound)
}

/// The problems of a text, located by line: the parser's, then the content rules' (those
/// about this one file; the rules about the whole library are for the shipped content).
pub fn problems_of(state: &AppState, ctx: &PageCtx, slug: &str, variant: Variant, source: &str) -> Result<Tutorial, Vec<ShownProblem>> {
    let tr = &ctx.tr;
    let t = match relais_library::parse(slug, variant, source) {
        Ok(t) => t,
        Err(e) => {
            let key = format!("content-error-{}", e.code.code());
            let message = if tr.has(&key) { tr.t(&key) } else { e.detail.clone() };
            return Err(vec![ShownProblem { line: Some(e.line), message: format!("{message} ({})", e.detail) }]);
        }
    };
    let snap = state.tutorials.snapshot();
    let others: Vec<&Tutorial> = snap.library.tutorials().filter(|x| !(x.slug == slug && x.variant == variant)).chain([&t]).collect();
    let shipped = crate::tutorials::shipped();
    let pictograms: Option<BTreeSet<&str>> = shipped.has_pictograms().then(|| shipped.pictogram_names().collect());
    let context = Context::new(&others, pictograms);
    let problems: Vec<ShownProblem> = check_tutorial(&t, &context)
        .into_iter()
        .map(|p| {
            let key = format!("content-rule-{}", p.rule.code());
            let message = if tr.has(&key) { tr.t(&key) } else { tr.t("content-rule-other") };
            ShownProblem { line: p.line, message: format!("{message} ({})", p.detail) }
        })
        .collect();
    if problems.is_empty() { Ok(t) } else { Err(problems) }
}

async fn history(state: &AppState, ctx: &PageCtx, slug: &str, variant: Variant) -> Result<Vec<RevisionRow>, PageError> {
    let current = state.store.published_tutorial(slug, variant.code()).await?.map(|p| p.revision_id);
    Ok(state
        .store
        .tutorial_revisions(slug, variant.code())
        .await?
        .into_iter()
        .map(|r| RevisionRow {
            id: r.id,
            when: crate::actions::paris_time(r.created_at),
            author: r.author_name.unwrap_or_else(|| ctx.tr.t("editor-shipped")),
            kind: if r.published_at.is_some() { ctx.tr.t("editor-current") } else { ctx.tr.t("editor-not-published") },
            current: Some(r.id) == current,
        })
        .collect())
}

#[allow(clippy::too_many_arguments)]
async fn edit_page(
    state: &AppState,
    ctx: &PageCtx,
    slug: &str,
    variant: Variant,
    source: String,
    problems: Vec<ShownProblem>,
    notice: Option<String>,
    preview: Option<Tutorial>,
) -> Result<Response, PageError> {
    let snap = state.tutorials.snapshot();
    let label = ctx.tr.t(&format!("variant-{}", variant.code()));
    let tr = &ctx.tr;
    let heading = match snap.get(slug, variant) {
        Some(t) => t_args(tr, "editor-edit-title", &[("title", FluentValue::from(t.title.clone())), ("variant", FluentValue::from(label))]),
        None => t_args(tr, "editor-new-title", &[("slug", FluentValue::from(slug.to_owned())), ("variant", FluentValue::from(label))]),
    };
    let history = history(state, ctx, slug, variant).await?;
    Ok(render(&EditPage { ctx, heading, action: edit_href(slug, variant), source, problems, notice, preview, history }))
}

pub async fn edit(State(state): State<AppState>, ctx: PageCtx, Path((slug, code)): Path<(String, String)>, RawQuery(q): RawQuery) -> Response {
    let result = async {
        session_for(&ctx, Action::EditTutorials)?;
        let variant = variant_of(&code)?;
        let snap = state.tutorials.snapshot();
        // A new translation or easy-to-read version starts from the French original.
        let source = match (snap.get(&slug, variant), snap.get(&slug, Variant::Fr)) {
            (Some(t), _) => t.source.clone(),
            (None, Some(fr)) => fr.source.clone(),
            (None, None) => return Err(PageError::NotFound),
        };
        let notice = q.as_deref().and_then(|q| {
            q.split('&').find_map(|kv| match kv {
                "avis=publie" => Some(ctx.tr.t("editor-published")),
                "avis=restauree" => Some(ctx.tr.t("editor-restored")),
                _ => None,
            })
        });
        edit_page(&state, &ctx, &slug, variant, source, Vec::new(), notice, None).await
    }
    .await;
    finish(&ctx, result)
}

/// Preview or publish. A text with problems is shown again with them, and nothing is
/// published.
pub async fn submit(State(state): State<AppState>, ctx: PageCtx, Path((slug, code)): Path<(String, String)>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::EditTutorials)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let variant = variant_of(&code)?;
        if state.tutorials.snapshot().get(&slug, Variant::Fr).is_none() && variant != Variant::Fr {
            return Err(PageError::NotFound);
        }
        // Browsers send CRLF line ends from a textarea; the files use LF.
        let source = data.text("source").replace("\r\n", "\n");
        match problems_of(&state, &ctx, &slug, variant, &source) {
            Err(problems) => {
                let page = edit_page(&state, &ctx, &slug, variant, source, problems, Some(ctx.tr.t("editor-errors")), None).await?;
                Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
            }
            Ok(t) if data.get("do") == Some("publish") => {
                let rev = state.store.publish_tutorial(&slug, variant.code(), &t.source, me, crate::now_ms()).await?;
                tracing::info!(slug = %slug, variant = variant.code(), revision = rev.id, by = me, "tutorial published");
                state.tutorials.rebuild(&state.store).await?;
                Ok(Redirect::to(&format!("{}?avis=publie", edit_href(&slug, variant))).into_response())
            }
            Ok(t) => edit_page(&state, &ctx, &slug, variant, source, Vec::new(), None, Some(t)).await,
        }
    }
    .await;
    finish(&ctx, result)
}

pub async fn restore(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::EditTutorials)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let old = state.store.tutorial_revision(id).await?;
        let variant = variant_of(&old.variant)?;
        // An old text may break a rule added since: it is checked like a new one.
        if let Err(problems) = problems_of(&state, &ctx, &old.slug, variant, &old.source) {
            let page = edit_page(&state, &ctx, &old.slug, variant, old.source.clone(), problems, Some(ctx.tr.t("editor-errors")), None).await?;
            return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page));
        }
        let rev = state.store.restore_tutorial_revision(id, me, crate::now_ms()).await?;
        tracing::info!(slug = %rev.slug, variant = %rev.variant, revision = rev.id, from = id, by = me, "tutorial revision restored");
        state.tutorials.rebuild(&state.store).await?;
        Ok(Redirect::to(&format!("{}?avis=restauree", edit_href(&rev.slug, variant))).into_response())
    }
    .await;
    finish(&ctx, result)
}

/// The preview's step pictogram path (the template shows the steps as the page would).
pub fn preview_picto(name: &str) -> String {
    pictogram_url(name)
}
