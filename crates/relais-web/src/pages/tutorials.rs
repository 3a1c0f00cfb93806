//! The public tutorial library: search (a plain GET form), browse by topic, a tutorial page
//! (print-friendly, language and easy-to-read switches), and the anonymous "did this help
//! you?" answer. Everything works without JavaScript.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, isolate, t_args, topic_label, FormData, TopicLabel};
use crate::api::tutorials::{list, page_url, pictogram_url, TutorialHitDto};
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::tutorials::Snapshot;
use askama::Template;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::sync::Arc;
use fluent_templates::fluent_bundle::FluentValue;
use relais_library::{Tutorial, Variant};
use serde::Deserialize;
use std::net::SocketAddr;

/// The library's language for an interface language.
pub fn library_lang(lang: Lang) -> relais_library::Lang {
    match lang {
        Lang::Fr => relais_library::Lang::Fr,
        Lang::En => relais_library::Lang::En,
        Lang::Ar => relais_library::Lang::Ar,
    }
}

/// The text alternative of a step pictogram (`picto-<name>`), or nothing when the
/// pictogram only decorates.
fn picto_alt(tr: &Tr, name: &str) -> String {
    let key = format!("picto-{name}");
    if tr.has(&key) { tr.t(&key) } else { String::new() }
}

pub struct TopicLink {
    pub topic: TopicLabel,
    pub href: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "tutorials.html")]
struct LibraryPage<'a> {
    ctx: &'a PageCtx,
    q: String,
    /// `None` without a search; the results otherwise (possibly empty).
    results: Option<Vec<TutorialHitDto>>,
    count_text: String,
    topics: Vec<TopicLink>,
    all: Vec<TutorialHitDto>,
}

#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    pub q: Option<String>,
}

async fn topic_links(state: &AppState, ctx: &PageCtx, snap: &Snapshot) -> Result<Vec<TopicLink>, PageError> {
    let topics = state.store.topics(true).await?;
    Ok(topics
        .iter()
        .filter_map(|t| {
            let count = snap.originals().filter(|x| x.topics.contains(&t.id)).count();
            (count > 0).then(|| TopicLink { topic: topic_label(&ctx.tr, &topics, &t.id), href: format!("/tutoriels/sujet/{}", t.id), count })
        })
        .collect())
}

pub async fn library(State(state): State<AppState>, ctx: PageCtx, Query(p): Query<SearchQuery>) -> Response {
    let result = async {
        let snap = state.tutorials.snapshot();
        let lang = library_lang(ctx.lang());
        let q: String = p.q.unwrap_or_default().trim().chars().take(200).collect();
        let results = (!q.is_empty()).then(|| list(&snap, Some(&q), Some(lang), None));
        let count_text = results
            .as_ref()
            .map(|r| t_args(&ctx.tr, "tutorials-results-count", &[("n", FluentValue::from(r.len()))]))
            .unwrap_or_default();
        let all = if results.is_none() { list(&snap, None, Some(lang), None) } else { Vec::new() };
        let topics = topic_links(&state, &ctx, &snap).await?;
        Ok(render(&LibraryPage { ctx: &ctx, q, results, count_text, topics, all }))
    }
    .await;
    finish(&ctx, result)
}

#[derive(Template)]
#[template(path = "tutorials_topic.html")]
struct TopicPage<'a> {
    ctx: &'a PageCtx,
    topic: TopicLabel,
    items: Vec<TutorialHitDto>,
}

pub async fn topic(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>) -> Response {
    let result = async {
        let topics = state.store.topics(true).await?;
        if !topics.iter().any(|t| t.id == id) {
            return Err(PageError::NotFound);
        }
        let snap = state.tutorials.snapshot();
        let items = list(&snap, None, Some(library_lang(ctx.lang())), Some(&id));
        Ok(render(&TopicPage { ctx: &ctx, topic: topic_label(&ctx.tr, &topics, &id), items }))
    }
    .await;
    finish(&ctx, result)
}

pub struct StepView {
    pub number: usize,
    pub picto: Option<(String, String)>,
    pub html: String,
}

pub struct VersionLink {
    pub label: String,
    pub href: String,
    pub lang: &'static str,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "tutorial.html")]
struct TutorialPage<'a> {
    ctx: &'a PageCtx,
    t: &'a Tutorial,
    /// `lang` and `dir` of the tutorial's text (it may differ from the interface's).
    text_lang: &'static str,
    text_dir: &'static str,
    fallback: bool,
    minutes: String,
    checked: String,
    checked_iso: String,
    steps: Vec<StepView>,
    related: Vec<(String, String)>,
    versions: Vec<VersionLink>,
    /// The link to the other French version (easy-to-read ↔ complete), if both exist.
    falc_switch: Option<(String, String)>,
    action: String,
}

#[derive(Debug, Deserialize)]
pub struct TutorialQuery {
    pub variant: Option<String>,
}

fn date_text(d: jiff::civil::Date) -> String {
    d.strftime("%d/%m/%Y").to_string()
}

fn tutorial_page(ctx: &PageCtx, snap: &Snapshot, slug: &str, falc: bool) -> Result<Response, PageError> {
    tutorial_page_html(ctx, snap, slug, falc).map(|html| Html(html).into_response())
}

