//! Parser of one tutorial file: TOML front matter between `+++` lines, then Markdown with the
//! two sections of `content/README.md`. The first fault stops it and is reported with its
//! line and field; the web editor shows it next to the text (codes are translated there).

use std::fmt;

use jiff::civil::Date;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use toml::{Table, Value};

use crate::inline::render_inline;
use crate::model::{Link, Step, Trouble, Tutorial, Variant};

/// What is wrong, as a stable code (the web layer's translation key is `content-error-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The file does not start with a `+++` line.
    MissingFrontMatter,
    /// No closing `+++` line.
    UnclosedFrontMatter,
    /// The front matter is not valid TOML.
    FrontMatterSyntax,
    MissingField,
    /// A field has the wrong type or shape (e.g. `duration_minutes = "ten"`).
    BadField,
    UnknownField,
    /// A `## …` section is missing, misnamed or out of order.
    BadSection,
    /// Text outside the two sections' lists (a paragraph, another heading, a nested list).
    UnexpectedContent,
    /// A step or note is empty.
    EmptyItem,
    /// A `[picto:…]` marker that is not `[picto:<lowercase-name>]`.
    BadPictogramMarker,
    /// A note without the `situation : what to do` separator.
    MissingSeparator,
}

impl ErrorCode {
    pub fn code(self) -> &'static str {
        match self {
            ErrorCode::MissingFrontMatter => "missing-front-matter",
            ErrorCode::UnclosedFrontMatter => "unclosed-front-matter",
            ErrorCode::FrontMatterSyntax => "front-matter-syntax",
            ErrorCode::MissingField => "missing-field",
            ErrorCode::BadField => "bad-field",
            ErrorCode::UnknownField => "unknown-field",
            ErrorCode::BadSection => "bad-section",
            ErrorCode::UnexpectedContent => "unexpected-content",
            ErrorCode::EmptyItem => "empty-item",
            ErrorCode::BadPictogramMarker => "bad-pictogram-marker",
            ErrorCode::MissingSeparator => "missing-separator",
        }
    }
}

/// A fault in a tutorial file: code, 1-based line, the field or section concerned, and an
/// English detail for logs and tests (pages show the translated code instead).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentError {
    pub code: ErrorCode,
    pub line: usize,
    pub field: Option<String>,
    pub detail: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.code.code())?;
        if let Some(field) = &self.field {
            write!(f, " ({field})")?;
        }
        write!(f, ": {}", self.detail)
    }
}

fn err(code: ErrorCode, line: usize, field: Option<&str>, detail: impl Into<String>) -> ContentError {
    ContentError { code, line, field: field.map(str::to_string), detail: detail.into() }
}

const FIELDS: [&str; 9] =
    ["title", "summary", "topics", "needs", "duration_minutes", "official_site", "checked_on", "keywords", "related"];

/// Parses one file. `slug` and `variant` come from its path.
pub fn parse(slug: &str, variant: Variant, text: &str) -> Result<Tutorial, ContentError> {
    let lines = LineIndex::new(text);
    let (front, front_start, body, body_start) = split_front_matter(text)?;
    let front_line = lines.line_of(front_start);
    let table: Table = front.parse().map_err(|e: toml::de::Error| {
        let line = e.span().map_or(front_line, |s| front_line + front[..s.start].matches('\n').count());
        err(ErrorCode::FrontMatterSyntax, line, None, e.message().to_string())
    })?;
    let field_line = |name: &str| {
        front.lines().position(|l| l.trim_start().strip_prefix(name).is_some_and(|r| r.trim_start().starts_with('=')))
            .map_or(front_line, |i| front_line + i)
    };
    if let Some(unknown) = table.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(err(ErrorCode::UnknownField, field_line(unknown), Some(unknown), "not a tutorial field"));
    }
    let fm = FrontMatter { table: &table, line: &field_line, front_line };
    let title = fm.string("title")?;
    let summary = fm.string("summary")?;
    let topics = fm.strings("topics", true)?;
    let needs = fm.strings("needs", true)?;
    let duration_minutes = fm.duration()?;
    let official_site = fm.string("official_site")?;
    let checked_on = fm.date("checked_on")?;
    let keywords = fm.strings("keywords", false)?;
    let related = fm.strings("related", false)?;

    let body = parse_body(variant, body, body_start, &lines)?;
    Ok(Tutorial {
        slug: slug.to_string(),
        variant,
        title,
        summary,
        topics,
        needs,
        duration_minutes,
        official_site,
        checked_on,
        keywords,
        related,
        steps: body.steps,
        troubleshooting: body.troubleshooting,
        links: body.links,
        source: text.to_string(),
    })
}

