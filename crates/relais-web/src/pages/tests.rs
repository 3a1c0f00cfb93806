//! Every string the pages can show exists in French, English and Arabic, and the Fluent
//! files parse. Keys are found by a plain scan of the templates and page handlers for
//! `.t("…")`, `.t1("…")`, `.tn("…")` and `t_args(…, "…")`; keys built from codes
//! (topics, outcomes, statuses…) are listed from the domain's own enums.

use crate::i18n::{Lang, Tr};
use relais_domain::request::{AttemptResult, CallbackWindow, Channel, EventKind, Outcome, Status, Urgency, LANGUAGES};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LANGS: [&str; 3] = ["fr", "en", "ar"];

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    out
}

/// The string literal that starts right at `s` (which begins with `"`), if any.
fn literal(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(&rest[..end])
}

/// Keys passed as literals to the translator in `source`.
fn keys_in(source: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for call in [".t(", ".t1(", ".tn("] {
        for (i, _) in source.match_indices(call) {
            if let Some(k) = literal(&source[i + call.len()..]) {
                keys.push(k.to_owned());
            }
        }
    }
    // Calls only (`t_args(&ctx.tr, "key", …)`), not the function's definition.
    for (i, _) in source.match_indices("t_args(&") {
        let args = &source[i + "t_args(&".len()..];
        if let Some(q) = args.find('"').filter(|q| !args[..*q].contains(')'))
            && let Some(k) = literal(&args[q..])
        {
            keys.push(k.to_owned());
        }
    }
    keys.retain(|k| is_key(k));
    keys
}