fn tutorial_page_html(ctx: &PageCtx, snap: &Snapshot, slug: &str, falc: bool) -> Result<String, PageError> {
    let (t, fallback) = snap.pick(slug, library_lang(ctx.lang()), falc).ok_or(PageError::NotFound)?;
    let tr = &ctx.tr;
    let text_lang = t.lang().code();
    let text_dir = if t.variant == Variant::Ar { "rtl" } else { "ltr" };
    let steps = t
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepView {
            number: i + 1,
            // Only pictograms the content has (a missing file would be a broken image).
            picto: s
                .pictogram
                .as_deref()
                .filter(|p| crate::tutorials::shipped().pictogram(p).is_some())
                .map(|p| (pictogram_url(p), picto_alt(tr, p))),
            html: s.html.clone(),
        })
        .collect();
    let related = t
        .related
        .iter()
        .filter_map(|r| snap.pick(r, library_lang(ctx.lang()), false).map(|(rt, _)| (page_url(r), rt.title.clone())))
        .collect();
    let variants = snap.library.variants_of(slug);
    let versions = variants
        .iter()
        .filter(|v| !v.is_falc())
        .map(|v| {
            let code = v.lang().code();
            let name = Lang::from_code(code).map(|l| l.native_name()).unwrap_or(code);
            VersionLink { label: name.to_owned(), href: format!("{}?lang={code}", page_url(slug)), lang: code, current: *v == t.variant }
        })
        .collect();
    let falc_switch = match t.variant {
        Variant::Fr if variants.contains(&Variant::FrFalc) => Some((format!("{}?variant=falc", page_url(slug)), tr.t("tutorial-falc-link"))),
        Variant::FrFalc => Some((page_url(slug), tr.t("tutorial-standard-link"))),
        _ => None,
    };
    let page = TutorialPage {
        ctx,
        t,
        text_lang,
        text_dir,
        fallback,
        minutes: t_args(tr, "tutorials-minutes", &[("n", FluentValue::from(t.duration_minutes))]),
        checked: tr.t1("tutorial-checked", "date", isolate(tr, &date_text(t.checked_on))),
        checked_iso: t.checked_on.to_string(),
        steps,
        related,
        versions,
        falc_switch,
        action: format!("{}/avis", page_url(slug)),
    };
    page.render().map_err(|e| {
        tracing::error!(error = %e, "template rendering failed");
        PageError::Internal
    })
}

/// Stands for the visitor's CSRF token in a cached page: no token (URL-safe base64) and no
/// page text contains `@`.
const CSRF_SLOT: &str = "@@relais-csrf-slot@@";

pub async fn tutorial(State(state): State<AppState>, ctx: PageCtx, Path(slug): Path<String>, Query(q): Query<TutorialQuery>) -> Response {
    let falc = q.variant.as_deref() == Some("falc");
    let snap = state.tutorials.snapshot();
    if ctx.session.is_some() {
        return finish(&ctx, tutorial_page(&ctx, &snap, &slug, falc));
    }
    // The public side of the library is read far more than it changes: the page of a
    // visitor who is not signed in depends only on the tutorial, the language and the path,
    // and on the visitor's CSRF token in the feedback form. It is rendered once per snapshot
    // with a placeholder, then served with the token put in.
    let key = format!("{}|{}|{}", ctx.lang().code(), ctx.path, falc);
    let cached = snap.anonymous_pages.lock().ok().and_then(|m| m.get(&key).cloned());
    let html = match cached {
        Some(html) => html,
        None => {
            let template_ctx = PageCtx {
                tr: ctx.tr,
                session: None,
                csrf: CSRF_SLOT.to_owned(),
                path: ctx.path.clone(),
                // Only the variant is part of the cache key: other query pairs are not kept
                // in the cached page's language links.
                query: if falc { "variant=falc".to_owned() } else { String::new() },
                line_phone: ctx.line_phone.clone(),
                line_hours: ctx.line_hours.clone(),
            };
            let html = match tutorial_page_html(&template_ctx, &snap, &slug, falc) {
                Ok(html) => Arc::new(crate::tutorials::CachedPage::new(&html, CSRF_SLOT)),
                Err(e) => return finish(&ctx, Err(e)),
            };
            if let Ok(mut m) = snap.anonymous_pages.lock() {
                m.insert(key, html.clone());
            }
            html
        }
    };
    Html(html.with(&ctx.csrf)).into_response()
}

#[derive(Template)]
#[template(path = "tutorial_thanks.html")]
struct ThanksPage<'a> {
    ctx: &'a PageCtx,
    back: String,
    title: String,
}

/// "Cela m'a aidé / Cela ne m'a pas aidé": one anonymous count, then "Merci". Nothing about
/// the person is kept (no account, no address, no time per answer).
pub async fn feedback(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    ctx: PageCtx,
    Path(slug): Path<String>,
    data: FormData,
) -> Response {
    let result = async {
        super::public::guard(&ctx, &data, state.lookup_limiter.as_deref(), addr)?;
        let helped = match data.get("answer") {
            Some("yes") => true,
            Some("no") => false,
            _ => return Err(PageError::Conflict("feedback_answer".into())),
        };
        let snap = state.tutorials.snapshot();
        let variant = data.get("variant").and_then(Variant::from_code).unwrap_or(Variant::Fr);
        let t = snap.get(&slug, variant).ok_or(PageError::NotFound)?;
        state.store.record_tutorial_feedback(&t.slug, t.variant.code(), helped).await?;
        let back = if t.variant == Variant::FrFalc { format!("{}?variant=falc", page_url(&slug)) } else { page_url(&slug) };
        Ok(render(&ThanksPage { ctx: &ctx, back, title: t.title.clone() }))
    }
    .await;
    finish(&ctx, result)
}

/// A step pictogram from the shipped content.
pub async fn pictogram(Path(file): Path<String>) -> Response {
    let Some(svg) = file.strip_suffix(".svg").and_then(|name| crate::tutorials::shipped().pictogram(name)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut res = svg.to_vec().into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    res
}

/// `/tutoriels/` with a trailing slash goes to the library.
pub async fn library_slash() -> Redirect {
    Redirect::permanent("/tutoriels")
}
