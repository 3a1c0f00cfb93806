//! How long personal data is kept. A closed request keeps its anonymous facts (channel,
//! topic, language, department, times, outcome) for statistics; its personal fields (phone,
//! first name, full postcode, notes) are erased once `retention` has passed since the last
//! contact with the person.

use crate::{Millis, DAY};

/// Default retention: two years after the last contact.
pub const DEFAULT_RETENTION: Millis = 730 * DAY;

/// Recipients and bodies of e-mails are erased this long after the message was sent,
/// failed for good or was cancelled: the links and names in a mail are personal, and a
/// month is enough to answer "did my mail go out?".
pub const MAIL_RETENTION: Millis = 30 * DAY;

/// Requests closed whose last contact is before this instant are to be purged.
pub fn purge_cutoff(now: Millis, retention: Millis) -> Millis {
    now - retention
}

/// What is kept of a postcode after purge: the department (first two characters, three for
/// overseas departments 97x), enough for statistics, not enough to find anyone.
pub fn anonymous_area(postcode: &str) -> Option<String> {
    let p = postcode.trim();
    if p.len() != 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(if p.starts_with("97") || p.starts_with("98") { p[..3].to_owned() } else { p[..2].to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutoff_is_retention_before_now() {
        assert_eq!(purge_cutoff(1000 * DAY, DEFAULT_RETENTION), 270 * DAY);
    }

    #[test]
    fn area_keeps_the_department_only() {
        assert_eq!(anonymous_area("75011").as_deref(), Some("75"));
        assert_eq!(anonymous_area("97400").as_deref(), Some("974"));
        assert_eq!(anonymous_area("7501"), None);
    }
}
