//! Server-rendered pages (askama templates, Fluent strings). Every page works without
//! JavaScript; `static/live.js` only refreshes live views when it can.
//!
//! Each page handler takes a [`PageCtx`] (language, signed-in session, CSRF token) and
//! renders one template struct. Forms carry the CSRF token in a hidden `csrf` field and
//! handlers call [`PageCtx::check_csrf`] before acting.

pub mod context;

pub use context::{PageCtx, PageError};

use crate::state::AppState;
use axum::response::Response;
use axum::Router;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new().layer(axum::middleware::from_fn_with_state(state, crate::i18n::page_context))
}

pub async fn not_found(ctx: PageCtx) -> Response {
    PageError::NotFound.render(&ctx)
}
