//! Signing in and out of the volunteers' and coordinators' pages.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, with_status, Errors, FormData};
use crate::auth::SESSION_COOKIE;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, PrivateCookieJar};
use relais_domain::authz::Role;
use relais_store::sessions::SessionKind;

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage<'a> {
    ctx: &'a PageCtx,
    email: String,
    errors: Errors,
}

/// Where a person lands after signing in.
pub fn home_for(role: Role) -> &'static str {
    match role {
        Role::Partner => "/partenaire",
        Role::Volunteer => "/benevole",
        Role::Coordinator | Role::Admin => "/coordination",
    }
}

pub async fn form(ctx: PageCtx) -> Response {
    if let Some(s) = &ctx.session {
        return Redirect::to(home_for(s.user.role())).into_response();
    }
    render(&SignInPage { ctx: &ctx, email: String::new(), errors: Errors::default() })
}

pub async fn submit(State(state): State<AppState>, ctx: PageCtx, jar: PrivateCookieJar, data: FormData) -> Response {
    let result = async {
        ctx.check_csrf(data.csrf())?;
        let email = data.text("email");
        let key = email.trim().to_lowercase();
        if state.login_limiter.check_key(&key).is_err() {
            return Err(PageError::TooMany);
        }
        let Some(user) = state.store.authenticate(&email, &data.text("password")).await? else {
            // One message for both fields: which one was wrong is not said.
            let errors = Errors::one("email", "email", ctx.tr.t("sign-in-failed"));
            return Ok(with_status(StatusCode::UNAUTHORIZED, render(&SignInPage { ctx: &ctx, email, errors })));
        };
        let now = crate::now_ms();
        let token = state.store.create_session(user.id, SessionKind::Web, state.config.session_ttl, now).await?;
        tracing::info!(user = user.id, "signed in on the web");
        let jar = jar.add(crate::i18n::cookie(SESSION_COOKIE, token, state.config.secure_cookies));
        Ok((jar, Redirect::to(home_for(user.role()))).into_response())
    }
    .await;
    finish(&ctx, result)
}

pub async fn sign_out(State(state): State<AppState>, ctx: PageCtx, jar: PrivateCookieJar, data: FormData) -> Response {
    let result = async {
        if ctx.session.is_some() {
            ctx.check_csrf(data.csrf())?;
        }
        if let Some(c) = jar.get(SESSION_COOKIE) {
            state.store.delete_session(c.value()).await?;
        }
        let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
        Ok((jar, Redirect::to("/")).into_response())
    }
    .await;
    finish(&ctx, result)
}
