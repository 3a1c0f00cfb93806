//! Content rules: every problem of a set of tutorials, not only the first. The shipped content
//! must have none (a test over the embedded content enforces it); the web editor runs the
//! per-file rules before publishing. Each rule is written down in docs/tutorials-content.md.

use std::collections::{BTreeMap, BTreeSet};

use relais_domain::topics::SEED;

use crate::inline::{is_bare_domain, is_https_url, plain_text};
use crate::model::{Lang, Tutorial, Variant};
use crate::Library;

/// The shipped library has at least this many French tutorials.
pub const MIN_FRENCH_TUTORIALS: usize = 50;
/// Easy-to-read limits (content/README.md).
pub const FALC_MAX_WORDS_PER_SENTENCE: usize = 15;
pub const FALC_MAX_SENTENCES_PER_STEP: usize = 2;

/// The 15 most needed tutorials: each has a FALC, an English and an Arabic version.
pub const GROUP_A: [&str; 15] = [
    "appel-video-whatsapp",
    "whatsapp-envoyer-photo",
    "creer-adresse-email",
    "email-piece-jointe",
    "franceconnect",
    "caf-declaration-trimestrielle",
    "simulateur-droits-sociaux",
    "france-travail-actualisation",
    "impots-declaration-revenus",
    "ameli-creer-compte",
    "teleconsultation",
    "info-sante-verifiee",
    "arnaque-sms-email",
    "wifi-connexion",
    "installer-application",
];

/// Brand names written with two capitals that are names, not acronyms; FALC may use them.
pub const FALC_ALLOWED_NAMES: [&str; 6] = ["WhatsApp", "FranceConnect", "YouTube", "iPhone", "iPad", "LinkedIn"];

/// Which rule a problem breaks; `code()` is stable (translation key `content-rule-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The title is not the person's goal in the first person (« Je … », « J'… », "I …").
    TitleNotFirstPerson,
    UnknownTopic,
    /// A catalogue topic has no French tutorial.
    TopicNotCovered,
    TooFewFrench,
    OfficialSiteNotDomain,
    BadLink,
    UnknownRelated,
    UnknownPictogram,
    StepWithoutAction,
    FalcSentenceTooLong,
    FalcCapitals,
    FalcStepTooLong,
    NoFrenchOriginal,
    /// Topics or official site differ from the French original.
    DiffersFromOriginal,
    GroupAMissingVariant,
}

impl Rule {
    pub fn code(self) -> &'static str {
        match self {
            Rule::TitleNotFirstPerson => "title-not-first-person",
            Rule::UnknownTopic => "unknown-topic",
            Rule::TopicNotCovered => "topic-not-covered",
            Rule::TooFewFrench => "too-few-french",
            Rule::OfficialSiteNotDomain => "official-site-not-domain",
            Rule::BadLink => "bad-link",
            Rule::UnknownRelated => "unknown-related",
            Rule::UnknownPictogram => "unknown-pictogram",
            Rule::StepWithoutAction => "step-without-action",
            Rule::FalcSentenceTooLong => "falc-sentence-too-long",
            Rule::FalcCapitals => "falc-capitals",
            Rule::FalcStepTooLong => "falc-step-too-long",
            Rule::NoFrenchOriginal => "no-french-original",
            Rule::DiffersFromOriginal => "differs-from-original",
            Rule::GroupAMissingVariant => "group-a-missing-variant",
        }
    }
}

/// One broken rule, located as precisely as possible.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// Empty for a rule about the whole library (too few tutorials, a topic not covered).
    pub slug: String,
    pub variant: Option<Variant>,
    pub line: Option<usize>,
    pub field: Option<&'static str>,
    pub rule: Rule,
    /// English, for logs and the test output; pages translate `rule` instead.
    pub detail: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.slug.is_empty() {
            write!(f, "library")?;
        } else {
            write!(f, "{}/{}.md", self.slug, self.variant.map_or("?", Variant::code))?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.rule.code())?;
        if let Some(field) = self.field {
            write!(f, " [{field}]")?;
        }
        write!(f, ": {}", self.detail)
    }
}

