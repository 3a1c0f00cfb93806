//! Uploading a places file in the coordinator area (`/coordination/lieux/import`): the same
//! parsing, row-by-row report and single-transaction upsert as `relais import places`
//! (`relais_directory::import::parse` + `Store::upsert_places`). Either a preview (nothing
//! stored; the file waits in `place_import_drafts` for its uploader's confirmation, so any
//! instance can confirm it) or a direct import with the report shown. A whole-file fault
//! stores nothing; a file over [`MAX_UPLOAD_BYTES`] is refused with a 413 and a message
//! under the file field.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, session_for, t_args, with_status, Errors, FormData};
use crate::i18n::Tr;
use crate::now_ms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use relais_directory::import::{parse, FileError, Format, ImportReport, Reason};
use relais_domain::authz::Action;

/// Largest upload accepted. The CLI takes up to `import::MAX_BYTES` (64 MiB); through a
/// browser a national file is better imported in parts or on the command line.
pub const MAX_UPLOAD_BYTES: usize = 16 * 1024 * 1024;

/// Rejected rows listed on the page (the count says how many there are in all).
const SHOWN_REJECTIONS: usize = 500;

pub struct RejectedView {
    pub line: u64,
    pub id: String,
    pub field: String,
    pub reason: String,
}

pub struct ReportView {
    pub file_name: String,
    pub summary: String,
    pub rejected: Vec<RejectedView>,
    pub more: Option<String>,
    /// After storing: "N inserted, M updated, K unchanged".
    pub stored: Option<String>,
    /// A preview: the token to confirm it with, and the format chosen.
    pub confirm_token: Option<String>,
    pub format: String,
}

#[derive(Template)]
#[template(path = "places_import.html")]
struct ImportPage<'a> {
    ctx: &'a PageCtx,
    errors: Errors,
    report: Option<ReportView>,
    file_hint: String,
    preview_checked: bool,
}

fn page(ctx: &PageCtx, status: StatusCode, errors: Errors, report: Option<ReportView>, preview_checked: bool) -> Response {
    with_status(status, render(&ImportPage {
        ctx,
        errors,
        report,
        file_hint: ctx.tr.tn("places-import-file-hint", "mib", (MAX_UPLOAD_BYTES / (1024 * 1024)) as i64),
        preview_checked,
    }))
}

pub async fn form(ctx: PageCtx) -> Response {
    let result = async {
        session_for(&ctx, Action::ManagePlaces)?;
        Ok(page(&ctx, StatusCode::OK, Errors::default(), None, true))
    }
    .await;
    finish(&ctx, result)
}

/// A whole-file fault in the user's language.
fn file_error(tr: &Tr, e: &FileError) -> String {
    let n = |v: u64| FluentValue::from(v as i64);
    match e {
        FileError::TooLarge(_) => tr.tn("places-import-error-too-large", "mib", (MAX_UPLOAD_BYTES / (1024 * 1024)) as i64),
        FileError::Encoding { line } => t_args(tr, "places-import-error-encoding", &[("line", n(*line))]),
        FileError::Csv { line, reason } => {
            t_args(tr, "places-import-error-csv", &[("line", n(*line)), ("reason", FluentValue::from(reason.clone()))])
        }
        FileError::FieldCount { line, found, expected } => {
            t_args(tr, "places-import-error-field-count", &[("line", n(*line)), ("found", n(*found)), ("expected", n(*expected))])
        }
        FileError::Json(reason) => tr.t1("places-import-error-json", "reason", reason),
        FileError::JsonShape => tr.t("places-import-error-json-shape"),
        FileError::DataInclusionShape => tr.t("places-import-error-di-shape"),
        FileError::MissingColumns(cols) => tr.t1("places-import-error-columns", "columns", cols.join(", ")),
    }
}

/// Why a row was refused, in `tr`'s language (the CLI calls it with English).
pub fn reason_text(tr: &Tr, reason: &Reason) -> String {
    let args: Vec<(&'static str, FluentValue<'static>)> = reason.args.iter().map(|(k, v)| (*k, FluentValue::from(v.clone()))).collect();
    t_args(tr, &format!("places-import-reason-{}", reason.code), &args)
}

fn field_label(tr: &Tr, field: &str) -> String {
    let key = format!("places-admin-field-{}", field.replace('_', "-"));
    if tr.has(&key) { format!("{} ({field})", tr.t(&key)) } else { field.to_string() }
}

fn report_view(tr: &Tr, file_name: &str, report: &ImportReport) -> ReportView {
    let mut lines: Vec<u64> = report.rejected.iter().map(|r| r.line).collect();
    lines.dedup();
    let summary = t_args(
        tr,
        "places-import-summary",
        &[("valid", FluentValue::from(report.accepted.len() as i64)), ("rejected", FluentValue::from(lines.len() as i64))],
    );
    let rejected = report
        .rejected
        .iter()
        .take(SHOWN_REJECTIONS)
        .map(|r| RejectedView { line: r.line, id: r.id.clone().unwrap_or_default(), field: field_label(tr, &r.field), reason: reason_text(tr, &r.reason) })
        .collect();
    let more = (report.rejected.len() > SHOWN_REJECTIONS).then(|| tr.tn("places-import-more", "n", (report.rejected.len() - SHOWN_REJECTIONS) as i64));
    ReportView { file_name: file_name.to_string(), summary, rejected, more, stored: None, confirm_token: None, format: String::new() }
}

