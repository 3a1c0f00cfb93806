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
    /// A volunteer may cancel a booked shift up to this long before it starts.
    pub shift_cancel_deadline: relais_domain::Millis,
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
            shift_cancel_deadline: 12 * relais_domain::HOUR,
        }
    }
}

impl WebConfig {
    pub fn hours(&self, lang: &str) -> &str {
        match lang {
            "en" => &self.line_hours_en,
            "ar" => &self.line_hours_ar,
            _ => &self.line_hours_fr,
        }
    }
}