/// Byte offsets of line starts, to turn an offset into a 1-based line.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        LineIndex(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }
    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// (front matter, its offset, body, its offset).
fn split_front_matter(text: &str) -> Result<(&str, usize, &str, usize), ContentError> {
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - text_no_bom.len();
    let first_end = text_no_bom.find('\n').unwrap_or(text_no_bom.len());
    if text_no_bom[..first_end].trim_end() != "+++" {
        return Err(err(ErrorCode::MissingFrontMatter, 1, None, "the file must start with a +++ line"));
    }
    let front_start = bom + first_end + 1;
    let mut offset = front_start;
    for line in text[front_start.min(text.len())..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let body_start = offset + line.len();
            return Ok((&text[front_start..offset], front_start, &text[body_start..], body_start));
        }
        offset += line.len();
    }
    Err(err(ErrorCode::UnclosedFrontMatter, 1, None, "no closing +++ line"))
}

struct FrontMatter<'a> {
    table: &'a Table,
    line: &'a dyn Fn(&str) -> usize,
    front_line: usize,
}

impl FrontMatter<'_> {
    fn get(&self, name: &str) -> Result<&Value, ContentError> {
        self.table
            .get(name)
            .ok_or_else(|| err(ErrorCode::MissingField, self.front_line, Some(name), "required field is missing"))
    }

    fn bad(&self, name: &str, detail: &str) -> ContentError {
        err(ErrorCode::BadField, (self.line)(name), Some(name), detail)
    }

    fn string(&self, name: &str) -> Result<String, ContentError> {
        match self.get(name)? {
            Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
            Value::String(_) => Err(self.bad(name, "must not be empty")),
            _ => Err(self.bad(name, "must be a string")),
        }
    }

    fn strings(&self, name: &str, required: bool) -> Result<Vec<String>, ContentError> {
        let value = match self.table.get(name) {
            None if !required => return Ok(Vec::new()),
            _ => self.get(name)?,
        };
        let Value::Array(items) = value else { return Err(self.bad(name, "must be a list of strings")) };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                _ => return Err(self.bad(name, "must be a list of non-empty strings")),
            }
        }
        if required && out.is_empty() {
            return Err(self.bad(name, "must not be empty"));
        }
        Ok(out)
    }

    fn duration(&self) -> Result<u32, ContentError> {
        let name = "duration_minutes";
        match self.get(name)? {
            Value::Integer(n) if (1..=600).contains(n) => Ok(*n as u32),
            Value::Integer(_) => Err(self.bad(name, "must be between 1 and 600 minutes")),
            _ => Err(self.bad(name, "must be a whole number of minutes")),
        }
    }

    fn date(&self, name: &str) -> Result<Date, ContentError> {
        let text = match self.get(name)? {
            Value::String(s) => s.clone(),
            Value::Datetime(d) if d.date.is_some() && d.time.is_none() => d.to_string(),
            _ => return Err(self.bad(name, "must be a date YYYY-MM-DD")),
        };
        text.trim().parse::<Date>().map_err(|_| self.bad(name, "must be a date YYYY-MM-DD"))
    }
}

struct Body {
    steps: Vec<Step>,
    troubleshooting: Vec<Trouble>,
    links: Vec<Link>,
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Steps,
    Trouble,
}

