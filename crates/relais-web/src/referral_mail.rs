//! The e-mails and SMS of a referral (issue 6): to the place (the one-time link to accept or
//! refuse, its reminder, then the link to say whether the person came) and to the person
//! (the place's address and today's hours). Places are written to in French (the directory
//! is French); the person in the language of their request. Each message has a stable
//! idempotency key, so a form sent twice or a job run by two instances sends it once. They
//! go into the outbox in the same transaction as the referral change they belong to.

use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use relais_directory::Place;
use relais_domain::referral::LinkPurpose;
use relais_domain::Millis;
use relais_store::outbox::NewMessage;
use relais_store::place_admin::UnderWay;
use relais_store::referrals::{LinkMail, Referral};

fn with_args(tr: &Tr, key: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&'static str, fluent_templates::fluent_bundle::FluentValue<'static>)> =
        args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    crate::pages::forms::t_args(tr, key, &args)
}

/// A fresh link token (random, 256 bits, hex); only its SHA-256 is stored.
pub fn new_token() -> String {
    relais_store::sessions::random_token()
}

/// The public page of a link.
pub fn link_path(token: &str) -> String {
    format!("/orientation/{token}")
}

/// What the place is told about the referral (no phone number: the place calls the line or
/// waits for the person).
fn about(tr: &Tr, state: &AppState, topic: &str, first_name: Option<&str>, need: Option<&str>, expires_at: Millis) -> Vec<(&'static str, String)> {
    vec![
        ("first_name", first_name.filter(|s| !s.trim().is_empty()).map(str::to_owned).unwrap_or_else(|| tr.t("value-none"))),
        ("topic", topic.to_owned()),
        ("need", need.filter(|s| !s.trim().is_empty()).map(str::to_owned).unwrap_or_else(|| tr.t("value-none"))),
        ("until", crate::actions::paris_time(expires_at)),
        ("phone", state.config.line_phone.clone()),
    ]
}

/// The first e-mail to the place: who is coming, for what, and the link to accept or refuse.
#[allow(clippy::too_many_arguments)]
pub fn answer_mail(
    state: &AppState,
    form_key: &str,
    to: &str,
    place: &str,
    topic: &str,
    first_name: Option<&str>,
    need: Option<&str>,
    expires_at: Millis,
    now: Millis,
) -> LinkMail {
    let tr = Tr::new(Lang::Fr);
    let token = new_token();
    let mut args = about(&tr, state, topic, first_name, need, expires_at);
    args.push(("place", place.to_owned()));
    args.push(("url", state.config.public_link(&link_path(&token))));
    LinkMail {
        expires_at: state.config.referral.link_expires_at(LinkPurpose::Answer, now, expires_at),
        message: NewMessage {
            idempotency_key: format!("referral-answer:{form_key}"),
            recipient: to.to_owned(),
            subject: tr.t1("referral-mail-subject", "place", place),
            body_text: with_args(&tr, "referral-mail-body", &args),
            not_before_ms: now,
        },
        token,
    }
}

/// The reminder before expiry, with a new answer link (the first token is not stored).
pub fn reminder_mail(state: &AppState, r: &Referral, topic: &str, now: Millis) -> Option<LinkMail> {
    let to = r.place_email.as_deref()?;
    let tr = Tr::new(Lang::Fr);
    let token = new_token();
    let mut args = about(&tr, state, topic, r.first_name.as_deref(), r.need.as_deref(), r.expires_at);
    args.push(("place", r.place_name.clone()));
    args.push(("url", state.config.public_link(&link_path(&token))));
    Some(LinkMail {
        expires_at: state.config.referral.link_expires_at(LinkPurpose::Answer, now, r.expires_at),
        message: NewMessage {
            idempotency_key: format!("referral-reminder:{}", r.id),
            recipient: to.to_owned(),
            subject: tr.t1("referral-reminder-subject", "place", &r.place_name),
            body_text: with_args(&tr, "referral-reminder-body", &args),
            not_before_ms: now,
        },
        token,
    })
}