fn format_of(name: &str, bytes: &[u8]) -> Format {
    Format::from_name(name).unwrap_or_else(|| Format::sniff(bytes))
}

async fn store_report(state: &AppState, tr: &Tr, report: &ImportReport) -> Result<String, PageError> {
    let done = state.store.upsert_places(&report.accepted, now_ms(), &|_| {}).await?;
    state.places.changed_here(&state.store).await;
    tracing::info!(inserted = done.inserted, updated = done.updated, unchanged = done.unchanged, "places imported from the web");
    Ok(t_args(
        tr,
        "places-import-stored",
        &[
            ("inserted", FluentValue::from(done.inserted as i64)),
            ("updated", FluentValue::from(done.updated as i64)),
            ("unchanged", FluentValue::from(done.unchanged as i64)),
        ],
    ))
}

fn new_token() -> String {
    use rand::Rng;
    let bytes: [u8; 24] = rand::rng().random();
    hex::encode(bytes)
}

pub async fn upload(State(state): State<AppState>, ctx: PageCtx, mut multipart: Multipart) -> Response {
    let result = async {
        let who = session_for(&ctx, Action::ManagePlaces)?.user.id;
        let tr = &ctx.tr;
        let (mut csrf, mut format, mut mode, mut file, mut file_name) = (String::new(), String::new(), String::new(), None, String::new());
        let too_large = || Errors::one("file", "file", tr.tn("places-import-error-too-large", "mib", (MAX_UPLOAD_BYTES / (1024 * 1024)) as i64));
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                // The body limit (or a broken body): nothing was stored, say why.
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Ok(page(&ctx, StatusCode::PAYLOAD_TOO_LARGE, too_large(), None, true)),
                Err(_) => return Ok(page(&ctx, StatusCode::BAD_REQUEST, Errors::one("file", "file", tr.t("places-import-error-body")), None, true)),
            };
            let name = field.name().unwrap_or_default().to_owned();
            if name == "file" {
                file_name = field.file_name().unwrap_or_default().chars().take(200).collect();
            }
            let bytes = match field.bytes().await {
                Ok(b) => b,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Ok(page(&ctx, StatusCode::PAYLOAD_TOO_LARGE, too_large(), None, true)),
                Err(_) => return Ok(page(&ctx, StatusCode::BAD_REQUEST, Errors::one("file", "file", tr.t("places-import-error-body")), None, true)),
            };
            match name.as_str() {
                "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
                "format" => format = String::from_utf8_lossy(&bytes).into_owned(),
                "mode" => mode = String::from_utf8_lossy(&bytes).into_owned(),
                "file" => file = Some(bytes.to_vec()),
                _ => {}
            }
        }
        ctx.check_csrf(&csrf)?;
        let preview = mode != "import";
        let bytes = match file {
            Some(b) if !b.is_empty() => b,
            _ => return Ok(page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, Errors::one("file", "file", tr.t("places-import-error-no-file")), None, preview)),
        };
        if bytes.len() > MAX_UPLOAD_BYTES {
            return Ok(page(&ctx, StatusCode::PAYLOAD_TOO_LARGE, too_large(), None, preview));
        }
        let report = match parse(&bytes, format_of(format.trim(), &bytes)) {
            Ok(r) => r,
            Err(e) => {
                let errors = Errors::one("file", "file", format!("{} {}", file_error(tr, &e), tr.t("places-import-nothing-stored")));
                return Ok(page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None, preview));
            }
        };
        let mut view = report_view(tr, &file_name, &report);
        if preview {
            let token = new_token();
            state.store.save_place_import_draft(&token, who, &file_name, &bytes, now_ms()).await?;
            view.confirm_token = Some(token);
            view.format = format.trim().chars().take(20).collect();
        } else {
            view.stored = Some(store_report(&state, tr, &report).await?);
        }
        Ok(page(&ctx, StatusCode::OK, Errors::default(), Some(view), preview))
    }
    .await;
    finish(&ctx, result)
}

pub async fn confirm(State(state): State<AppState>, ctx: PageCtx, data: FormData) -> Response {
    let result = async {
        let who = session_for(&ctx, Action::ManagePlaces)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let token = data.text("token");
        let Some((file_name, bytes)) = state.store.place_import_draft(token.trim(), who).await? else {
            return Ok(page(&ctx, StatusCode::GONE, Errors::one("file", "file", ctx.tr.t("places-import-error-draft-gone")), None, true));
        };
        // Parsed again: the draft holds the file, not a verdict, so the rules applied are
        // those of the binary that stores it.
        let report = match parse(&bytes, format_of(data.text("format").trim(), &bytes)) {
            Ok(r) => r,
            Err(e) => {
                let errors = Errors::one("file", "file", format!("{} {}", file_error(&ctx.tr, &e), ctx.tr.t("places-import-nothing-stored")));
                return Ok(page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None, true));
            }
        };
        let mut view = report_view(&ctx.tr, &file_name, &report);
        view.stored = Some(store_report(&state, &ctx.tr, &report).await?);
        state.store.delete_place_import_draft(token.trim()).await?;
        Ok(page(&ctx, StatusCode::OK, Errors::default(), Some(view), true))
    }
    .await;
    finish(&ctx, result)
}
