//! Languages of the interface, through Fluent files in `locales/<lang>/main.ftl`.
//! French is the reference (and the fallback for any missing key), then English and
//! Arabic (right to left). The page language comes from `?lang=`, then the language
//! cookie, then `Accept-Language`.

use crate::csrf::ANON_COOKIE;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, Key, PrivateCookieJar, SameSite};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        // Unicode isolation marks around arguments would end up inside phone numbers and
        // references that people copy; the templates set `dir` on the page instead.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub const LANG_COOKIE: &str = "relais_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
    Ar,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::Fr, Lang::En, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.get(..2)?.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// Text direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar { "rtl" } else { "ltr" }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("static language codes parse")
    }

    /// Picks the first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut tags: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(";q=");
                let tag = it.next()?.trim();
                let q = it.next().and_then(|q| q.trim().parse().ok()).unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        tags.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        tags.into_iter().find_map(|(_, t)| Lang::from_code(t))
    }
}

/// Translator handed to templates.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    /// The message `key` in the page language.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(&self.lang.id(), key)
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl std::fmt::Display) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_string()));
        LOCALES.lookup_with_args(&self.lang.id(), key, &args)
    }

    /// The message `key` with a numeric argument (plural rules apply).
    pub fn tn(&self, key: &str, name: &'static str, n: i64) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(n));
        LOCALES.lookup_with_args(&self.lang.id(), key, &args)
    }

    /// Whether `key` exists in this language or the fallback.
    pub fn has(&self, key: &str) -> bool {
        LOCALES.try_lookup(&self.lang.id(), key).is_some()
    }
}

/// Anonymous CSRF token of this browser (see [`crate::csrf`]).
#[derive(Debug, Clone)]
pub struct AnonCsrf(pub String);

/// Middleware for pages: resolves the language and makes sure the browser has a CSRF
/// cookie before any form is shown.
pub async fn page_context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let jar = PrivateCookieJar::<Key>::from_headers(req.headers(), state.cookie_key.clone());
    let asked = req
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang=")))
        .and_then(Lang::from_code);
    let lang = asked
        .or_else(|| jar.get(LANG_COOKIE).and_then(|c| Lang::from_code(c.value())))
        .or_else(|| {
            req.headers()
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default();
    let existing = jar.get(ANON_COOKIE).map(|c| c.value().to_owned());
    let anon = existing.clone().unwrap_or_else(relais_store::sessions::random_token);
    req.extensions_mut().insert(lang);
    req.extensions_mut().insert(AnonCsrf(anon.clone()));
    let res = next.run(req).await;
    let mut jar = jar;
    let secure = state.config.secure_cookies;
    if existing.is_none() {
        jar = jar.add(cookie(ANON_COOKIE, anon, secure));
    }
    if let Some(l) = asked {
        jar = jar.add(cookie(LANG_COOKIE, l.code().to_owned(), secure));
    }
    (jar, res).into_response()
}

pub fn cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value)).path("/").http_only(true).same_site(SameSite::Lax).secure(secure).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(Lang::from_accept_language("de-DE,ar;q=0.8,en;q=0.5"), Some(Lang::Ar));
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de"), None);
    }

    #[test]
    fn arabic_is_right_to_left() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Fr.dir(), "ltr");
    }
}
