//! Server-rendered pages (askama templates, Fluent strings). Every page works without
//! JavaScript; `static/live.js` only refreshes live views when it can.
//!
//! Each page handler takes a [`PageCtx`] (language, signed-in session, CSRF token) and
//! renders one template struct. Forms carry the CSRF token in a hidden `csrf` field and
//! handlers call [`PageCtx::check_csrf`] before acting.
//!
//! - `public`: home, the callback form and its confirmation, following and cancelling;
//! - `tutorials`: the public tutorial library (search, topics, a tutorial, feedback);
//! - `sign_in`: signing in and out;
//! - `console`: the volunteer's console and the request page;
//! - `tutorial_sending`: the holder sends a tutorial's link by e-mail from the request page;
//! - `coordination`: the live queue, volunteers, today's figures;
//! - `shifts`: the volunteer's slots, bookings and calendar-feed link;
//! - `coverage`: the coordinators' coverage grid; `service_hours`: the hours editor;
//! - `admin`: the topic catalogue and the access journal (administrators);
//! - `tutorial_editor`: editing, previewing, publishing and restoring tutorials (editors);
//! - `outbox`: the e-mail outbox (administrators);
//! - `live`: server-sent figures for `static/live.js`;
//! - `join`: volunteer sign-up, the charter, invitation links;
//! - `profile`: the volunteer's profile and training page;
//! - `people`: invitations, a volunteer's page (badges, phone), charter and badge catalogue;
//! - `places_admin`, `places_import`: the coordinators' directory of places and its upload.
//! - `referrals`: orienting a person to a place, the place's one-time link page (issue 6);
//! - `partners`: partner structures' page, their requests on behalf of a person, invitations.

pub mod admin;
pub mod context;
pub mod console;
pub mod coordination;
pub mod coverage;
pub mod forms;
pub mod join;
pub mod live;
pub mod outbox;
pub mod partners;
pub mod people;
pub mod places;
pub mod places_admin;
pub mod places_import;
pub mod profile;
pub mod public;
pub mod referral_list;
pub mod referrals;
pub mod schedule_view;
pub mod service_hours;
pub mod shifts;
pub mod sign_in;
pub mod tutorial_editor;
pub mod tutorial_sending;
pub mod tutorials;

pub use context::{PageCtx, PageError};

