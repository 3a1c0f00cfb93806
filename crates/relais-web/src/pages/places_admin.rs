//! The coordinators' directory of places (`/coordination/lieux`): the list (filter by name
//! or commune, flags: closed, archived, not checked for a year), creating and editing a
//! place (the schema's fields, checked by `relais_directory::editing::apply_edit`, errors
//! tied to their field in the user's language), closing it until a date, reopening,
//! archiving, restoring, and "checked today". Every action needs `Action::ManagePlaces`.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, isolate, session_for, t_args, with_status, Errors, FormData};
use crate::i18n::Tr;
use crate::now_ms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_templates::fluent_bundle::FluentValue;
use relais_directory::communes::fold;
use relais_directory::editing::{self, FieldProblem};
use relais_directory::vocab;
use relais_directory::Place;
use relais_domain::authz::Action;
use relais_store::place_admin::PlaceRecord;
use serde::Deserialize;
use std::collections::HashMap;

/// Places per page of the list.
pub const PAGE_SIZE: usize = 50;

/// A date `YYYY-MM-DD` as people read it (`24/12/2026`), kept left-to-right on Arabic pages.
pub fn date_text(tr: &Tr, iso: &str) -> String {
    let shown = match iso.parse::<jiff::civil::Date>() {
        Ok(d) => d.strftime("%d/%m/%Y").to_string(),
        Err(_) => iso.to_string(),
    };
    isolate(tr, &shown)
}

fn ms_date_text(tr: &Tr, ms: i64) -> String {
    date_text(tr, &editing::paris_today(ms).to_string())
}

/// Percent-encodes a place id for a path segment.
pub fn id_path(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

// ---------------------------------------------------------------- list

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pub q: Option<String>,
    pub flag: Option<String>,
    pub page: Option<String>,
}

pub struct LineView {
    pub href: String,
    pub nom: String,
    pub commune: String,
    pub status: String,
    pub checked: String,
    pub stale: bool,
}

pub struct FlagOpt {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "places_admin_list.html")]
struct ListPage<'a> {
    ctx: &'a PageCtx,
    q: String,
    flags: Vec<FlagOpt>,
    lines: Vec<LineView>,
    count_text: String,
    stale_text: String,
    prev_href: Option<String>,
    next_href: Option<String>,
    page_text: String,
    notice: Option<String>,
}

const FLAGS: &[&str] = &["", "stale", "closed", "archived", "all"];

pub async fn list(State(state): State<AppState>, ctx: PageCtx, Query(lq): Query<ListQuery>) -> Response {
    let result = async {
        session_for(&ctx, Action::ManagePlaces)?;
        let tr = &ctx.tr;
        let now = now_ms();
        let today = editing::paris_today(now);
        let q: String = lq.q.as_deref().unwrap_or("").trim().chars().take(200).collect();
        let flag = FLAGS.iter().copied().find(|f| Some(*f) == lq.flag.as_deref()).unwrap_or("");
        let page: usize = lq.page.as_deref().and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1);
        let folded = fold(&q);
        let all = state.store.place_lines().await?;
        let closed = |l: &relais_store::place_admin::PlaceLine| l.closed_until.as_deref().is_some_and(|d| editing::closure_in_effect(d, today));
        let stale_count = all.iter().filter(|l| l.archived_at.is_none() && editing::is_stale(l.checked_at, now)).count();
        let matching: Vec<_> = all
            .into_iter()
            .filter(|l| folded.is_empty() || fold(&l.nom).contains(&folded) || fold(&l.commune).contains(&folded) || l.code_postal.starts_with(&q))
            .filter(|l| match flag {
                "" => l.archived_at.is_none(),
                "stale" => l.archived_at.is_none() && editing::is_stale(l.checked_at, now),
                "closed" => l.archived_at.is_none() && closed(l),
                "archived" => l.archived_at.is_some(),
                _ => true,
            })
            .collect();
        let total = matching.len();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = page.min(pages);
        let lines = matching
            .iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .map(|l| {
                let status = if l.archived_at.is_some() {
                    tr.t("places-admin-status-archived")
                } else if closed(l) {
                    tr.t1("places-closed-until", "date", date_text(tr, l.closed_until.as_deref().unwrap_or("")))
                } else {
                    tr.t("places-admin-status-open")
                };
                LineView {
                    href: format!("/coordination/lieux/{}", id_path(&l.id)),
                    nom: l.nom.clone(),
                    commune: format!("{} {}", l.code_postal, l.commune),
                    status,
                    checked: ms_date_text(tr, l.checked_at),
                    stale: l.archived_at.is_none() && editing::is_stale(l.checked_at, now),
                }
            })
            .collect();
        let link = |p: usize| {
            let mut parts = vec![format!("page={p}")];
            if !q.is_empty() {
                parts.push(format!("q={}", id_path(&q)));
            }
            if !flag.is_empty() {
                parts.push(format!("flag={flag}"));
            }
            format!("/coordination/lieux?{}", parts.join("&"))
        };
        let page_text = t_args(tr, "places-admin-page", &[("page", FluentValue::from(page as i64)), ("pages", FluentValue::from(pages as i64))]);
        let flags = FLAGS
            .iter()
            .map(|f| FlagOpt { value: f, label: tr.t(&format!("places-admin-flag-{}", if f.is_empty() { "active" } else { f })), selected: *f == flag })
            .collect();
        Ok(render(&ListPage {
            ctx: &ctx,
            flags,
            lines,
            count_text: tr.tn("places-admin-count", "n", total as i64),
            stale_text: tr.tn("places-admin-stale-count", "n", stale_count as i64),
            prev_href: (page > 1).then(|| link(page - 1)),
            next_href: (page < pages).then(|| link(page + 1)),
            page_text,
            notice: None,
            q,
        }))
    }
    .await;
    finish(&ctx, result)
}

