//! Rules about the people of the volunteer network: what a valid sign-up or profile is, and
//! how a coordinator's invitation file (CSV) is read and checked. Every problem is reported
//! with a stable code (a translation key suffix) and where it is: a form field, or a line
//! and column of the file. Nothing here writes anything: a file is accepted whole or not at all.

use crate::request::is_known_language;
use std::collections::HashSet;

pub const MAX_NAME: usize = 120;
pub const MAX_EMAIL: usize = 254;
pub const MIN_PASSWORD: usize = 10;
pub const MAX_PASSWORD: usize = 200;
/// Rows a single invitation file may hold.
pub const MAX_INVITATION_ROWS: usize = 5_000;
pub const MAX_HOURS_PER_WEEK: i64 = 60;

/// Who may see a volunteer's personal phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneVisibility {
    /// The coordinators of the volunteer's networks (and administrators); each view is journaled.
    Coordinators,
    Nobody,
}

impl PhoneVisibility {
    pub fn as_str(self) -> &'static str {
        match self {
            PhoneVisibility::Coordinators => "coordinators",
            PhoneVisibility::Nobody => "nobody",
        }
    }
    pub fn parse(s: &str) -> Option<PhoneVisibility> {
        match s {
            "coordinators" => Some(PhoneVisibility::Coordinators),
            "nobody" => Some(PhoneVisibility::Nobody),
            _ => None,
        }
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a domain with a dot, no
/// spaces or control characters. Delivery is the real test; this catches typing slips.
pub fn is_plausible_email(s: &str) -> bool {
    if s.len() > MAX_EMAIL || s.chars().any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ';') {
        return false;
    }
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// The e-mail as stored: trimmed and lower-cased (accounts compare addresses that way).
pub fn normalize_email(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A display name: trimmed, 1 to [`MAX_NAME`] characters, no control characters.
pub fn check_name(s: &str) -> Result<String, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        Err("name_missing")
    } else if t.chars().count() > MAX_NAME || t.chars().any(char::is_control) {
        Err("name_invalid")
    } else {
        Ok(t.to_owned())
    }
}

/// Hours a week as typed: blank is "not said", else a whole number from 1 to 60.
pub fn parse_hours(s: &str) -> Result<Option<i64>, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i64>().ok().filter(|h| (1..=MAX_HOURS_PER_WEEK).contains(h)).map(Some).ok_or("hours_invalid")
}

pub fn check_password(s: &str) -> Result<(), &'static str> {
    let n = s.chars().count();
    if n < MIN_PASSWORD {
        Err("password_short")
    } else if n > MAX_PASSWORD {
        Err("password_long")
    } else {
        Ok(())
    }
}

/// Languages: each known, without repeats, at least one.
pub fn check_languages(codes: &[String]) -> Result<Vec<String>, &'static str> {
    let mut out: Vec<String> = Vec::new();
    for c in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !is_known_language(c) {
            return Err("language_unknown");
        }
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    }
    if out.is_empty() { Err("languages_missing") } else { Ok(out) }
}

/// Topics: each one of `known`, without repeats (none is allowed).
pub fn check_topics(ids: &[String], known: &[String]) -> Result<Vec<String>, &'static str> {
    let mut out: Vec<String> = Vec::new();
    for t in ids.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if !known.iter().any(|k| k == t) {
            return Err("topic_unknown");
        }
        if !out.iter().any(|o| o == t) {
            out.push(t.to_owned());
        }
    }
    Ok(out)
}

/// One person to invite, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteRow {
    /// Line of the file (1 is the header).
    pub line: u64,
    pub name: String,
    pub email: String,
    pub languages: Vec<String>,
    pub topics: Vec<String>,
    /// A partner structure's name: the file has a `structure` column, so its rows are
    /// partner accounts (CCAS, social centres…), not volunteers.
    pub structure: Option<String>,
}

/// Longest structure name of a partner, characters.
pub const MAX_STRUCTURE_CHARS: usize = 200;

/// A problem of an invitation file: `column` is the header name as the coordinator wrote
/// it (or `file` for the file as a whole); `code` a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub line: u64,
    pub column: String,
    pub code: &'static str,
}

impl CsvProblem {
    fn new(line: u64, column: &str, code: &'static str) -> CsvProblem {
        CsvProblem { line, column: column.to_owned(), code }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    Email,
    Languages,
    Topics,
    Structure,
}

fn column_of(header: &str) -> Option<Col> {
    match header.trim().trim_start_matches('\u{feff}').to_lowercase().as_str() {
        "nom" | "name" => Some(Col::Name),
        "email" | "e-mail" | "courriel" | "mail" => Some(Col::Email),
        "langues" | "languages" => Some(Col::Languages),
        "sujets" | "topics" => Some(Col::Topics),
        "structure" => Some(Col::Structure),
        _ => None,
    }
}

/// `;` when the header has more semicolons than commas (French spreadsheets), else `,`.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.matches(';').count() > header.matches(',').count() { b';' } else { b',' }
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|').map(|p| p.trim().to_lowercase()).filter(|p| !p.is_empty()).collect()
}