/// What the per-file rules need to know about the rest of the library.
pub struct Context<'a> {
    /// Slugs that have a French original.
    pub french_slugs: BTreeSet<&'a str>,
    /// Pictogram names, once a pictograms folder exists (`None`: the rule is not applied yet).
    pub pictograms: Option<BTreeSet<&'a str>>,
    /// French originals by slug, to compare translations against.
    pub originals: BTreeMap<&'a str, &'a Tutorial>,
}

impl<'a> Context<'a> {
    pub fn new(tutorials: &[&'a Tutorial], pictograms: Option<BTreeSet<&'a str>>) -> Self {
        let originals: BTreeMap<&str, &Tutorial> =
            tutorials.iter().filter(|t| t.variant == Variant::Fr).map(|t| (t.slug.as_str(), *t)).collect();
        Context { french_slugs: originals.keys().copied().collect(), pictograms, originals }
    }
}

impl Library {
    /// Every problem of this library, pictograms included when the folder exists.
    pub fn check(&self) -> Vec<Problem> {
        let pictograms = self.has_pictograms().then(|| self.pictogram_names().collect());
        check(self.tutorials(), pictograms)
    }
}

/// Every problem of a whole library: the per-file rules for each file, then the rules about
/// the set (coverage, count, originals, group A). Sorted by file then line.
pub fn check<'a>(tutorials: impl IntoIterator<Item = &'a Tutorial>, pictograms: Option<BTreeSet<&'a str>>) -> Vec<Problem> {
    let tutorials: Vec<&Tutorial> = tutorials.into_iter().collect();
    let ctx = Context::new(&tutorials, pictograms);
    let mut problems: Vec<Problem> = tutorials.iter().flat_map(|t| check_tutorial(t, &ctx)).collect();
    let library = |rule, detail: String| Problem { slug: String::new(), variant: None, line: None, field: None, rule, detail };

    let french: Vec<&&Tutorial> = tutorials.iter().filter(|t| t.variant == Variant::Fr).collect();
    if french.len() < MIN_FRENCH_TUTORIALS {
        problems.push(library(Rule::TooFewFrench, format!("{} French tutorials, at least {MIN_FRENCH_TUTORIALS} needed", french.len())));
    }
    for topic in SEED {
        if !french.iter().any(|t| t.topics.iter().any(|x| x == topic.id)) {
            problems.push(library(Rule::TopicNotCovered, format!("no French tutorial has the topic « {} »", topic.id)));
        }
    }
    for slug in GROUP_A {
        for variant in Variant::ALL {
            if !tutorials.iter().any(|t| t.slug == slug && t.variant == variant) {
                problems.push(Problem {
                    slug: slug.to_string(),
                    variant: Some(variant),
                    line: None,
                    field: None,
                    rule: Rule::GroupAMissingVariant,
                    detail: format!("group A tutorial without its {} version", variant.code()),
                });
            }
        }
    }
    problems.sort();
    problems
}