// ---------------------------------------------------------------- the form

/// One text input of the form.
pub struct TextField {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub multiline: bool,
    /// `lang`/`dir` hint for values that are codes (hours, phone, links).
    pub ltr: bool,
    pub inputmode: &'static str,
}

pub struct Choice {
    pub id: String,
    pub value: String,
    pub label: String,
    /// The label is the schema's French value (shown as such on other languages' pages).
    pub french: bool,
    pub checked: bool,
}

pub struct ChoiceGroup {
    pub name: &'static str,
    pub legend: String,
    pub choices: Vec<Choice>,
}

pub struct StatusView {
    pub closed: Option<String>,
    pub closure_reason: Option<String>,
    pub archived: bool,
    pub checked: String,
    pub stale: bool,
    pub today: String,
    pub closed_until_value: String,
    pub closure_reason_value: String,
}

#[derive(Template)]
#[template(path = "place_edit.html")]
struct EditPage<'a> {
    ctx: &'a PageCtx,
    title: String,
    action: String,
    base: String,
    texts: Vec<TextField>,
    groups: Vec<ChoiceGroup>,
    errors: Errors,
    status: Option<StatusView>,
    notice: Option<String>,
    public_href: Option<String>,
}

/// The text fields of the form, in order, and whether each is multi-valued (`|` in the
/// schema, one per line in the form).
const TEXTS: &[(&str, bool)] = &[
    ("nom", false),
    ("pivot", false),
    ("adresse", false),
    ("complement_adresse", false),
    ("code_postal", false),
    ("commune", false),
    ("code_insee", false),
    ("latitude", false),
    ("longitude", false),
    ("horaires", false),
    ("telephone", false),
    ("courriels", true),
    ("site_web", true),
    ("prise_rdv", false),
    ("presentation_resume", false),
    ("presentation_detail", false),
    ("fiche_acces_libre", false),
];

const GROUPS: &[&str] = &[
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "modalites_acces",
    "modalites_accompagnement",
];

fn choice_label(tr: &Tr, field: &str, i: usize, value: &str) -> (String, bool) {
    let key = match field {
        "services" => format!("places-service-{i}"),
        "frais_a_charge" => format!("places-fee-{i}"),
        "prise_en_charge_specifique" => format!("places-specific-{i}"),
        "publics_specifiquement_adresses" => format!("places-public-{i}"),
        "modalites_acces" => format!("places-access-{i}"),
        "modalites_accompagnement" => format!("places-support-{i}"),
        _ => String::new(),
    };
    if !key.is_empty() && tr.has(&key) { (tr.t(&key), false) } else { (value.to_string(), tr.lang.code() != "fr") }
}

