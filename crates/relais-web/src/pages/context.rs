//! What every page handler needs: language, session, CSRF token; and the page-side
//! rendering of errors (in the user's language).

use crate::auth::web_session;
use crate::csrf;
use crate::error::ApiError;
use crate::i18n::{AnonCsrf, Lang, Tr};
use crate::state::AppState;
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use relais_store::Session;

pub struct PageCtx {
    pub tr: Tr,
    pub session: Option<Session>,
    pub csrf: String,
    /// Path of the current page (for the language links).
    pub path: String,
    /// The page's query string without its `lang` pair, still URL-encoded, so that switching
    /// language keeps what the visitor asked for (a search, a filter, a variant).
    pub query: String,
    pub line_phone: String,
    pub line_hours: String,
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or_default();
        let anon = parts.extensions.get::<AnonCsrf>().map(|a| a.0.clone()).unwrap_or_default();
        let session = web_session(parts, state).await;
        let csrf = session.as_ref().map(|s| s.csrf_token.clone()).unwrap_or(anon);
        Ok(PageCtx {
            tr: Tr::new(lang),
            session,
            csrf,
            path: parts.uri.path().to_owned(),
            query: query_without_lang(parts.uri.query()),
            line_phone: state.config.line_phone.clone(),
            line_hours: state.config.hours(lang.code()).to_owned(),
        })
    }
}

impl PageCtx {
    pub fn lang(&self) -> Lang {
        self.tr.lang
    }

    /// Refuses a form whose CSRF token is not this browser's.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), PageError> {
        if csrf::matches(&self.csrf, submitted) { Ok(()) } else { Err(PageError::Csrf) }
    }

    /// The line's number without spaces, for `tel:` links.
    pub fn tel_href(&self) -> String {
        self.line_phone.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// The signed-in user's display name, for the header.
    pub fn user_name(&self) -> Option<&str> {
        self.session.as_ref().map(|s| s.user.display_name.as_str())
    }

    pub fn is_coordinator(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.user.role() >= relais_domain::authz::Role::Coordinator)
    }

    /// A partner structure's account (issue 6): its own page instead of the console.
    pub fn is_partner(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.user.role() == relais_domain::authz::Role::Partner)
    }

    /// Administrators also see the topic catalogue and the access journal.
    pub fn is_admin(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.user.role() == relais_domain::authz::Role::Admin)
    }

    /// Administrators and coordinators with the tutorial-editor right edit tutorials.
    pub fn is_tutorial_editor(&self) -> bool {
        crate::auth::require_user(self.session.as_ref(), relais_domain::authz::Action::EditTutorials).is_ok()
    }

    /// Links to this page in the other languages.
    pub fn lang_links(&self) -> Vec<(&'static str, &'static str, String, bool)> {
        Lang::ALL
            .iter()
            .map(|l| {
                let href = if self.query.is_empty() {
                    format!("{}?lang={}", self.path, l.code())
                } else {
                    format!("{}?{}&lang={}", self.path, self.query, l.code())
                };
                (l.code(), l.native_name(), href, *l == self.lang())
            })
            .collect()
    }
}

/// The query string minus every `lang=` pair; the other pairs are kept as they came (still
/// encoded), in their order.
fn query_without_lang(query: Option<&str>) -> String {
    query
        .unwrap_or("")
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("lang"))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::query_without_lang;

    #[test]
    fn the_language_links_keep_the_query_but_its_lang() {
        assert_eq!(query_without_lang(None), "");
        assert_eq!(query_without_lang(Some("lang=en")), "");
        assert_eq!(query_without_lang(Some("near=Lyon&lang=ar&need=Aide%20aux%20d%C3%A9marches")), "near=Lyon&need=Aide%20aux%20d%C3%A9marches");
        assert_eq!(query_without_lang(Some("language=x&&q=a")), "language=x&q=a");
    }
}

/// Errors shown as a page.
#[derive(Debug)]
pub enum PageError {
    NotFound,
    Csrf,
    SignInRequired,
    Forbidden,
    Conflict(String),
    TooMany,
    Internal,
}

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::NotFound => PageError::NotFound,
            ApiError::Unauthorized => PageError::SignInRequired,
            ApiError::Forbidden => PageError::Forbidden,
            ApiError::TooManyRequests => PageError::TooMany,
            ApiError::Conflict { code, .. } => PageError::Conflict(code.to_owned()),
            ApiError::Validation(v) => PageError::Conflict(v.first().map(|f| f.code.to_owned()).unwrap_or_default()),
            _ => PageError::Internal,
        }
    }
}

impl From<relais_store::StoreError> for PageError {
    fn from(e: relais_store::StoreError) -> Self {
        ApiError::from(e).into()
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    ctx: &'a PageCtx,
    title: String,
    message: String,
}

impl PageError {
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::Csrf => StatusCode::FORBIDDEN,
            PageError::SignInRequired => StatusCode::UNAUTHORIZED,
            PageError::Forbidden => StatusCode::FORBIDDEN,
            PageError::Conflict(_) => StatusCode::CONFLICT,
            PageError::TooMany => StatusCode::TOO_MANY_REQUESTS,
            PageError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Translation key of the explanation.
    fn key(&self) -> String {
        match self {
            PageError::NotFound => "error-page-not-found".into(),
            PageError::Csrf => "error-page-csrf".into(),
            PageError::SignInRequired => "error-page-sign-in".into(),
            PageError::Forbidden => "error-page-forbidden".into(),
            PageError::Conflict(code) => format!("conflict-{}", code.replace('_', "-")),
            PageError::TooMany => "error-page-too-many".into(),
            PageError::Internal => "error-page-internal".into(),
        }
    }

    pub fn render(&self, ctx: &PageCtx) -> Response {
        let key = self.key();
        let message = if ctx.tr.has(&key) { ctx.tr.t(&key) } else { ctx.tr.t("error-page-conflict") };
        let page = ErrorPage { ctx, title: ctx.tr.t("error-page-title"), message };
        match page.render() {
            Ok(html) => (self.status(), Html(html)).into_response(),
            Err(_) => self.status().into_response(),
        }
    }
}

/// Renders a template or a plain 500.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A page result: either a response or an error page in the user's language.
pub type PageResult = Result<Response, (PageCtx, PageError)>;