fn parse_body(variant: Variant, body: &str, body_start: usize, lines: &LineIndex) -> Result<Body, ContentError> {
    let (steps_title, trouble_title) = variant.section_titles();
    let line_at = |offset: usize| lines.line_of(body_start + offset);
    let mut out = Body { steps: Vec::new(), troubleshooting: Vec::new(), links: Vec::new() };
    let mut section = Section::None;
    let mut heading: Option<(usize, String)> = None;
    let mut list_depth = 0usize;
    let mut lists_in_section = 0usize;
    let mut item_start: Option<usize> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        if let Some((_, text)) = heading.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::End(TagEnd::Heading(_)) => {
                    let (start, title) = heading.take().expect("heading is open");
                    let line = line_at(start);
                    section = match (section, title.trim()) {
                        (Section::None, t) if t == steps_title => Section::Steps,
                        (Section::Steps, t) if t == trouble_title => Section::Trouble,
                        (Section::None, _) => {
                            return Err(err(ErrorCode::BadSection, line, Some("steps"), format!("expected « ## {steps_title} »")));
                        }
                        _ => {
                            return Err(err(ErrorCode::BadSection, line, Some("troubleshooting"), format!("expected « ## {trouble_title} »")));
                        }
                    };
                    lists_in_section = 0;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) if list_depth == 0 => {
                heading = Some((range.start, String::new()));
            }
            Event::Start(Tag::List(first)) => {
                list_depth += 1;
                let line = line_at(range.start);
                if list_depth > 1 {
                    return Err(err(ErrorCode::UnexpectedContent, line, None, "a list inside a list: write one action per step"));
                }
                lists_in_section += 1;
                let field = if section == Section::Steps { "steps" } else { "troubleshooting" };
                match (section, first.is_some()) {
                    (Section::Steps, true) | (Section::Trouble, false) if lists_in_section == 1 => {}
                    (Section::Steps, false) => {
                        return Err(err(ErrorCode::UnexpectedContent, line, Some(field), "steps are a numbered list (1. 2. 3.)"));
                    }
                    (Section::Trouble, true) => {
                        return Err(err(ErrorCode::UnexpectedContent, line, Some(field), "notes are a bulleted list (- …)"));
                    }
                    (Section::None, _) => {
                        return Err(err(ErrorCode::UnexpectedContent, line, None, "text before the first section"));
                    }
                    _ => return Err(err(ErrorCode::UnexpectedContent, line, Some(field), "one list per section")),
                }
            }
            Event::End(TagEnd::List(_)) => list_depth -= 1,
            Event::Start(Tag::Item) if list_depth == 1 => item_start = Some(range.start),
            Event::End(TagEnd::Item) if list_depth == 1 => {
                let start = item_start.take().unwrap_or(range.start);
                let line = line_at(start);
                let raw = item_source(&body[start..range.end]);
                match section {
                    Section::Steps => out.steps.push(parse_step(&raw, line, &mut out.links)?),
                    _ => out.troubleshooting.push(parse_trouble(variant, &raw, line, &mut out.links)?),
                }
            }
            Event::Start(tag) if list_depth == 0 => {
                let what = match tag {
                    Tag::Heading { .. } => "only « ## » section titles are allowed",
                    _ => "only a list is allowed in a section",
                };
                return Err(err(ErrorCode::UnexpectedContent, line_at(range.start), None, what));
            }
            _ => {}
        }
    }
    if section == Section::None || out.steps.is_empty() {
        let line = lines.line_of(body_start + body.len().saturating_sub(1));
        return Err(err(ErrorCode::BadSection, line, Some("steps"), format!("a « ## {steps_title} » section with a numbered list is required")));
    }
    if section == Section::Steps {
        let line = lines.line_of(body_start + body.len().saturating_sub(1));
        return Err(err(ErrorCode::BadSection, line, Some("troubleshooting"), format!("a « ## {trouble_title} » section is required")));
    }
    Ok(out)
}

/// The item's text without its list marker, continuation lines joined by a space.
fn item_source(raw: &str) -> String {
    let raw = raw.trim_start();
    let marker_end = raw
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | '*' | '+')))
        .map_or(raw.len(), |(i, _)| i);
    raw[marker_end..].split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