/// The form's values: from what was sent, or from the place.
fn values_of(place: &Place, sent: Option<&FormData>) -> HashMap<String, String> {
    match sent {
        Some(d) => form_map(d),
        None => editing::row_of(place),
    }
}

/// The form as the editing rules read it: multi-line and repeated fields `|`-joined.
fn form_map(d: &FormData) -> HashMap<String, String> {
    let mut m = HashMap::new();
    for (name, multi) in TEXTS {
        let v = d.text(name);
        let v = if *multi {
            v.split(['\n', ',', ';', ' ']).map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("|")
        } else if *name == "presentation_detail" {
            v.replace("\r\n", "\n")
        } else {
            v.replace(['\r', '\n'], " ")
        };
        m.insert(name.to_string(), v);
    }
    for g in GROUPS {
        m.insert(g.to_string(), d.all(g).join("|"));
    }
    m
}

fn error_message(tr: &Tr, p: &FieldProblem) -> String {
    let field = tr.t(&format!("places-admin-field-{}", p.field.replace('_', "-")));
    let specific = format!("places-admin-error-{}-{}", p.code.replace('_', "-"), p.field.replace('_', "-"));
    let args = [("field", FluentValue::from(field)), ("detail", FluentValue::from(isolate(tr, &p.detail)))];
    // `Tr::has` looks a message up without arguments, which fails for these: ask with them.
    let exists = {
        use fluent_templates::Loader;
        let map: HashMap<std::borrow::Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (std::borrow::Cow::Borrowed(*k), v.clone())).collect();
        let lang: unic_langid::LanguageIdentifier = tr.lang.code().parse().unwrap_or_default();
        crate::i18n::LOCALES.try_lookup_with_args(&lang, &specific, &map).is_some()
    };
    let key = if exists { specific } else { format!("places-admin-error-{}", p.code.replace('_', "-")) };
    t_args(tr, &key, &args)
}

fn anchor(field: &str) -> String {
    format!("f-{}", field.replace('_', "-"))
}

pub fn errors_of(tr: &Tr, problems: &[FieldProblem]) -> Errors {
    let mut e = Errors::default();
    for p in problems {
        e.push(&p.field, &anchor(&p.field), error_message(tr, p));
    }
    e
}

fn form_view(tr: &Tr, values: &HashMap<String, String>) -> (Vec<TextField>, Vec<ChoiceGroup>) {
    let texts = TEXTS
        .iter()
        .map(|(name, multi)| {
            let key = name.replace('_', "-");
            let hint_key = format!("places-admin-hint-{key}");
            let raw = values.get(*name).cloned().unwrap_or_default();
            TextField {
                name,
                label: tr.t(&format!("places-admin-field-{key}")) + if relais_directory::model::REQUIRED.contains(name) { " *" } else { "" },
                hint: tr.has(&hint_key).then(|| tr.t(&hint_key)),
                value: if *multi { raw.split('|').collect::<Vec<_>>().join("\n") } else { raw },
                multiline: *multi || *name == "presentation_detail",
                ltr: matches!(*name, "horaires" | "telephone" | "courriels" | "site_web" | "prise_rdv" | "fiche_acces_libre" | "latitude" | "longitude" | "pivot" | "code_postal" | "code_insee"),
                inputmode: match *name {
                    "code_postal" | "pivot" => "numeric",
                    "latitude" | "longitude" => "decimal",
                    "telephone" => "tel",
                    _ => "text",
                },
            }
        })
        .collect();
    let groups = GROUPS
        .iter()
        .map(|g| {
            let chosen: Vec<&str> = values.get(*g).map(|v| v.split('|').collect()).unwrap_or_default();
            let choices = vocab::of_field(g)
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let (label, french) = choice_label(tr, g, i, v);
                    Choice { id: format!("{}-{i}", anchor(g)), value: v.to_string(), label, french, checked: chosen.contains(v) }
                })
                .collect();
            ChoiceGroup { name: g, legend: tr.t(&format!("places-admin-field-{}", g.replace('_', "-"))), choices }
        })
        .collect();
    (texts, groups)
}