/// The rules about one file. The web editor runs these before publishing a revision.
pub fn check_tutorial(t: &Tutorial, ctx: &Context<'_>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |line: Option<usize>, field: Option<&'static str>, rule: Rule, detail: String| {
        out.push(Problem { slug: t.slug.clone(), variant: Some(t.variant), line, field, rule, detail });
    };
    let field_line = |name: &str| t.line_of_field(name);

    if !title_is_first_person(t) {
        push(field_line("title"), Some("title"), Rule::TitleNotFirstPerson, format!("« {} » is not written as « Je … » / \"I …\"", t.title));
    }
    let known: BTreeSet<&str> = SEED.iter().map(|s| s.id).collect();
    for topic in &t.topics {
        if !known.contains(topic.as_str()) {
            push(field_line("topics"), Some("topics"), Rule::UnknownTopic, format!("« {topic} » is not in the topic catalogue"));
        }
    }
    if !is_bare_domain(&t.official_site) {
        push(field_line("official_site"), Some("official_site"), Rule::OfficialSiteNotDomain, format!("« {} » is not a bare domain like caf.fr", t.official_site));
    }
    for link in &t.links {
        if !is_https_url(&link.url) {
            push(Some(link.line), None, Rule::BadLink, format!("« {} » is not a well-formed https:// address", link.url));
        }
    }
    for related in &t.related {
        if !ctx.french_slugs.contains(related.as_str()) || *related == t.slug {
            push(field_line("related"), Some("related"), Rule::UnknownRelated, format!("« {related} » is not another tutorial"));
        }
    }
    if let Some(pictos) = &ctx.pictograms {
        for step in &t.steps {
            if let Some(p) = &step.pictogram
                && !pictos.contains(p.as_str())
            {
                push(Some(step.line), Some("steps"), Rule::UnknownPictogram, format!("no pictograms/{p}.svg"));
            }
        }
    }
    for step in &t.steps {
        if let Err(why) = step_has_action(t.variant.lang(), &plain_text(&step.text)) {
            push(Some(step.line), Some("steps"), Rule::StepWithoutAction, why);
        }
    }
    if t.variant != Variant::Fr {
        match ctx.originals.get(t.slug.as_str()) {
            None => push(None, None, Rule::NoFrenchOriginal, "no fr.md in the same folder".to_string()),
            Some(original) => {
                if original.topics != t.topics {
                    push(field_line("topics"), Some("topics"), Rule::DiffersFromOriginal, "topics differ from fr.md".to_string());
                }
                if original.official_site != t.official_site {
                    push(field_line("official_site"), Some("official_site"), Rule::DiffersFromOriginal, "official_site differs from fr.md".to_string());
                }
            }
        }
    }
    if t.variant.is_falc() {
        let mut texts: Vec<(Option<usize>, &'static str, String)> = vec![
            (field_line("title"), "title", t.title.clone()),
            (field_line("summary"), "summary", t.summary.clone()),
        ];
        texts.extend(t.needs.iter().map(|n| (field_line("needs"), "needs", n.clone())));
        for step in &t.steps {
            let text = plain_text(&step.text);
            let n = sentences(&text).len();
            if n > FALC_MAX_SENTENCES_PER_STEP {
                push(Some(step.line), Some("steps"), Rule::FalcStepTooLong, format!("{n} sentences, at most {FALC_MAX_SENTENCES_PER_STEP} per step"));
            }
            texts.push((Some(step.line), "steps", text));
        }
        for note in &t.troubleshooting {
            texts.push((Some(note.line), "troubleshooting", plain_text(&note.situation)));
            texts.push((Some(note.line), "troubleshooting", plain_text(&note.remedy)));
        }
        for (line, field, text) in texts {
            for sentence in sentences(&text) {
                let n = word_count(sentence);
                if n > FALC_MAX_WORDS_PER_SENTENCE {
                    push(line, Some(field), Rule::FalcSentenceTooLong, format!("{n} words, at most {FALC_MAX_WORDS_PER_SENTENCE}: « {sentence} »"));
                }
            }
            for word in capitalised_words(&text) {
                push(line, Some(field), Rule::FalcCapitals, format!("« {word} » looks like an acronym: write the words out"));
            }
        }
    }
    out
}

fn title_is_first_person(t: &Tutorial) -> bool {
    let title = t.title.trim_start();
    match t.variant.lang() {
        Lang::Fr => title.starts_with("Je ") || title.starts_with("J'") || title.starts_with("J’"),
        Lang::En => title.starts_with("I "),
        // Arabic marks the first person in the verb itself; no prefix to check.
        Lang::Ar => true,
    }
}

