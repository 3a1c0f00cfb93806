//! What the page handlers share: the form body (with repeated fields), field errors tied
//! to inputs, translated labels of stable codes, Paris local times, and the way an error
//! becomes a page.

use super::context::{PageCtx, PageError};
use crate::error::{ApiError, FieldError};
use crate::i18n::Tr;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::Action;
use fluent_templates::fluent_bundle::FluentValue;
use relais_store::{Session, Topic};
use std::borrow::Cow;
use std::collections::HashMap;

/// A form-urlencoded body as ordered pairs, so repeated fields (checkboxes) are kept.
/// A body that is not a form reads as empty: the CSRF check then refuses it.
#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = std::convert::Infallible;
    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<Vec<(String, String)>>::from_request(req, state).await {
            Ok(axum::Form(pairs)) => Ok(FormData(pairs)),
            Err(_) => Ok(FormData::default()),
        }
    }
}

impl FormData {
    pub fn parse(body: &str) -> FormData {
        FormData(serde_urlencoded_pairs(body))
    }

    /// The first value of `name`, if sent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, or "" when absent.
    pub fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().to_owned()
    }

    /// The first value of `name`, trimmed, or `None` when absent or blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        self.get(name).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
    }

    /// Every value of a repeated field, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// A checkbox: ticked when sent with any value but "false" or "off".
    pub fn checked(&self, name: &str) -> bool {
        self.get(name).is_some_and(|v| !matches!(v.trim(), "" | "false" | "off" | "0"))
    }

    pub fn csrf(&self) -> &str {
        self.get("csrf").unwrap_or_default()
    }
}

