//! What an operator can set for the web side (from the CLI, the config file or the
//! environment; see the binary).

use relais_domain::lifecycle::Policy;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The line's phone number as shown to the public (e.g. "01 99 00 12 34").
    pub line_phone: String,
    /// Service hours as shown to the public, per language code; French is the fallback.
    pub line_hours_fr: String,
    pub line_hours_en: String,
    pub line_hours_ar: String,
    /// Rules of the request lifecycle (lease, attempts, retry delays).
    pub policy: Policy,
    /// Requests per minute one client address may submit to the public intake (0: no limit).
    pub intake_per_minute: u32,
    /// Look-ups of one's own request (reference + phone) per minute per client address
    /// (0: no limit): enough for a person, too few to guess references.
    pub lookup_per_minute: u32,
    /// Failed sign-ins allowed per e-mail per 15 minutes before waiting.
    pub login_attempts: u32,
    pub max_body_bytes: usize,
    /// How often leases are checked for expiry.
    pub lease_check_every: Duration,
    /// How long personal data is kept after the last contact.
    pub retention: relais_domain::Millis,
    /// Marks cookies `Secure` (set when served behind TLS).
    pub secure_cookies: bool,
    pub session_ttl: relais_domain::Millis,
    /// How long an invitation link stays valid (`--invitation-days`, default 14 days).
    pub invitation_ttl: relais_domain::Millis,
    /// How often this instance checks whether another one published a tutorial.
    pub tutorials_poll_every: Duration,
    /// How often this instance checks `places_version` (a change of the directory elsewhere).
    pub places_poll_every: Duration,
    /// A volunteer may cancel a booked shift up to this long before it starts.
    pub shift_cancel_deadline: relais_domain::Millis,
    /// Base of every link put in an e-mail or a calendar feed, without a trailing slash
    /// (e.g. `https://relais.example.org`).
    pub public_url: String,
    /// Where mail is sent (`smtp://…`, `smtps://…`, as lettre's `from_url` reads them).
    /// `None`: nothing is sent, messages stay queued in the outbox.
    pub smtp_url: Option<SmtpUrl>,
    /// The From of every mail, e.g. `Relais <noreply@example.org>`.
    pub mail_from: String,
    /// When the mail sender tries again, and how many attempts before giving up.
    pub mail_retry: relais_domain::mail::RetryPolicy,
    /// How often the mail sender looks for due messages when nothing wakes it up.
    pub mail_poll_every: Duration,
    /// How long a claimed message stays with the instance sending it; after that another
    /// instance may take it over. Longer than any SMTP exchange (see `smtp_timeout`).
    pub mail_lease: relais_domain::Millis,
    /// Timeout of each SMTP command.
    pub smtp_timeout: Duration,
    /// The phone line (issue 5): provider, webhooks, live answering.
    pub telephony: crate::telephony::TelephonyConfig,
    /// The map of `/lieux` (issue 6): Leaflet's files if installed, the tile server.
    pub map: crate::map::MapConfig,
    /// Referrals (issue 6): expiry delay (`--referral-expiry-days`), reminder, retention.
    pub referral: relais_domain::referral::Policy,
}

/// An SMTP URL, which may hold a password: its `Debug` form hides everything but the
/// scheme, so the configuration can be logged.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl(String);

impl SmtpUrl {
    pub fn new(url: impl Into<String>) -> SmtpUrl {
        SmtpUrl(url.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scheme = self.0.split("://").next().unwrap_or("");
        write!(f, "SmtpUrl({scheme}://…)")
    }
}

impl From<String> for SmtpUrl {
    fn from(s: String) -> Self {
        SmtpUrl(s)
    }
}

impl From<&str> for SmtpUrl {
    fn from(s: &str) -> Self {
        SmtpUrl(s.to_owned())
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            line_phone: "01 99 00 12 34".into(),
            line_hours_fr: "du lundi au vendredi, de 9 h à 18 h".into(),
            line_hours_en: "Monday to Friday, 9 am to 6 pm".into(),
            line_hours_ar: "من الاثنين إلى الجمعة، من 9 صباحًا إلى 6 مساءً".into(),
            policy: Policy::default(),
            intake_per_minute: 10,
            lookup_per_minute: 20,
            login_attempts: 5,
            max_body_bytes: 64 * 1024,
            lease_check_every: Duration::from_secs(15),
            retention: relais_domain::retention::DEFAULT_RETENTION,
            secure_cookies: false,
            session_ttl: 12 * relais_domain::HOUR,
            invitation_ttl: 14 * relais_domain::DAY,
            tutorials_poll_every: Duration::from_secs(3),
            places_poll_every: Duration::from_secs(3),
            shift_cancel_deadline: 12 * relais_domain::HOUR,
            public_url: "http://127.0.0.1:8080".into(),
            smtp_url: None,
            mail_from: "Relais <noreply@localhost>".into(),
            mail_retry: relais_domain::mail::RetryPolicy::default(),
            mail_poll_every: Duration::from_secs(5),
            mail_lease: 10 * relais_domain::MINUTE,
            smtp_timeout: Duration::from_secs(30),
            telephony: crate::telephony::TelephonyConfig::default(),
            map: crate::map::MapConfig::default(),
            referral: relais_domain::referral::Policy::default(),
        }
    }
}

impl WebConfig {
    /// `public_url` followed by `path` (which starts with `/`).
    pub fn public_link(&self, path: &str) -> String {
        format!("{}{}", self.public_url.trim_end_matches('/'), path)
    }

    pub fn hours(&self, lang: &str) -> &str {
        match lang {
            "en" => &self.line_hours_en,
            "ar" => &self.line_hours_ar,
            _ => &self.line_hours_fr,
        }
    }
}