use crate::state::AppState;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(public::home))
        .route("/demande", get(public::request_form).post(public::request_submit))
        .route("/demande/{reference}/confirmation", get(public::confirmation))
        .route("/suivi", get(public::follow_form).post(public::follow_lookup))
        .route("/suivi/annuler", post(public::follow_cancel))
        .route("/lieux", get(places::page))
        .route("/tutoriels", get(tutorials::library))
        .route("/tutoriels/", get(tutorials::library_slash))
        .route("/tutoriels/sujet/{topic}", get(tutorials::topic))
        .route("/tutoriels/{slug}", get(tutorials::tutorial))
        .route("/tutoriels/{slug}/avis", post(tutorials::feedback))
        .route("/connexion", get(sign_in::form).post(sign_in::submit))
        .route("/deconnexion", post(sign_in::sign_out))
        .route("/benevole", get(console::home))
        .route("/benevole/service", post(console::duty))
        .route("/benevole/suivante", post(console::next))
        .route("/benevole/historique", get(console::history))
        .route("/benevole/flux", get(live::volunteer_feed))
        .route("/benevole/demandes/{id}", get(console::request))
        .route("/benevole/demandes/{id}/tentative", post(console::attempt))
        .route("/benevole/demandes/{id}/cloture", post(console::close))
        .route("/benevole/demandes/{id}/liberer", post(console::release))
        .route("/benevole/demandes/{id}/prolonger", post(console::extend))
        .route("/benevole/demandes/{id}/tutoriel", post(tutorial_sending::send))
        .route("/benevole/creneaux", get(shifts::list))
        .route("/benevole/creneaux/{id}/reserver", post(shifts::book))
        .route("/benevole/creneaux/{id}/annuler", post(shifts::cancel))
        .route("/benevole/calendrier", post(shifts::new_feed))
        .route("/calendrier/{file}", get(crate::calendar_feed::feed))
        .route("/coordination/couverture", get(coverage::grid))
        .route("/coordination/couverture/{id}/besoin", post(coverage::set_wanted))
        .route("/coordination/couverture/{id}/appel", post(coverage::appeal))
        .route("/coordination/horaires", get(service_hours::show).post(service_hours::save))
        .route("/coordination/horaires/fermetures", post(service_hours::add_closure))
        .route("/coordination/horaires/fermetures/{id}/supprimer", post(service_hours::remove_closure))
        .route("/coordination", get(coordination::queue))
        .route("/coordination/flux", get(live::coordination_feed))
        .route("/coordination/demandes/{id}/attribuer", post(coordination::assign))
        .route("/coordination/benevoles", get(coordination::volunteers))
        .route("/coordination/benevoles/{id}/statut", post(coordination::set_status))
        .route("/coordination/benevoles/{id}/editeur", post(coordination::set_editor))
        .route("/coordination/chiffres", get(coordination::figures))
        .route("/coordination/sujets", get(admin::topics).post(admin::add_topic))
        .route("/coordination/sujets/{id}", post(admin::save_topic))
        .route("/coordination/journal", get(admin::journal))
        .route("/coordination/tutoriels", get(tutorial_editor::list))
        .route("/coordination/tutoriels/revisions/{id}/restaurer", post(tutorial_editor::restore))
        .route("/coordination/tutoriels/{slug}/{variant}", get(tutorial_editor::edit).post(tutorial_editor::submit))
        .route("/coordination/courriels", get(outbox::page))
        .route("/coordination/courriels/{id}/reessayer", post(outbox::retry))
        .route("/coordination/courriels/{id}/annuler", post(outbox::cancel))
        .route("/benevoles/inscription", get(join::signup_form).post(join::signup_submit))
        .route("/benevoles/charte", get(join::charter))
        .route("/invitation/{token}", get(join::invitation_form).post(join::invitation_accept))
        .route("/benevole/profil", get(profile::profile).post(profile::save_profile))
        .route("/benevole/formation", get(profile::training))
        .route("/benevole/charte", post(profile::accept_charter))
        .route(
            "/coordination/invitations",
            get(people::invitations)
                .post(people::invitations_upload)
                .layer(axum::extract::DefaultBodyLimit::max(crate::api::MAX_CSV_BYTES)),
        )
        .route("/coordination/benevoles/{id}", get(people::person))
        .route("/coordination/benevoles/{id}/telephone", post(people::person_phone))
        .route("/coordination/benevoles/{id}/badges/{badge}", post(people::person_badge))
        .route("/coordination/charte", get(people::charter_edit).post(people::charter_save))
        .route("/coordination/badges", post(people::badge_add))
        // Issue 6: coordinators manage places.
        .route("/coordination/lieux", get(places_admin::list))
        .route("/coordination/lieux/nouveau", get(places_admin::new_form).post(places_admin::create))
        .route(
            "/coordination/lieux/import",
            get(places_import::form)
                .post(places_import::upload)
                .layer(axum::extract::DefaultBodyLimit::max(places_import::MAX_UPLOAD_BYTES + 64 * 1024)),
        )
        .route("/coordination/lieux/import/confirmer", post(places_import::confirm))
        .route("/coordination/lieux/{id}", get(places_admin::edit_form).post(places_admin::save))
        .route("/coordination/lieux/{id}/fermer", post(places_admin::close))
        .route("/coordination/lieux/{id}/rouvrir", post(places_admin::reopen))
        .route("/coordination/lieux/{id}/archiver", post(places_admin::archive))
        .route("/coordination/lieux/{id}/restaurer", post(places_admin::restore))
        .route("/coordination/lieux/{id}/verifier", post(places_admin::checked))
        // Issue 6: referrals (orientation to a place) and partner structures.
        .route("/benevole/demandes/{id}/orienter", get(referrals::volunteer_form).post(referrals::volunteer_submit))
        .route("/partenaire/orienter", get(referrals::partner_form).post(referrals::partner_submit))
        .route("/orientations/{id}/etape", post(referrals::record_step))
        .route("/orientation/{token}", get(referrals::link).post(referrals::link_submit))
        .route("/partenaire", get(partners::home))
        .route("/partenaire/demande", get(partners::request_form).post(partners::request_submit))
        .route("/partenaire/invitation/{token}", get(partners::invitation).post(partners::invitation_accept))
        .route("/coordination/partenaires", get(partners::list).post(partners::invite))
        .route("/coordination/orientations", get(referral_list::list))
        // Issue 5: the phone line's page.
        .route("/coordination/telephonie", get(crate::telephony::page::show))
        .layer(axum::middleware::from_fn_with_state(state, crate::i18n::page_context))
}

pub async fn not_found(ctx: PageCtx) -> Response {
    PageError::NotFound.render(&ctx)
}

#[cfg(test)]
mod smoke_tests;
#[cfg(test)]
mod tests;
