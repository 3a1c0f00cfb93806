//! What coordinators do to a place, as pure rules: an edit of the schema's fields (checked by
//! the import's own [`validate`], plus what a form can check that a file cannot: readable
//! opening hours, e-mail and link shapes), a temporary closure until a date, and the "not
//! checked for a year" flag. Time comes in as milliseconds or a civil date; no I/O.

use crate::hours;
use crate::import::validate;
use crate::model::{Place, FIELDS, REQUIRED};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::collections::HashMap;

/// A place not checked for this long is flagged in the coordinators' list.
pub const STALE_AFTER_MS: i64 = 365 * 24 * 60 * 60 * 1000;

/// A closure may not be planned further ahead than this many days (a longer one is an
/// archive, not a temporary closure).
pub const MAX_CLOSURE_DAYS: i64 = 2 * 366;

/// Longest closure reason, characters.
pub const MAX_REASON_CHARS: usize = 200;

/// The fields the coordinators' form edits; the others (source, parent structure,
/// programmes, labels, itinerance, typology…) are kept as they are in `places.doc`.
pub const EDITABLE: &[&str] = &[
    "nom", "pivot", "adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude",
    "longitude", "horaires", "telephone", "courriels", "site_web", "prise_rdv", "presentation_resume",
    "presentation_detail", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
    "frais_a_charge", "modalites_acces", "modalites_accompagnement", "fiche_acces_libre",
];

/// One problem of an edit, tied to its field. `code` is stable (`required`, `invalid`,
/// `hours`, `email`, `url`, `too_long`, `vocabulary`); `detail` is what the checker said
/// (the part of the hours it could not read, the offending value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub code: &'static str,
    pub detail: String,
}

/// Today's date in Europe/Paris at `now_ms` (the date a coordinator sees on the wall).
pub fn paris_today(now_ms: i64) -> Date {
    let tz = TimeZone::get("Europe/Paris").unwrap_or(TimeZone::UTC);
    jiff::Timestamp::from_millisecond(now_ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_zoned_datetime(tz).date()
}

/// Whether a place checked at `checked_at` is due for a check at `now`.
pub fn is_stale(checked_at: i64, now: i64) -> bool {
    now.saturating_sub(checked_at) >= STALE_AFTER_MS
}

/// Whether a closure "until `closed_until`" (inclusive, Paris date) still holds on `today`.
/// The day after, the place is open again by itself: nobody has to remember to reopen it.
pub fn closure_in_effect(closed_until: &str, today: Date) -> bool {
    closed_until.parse::<Date>().is_ok_and(|until| until >= today)
}

/// Checks a closure form: a real date from today to [`MAX_CLOSURE_DAYS`] ahead and a
/// reason of 1 to [`MAX_REASON_CHARS`] characters.
pub fn check_closure(until: &str, reason: &str, today: Date) -> Result<(Date, String), Vec<FieldProblem>> {
    let mut errs = Vec::new();
    let problem = |field: &str, code: &'static str, detail: &str| FieldProblem { field: field.into(), code, detail: detail.into() };
    let date = match until.trim().parse::<Date>() {
        Ok(d) if d < today => {
            errs.push(problem("closed_until", "past", until));
            None
        }
        Ok(d) if today.until(d).map(|span| span.get_days() as i64).unwrap_or(i64::MAX) > MAX_CLOSURE_DAYS => {
            errs.push(problem("closed_until", "too_far", until));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errs.push(problem("closed_until", "invalid", until));
            None
        }
    };
    let reason = reason.trim();
    if reason.is_empty() {
        errs.push(problem("closure_reason", "required", ""));
    } else if reason.chars().count() > MAX_REASON_CHARS {
        errs.push(problem("closure_reason", "too_long", ""));
    }
    match date {
        Some(d) if errs.is_empty() => Ok((d, reason.to_string())),
        _ => Err(errs),
    }
}

/// The row of `place` as the import reads it (every schema field, multi-values `|`-joined).
pub fn row_of(place: &Place) -> HashMap<String, String> {
    FIELDS.iter().filter_map(|f| place.field(f).map(|v| (f.to_string(), v))).collect()
}

/// Applies a form (`form`: editable field → value, multi-values `|`-joined) to `base` (the
/// stored place, or a new one with `id`), stamps `date_maj` with `today`, and checks the
/// result with the import's [`validate`] and the form's own checks. Every problem is
/// returned at once, each tied to its field.
pub fn apply_edit(base: &Place, form: &HashMap<String, String>, today: Date) -> Result<Place, Vec<FieldProblem>> {
    let mut row = row_of(base);
    for f in EDITABLE {
        match form.get(*f).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            Some(v) => row.insert(f.to_string(), v.to_string()),
            None => row.remove(*f),
        };
    }
    row.insert("date_maj".into(), today.to_string());
    let mut problems: Vec<FieldProblem> = Vec::new();
    let mut push = |field: &str, code: &'static str, detail: String| {
        if !problems.iter().any(|p| p.field == field) {
            problems.push(FieldProblem { field: field.to_string(), code, detail });
        }
    };
    let value = |f: &str| row.get(f).map(String::as_str).unwrap_or("");
    if let Some(h) = row.get("horaires") {
        if let Err(e) = hours::parse(h) {
            push("horaires", "hours", e.part);
        }
    }
    for m in value("courriels").split('|').filter(|m| !m.is_empty()) {
        if !valid_email(m) {
            push("courriels", "email", m.to_string());
        }
    }
    for f in ["site_web", "prise_rdv", "fiche_acces_libre"] {
        for u in value(f).split('|').filter(|u| !u.is_empty()) {
            if !valid_url(u) {
                push(f, "url", u.to_string());
            }
        }
    }
    if value("presentation_resume").chars().count() > 280 {
        push("presentation_resume", "too_long", String::new());
    }
    for f in ["nom", "adresse", "commune", "complement_adresse"] {
        if value(f).chars().count() > 300 {
            push(f, "too_long", String::new());
        }
    }
    let checked = validate(&row);
    if let Err(rejected) = &checked {
        for r in rejected {
            let blank = value(&r.field).trim().is_empty();
            let code = if blank && REQUIRED.contains(&r.field.as_str()) {
                "required"
            } else if crate::vocab::of_field(&r.field).is_some() {
                "vocabulary"
            } else {
                "invalid"
            };
            push(&r.field, code, value(&r.field).to_string());
        }
    }
    match checked {
        Ok(place) if problems.is_empty() => Ok(place),
        _ => {
            // In the form's order, so the error summary reads like the form.
            problems.sort_by_key(|p| EDITABLE.iter().position(|f| *f == p.field).unwrap_or(usize::MAX));
            Err(problems)
        }
    }
}