/// After the place accepted: the link to say whether the person came.
pub fn outcome_mail(state: &AppState, r: &Referral, now: Millis) -> Option<LinkMail> {
    let to = r.place_email.as_deref()?;
    let tr = Tr::new(Lang::Fr);
    let token = new_token();
    let args = [
        ("place", r.place_name.clone()),
        ("first_name", r.first_name.clone().unwrap_or_else(|| tr.t("value-none"))),
        ("url", state.config.public_link(&link_path(&token))),
    ];
    Some(LinkMail {
        expires_at: state.config.referral.link_expires_at(LinkPurpose::Outcome, now, r.expires_at),
        message: NewMessage {
            idempotency_key: format!("referral-outcome:{}", r.id),
            recipient: to.to_owned(),
            subject: tr.t1("referral-outcome-mail-subject", "place", &r.place_name),
            body_text: with_args(&tr, "referral-outcome-mail-body", &args),
            not_before_ms: now,
        },
        token,
    })
}

/// To the sender of a referral under way whose place closes until `closure` (date, reason)
/// or, with `None`, leaves the directory (archived at `now`): tell the person or orient them
/// elsewhere. French, like the other staff e-mails; no personal data of the person, only the
/// place, the date it was sent and the page where the referral is.
pub fn place_unavailable_mail(state: &AppState, u: &UnderWay, closure: Option<(&str, &str)>, now: Millis) -> NewMessage {
    let tr = Tr::new(Lang::Fr);
    let page = match u.request_id {
        Some(id) => format!("/benevole/demandes/{id}#orientations"),
        None => "/partenaire".to_owned(),
    };
    let mut args = vec![
        ("name", u.sender_name.clone()),
        ("place", u.place_name.clone()),
        ("sent", crate::actions::paris_time(u.sent_at)),
        ("url", state.config.public_link(&page)),
    ];
    let (key, subject, body) = match closure {
        Some((until, reason)) => {
            args.push(("date", crate::pages::places_admin::date_text(&tr, until)));
            args.push(("reason", reason.to_owned()));
            (format!("referral-place-closed:{}:{until}", u.referral_id), "referral-place-closed-subject", "referral-place-closed-body")
        }
        None => (format!("referral-place-archived:{}:{now}", u.referral_id), "referral-place-archived-subject", "referral-place-archived-body"),
    };
    NewMessage {
        idempotency_key: key,
        recipient: u.sender_email.clone(),
        subject: with_args(&tr, subject, &args),
        body_text: with_args(&tr, body, &args),
        not_before_ms: now,
    }
}

/// The place's address as one line.
pub fn address(p: &Place) -> String {
    [Some(p.adresse.clone()), p.complement_adresse.clone(), Some(format!("{} {}", p.code_postal, p.commune))]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Today's hours of a place in Europe/Paris, as the person is told them.
pub fn today_hours(tr: &Tr, p: &Place, now: Millis) -> String {
    let Some(text) = p.horaires.as_deref() else { return tr.t("places-today-unknown") };
    let Ok(week) = relais_directory::hours::parse(text) else { return tr.t("places-today-unknown") };
    let Ok(at) = jiff::Timestamp::from_millisecond(now) else { return tr.t("places-today-unknown") };
    let spans = week.today(at);
    if spans.is_empty() {
        return tr.t("places-today-closed");
    }
    let spans: Vec<String> = spans
        .iter()
        .map(|(a, b)| format!("{}-{}", relais_directory::hours::hhmm(*a), relais_directory::hours::hhmm(*b)))
        .collect();
    tr.t1("places-today", "hours", spans.join(", "))
}

/// The message to the person: the place's name, address, phone and today's hours, in the
/// request's language. `recipient` is a number (SMS) or an address (e-mail).
pub fn person_message(tr: &Tr, state: &AppState, key: String, recipient: String, place: &Place, now: Millis) -> NewMessage {
    let args = [
        ("place", place.nom.clone()),
        ("address", address(place)),
        ("hours", today_hours(tr, place, now)),
        ("place_phone", place.telephone.clone().unwrap_or_else(|| tr.t("value-none"))),
        ("phone", state.config.line_phone.clone()),
    ];
    NewMessage {
        idempotency_key: key,
        recipient,
        subject: tr.t1("referral-person-subject", "place", &place.nom),
        body_text: with_args(tr, "referral-person-body", &args),
        not_before_ms: now,
    }
}
