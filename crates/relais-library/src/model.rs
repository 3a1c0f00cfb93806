//! The content model: one `Tutorial` per file (`content/tutorials/<slug>/<variant>.md`).

use jiff::civil::Date;

/// A version of a tutorial: the French original, its easy-to-read (FALC) version, or a
/// translation. The code is the file name without `.md` and is stable (URLs, database).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    Fr,
    FrFalc,
    En,
    Ar,
}

/// A language of the interface. FALC is French.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Fr,
    En,
    Ar,
}

impl Variant {
    pub const ALL: [Variant; 4] = [Variant::Fr, Variant::FrFalc, Variant::En, Variant::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Variant::Fr => "fr",
            Variant::FrFalc => "fr-falc",
            Variant::En => "en",
            Variant::Ar => "ar",
        }
    }

    pub fn from_code(code: &str) -> Option<Variant> {
        Variant::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn lang(self) -> Lang {
        match self {
            Variant::Fr | Variant::FrFalc => Lang::Fr,
            Variant::En => Lang::En,
            Variant::Ar => Lang::Ar,
        }
    }

    pub fn is_falc(self) -> bool {
        self == Variant::FrFalc
    }

    /// Section titles of the file, in its language: (steps, if it goes wrong).
    pub fn section_titles(self) -> (&'static str, &'static str) {
        match self.lang() {
            Lang::Fr => ("Étapes", "Si ça ne marche pas"),
            Lang::En => ("Steps", "If it goes wrong"),
            Lang::Ar => ("الخطوات", "إذا لم ينجح الأمر"),
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// One numbered step: one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Name of the pictogram (`[picto:<name>]` at the start of the step), if any.
    pub pictogram: Option<String>,
    /// The step's Markdown inline source, pictogram marker removed.
    pub text: String,
    /// Safe inline HTML: escaped text, emphasis, code, and links to `https://` addresses only.
    pub html: String,
    /// 1-based line of the step in the file.
    pub line: usize,
}

/// One "if it goes wrong" note: `situation : what to do`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trouble {
    pub situation: String,
    pub remedy: String,
    /// Safe inline HTML of the whole note (situation, then remedy).
    pub html: String,
    pub line: usize,
}

/// A Markdown link found in the body, kept for the content rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tutorial {
    pub slug: String,
    pub variant: Variant,
    pub title: String,
    pub summary: String,
    pub topics: Vec<String>,
    pub needs: Vec<String>,
    pub duration_minutes: u32,
    pub official_site: String,
    pub checked_on: Date,
    pub keywords: Vec<String>,
    pub related: Vec<String>,
    pub steps: Vec<Step>,
    pub troubleshooting: Vec<Trouble>,
    pub links: Vec<Link>,
    /// The whole file text, as read (the editor starts from it).
    pub source: String,
}

impl Tutorial {
    pub fn lang(&self) -> Lang {
        self.variant.lang()
    }

    /// 1-based line of a front-matter field (`name = …`), for messages about it.
    pub fn line_of_field(&self, name: &str) -> Option<usize> {
        self.source.lines().enumerate().find_map(|(i, line)| {
            let rest = line.trim_start().strip_prefix(name)?;
            rest.trim_start().starts_with('=').then_some(i + 1)
        })
    }
}