fn valid_email(m: &str) -> bool {
    match m.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !m.contains(char::is_whitespace) && !domain.contains('@')
        }
        None => false,
    }
}

fn valid_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://")) && u.len() > "https://x".len() - 1 && !u.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2026-12-04".parse().unwrap()
    }

    fn base() -> Place {
        Place {
            id: "p1".into(),
            pivot: "12345678901234".into(),
            nom: "Médiathèque".into(),
            commune: "Chambéry".into(),
            code_postal: "73000".into(),
            adresse: "1 rue de la Paix".into(),
            date_maj: "2020-01-01".into(),
            source: Some("Hinaura".into()),
            ..Place::default()
        }
    }

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        let mut f: HashMap<String, String> = row_of(&base()).into_iter().filter(|(k, _)| EDITABLE.contains(&k.as_str())).collect();
        for (k, v) in pairs {
            f.insert(k.to_string(), v.to_string());
        }
        f
    }

    #[test]
    fn an_edit_keeps_the_fields_the_form_does_not_show_and_stamps_date_maj() {
        let p = apply_edit(&base(), &form(&[("nom", "Médiathèque Jean-Jaurès"), ("horaires", "Mo-Fr 09:00-12:00")]), today()).unwrap();
        assert_eq!(p.nom, "Médiathèque Jean-Jaurès");
        assert_eq!(p.source.as_deref(), Some("Hinaura"));
        assert_eq!(p.date_maj, "2026-12-04");
        assert_eq!(p.horaires.as_deref(), Some("Mo-Fr 09:00-12:00"));
    }

    #[test]
    fn every_bad_field_is_named_with_its_code() {
        let errs = apply_edit(
            &base(),
            &form(&[
                ("nom", " "),
                ("code_postal", "7300"),
                ("horaires", "Mo-Fr 09:00-12:00; PH off"),
                ("courriels", "contact@"),
                ("site_web", "www.example.org"),
                ("latitude", "45,5"),
                ("longitude", "5.9"),
                ("services", "Cuisine"),
            ]),
            today(),
        )
        .unwrap_err();
        let got: Vec<(&str, &str)> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            vec![
                ("nom", "required"),
                ("code_postal", "invalid"),
                ("latitude", "invalid"),
                ("horaires", "hours"),
                ("courriels", "email"),
                ("site_web", "url"),
                ("services", "vocabulary"),
            ]
        );
        assert_eq!(errs.iter().find(|e| e.field == "horaires").unwrap().detail, "PH");
    }

    #[test]
    fn a_closure_needs_a_date_from_today_and_a_reason() {
        assert_eq!(check_closure("2026-12-24", " Travaux ", today()).unwrap(), ("2026-12-24".parse().unwrap(), "Travaux".into()));
        assert!(check_closure("2026-12-04", "Grève", today()).is_ok());
        let codes = |r: Result<(Date, String), Vec<FieldProblem>>| r.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>();
        assert_eq!(codes(check_closure("2026-12-03", "x", today())), vec![("closed_until".into(), "past")]);
        assert_eq!(codes(check_closure("31/12/2026", "", today())), vec![("closed_until".into(), "invalid"), ("closure_reason".into(), "required")]);
        assert_eq!(codes(check_closure("2030-01-01", "x", today())), vec![("closed_until".into(), "too_far")]);
        assert_eq!(codes(check_closure("2026-12-05", &"x".repeat(201), today())), vec![("closure_reason".into(), "too_long")]);
    }

    #[test]
    fn a_closure_ends_by_itself_the_day_after_its_date() {
        assert!(closure_in_effect("2026-12-04", today()));
        assert!(closure_in_effect("2027-01-10", today()));
        assert!(!closure_in_effect("2026-12-03", today()));
        assert!(!closure_in_effect("garbage", today()));
    }

    #[test]
    fn a_place_is_stale_one_year_after_its_check() {
        let checked = 1_700_000_000_000;
        assert!(!is_stale(checked, checked + STALE_AFTER_MS - 1));
        assert!(is_stale(checked, checked + STALE_AFTER_MS));
    }

    #[test]
    fn today_is_the_paris_date() {
        // 2026-12-04 23:30 UTC is already the 5th in Paris (UTC+1).
        let ms = "2026-12-04T23:30:00Z".parse::<jiff::Timestamp>().unwrap().as_millisecond();
        assert_eq!(paris_today(ms).to_string(), "2026-12-05");
    }
}