fn parse_step(raw: &str, line: usize, links: &mut Vec<Link>) -> Result<Step, ContentError> {
    let (pictogram, text) = match raw.strip_prefix("[picto:") {
        Some(rest) => {
            let end = rest.find(']').ok_or_else(|| err(ErrorCode::BadPictogramMarker, line, Some("steps"), "unclosed [picto: marker"))?;
            let name = &rest[..end];
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                return Err(err(ErrorCode::BadPictogramMarker, line, Some("steps"), format!("bad pictogram name « {name} »")));
            }
            (Some(name.to_string()), rest[end + 1..].trim().to_string())
        }
        None => (None, raw.trim().to_string()),
    };
    if text.contains("[picto:") {
        return Err(err(ErrorCode::BadPictogramMarker, line, Some("steps"), "the pictogram marker goes at the start of the step"));
    }
    if text.is_empty() {
        return Err(err(ErrorCode::EmptyItem, line, Some("steps"), "empty step"));
    }
    let (html, found) = render_inline(&text);
    links.extend(found.into_iter().map(|url| Link { url, line }));
    Ok(Step { pictogram, text, html, line })
}

fn parse_trouble(variant: Variant, raw: &str, line: usize, links: &mut Vec<Link>) -> Result<Trouble, ContentError> {
    if raw.trim().is_empty() {
        return Err(err(ErrorCode::EmptyItem, line, Some("troubleshooting"), "empty note"));
    }
    // The separator is a colon followed by a space (so `https://` is not one); Arabic may use
    // the Arabic-script colon-like spacing too, which is the same ASCII colon.
    let sep = raw
        .char_indices()
        .find(|&(i, c)| c == ':' && raw[i + 1..].starts_with(char::is_whitespace))
        .map(|(i, _)| i);
    let Some(sep) = sep else {
        return Err(err(ErrorCode::MissingSeparator, line, Some("troubleshooting"), "write « situation : what to do »"));
    };
    let situation = raw[..sep].trim().trim_end_matches('\u{a0}').trim().to_string();
    let remedy = raw[sep + 1..].trim().to_string();
    if situation.is_empty() || remedy.is_empty() {
        return Err(err(ErrorCode::MissingSeparator, line, Some("troubleshooting"), "write « situation : what to do »"));
    }
    let (sit_html, l1) = render_inline(&situation);
    let (rem_html, l2) = render_inline(&remedy);
    links.extend(l1.into_iter().chain(l2).map(|url| Link { url, line }));
    let sep = if variant.lang() == crate::Lang::Fr { "\u{a0}: " } else { ": " };
    Ok(Trouble { html: format!("{sit_html}{sep}{rem_html}"), situation, remedy, line })
}

#[cfg(test)]
pub(crate) mod tests_support {
    pub(crate) const GOOD: &str = r#"+++
title = "Je fais un appel vidéo avec ma famille sur WhatsApp"
summary = "Voir et entendre ses proches gratuitement."
topics = ["famille-visio"]
needs = ["Un smartphone"]
duration_minutes = 10
official_site = "whatsapp.com"
checked_on = "2026-11-30"
keywords = ["visio"]
related = ["wifi-connexion"]
+++

## Étapes

1. [picto:appli] Ouvrez l'application WhatsApp.
2. Touchez le nom de la personne,
   puis *l'icône* de la caméra.
3. Lisez [l'aide](https://faq.whatsapp.com/).

## Si ça ne marche pas

- La personne ne répond pas : appelez-la d'abord par téléphone.
"#;
}

#[cfg(test)]
mod tests {
    use super::tests_support::GOOD;
    use super::*;