/// Decodes `a=1&b=2` (for tests and for callers that hold the raw body).
fn serde_urlencoded_pairs(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or(()) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One message tied to one input: `anchor` is the id of the input the summary links to.
#[derive(Debug, Clone)]
pub struct ShownError {
    pub field: String,
    pub anchor: String,
    pub message: String,
}

/// The errors of one form, translated, in the order of the fields.
#[derive(Debug, Clone, Default)]
pub struct Errors(pub Vec<ShownError>);

impl Errors {
    /// Translates field errors; `anchor` gives the id of the input for a field name.
    pub fn from_fields(tr: &Tr, fields: &[FieldError], anchor: impl Fn(&str) -> String) -> Errors {
        let mut out: Vec<ShownError> = Vec::new();
        for f in fields {
            if out.iter().any(|e| e.field == f.field) {
                continue;
            }
            out.push(ShownError { field: f.field.clone(), anchor: anchor(&f.field), message: message(tr, f.code) });
        }
        Errors(out)
    }

    pub fn one(field: &str, anchor: &str, message: String) -> Errors {
        Errors(vec![ShownError { field: field.into(), anchor: anchor.into(), message }])
    }

    pub fn push(&mut self, field: &str, anchor: &str, message: String) {
        self.0.push(ShownError { field: field.into(), anchor: anchor.into(), message });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn items(&self) -> &[ShownError] {
        &self.0
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }
}

/// The translated message of an error code (a translation key); a generic message for a
/// code without one, so a person never sees a raw code.
pub fn message(tr: &Tr, code: &str) -> String {
    if tr.has(code) { tr.t(code) } else { tr.t("error-generic") }
}

/// The message `key` with several arguments (numbers stay numbers, for plural rules).
pub fn t_args(tr: &Tr, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    use fluent_templates::Loader;
    let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
    for (name, value) in args {
        map.insert(Cow::Borrowed(*name), value.clone());
    }
    let lang: unic_langid::LanguageIdentifier = tr.lang.code().parse().unwrap_or_default();
    crate::i18n::LOCALES.lookup_with_args(&lang, key, &map)
}

/// Text that must read left to right (dates, numbers) as an argument of a message: on a
/// right-to-left page it is isolated (LRI … PDI) so its groups keep their order.
pub fn isolate(tr: &Tr, text: &str) -> String {
    if tr.lang.dir() == "rtl" { format!("\u{2066}{text}\u{2069}") } else { text.to_owned() }
}

/// The translation key of a stable code: `outcome` + `follow_up` gives `outcome-follow-up`.
pub fn code_key(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

/// The translated label of a stable code, or the code itself when no label exists.
pub fn label(tr: &Tr, prefix: &str, code: &str) -> String {
    let key = code_key(prefix, code);
    if tr.has(&key) { tr.t(&key) } else { code.to_owned() }
}

/// A topic as shown. The catalogue operators edit holds the French and English labels, so
/// those two languages show what is stored; other languages show the translation file's
/// `topic-<id>` when there is one (the seed topics have one), else the stored French label.
#[derive(Debug, Clone)]
pub struct TopicLabel {
    pub id: String,
    pub label: String,
    pub picto: String,
}

pub fn topic_label(tr: &Tr, topics: &[Topic], id: &str) -> TopicLabel {
    let key = code_key("topic", id);
    let stored = topics.iter().find(|t| t.id == id);
    let label = match (stored, tr.lang) {
        (Some(t), crate::i18n::Lang::Fr) => t.label_fr.clone(),
        (Some(t), crate::i18n::Lang::En) => t.label_en.clone(),
        (_, _) if tr.has(&key) => tr.t(&key),
        (Some(t), _) => t.label_fr.clone(),
        (None, _) => id.to_owned(),
    };
    let picto = stored.map(|t| t.pictogram.clone()).unwrap_or_else(|| "autre".into());
    TopicLabel { id: id.to_owned(), label, picto: format!("/static/pictos/{picto}.svg") }
}

/// The name of a language in its own language, so a person finds theirs in any page.
pub fn endonym(code: &str) -> &'static str {
    match code {
        "fr" => "français",
        "en" => "English",
        "ar" => "العربية",
        "es" => "español",
        "pt" => "português",
        "it" => "italiano",
        "de" => "Deutsch",
        "ro" => "română",
        "tr" => "Türkçe",
        "ru" => "русский",
        "uk" => "українська",
        "zh" => "中文",
        "vi" => "Tiếng Việt",
        "ff" => "Pulaar",
        "wo" => "Wolof",
        "ber" => "Tamaziɣt",
        _ => "",
    }
}

/// A language as shown in a list: its name in the page language, then its own name.
pub fn language_option(tr: &Tr, code: &str) -> String {
    let name = label(tr, "language", code);
    let own = endonym(code);
    if own.is_empty() || own.to_lowercase() == name.to_lowercase() { name } else { format!("{name} ({own})") }
}

fn paris() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC)
}

/// A `datetime-local` value that is not a date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDateTime;

/// Reads an `<input type="datetime-local">` value (`2025-03-14T15:30`) as Europe/Paris
/// time: `Ok(None)` when empty.
pub fn parse_paris_local(value: &str) -> Result<Option<i64>, BadDateTime> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let dt: jiff::civil::DateTime = value.parse().map_err(|_| BadDateTime)?;
    let zoned = dt.to_zoned_datetime(paris()).map_err(|_| BadDateTime)?;
    Ok(Some(zoned.timestamp().as_millisecond()))
}

/// The value of a `datetime-local` input for an instant, in Europe/Paris.
pub fn paris_local_value(ms: i64) -> String {
    match jiff::Timestamp::from_millisecond(ms) {
        Ok(t) => t.to_zoned_datetime(paris()).strftime("%Y-%m-%dT%H:%M").to_string(),
        Err(_) => String::new(),
    }
}

/// The `datetime` attribute of a `<time>` element.
pub fn iso(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms).map(|t| t.to_string()).unwrap_or_default()
}

/// The signed-in session if it may perform `action`.
pub fn session_for(ctx: &PageCtx, action: Action) -> Result<&Session, PageError> {
    crate::auth::require_user(ctx.session.as_ref(), action).map_err(PageError::from)
}