fn status_view(tr: &Tr, rec: &PlaceRecord, sent: Option<&FormData>) -> StatusView {
    let now = now_ms();
    let today = editing::paris_today(now);
    let closed = rec.closed_until.as_deref().filter(|d| editing::closure_in_effect(d, today));
    let checked = match &rec.checked_by {
        Some(who) => t_args(tr, "places-admin-checked-by", &[("date", FluentValue::from(ms_date_text(tr, rec.checked_at))), ("who", FluentValue::from(who.clone()))]),
        None => tr.t1("places-admin-checked-on", "date", ms_date_text(tr, rec.checked_at)),
    };
    StatusView {
        closed: closed.map(|d| tr.t1("places-closed-until", "date", date_text(tr, d))),
        closure_reason: closed.and(rec.closure_reason.clone()),
        archived: rec.archived_at.is_some(),
        checked,
        stale: editing::is_stale(rec.checked_at, now),
        today: today.to_string(),
        closed_until_value: sent.map(|d| d.text("closed_until")).unwrap_or_default(),
        closure_reason_value: sent.map(|d| d.text("closure_reason")).unwrap_or_default(),
    }
}

struct Shown<'a> {
    record: Option<&'a PlaceRecord>,
    values: HashMap<String, String>,
    errors: Errors,
    notice: Option<String>,
    /// The closure form as sent (to keep it on a refusal).
    closure_sent: Option<&'a FormData>,
}

fn edit_page(ctx: &PageCtx, shown: Shown) -> Response {
    let tr = &ctx.tr;
    let (texts, groups) = form_view(tr, &shown.values);
    let (title, action, base, status, public_href) = match shown.record {
        Some(rec) => {
            let base = format!("/coordination/lieux/{}", id_path(&rec.place.id));
            let public = (rec.archived_at.is_none()).then(|| format!("/lieux?near={}&q={}", id_path(&rec.place.code_postal), id_path(&rec.place.nom)));
            (tr.t1("places-admin-edit-title", "name", rec.place.nom.clone()), base.clone(), base, Some(status_view(tr, rec, shown.closure_sent)), public)
        }
        None => (tr.t("places-admin-new-title"), "/coordination/lieux/nouveau".to_string(), String::new(), None, None),
    };
    let status_code = if shown.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    with_status(
        status_code,
        render(&EditPage { ctx, title, action, base, texts, groups, errors: shown.errors, status, notice: shown.notice, public_href }),
    )
}

async fn record(state: &AppState, id: &str) -> Result<PlaceRecord, PageError> {
    state.store.place_record(id).await?.ok_or(PageError::NotFound)
}

#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    pub avis: Option<String>,
}

fn notice(tr: &Tr, q: &NoticeQuery) -> Option<String> {
    let key = format!("places-admin-notice-{}", q.avis.as_deref()?);
    tr.has(&key).then(|| tr.t(&key))
}

pub async fn new_form(ctx: PageCtx) -> Response {
    let result = async {
        session_for(&ctx, Action::ManagePlaces)?;
        Ok(edit_page(&ctx, Shown { record: None, values: HashMap::new(), errors: Errors::default(), notice: None, closure_sent: None }))
    }
    .await;
    finish(&ctx, result)
}

/// A new place's id: `relais-` and 16 hex digits (the schema only asks for a unique text).
fn new_id() -> String {
    use rand::Rng;
    format!("relais-{:016x}", rand::rng().random::<u64>())
}

pub async fn create(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        let who = session_for(&ctx, Action::ManagePlaces)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let now = now_ms();
        let base = Place { id: new_id(), ..Place::default() };
        match editing::apply_edit(&base, &form_map(&data), editing::paris_today(now)) {
            Ok(place) => {
                state.store.create_place(&place, who, now).await?;
                state.places.changed_here(&state.store).await;
                tracing::info!(place = %place.id, "place created");
                Ok(Redirect::to(&format!("/coordination/lieux/{}?avis=cree", id_path(&place.id))).into_response())
            }
            Err(problems) => Ok(edit_page(
                &ctx,
                Shown { record: None, values: form_map(&data), errors: errors_of(&ctx.tr, &problems), notice: None, closure_sent: None },
            )),
        }
    }
    .await;
    finish(&ctx, result)
}