/// The words of a text: runs of letters and digits (an apostrophe or a dash splits them).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Words separated by spaces that contain a letter or digit ("d'abord" is one word).
fn word_count(sentence: &str) -> usize {
    sentence.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Sentences end with . ! ? … or ; followed by a space or the end of the text.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?' | '…' | ';') && chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if ends {
            let end = i + c.len_utf8();
            let s = text[start..end].trim();
            if s.chars().any(char::is_alphanumeric) {
                out.push(s);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if rest.chars().any(char::is_alphanumeric) {
        out.push(rest);
    }
    out
}

/// Words with two or more capital letters (CAF, SMS, ENT), brand names of
/// `FALC_ALLOWED_NAMES` excepted.
fn capitalised_words(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '(' | ')' | '«' | '»' | '"' | ',' | '.' | ':' | ';' | '!' | '?')) {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if FALC_ALLOWED_NAMES.contains(&token) {
            continue;
        }
        for w in words(token) {
            if w.chars().filter(|c| c.is_uppercase()).count() >= 2 {
                found.push(w);
            }
        }
    }
    found
}

/// French words that end like a verb but are not one, seen at the start of sentences.
const NOT_VERBS_FR: [&str; 14] =
    ["votre", "notre", "autre", "entre", "contre", "premier", "dernier", "leur", "pour", "sur", "par", "quatre", "hier", "lettre"];

/// Imperatives that do not end in -ez, -er, -ir or -re (the « tu » forms and a few irregular
/// « vous » forms).
const VERBS_FR: [&str; 40] = [
    "faites", "dites", "fais", "dis", "va", "vas", "mets", "prends", "sors", "pars", "viens", "attends", "réponds",
    "descends", "lis", "écris", "choisis", "remplis", "finis", "ouvre", "appuie", "tape", "touche", "clique",
    "regarde", "vérifie", "envoie", "entre", "glisse", "note", "garde", "copie", "colle", "cherche", "demande",
    "appelle", "allume", "éteins", "branche", "signe",
];

/// English determiners and pronouns that cannot start an instruction.
const NOT_VERBS_EN: [&str; 12] = ["the", "a", "an", "your", "my", "this", "that", "it", "there", "if", "when", "you"];

/// A step holds an action. The rule, per language:
/// - French: the first word (after the pictogram; a negation « ne »/« n' » skipped) is an
///   imperative or infinitive: it ends in -ez, -er, -ir or -re and is not a known non-verb
///   (votre, autre, premier…), or it is an allow-listed imperative (faites, mets, ouvre…).
/// - English: at least two words, the first not a determiner or pronoun (the, your, it, if…).
/// - Arabic: at least two words (no reliable verb test without a morphological analyser).
pub fn step_has_action(lang: Lang, text: &str) -> Result<(), String> {
    let lower = text.to_lowercase();
    let mut ws = words(&lower);
    match lang {
        Lang::Fr => {
            let mut first = ws.next().unwrap_or("");
            if first == "ne" || first == "n" {
                first = ws.next().unwrap_or("");
            }
            let verb_ending = ["ez", "er", "ir", "re"].iter().any(|e| first.ends_with(e));
            if (verb_ending && !NOT_VERBS_FR.contains(&first)) || VERBS_FR.contains(&first) {
                Ok(())
            } else {
                Err(format!("« {first} » is not an action verb: start the step with what to do (« Touchez … », « Ouvrez … »)"))
            }
        }
        Lang::En => {
            let first = ws.next().unwrap_or("");
            let count = 1 + ws.count();
            if first.is_empty() || count < 2 {
                Err("a step is at least two words, starting with what to do".to_string())
            } else if NOT_VERBS_EN.contains(&first) {
                Err(format!("\"{first}\" is not an action verb: start the step with what to do (\"Tap …\", \"Open …\")"))
            } else {
                Ok(())
            }
        }
        Lang::Ar => {
            if word_count(text) < 2 {
                Err("a step is at least two words, starting with what to do".to_string())
            } else {
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests;
