//! Why an import refused a value, as data rather than a sentence: a stable code and the
//! values it quotes. The web page renders it in the reader's language and the CLI in
//! English, both through the translation files (message `places-import-reason-<code>`,
//! arguments by name), so this crate writes no user-facing text.

use std::fmt;

/// Every code a [`Reason`] may carry. The web crate checks that each has a message in
/// every language; [`Reason::new`] refuses (in debug builds) a code missing here.
pub const CODES: &[&str] = &[
    // Both formats
    "required",
    "not-postcode",
    "not-insee",
    "not-date",
    // LMN (CSV, JSON)
    "not-pivot",
    "out-of-range",
    "not-number",
    "coordinates-pair",
    "not-phone",
    "not-in-list",
    "not-in-legacy-list",
    "same-id-line",
    // data·inclusion
    "same-id-structure",
    "same-id-service",
    "unknown-structure",
    "not-object",
    "not-string",
    "length",
    "not-email",
    "not-url",
    "not-number-within",
    "listed-twice",
    "not-in-di-list",
    "item-not-string",
    "not-a-list",
    "not-siret",
    "not-whole-number",
    "not-non-negative",
    "address-required",
];

/// One reason: `code` (one of [`CODES`]) and its named arguments (`value` is the text found
/// in the file; `first`, `min`, `max`, `len` are numbers the message quotes).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Reason {
    pub fn new(code: &'static str) -> Self {
        debug_assert!(CODES.contains(&code), "reason code {code:?} is not in reason::CODES");
        Reason { code, args: Vec::new() }
    }

    /// The reason with the value found in the file.
    pub fn value(code: &'static str, value: impl fmt::Display) -> Self {
        Reason::new(code).with("value", value)
    }

    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The argument `name`, if the reason has it.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }
}

/// For logs and debugging only (`not-postcode value="7300"`); people read the translation.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)?;
        for (k, v) in &self.args {
            write!(f, " {k}={v:?}")?;
        }
        Ok(())
    }
}