pub async fn edit_form(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>, Query(nq): Query<NoticeQuery>) -> Response {
    let result = async {
        session_for(&ctx, Action::ManagePlaces)?;
        let rec = record(&state, &id).await?;
        let values = values_of(&rec.place, None);
        Ok(edit_page(&ctx, Shown { record: Some(&rec), values, errors: Errors::default(), notice: notice(&ctx.tr, &nq), closure_sent: None }))
    }
    .await;
    finish(&ctx, result)
}

pub async fn save(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>, data: FormData) -> Response {
    let result = async {
        let who = session_for(&ctx, Action::ManagePlaces)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let rec = record(&state, &id).await?;
        let now = now_ms();
        match editing::apply_edit(&rec.place, &form_map(&data), editing::paris_today(now)) {
            Ok(place) => {
                state.store.update_place(&place, who, now).await?;
                state.places.changed_here(&state.store).await;
                tracing::info!(place = %place.id, "place edited");
                Ok(Redirect::to(&format!("/coordination/lieux/{}?avis=enregistre", id_path(&place.id))).into_response())
            }
            Err(problems) => Ok(edit_page(
                &ctx,
                Shown { record: Some(&rec), values: form_map(&data), errors: errors_of(&ctx.tr, &problems), notice: None, closure_sent: None },
            )),
        }
    }
    .await;
    finish(&ctx, result)
}

pub async fn close(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>, data: FormData) -> Response {
    let result = async {
        session_for(&ctx, Action::ManagePlaces)?;
        ctx.check_csrf(data.csrf())?;
        let rec = record(&state, &id).await?;
        let now = now_ms();
        match editing::check_closure(&data.text("closed_until"), &data.text("closure_reason"), editing::paris_today(now)) {
            Ok((until, reason)) => {
                let until = until.to_string();
                // Whoever oriented someone there and is still waiting on it hears of it.
                let tell = |u: &relais_store::place_admin::UnderWay| crate::referral_mail::place_unavailable_mail(&state, u, Some((&until, &reason)), now);
                let told = state.store.close_place(&id, &until, &reason, now, Some(&tell)).await?;
                tracing::info!(place = %id, told, "place closed");
                state.places.changed_here(&state.store).await;
                Ok(Redirect::to(&format!("/coordination/lieux/{}?avis=ferme", id_path(&id))).into_response())
            }
            Err(problems) => {
                let values = values_of(&rec.place, None);
                Ok(edit_page(
                    &ctx,
                    Shown { record: Some(&rec), values, errors: errors_of(&ctx.tr, &problems), notice: None, closure_sent: Some(&data) },
                ))
            }
        }
    }
    .await;
    finish(&ctx, result)
}

/// Reopen, archive, restore, checked today: one button each, same shape.
async fn simple(state: &AppState, ctx: &PageCtx, id: &str, data: &FormData, what: &str) -> Result<Response, PageError> {
    let who = session_for(ctx, Action::ManagePlaces)?.user.id;
    ctx.check_csrf(data.csrf())?;
    let now = now_ms();
    match what {
        "rouvert" => state.store.reopen_place(id, now).await?,
        "archive" => {
            let tell = |u: &relais_store::place_admin::UnderWay| crate::referral_mail::place_unavailable_mail(state, u, None, now);
            let told = state.store.set_place_archived(id, true, now, Some(&tell)).await?;
            tracing::info!(place = %id, told, "senders of referrals under way told");
        }
        "restaure" => {
            state.store.set_place_archived(id, false, now, None).await?;
        }
        _ => state.store.mark_place_checked(id, Some(who), now).await?,
    }
    state.places.changed_here(&state.store).await;
    tracing::info!(place = %id, action = what, "place changed");
    Ok(Redirect::to(&format!("/coordination/lieux/{}?avis={what}", id_path(id))).into_response())
}

pub async fn reopen(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>, data: FormData) -> Response {
    let result = simple(&state, &ctx, &id, &data, "rouvert").await;
    finish(&ctx, result)
}

pub async fn archive(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>, data: FormData) -> Response {
    let result = simple(&state, &ctx, &id, &data, "archive").await;
    finish(&ctx, result)
}

pub async fn restore(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>, data: FormData) -> Response {
    let result = simple(&state, &ctx, &id, &data, "restaure").await;
    finish(&ctx, result)
}

pub async fn checked(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>, data: FormData) -> Response {
    let result = simple(&state, &ctx, &id, &data, "verifie").await;
    finish(&ctx, result)
}
