//! `/coordination/telephonie`: the webhook URLs to paste into the provider's console and the
//! last telephony events with their result. No personal data: the log holds codes only.

use crate::actions::paris_time;
use crate::pages::context::{render, PageCtx, PageError};
use crate::pages::forms::{finish, iso, session_for};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use relais_domain::authz::Action;

pub const LATEST: i64 = 50;

pub struct EventRow {
    pub time: String,
    pub iso: String,
    pub kind: String,
    pub result: String,
}

/// One SMS the line sends, with what it costs.
pub struct SmsCost {
    pub what: String,
    pub text: String,
    pub encoding: &'static str,
    pub characters: usize,
    pub segments: usize,
}

/// The SMS texts the line sends, as they read with a reference of the usual length, and their
/// cost in segments (GSM-7 or UCS-2). Operators are billed per segment.
pub fn sms_costs(ctx: &PageCtx) -> Vec<SmsCost> {
    use relais_domain::telephony::sms::{segments, Encoding};
    // The SMS go out in French whatever the page language (see sms.rs).
    let fr = crate::i18n::Tr::new(crate::i18n::Lang::Fr);
    let confirmation = crate::pages::forms::t_args(
        &fr,
        "tel-sms-confirmation",
        &[("reference", "ACD-347".into()), ("hours", "du lundi au vendredi, de 9 h à 18 h".into())],
    );
    let tutorial = crate::pages::forms::t_args(
        &fr,
        "tel-sms-tutorial",
        &[
            ("title", "Appeler sa famille en vidéo".into()),
            ("url", "https://relais.example.org/tutoriels/appel-video".into()),
            ("phone", "01 99 00 12 34".into()),
        ],
    );
    [
        ("tel-page-sms-received", fr.t1("tel-sms-received", "reference", "ACD-347")),
        ("tel-page-sms-already", fr.t("tel-sms-already")),
        ("tel-page-sms-confirmation", confirmation),
        ("tel-page-sms-tutorial", tutorial),
        ("tel-page-sms-tried", fr.t1("tel-sms-tried", "phone", "01 99 00 12 34")),
    ]
        .into_iter()
        .map(|(what, text)| {
            let s = segments(&text);
            SmsCost {
                what: ctx.tr.t(what),
                encoding: if s.encoding == Encoding::Gsm7 { "GSM-7" } else { "UCS-2" },
                characters: text.chars().count(),
                segments: s.count,
                text,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "telephony.html")]
struct TelephonyPage<'a> {
    ctx: &'a PageCtx,
    configured: bool,
    live_answering: bool,
    cti_enabled: bool,
    urls: Vec<(String, String)>,
    sms: Vec<SmsCost>,
    rows: Vec<EventRow>,
    outbox: Vec<OutgoingRow>,
}

/// One SMS of the outbox: the number masked (`+33 6 •• •• •• 78`), never the text.
pub struct OutgoingRow {
    pub time: String,
    pub iso: String,
    pub to: String,
    pub what: String,
    pub status: String,
    pub attempts: i64,
    pub error: String,
    /// The provider's delivery receipt (translated) and its code; with its error code.
    pub delivery: String,
    pub delivery_code: String,
}

fn label(ctx: &PageCtx, prefix: &str, code: &str) -> String {
    let key = format!("{prefix}-{}", code.replace('_', "-"));
    if ctx.tr.has(&key) { ctx.tr.t(&key) } else { code.to_owned() }
}

pub async fn show(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        session_for(&ctx, Action::ViewStats)?;
        let tel = &state.config.telephony;
        let base = if tel.public_base_url.is_empty() { state.config.public_url.clone() } else { tel.public_base_url.clone() };
        let base = base.trim_end_matches('/');
        let urls = [
            ("tel-page-url-voice", "/telephony/twiml/voice"),
            ("tel-page-url-status", "/telephony/status"),
            ("tel-page-url-sms", "/telephony/twiml/sms"),
            ("tel-page-url-sms-status", "/telephony/sms/status"),
        ]
        .iter()
        .map(|(k, p)| (ctx.tr.t(k), format!("{base}{p}")))
        .collect();
        let rows = state
            .store
            .recent_telephony(LATEST)
            .await?
            .into_iter()
            .map(|e| EventRow {
                time: paris_time(e.at),
                iso: iso(e.at),
                kind: label(&ctx, "tel-kind", &e.kind),
                result: label(&ctx, "tel-result", &e.result),
            })
            .collect();
        let outbox = state
            .store
            .recent_sms_with_delivery(LATEST)
            .await?
            .into_iter()
            .map(|d| {
                let code = d.delivery_status.unwrap_or_default();
                let mut delivery = if code.is_empty() { "—".to_owned() } else { label(&ctx, "tel-delivery", &code) };
                if let Some(e) = d.delivery_error {
                    delivery = format!("{delivery} ({e})");
                }
                let m = d.msg;
                OutgoingRow {
                    time: paris_time(m.created_at),
                    iso: iso(m.created_at),
                    to: m.recipient.as_deref().map(relais_domain::phone::mask).unwrap_or_else(|| "—".into()),
                    what: m.subject,
                    status: m.status,
                    attempts: m.attempts,
                    error: m.last_error.unwrap_or_default(),
                    delivery,
                    delivery_code: code,
                }
            })
            .collect();
        Ok::<_, PageError>(render(&TelephonyPage {
            ctx: &ctx,
            configured: tel.auth_token.is_some(),
            live_answering: tel.live_answering,
            cti_enabled: tel.cti_token.is_some(),
            urls,
            sms: sms_costs(&ctx),
            rows,
            outbox,
        }))
    }
    .await;
    finish(&ctx, result)
}