/// A Fluent message identifier as the pages name them: lowercase words joined by dashes.
fn is_key(k: &str) -> bool {
    !k.is_empty()
        && !k.starts_with('-')
        && !k.ends_with('-')
        && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// String literals of `source` that start with `prefix` (field error codes).
fn literals_starting_with(source: &str, prefix: &str) -> Vec<String> {
    source
        .match_indices(&format!("\"{prefix}"))
        .filter_map(|(i, _)| literal(&source[i..]))
        .filter(|k| is_key(k))
        .map(str::to_owned)
        .collect()
}

fn dashed(prefix: &str, code: &str) -> String {
    super::forms::code_key(prefix, code)
}

/// Every key the pages may ask for.
fn required_keys() -> BTreeSet<String> {
    let dir = crate_dir();
    let mut keys = BTreeSet::new();
    let mut sources: Vec<PathBuf> = files(&dir.join("templates"), "html");
    sources.extend(files(&dir.join("src/pages"), "rs"));
    // This file's examples are not keys.
    sources.retain(|p| !p.ends_with("tests.rs"));
    for path in &sources {
        let text = std::fs::read_to_string(path).unwrap();
        keys.extend(keys_in(&text));
    }
    // Field error codes anywhere in the crate are translation keys too.
    let mut all_rs = files(&dir.join("src"), "rs");
    all_rs.extend(files(&dir.join("src/api"), "rs"));
    all_rs.extend(files(&dir.join("src/pages"), "rs"));
    all_rs.retain(|p| !p.ends_with("tests.rs"));
    for path in &all_rs {
        let text = std::fs::read_to_string(path).unwrap();
        keys.extend(literals_starting_with(&text, "error-"));
    }
    // Issue 6: referral states, steps, link pages, notices, conflicts and timeline events.
    for st in relais_domain::referral::State::ALL {
        keys.insert(dashed("referral-state", st.as_str()));
        if !matches!(st, relais_domain::referral::State::Sent | relais_domain::referral::State::Expired) {
            keys.insert(dashed("referral-link-thanks", st.as_str()));
        }
    }
    for step in ["accept", "refuse", "done", "no_show"] {
        keys.insert(dashed("referral-step", step));
    }
    for e in relais_domain::referral::EVENTS {
        keys.insert(dashed("event", e));
    }
    for code in ["referral_wrong_state", "referral_not_allowed", "referral_not_yet_expired", "referral_already_expired", "referral_step_unknown"] {
        keys.insert(dashed("conflict", code));
    }
    for (_, key) in super::referrals::NOTICES {
        keys.insert((*key).to_owned());
    }
    for (_, key) in super::console::NOTICES {
        keys.insert((*key).to_owned());
    }
    for t in relais_domain::topics::SEED {
        keys.insert(dashed("topic", t.id));
    }
    keys.extend(Outcome::ALL.iter().map(|c| dashed("outcome", c.as_str())));
    keys.extend(AttemptResult::ALL.iter().map(|c| dashed("attempt", c.as_str())));
    keys.extend(Status::ALL.iter().map(|c| dashed("status", c.as_str())));
    keys.extend(Status::ALL.iter().map(|c| dashed("follow-status", c.as_str())));
    keys.extend(EventKind::ALL.iter().map(|c| dashed("event", c.as_str())));
    keys.extend(Channel::ALL.iter().map(|c| dashed("channel", c.as_str())));
    keys.extend(CallbackWindow::ALL.iter().map(|c| dashed("window", c.as_str())));
    keys.extend(Urgency::ALL.iter().map(|c| dashed("urgency", c.as_str())));
    keys.extend(LANGUAGES.iter().map(|c| dashed("language", c)));
    keys.extend(relais_domain::authz::Role::ALL.iter().map(|r| dashed("role", r.as_str())));
    for s in ["pending", "active", "deactivated"] {
        keys.insert(dashed("account-status", s));
    }
    // Conflict codes of src/error.rs, and the field errors a page shows as a conflict.
    for code in [
        "open_request_exists",
        "not_on_duty",
        "not_holder",
        "request_closed",
        "request_not_waiting",
        "request_not_due",
        "concurrent_change",
        "lease_not_expired",
        "error-follow-up-time",
        "error-too-long",
        "error-unknown",
        "error-volunteer-inactive",
        "error-volunteer-missing",
        "error-account-status",
    ] {
        keys.insert(dashed("conflict", code));
    }
    // The public page's labels of the schema's vocabularies, by position.
    for (prefix, values) in [
        ("places-specific", relais_directory::vocab::PRISE_EN_CHARGE),
        ("places-public", relais_directory::vocab::PUBLICS),
        ("places-access", relais_directory::vocab::MODALITES_ACCES),
        ("places-support", relais_directory::vocab::MODALITES_ACCOMPAGNEMENT),
    ] {
        for i in 0..values.len() {
            keys.insert(format!("{prefix}-{i}"));
        }
    }
    // Why an import refused a row: every code the directory crate may give.
    for code in relais_directory::reason::CODES {
        keys.insert(format!("places-import-reason-{code}"));
    }
    // Keys of base.html and error.html, named by the page context.
    for key in ["error-page-not-found", "error-page-csrf", "error-page-sign-in", "error-page-forbidden", "error-page-too-many", "error-page-internal"] {
        keys.insert(key.to_owned());
    }
    keys
}

/// The .ftl files of one language (fluent-templates loads every file of the folder).
fn ftl_files(lang: &str) -> Vec<(std::path::PathBuf, String)> {
    let dir = crate_dir().join("locales").join(lang);
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            files.push((path, text));
        }
    }
    files
}

/// All .ftl text of one language.
fn ftl_text(lang: &str) -> String {
    ftl_files(lang).into_iter().map(|(_, t)| t + "\n").collect()
}

