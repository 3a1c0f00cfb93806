//! The tutorial library as JSON: search (ranked) or the catalogue, and one tutorial in its
//! structured form. Public: no sign-in.

use crate::error::{ApiError, Problem};
use crate::state::AppState;
use crate::tutorials::Snapshot;
use axum::extract::{Path, Query, State};
use axum::Json;
use relais_library::{Lang, Tutorial, Variant};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// At most this many results for a search.
pub const SEARCH_LIMIT: usize = 20;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SearchParams {
    /// The need in the person's own words; without it, the whole catalogue.
    pub q: Option<String>,
    /// `fr`, `en` or `ar`: titles in this language when a translation exists.
    pub lang: Option<String>,
    /// A topic id of the catalogue.
    pub topic: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TutorialHitDto {
    pub slug: String,
    pub title: String,
    /// Path of the public page.
    pub url: String,
    pub topics: Vec<String>,
    /// Versions that exist: `fr`, `fr-falc`, `en`, `ar`.
    pub languages: Vec<String>,
    /// Relevance (higher is better); 0 for the catalogue.
    pub score: f32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StepDto {
    pub number: usize,
    pub pictogram: Option<String>,
    pub pictogram_url: Option<String>,
    /// Markdown inline text of the step.
    pub text: String,
    /// Safe HTML of the step (escaped text, emphasis, https links).
    pub html: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TroubleDto {
    pub situation: String,
    pub remedy: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TutorialDto {
    pub slug: String,
    /// The version shown: `fr`, `fr-falc`, `en` or `ar`.
    pub variant: String,
    pub lang: String,
    /// True when the asked language has no version and this is the French original.
    pub fallback: bool,
    pub title: String,
    pub summary: String,
    pub topics: Vec<String>,
    pub needs: Vec<String>,
    pub duration_minutes: u32,
    /// The official site, by its domain.
    pub official_site: String,
    /// `YYYY-MM-DD`: the day the steps were last checked.
    pub checked_on: String,
    pub steps: Vec<StepDto>,
    pub troubleshooting: Vec<TroubleDto>,
    pub related: Vec<String>,
    pub languages: Vec<String>,
    pub url: String,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct TutorialParams {
    /// `fr`, `en` or `ar` (French when absent or when no translation exists).
    pub lang: Option<String>,
    /// `falc` for the easy-to-read French version.
    pub variant: Option<String>,
}

fn lang_of(code: Option<&str>) -> Result<Option<Lang>, ApiError> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(c) => Lang::from_code(c).map(Some).ok_or_else(|| ApiError::field("lang", "error-invalid", "fr, en or ar")),
    }
}

pub fn page_url(slug: &str) -> String {
    format!("/tutoriels/{slug}")
}

pub fn pictogram_url(name: &str) -> String {
    format!("/pictogrammes/{name}.svg")
}

fn languages(snap: &Snapshot, slug: &str) -> Vec<String> {
    snap.library.variants_of(slug).into_iter().map(|v| v.code().to_owned()).collect()
}

/// The title to list a tutorial under in `lang`.
fn hit(snap: &Snapshot, fr: &Tutorial, lang: Lang, score: f32) -> TutorialHitDto {
    let shown = snap.pick(&fr.slug, lang, false).map(|(t, _)| t).unwrap_or(fr);
    TutorialHitDto {
        slug: fr.slug.clone(),
        title: shown.title.clone(),
        url: page_url(&fr.slug),
        topics: fr.topics.clone(),
        languages: languages(snap, &fr.slug),
        score,
    }
}

/// Search results (ranked) or, without `q`, the catalogue (French titles' order).
pub fn list(snap: &Snapshot, q: Option<&str>, lang: Option<Lang>, topic: Option<&str>) -> Vec<TutorialHitDto> {
    let shown_lang = lang.unwrap_or(Lang::Fr);
    match q.map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => snap
            .search(q, lang, topic, SEARCH_LIMIT)
            .into_iter()
            .filter_map(|f| snap.get(&f.slug, Variant::Fr).map(|fr| hit(snap, fr, shown_lang, f.score)))
            .collect(),
        None => {
            let mut all: Vec<TutorialHitDto> = snap
                .originals()
                .filter(|t| topic.is_none_or(|id| t.topics.iter().any(|x| x == id)))
                .map(|fr| hit(snap, fr, shown_lang, 0.0))
                .collect();
            all.sort_by(|a, b| a.title.cmp(&b.title));
            all
        }
    }
}

/// Finds tutorials from the words people use (accents, typos, old names, whole sentences), or
/// lists them all.
#[utoipa::path(get, path = "/api/v1/tutorials", tag = "tutorials", params(SearchParams),
    responses((status = 200, body = [TutorialHitDto]), (status = 422, body = Problem)))]
pub async fn search(State(state): State<AppState>, Query(p): Query<SearchParams>) -> Result<Json<Vec<TutorialHitDto>>, ApiError> {
    let lang = lang_of(p.lang.as_deref())?;
    if let Some(q) = &p.q
        && q.chars().count() > 200
    {
        return Err(ApiError::field("q", "error-too-long", "at most 200 characters"));
    }
    let topic = p.topic.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let snap = state.tutorials.snapshot();
    Ok(Json(list(&snap, p.q.as_deref(), lang, topic)))
}

pub fn dto(snap: &Snapshot, t: &Tutorial, fallback: bool) -> TutorialDto {
    TutorialDto {
        slug: t.slug.clone(),
        variant: t.variant.code().to_owned(),
        lang: t.lang().code().to_owned(),
        fallback,
        title: t.title.clone(),
        summary: t.summary.clone(),
        topics: t.topics.clone(),
        needs: t.needs.clone(),
        duration_minutes: t.duration_minutes,
        official_site: t.official_site.clone(),
        checked_on: t.checked_on.to_string(),
        steps: t
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| StepDto {
                number: i + 1,
                pictogram_url: s.pictogram.as_deref().map(pictogram_url),
                pictogram: s.pictogram.clone(),
                text: s.text.clone(),
                html: s.html.clone(),
            })
            .collect(),
        troubleshooting: t.troubleshooting.iter().map(|n| TroubleDto { situation: n.situation.clone(), remedy: n.remedy.clone() }).collect(),
        related: t.related.clone(),
        languages: languages(snap, &t.slug),
        url: page_url(&t.slug),
    }
}

/// One tutorial, structured: in the asked language when it exists, else the French original.
#[utoipa::path(get, path = "/api/v1/tutorials/{slug}", tag = "tutorials", params(("slug" = String, Path), TutorialParams),
    responses((status = 200, body = TutorialDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn get_one(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(p): Query<TutorialParams>,
) -> Result<Json<TutorialDto>, ApiError> {
    let lang = lang_of(p.lang.as_deref())?.unwrap_or(Lang::Fr);
    let falc = match p.variant.as_deref().map(str::trim) {
        None | Some("") => false,
        Some("falc") | Some("fr-falc") => true,
        Some(_) => return Err(ApiError::field("variant", "error-invalid", "falc or nothing")),
    };
    let snap = state.tutorials.snapshot();
    let (t, fallback) = snap.pick(&slug, lang, falc).ok_or(ApiError::NotFound)?;
    Ok(Json(dto(&snap, t, fallback)))
}