/// Turns a handler's result into a response: a missing session sends to the sign-in
/// page, any other error is a page in the person's language.
pub fn finish(ctx: &PageCtx, result: Result<Response, PageError>) -> Response {
    match result {
        Ok(r) => r,
        Err(PageError::SignInRequired) => Redirect::to("/connexion").into_response(),
        Err(e) => e.render(ctx),
    }
}

/// Sets the status of a rendered page.
pub fn with_status(status: StatusCode, res: Response) -> Response {
    let mut res = res;
    if res.status().is_success() {
        *res.status_mut() = status;
    }
    res
}

/// Field errors of an API error, if it is a validation error.
pub fn validation(e: &ApiError) -> Option<&[FieldError]> {
    match e {
        ApiError::Validation(v) => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_fields_are_all_kept_in_order() {
        let f = FormData::parse("callback_windows=morning&phone=06+12+34+56+78&callback_windows=evening&need=caf%C3%A9%20%26%20th%C3%A9");
        assert_eq!(f.all("callback_windows"), vec!["morning", "evening"]);
        assert_eq!(f.get("phone"), Some("06 12 34 56 78"));
        assert_eq!(f.get("need"), Some("café & thé"));
        assert_eq!(f.get("missing"), None);
        assert!(f.all("missing").is_empty());
    }

    #[test]
    fn blank_values_read_as_absent_and_checkboxes_as_flags() {
        let f = FormData::parse("first_name=++&urgent=on&sms_consent=false&postcode=");
        assert_eq!(f.opt("first_name"), None);
        assert_eq!(f.opt("postcode"), None);
        assert!(f.checked("urgent"));
        assert!(!f.checked("sms_consent"));
        assert!(!f.checked("absent"));
    }

    #[test]
    fn malformed_percent_escapes_do_not_panic() {
        let f = FormData::parse("a=%&b=%4&c=%zz&d=50%25");
        assert_eq!(f.get("a"), Some("%"));
        assert_eq!(f.get("d"), Some("50%"));
    }

    #[tokio::test]
    async fn the_extractor_keeps_repeated_fields() {
        let req = axum::http::Request::builder()
            .method("POST")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::from("csrf=t&callback_windows=morning&callback_windows=midday"))
            .unwrap();
        let f = FormData::from_request(req, &()).await.unwrap();
        assert_eq!(f.csrf(), "t");
        assert_eq!(f.all("callback_windows"), vec!["morning", "midday"]);
        let json = axum::http::Request::builder()
            .method("POST")
            .header("content-type", "application/json")
            .body(axum::body::Body::from("{}"))
            .unwrap();
        assert!(FormData::from_request(json, &()).await.unwrap().0.is_empty());
    }

    #[test]
    fn datetime_local_is_read_as_paris_time() {
        if jiff::tz::TimeZone::get("Europe/Paris").is_err() {
            return; // no time zone database on this machine
        }
        // Winter: UTC+1. 2030-01-15 10:00 in Paris is 09:00 UTC.
        let winter = parse_paris_local("2030-01-15T10:00").unwrap().unwrap();
        assert_eq!(winter, "2030-01-15T09:00:00Z".parse::<jiff::Timestamp>().unwrap().as_millisecond());
        // Summer: UTC+2, and seconds are accepted.
        let summer = parse_paris_local("2030-07-15T10:00:30").unwrap().unwrap();
        assert_eq!(summer, "2030-07-15T08:00:30Z".parse::<jiff::Timestamp>().unwrap().as_millisecond());
        assert_eq!(parse_paris_local("  "), Ok(None));
        assert_eq!(parse_paris_local("demain"), Err(BadDateTime));
        assert_eq!(parse_paris_local("2030-13-01T10:00"), Err(BadDateTime));
        assert_eq!(paris_local_value(winter), "2030-01-15T10:00");
    }

    #[test]
    fn codes_map_to_dashed_keys() {
        assert_eq!(code_key("outcome", "follow_up"), "outcome-follow-up");
        assert_eq!(code_key("conflict", "not_on_duty"), "conflict-not-on-duty");
    }
}