/// Reads a whole invitation file. Header `nom,email[,langues][,sujets]` (or
/// `name,email,languages,topics`), `;` or `,` separated, lists inside a cell separated by
/// `|`. Languages default to French when the column is absent or the cell empty. A file with
/// a `structure` column (`structure,nom,email`) invites partner accounts instead: every row
/// names its structure, and languages and topics (volunteers' columns) are refused. Returns
/// every row, or every problem found (all of them, not only the first).
pub fn parse_invitations(bytes: &[u8], known_topics: &[String]) -> Result<Vec<InviteRow>, Vec<CsvProblem>> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![CsvProblem::new(1, "file", "not_utf8")]);
    };
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(_)) => return Err(vec![CsvProblem::new(1, "file", "unreadable")]),
        None => return Err(vec![CsvProblem::new(1, "file", "empty")]),
    };
    let mut problems = Vec::new();
    let mut columns: Vec<(Option<Col>, String)> = Vec::new();
    for h in header.iter() {
        let col = column_of(h);
        if col.is_none() {
            problems.push(CsvProblem::new(1, h.trim(), "unknown_column"));
        } else if columns.iter().any(|(c, _)| *c == col) {
            problems.push(CsvProblem::new(1, h.trim(), "repeated_column"));
        }
        columns.push((col, h.trim().to_owned()));
    }
    // Partners: their structure instead of a volunteer's languages and skills.
    let partners = columns.iter().any(|(c, _)| *c == Some(Col::Structure));
    if partners {
        for (c, h) in &columns {
            if matches!(c, Some(Col::Languages | Col::Topics)) {
                problems.push(CsvProblem::new(1, h, "partner_column"));
            }
        }
    }
    for (need, name) in [(Col::Name, "nom"), (Col::Email, "email")] {
        if !columns.iter().any(|(c, _)| *c == Some(need)) {
            problems.push(CsvProblem::new(1, name, "missing_column"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let header_of = |col: Col| columns.iter().find(|(c, _)| *c == Some(col)).map(|(_, h)| h.clone()).unwrap_or_default();
    let mut rows = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(CsvProblem::new(line, "file", "unreadable"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // blank lines at the end of exported sheets
        }
        if record.len() > columns.len() {
            problems.push(CsvProblem::new(line, "file", "too_many_cells"));
            continue;
        }
        let cell = |col: Col| -> &str {
            columns.iter().position(|(c, _)| *c == Some(col)).and_then(|i| record.get(i)).unwrap_or_default()
        };
        let name = match check_name(cell(Col::Name)) {
            Ok(n) => Some(n),
            Err(code) => {
                problems.push(CsvProblem::new(line, &header_of(Col::Name), code));
                None
            }
        };
        let email = normalize_email(cell(Col::Email));
        let email_ok = if email.is_empty() {
            problems.push(CsvProblem::new(line, &header_of(Col::Email), "email_missing"));
            false
        } else if !is_plausible_email(&email) {
            problems.push(CsvProblem::new(line, &header_of(Col::Email), "email_invalid"));
            false
        } else if !seen.insert(email.clone()) {
            problems.push(CsvProblem::new(line, &header_of(Col::Email), "email_repeated"));
            false
        } else {
            true
        };
        let structure = if partners {
            let s = cell(Col::Structure).trim();
            if s.is_empty() {
                problems.push(CsvProblem::new(line, &header_of(Col::Structure), "structure_missing"));
                None
            } else if s.chars().count() > MAX_STRUCTURE_CHARS {
                problems.push(CsvProblem::new(line, &header_of(Col::Structure), "structure_too_long"));
                None
            } else {
                Some(Some(s.to_owned()))
            }
        } else {
            Some(None)
        };
        let langs = split_list(cell(Col::Languages));
        let languages = if partners {
            Some(Vec::new())
        } else if langs.is_empty() {
            Some(vec!["fr".to_owned()])
        } else {
            match check_languages(&langs) {
                Ok(l) => Some(l),
                Err(code) => {
                    problems.push(CsvProblem::new(line, &header_of(Col::Languages), code));
                    None
                }
            }
        };
        let topics = match check_topics(&split_list(cell(Col::Topics)), known_topics) {
            Ok(t) => Some(t),
            Err(code) => {
                problems.push(CsvProblem::new(line, &header_of(Col::Topics), code));
                None
            }
        };
        if let (Some(name), true, Some(languages), Some(topics), Some(structure)) = (name, email_ok, languages, topics, structure) {
            rows.push(InviteRow { line, name, email, languages, topics, structure });
        }
        if rows.len() + problems.len() > MAX_INVITATION_ROWS {
            return Err(vec![CsvProblem::new(line, "file", "too_many_rows")]);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if rows.is_empty() {
        return Err(vec![CsvProblem::new(2, "file", "no_rows")]);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics() -> Vec<String> {
        vec!["caf".into(), "impots".into()]
    }

    #[test]
    fn a_french_file_with_semicolons_is_read() {
        let file = "nom;email;langues;sujets\nAmina Diallo;Amina@Example.org;fr|ar;caf\nJean Martin;jean@example.org;;\n";
        let rows = parse_invitations(file.as_bytes(), &topics()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].email, "amina@example.org");
        assert_eq!(rows[0].languages, vec!["fr", "ar"]);
        assert_eq!(rows[0].topics, vec!["caf"]);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].languages, vec!["fr"], "French when not said");
        assert!(rows[1].topics.is_empty());
    }

    #[test]
    fn a_structure_column_makes_partner_rows_each_with_its_structure() {
        let file = "structure;nom;email\nCCAS de Chambéry;Léa Martin;lea@ccas.example.org\nCentre social des Hauts;Omar B;omar@cs.example.org\n";
        let rows = parse_invitations(file.as_bytes(), &topics()).unwrap();
        assert_eq!(rows.iter().map(|r| r.structure.as_deref()).collect::<Vec<_>>(), vec![Some("CCAS de Chambéry"), Some("Centre social des Hauts")]);
        assert!(rows.iter().all(|r| r.languages.is_empty() && r.topics.is_empty()), "partners have no languages or skills");
        // A volunteers' file has no structure.
        let rows = parse_invitations(b"nom,email\nJean,jean@example.org\n", &topics()).unwrap();
        assert_eq!(rows[0].structure, None);
        // A row without its structure, one too long; volunteers' columns refused in a partners' file.
        let long = "x".repeat(MAX_STRUCTURE_CHARS + 1);
        let file = format!("structure,nom,email\n,A,a@example.org\n{long},B,b@example.org\n");
        let got: Vec<(u64, String, &str)> = parse_invitations(file.as_bytes(), &topics()).unwrap_err().into_iter().map(|p| (p.line, p.column, p.code)).collect();
        assert_eq!(got, vec![(2, "structure".to_owned(), "structure_missing"), (3, "structure".to_owned(), "structure_too_long")]);
        let got: Vec<(u64, String, &str)> =
            parse_invitations(b"structure,nom,email,langues\nCCAS,A,a@example.org,fr\n", &topics()).unwrap_err().into_iter().map(|p| (p.line, p.column, p.code)).collect();
        assert_eq!(got, vec![(1, "langues".to_owned(), "partner_column")]);
    }

    #[test]
    fn an_english_header_with_commas_and_quotes_is_read() {
        let file = "\u{feff}name,email\n\"Martin, Jean\",jean@example.org\n";
        let rows = parse_invitations(file.as_bytes(), &topics()).unwrap();
        assert_eq!(rows[0].name, "Martin, Jean");
    }

    #[test]
    fn every_problem_is_reported_with_line_and_column() {
        let file = "nom,email,langues,sujets\n,a@example.org,fr,caf\nB,pas-une-adresse,xx,caf\nC,a@example.org,fr,jardinage\n";
        let problems = parse_invitations(file.as_bytes(), &topics()).unwrap_err();
        let got: Vec<(u64, &str, &str)> = problems.iter().map(|p| (p.line, p.column.as_str(), p.code)).collect();
        assert_eq!(
            got,
            vec![
                (2, "nom", "name_missing"),
                (3, "email", "email_invalid"),
                (3, "langues", "language_unknown"),
                (4, "email", "email_repeated"),
                (4, "sujets", "topic_unknown"),
            ]
        );
    }

    #[test]
    fn a_bad_header_is_refused_before_any_row() {
        let problems = parse_invitations(b"prenom,email\nA,a@example.org\n", &topics()).unwrap_err();
        assert_eq!(problems[0], CsvProblem::new(1, "prenom", "unknown_column"));
        assert!(problems.iter().any(|p| p.code == "missing_column" && p.column == "nom"));
        assert_eq!(parse_invitations(b"", &topics()).unwrap_err()[0].code, "empty");
        assert_eq!(parse_invitations(b"nom,email\n", &topics()).unwrap_err()[0].code, "no_rows");
        assert_eq!(parse_invitations(&[0xff, 0xfe, 0x00], &topics()).unwrap_err()[0].code, "not_utf8");
        assert_eq!(parse_invitations(b"nom,email\nA,a@b.fr,extra\n", &topics()).unwrap_err()[0].code, "too_many_cells");
    }

    #[test]
    fn emails_names_hours_and_passwords() {
        assert!(is_plausible_email("a.b@example.org"));
        for bad in ["", "a", "a@b", "@b.fr", "a@.fr", "a b@c.fr", "a@b..fr", "a@b.fr."] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        assert_eq!(check_name("  Léa "), Ok("Léa".into()));
        assert_eq!(check_name(" "), Err("name_missing"));
        assert_eq!(parse_hours(""), Ok(None));
        assert_eq!(parse_hours("4"), Ok(Some(4)));
        assert_eq!(parse_hours("0"), Err("hours_invalid"));
        assert_eq!(parse_hours("deux"), Err("hours_invalid"));
        assert_eq!(check_password("court"), Err("password_short"));
        assert_eq!(check_languages(&["fr".into(), "fr".into(), "ar".into()]), Ok(vec!["fr".into(), "ar".into()]));
        assert_eq!(check_languages(&[]), Err("languages_missing"));
        assert_eq!(check_topics(&["caf".into()], &topics()), Ok(vec!["caf".into()]));
    }
}