/// Keys defined in the .ftl files of one language: lines that start with `key =`.
fn defined_keys(lang: &str) -> BTreeSet<String> {
    let text = ftl_text(lang);
    text.lines()
        .filter_map(|l| l.split_once(" ="))
        .map(|(k, _)| k)
        .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_scan_finds_keys_in_templates_and_handlers() {
    let found = keys_in(r#"{{ ctx.tr.t("site-name") }} ctx.tr.t1("a-b", "x", 1) tr.tn("c", "n", 2) t_args(&ctx.tr, "wait-minutes", &[])"#);
    assert_eq!(found, vec!["site-name", "a-b", "c", "wait-minutes"]);
    let keys = required_keys();
    for k in ["site-name", "cta-callback", "request-phone-label", "conflict-not-on-duty", "topic-autre", "language-ber", "outcome-follow-up"] {
        assert!(keys.contains(k), "{k} not found by the scan");
    }
}

#[test]
fn every_key_exists_in_every_language() {
    let required = required_keys();
    for lang in LANGS {
        let defined = defined_keys(lang);
        let missing: Vec<&String> = required.iter().filter(|k| !defined.contains(*k)).collect();
        assert!(missing.is_empty(), "locales/{lang}/*.ftl lack {missing:?}");
    }
}

#[test]
fn the_three_languages_have_the_same_keys() {
    let fr = defined_keys("fr");
    for lang in ["en", "ar"] {
        let other = defined_keys(lang);
        let only_fr: Vec<&String> = fr.difference(&other).collect();
        let only_other: Vec<&String> = other.difference(&fr).collect();
        assert!(only_fr.is_empty() && only_other.is_empty(), "{lang}: missing {only_fr:?}, extra {only_other:?}");
    }
}

#[test]
fn fluent_files_parse_without_errors() {
    for lang in LANGS {
        for (path, text) in ftl_files(lang) {
            if let Err((_, errors)) = fluent_templates::fluent_bundle::FluentResource::try_new(text) {
                panic!("{}: {errors:?}", path.display());
            }
        }
    }
}

#[test]
fn messages_resolve_with_their_arguments() {
    for lang in Lang::ALL {
        let tr = Tr::new(*lang);
        let fr = ftl_text("fr");
        // Messages with arguments are checked with their arguments below.
        // (a message's argument may be on a continuation line: track the current key)
        let mut with_args: BTreeSet<&str> = BTreeSet::new();
        let mut current = "";
        for line in fr.lines() {
            if let Some((k, _)) = line.split_once(" =").filter(|(k, _)| !k.starts_with(' ')) {
                current = k;
            }
            if line.contains("{ $") {
                with_args.insert(current);
            }
        }
        for key in defined_keys("fr").iter().filter(|k| !with_args.contains(k.as_str())) {
            let text = tr.t(key);
            assert!(!text.contains("Unknown localization"), "{key} in {}", lang.code());
        }
        let later = tr.tn("coordination-waiting-later", "count", 7);
        assert!(later.contains('7'), "{later}");
        let wait = super::forms::t_args(
            &tr,
            "wait-minutes",
            &[("low", 10.into()), ("high", 20.into())],
        );
        assert!(wait.contains("10") && wait.contains("20") && !wait.contains('{'), "{wait}");
    }
    assert_eq!(Tr::new(Lang::Fr).t("request-phone-label"), "Votre numéro de téléphone");
    assert_eq!(Tr::new(Lang::Fr).t("cta-callback"), "Être rappelé");
    assert_eq!(Tr::new(Lang::Fr).t("request-submit"), "Envoyer ma demande");
}

#[test]
fn import_reasons_read_in_every_language_with_what_they_quote() {
    let fr = ftl_text("fr");
    for lang in Lang::ALL {
        let tr = Tr::new(*lang);
        for code in relais_directory::reason::CODES {
            let r = relais_directory::Reason::new(code).with("value", "X42").with("first", 7).with("min", 3).with("max", 150).with("len", 2);
            let text = super::places_import::reason_text(&tr, &r);
            assert!(!text.is_empty() && !text.contains('{') && !text.contains("Unknown localization"), "{code} in {}: {text}", lang.code());
            let head = format!("places-import-reason-{code} =");
            let source = fr.lines().find(|l| l.starts_with(&head)).unwrap_or_else(|| panic!("{head} missing in French"));
            for (name, value) in &r.args {
                if source.contains(&format!("${name}")) {
                    assert!(text.contains(value.as_str()), "{code} in {} does not quote its {name}: {text}", lang.code());
                }
            }
        }
    }
    let r = relais_directory::Reason::value("not-postcode", "7300");
    assert_eq!(super::places_import::reason_text(&Tr::new(Lang::Fr), &r), "« 7300 » n'est pas un code postal à 5 chiffres");
}