    #[test]
    fn parses_a_good_file() {
        let t = parse("appel-video-whatsapp", Variant::Fr, GOOD).unwrap();
        assert_eq!(t.title, "Je fais un appel vidéo avec ma famille sur WhatsApp");
        assert_eq!(t.duration_minutes, 10);
        assert_eq!(t.checked_on, jiff::civil::date(2026, 11, 30));
        assert_eq!(t.steps.len(), 3);
        assert_eq!(t.steps[0].pictogram.as_deref(), Some("appli"));
        assert_eq!(t.steps[0].text, "Ouvrez l'application WhatsApp.");
        assert_eq!(t.steps[0].line, 15);
        assert_eq!(t.steps[1].text, "Touchez le nom de la personne, puis *l'icône* de la caméra.");
        assert_eq!(t.steps[1].html, "Touchez le nom de la personne, puis <em>l&#39;icône</em> de la caméra.");
        assert_eq!(t.links, vec![Link { url: "https://faq.whatsapp.com/".into(), line: 18 }]);
        assert_eq!(t.troubleshooting[0].situation, "La personne ne répond pas");
        assert_eq!(t.troubleshooting[0].remedy, "appelez-la d'abord par téléphone.");
        assert_eq!(t.troubleshooting[0].line, 22);
        assert_eq!(t.line_of_field("official_site"), Some(7));
        assert_eq!(t.source, GOOD);
    }

    fn fails(text: &str) -> ContentError {
        parse("x", Variant::Fr, text).unwrap_err()
    }

    #[test]
    fn names_the_line_and_field_at_fault() {
        let e = fails(&GOOD.replace("duration_minutes = 10", "duration_minutes = \"dix\""));
        assert_eq!((e.code, e.line, e.field.as_deref()), (ErrorCode::BadField, 6, Some("duration_minutes")));
        let e = fails(&GOOD.replace("summary = \"Voir et entendre ses proches gratuitement.\"\n", ""));
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::MissingField, Some("summary")));
        let e = fails(&GOOD.replace("checked_on = \"2026-11-30\"", "checked_on = \"30/11/2026\""));
        assert_eq!((e.code, e.line, e.field.as_deref()), (ErrorCode::BadField, 8, Some("checked_on")));
        let e = fails(&GOOD.replace("keywords", "mots"));
        assert_eq!((e.code, e.line, e.field.as_deref()), (ErrorCode::UnknownField, 9, Some("mots")));
        let e = fails(&GOOD.replace("topics = [\"famille-visio\"]", "topics = famille-visio"));
        assert_eq!((e.code, e.line), (ErrorCode::FrontMatterSyntax, 4));
        let e = fails(&GOOD.replace("## Étapes", "## Etapes"));
        assert_eq!((e.code, e.line, e.field.as_deref()), (ErrorCode::BadSection, 13, Some("steps")));
        let e = fails(&GOOD.replace("## Si ça ne marche pas", "## Problèmes"));
        assert_eq!((e.code, e.line, e.field.as_deref()), (ErrorCode::BadSection, 20, Some("troubleshooting")));
        let e = fails(&GOOD.replace(" : appelez", ", appelez"));
        assert_eq!((e.code, e.line), (ErrorCode::MissingSeparator, 22));
        let e = fails(&GOOD.replace("[picto:appli]", "[picto:Appli]"));
        assert_eq!((e.code, e.line), (ErrorCode::BadPictogramMarker, 15));
        let e = fails(&GOOD.replace("1. [picto:appli]", "Du texte.\n\n1. [picto:appli]"));
        assert_eq!(e.code, ErrorCode::UnexpectedContent);
        let e = fails(&GOOD.replace("personne,\n   puis", "personne,\n\n   - puis"));
        assert_eq!((e.code, e.line), (ErrorCode::UnexpectedContent, 18));
        assert_eq!(fails("title = 1").code, ErrorCode::MissingFrontMatter);
        assert_eq!(fails("+++\ntitle = \"x\"\n").code, ErrorCode::UnclosedFrontMatter);
        let e = fails(GOOD.split("## Si").next().unwrap());
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::BadSection, Some("troubleshooting")));
    }

    #[test]
    fn english_and_arabic_section_titles() {
        let en = GOOD.replace("## Étapes", "## Steps").replace("## Si ça ne marche pas", "## If it goes wrong");
        assert!(parse("x", Variant::En, &en).is_ok());
        assert_eq!(parse("x", Variant::Ar, &en).unwrap_err().code, ErrorCode::BadSection);
        let ar = GOOD.replace("## Étapes", "## الخطوات").replace("## Si ça ne marche pas", "## إذا لم ينجح الأمر");
        assert!(parse("x", Variant::Ar, &ar).is_ok());
    }
}
