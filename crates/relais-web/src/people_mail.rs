//! The e-mails of the volunteer network, written in the person's language (the language of
//! the page they used, or French), each with a stable idempotency key so a retry or a second
//! click never sends the same e-mail twice. They go through the outbox, in the same
//! transaction as the change they tell about.

use crate::i18n::Tr;
use relais_domain::Millis;
use relais_store::outbox::NewMessage;

fn message(key: String, to: &str, subject: String, body: String, now: Millis) -> NewMessage {
    NewMessage { idempotency_key: key, recipient: to.to_owned(), subject, body_text: body, not_before_ms: now }
}

fn with_args(tr: &Tr, key: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&'static str, fluent_templates::fluent_bundle::FluentValue<'static>)> =
        args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    crate::pages::forms::t_args(tr, key, &args)
}

/// "We received your sign-up; a coordinator of <network> will approve it."
pub fn signup_received(tr: &Tr, user_id: i64, to: &str, name: &str, network: &str, now: Millis) -> NewMessage {
    let args = [("name", name.to_owned()), ("network", network.to_owned())];
    message(
        format!("signup-received:{user_id}"),
        to,
        tr.t("mail-signup-subject"),
        with_args(tr, "mail-signup-body", &args),
        now,
    )
}

/// Sent when someone signs up with an address that already has an account: the page says
/// the same thing as for a new address (a stranger learns nothing), and the owner of the
/// address is told here. At most one such e-mail per account and hour.
pub fn signup_address_taken(tr: &Tr, user_id: i64, to: &str, public_url: &str, now: Millis) -> NewMessage {
    let args = [("url", format!("{}/connexion", public_url.trim_end_matches('/')))];
    message(
        format!("signup-taken:{user_id}:{}", now / relais_domain::HOUR),
        to,
        tr.t("mail-taken-subject"),
        with_args(tr, "mail-taken-body", &args),
        now,
    )
}

/// "Your account is approved; sign in at …" (once per account).
pub fn approved(tr: &Tr, user_id: i64, to: &str, name: &str, public_url: &str, now: Millis) -> NewMessage {
    let args = [("name", name.to_owned()), ("url", format!("{}/connexion", public_url.trim_end_matches('/')))];
    message(format!("account-approved:{user_id}"), to, tr.t("mail-approved-subject"), with_args(tr, "mail-approved-body", &args), now)
}

/// The invitation with its one-time link; `token_hash` makes the key unique per link.
#[allow(clippy::too_many_arguments)]
pub fn invitation(
    tr: &Tr,
    token: &str,
    token_hash: &str,
    to: &str,
    name: &str,
    network: &str,
    days: i64,
    public_url: &str,
    now: Millis,
) -> NewMessage {
    let args = [
        ("name", name.to_owned()),
        ("network", network.to_owned()),
        ("days", days.to_string()),
        ("url", format!("{}/invitation/{token}", public_url.trim_end_matches('/'))),
    ];
    message(format!("invitation:{token_hash}"), to, tr.t("mail-invitation-subject"), with_args(tr, "mail-invitation-body", &args), now)
}

/// A partner structure's invitation (`/partenaire/invitation/<token>`, one-time link).
#[allow(clippy::too_many_arguments)]
pub fn partner_invitation(tr: &Tr, token: &str, token_hash: &str, to: &str, name: &str, structure: &str, days: i64, public_url: &str, now: Millis) -> NewMessage {
    let args = [
        ("name", name.to_owned()),
        ("structure", structure.to_owned()),
        ("days", days.to_string()),
        ("url", format!("{}/partenaire/invitation/{token}", public_url.trim_end_matches('/'))),
    ];
    message(format!("partner-invitation:{token_hash}"), to, tr.t1("partners-mail-subject", "structure", structure), with_args(tr, "partners-mail-body", &args), now)
}
