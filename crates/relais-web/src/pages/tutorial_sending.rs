//! Around a call: on the request page, the holder searches the tutorial library and sends a
//! tutorial's link to the person by e-mail. The address typed is checked, put in the outbox
//! message only (erased later by the outbox's retention), and the request's timeline records
//! `tutorial_sent` with the tutorial and the channel, never the address or the text.
//!
//! SMS is not offered: Relais has no SMS channel yet (see docs/tutorials.md).

use super::console::ActionForms;
use super::context::PageCtx;
use super::forms::FormData;
use super::tutorials::library_lang;
use crate::api::tutorials::list;
use crate::state::AppState;

/// Results shown in the box.
const CHOICES: usize = 5;

pub struct TutorialChoice {
    pub slug: String,
    pub title: String,
    pub url: String,
    /// Value of the form's `nonce`: a second click on the same form sends nothing new.
    pub nonce: String,
    pub email: String,
    pub error: Option<String>,
}

/// `?tq=` of the request page, decoded.
pub fn query_param(query: Option<&str>) -> Option<String> {
    let raw = query?.split('&').find_map(|kv| kv.strip_prefix("tq="))?;
    Some(FormData::parse(&format!("tq={raw}")).text("tq")).map(|q| q.trim().chars().take(200).collect())
}

/// The tutorials to offer for `q` (the request's topic when nothing matches the words).
pub fn choices(state: &AppState, ctx: &PageCtx, q: &str, topic: &str, forms: &ActionForms) -> Vec<TutorialChoice> {
    let snap = state.tutorials.snapshot();
    let lang = library_lang(ctx.lang());
    let mut hits = list(&snap, Some(q), None, None);
    if hits.is_empty() {
        hits = list(&snap, None, Some(lang), Some(topic));
    }
    hits.truncate(CHOICES);
    hits.into_iter()
        .map(|h| {
            let refused = forms.tutorial_slug == h.slug;
            TutorialChoice {
                nonce: relais_store::sessions::random_token(),
                email: if refused { forms.email.clone() } else { String::new() },
                error: if refused { forms.errors.get("email").map(str::to_owned) } else { None },
                slug: h.slug,
                title: h.title,
                url: h.url,
            }
        })
        .collect()
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no
/// spaces, at most 254 characters. (The SMTP server is the final judge; this catches typos.)
pub fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && s.chars().all(|c| c.is_ascii_graphic() || (!c.is_ascii() && c.is_alphanumeric()))
        && !s.contains(['<', '>', '(', ')', ',', ';', ':', '"', '[', ']', '\\'])
}

#[cfg(test)]
mod tests {
    use super::is_plausible_email;

    #[test]
    fn e_mail_addresses_are_checked_for_typos() {
        for ok in ["nom@exemple.fr", "a.b+c@mail.example.org", "jean-luc@laposte.net"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in ["", "nom", "nom@", "@exemple.fr", "nom@exemple", "nom@@exemple.fr", "nom @exemple.fr", "nom@exemple..fr", "a<b>@x.fr", "nom@.fr"] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}
