//! Synonyms and old names, kept as data in `content/search/synonyms.toml`: groups of words or
//! expressions that mean the same need. A query that contains one member of a group also
//! searches the others.

use serde::Deserialize;

use super::analysis::{Analyzer, Word};
use crate::Lang;

/// The file shipped in the repository.
pub const SHIPPED: &str = include_str!("../../../../content/search/synonyms.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    groups: Vec<Vec<String>>,
}

/// Parsed groups, each member analysed once (plain and stemmed words, French and English).
#[derive(Clone)]
pub struct Synonyms {
    groups: Vec<Vec<Member>>,
}

#[derive(Clone)]
struct Member {
    /// Per analysis language (French, English, Arabic): the member's words.
    words: [Vec<Word>; 3],
}

#[derive(Debug, thiserror::Error)]
#[error("synonyms file: {0}")]
pub struct SynonymsError(pub String);

impl Synonyms {
    pub fn parse(text: &str) -> Result<Synonyms, SynonymsError> {
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
            SynonymsError(match line {
                Some(line) => format!("line {line}: {}", e.message()),
                None => e.message().to_string(),
            })
        })?;
        let mut analyzers = Lang::ALL.map(Analyzer::new);
        let groups = file
            .groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|m| Member { words: [0, 1, 2].map(|i| analyzers[i].analyze(m)) })
                    .filter(|m| !m.words[0].is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|g| g.len() >= 2)
            .collect();
        Ok(Synonyms { groups })
    }

    pub fn shipped() -> Synonyms {
        Synonyms::parse(SHIPPED).expect("the shipped synonyms file parses (tested)")
    }

    pub fn group_count(&self) -> usize {
        self.groups.len()
    }

    /// The words of the other members of every group that the query's words contain (as a
    /// run of plain words, or of stems, so « allocation familiale » matches too).
    pub(crate) fn expand(&self, lang: Lang, query: &[Word]) -> Vec<Word> {
        let i = lang_index(lang);
        let mut out = Vec::new();
        for group in &self.groups {
            let hit = group.iter().position(|m| contains_run(query, &m.words[i]));
            if let Some(hit) = hit {
                for (j, member) in group.iter().enumerate() {
                    if j != hit {
                        out.extend(member.words[i].iter().cloned());
                    }
                }
            }
        }
        out
    }
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
        Lang::Ar => 2,
    }
}

fn contains_run(query: &[Word], member: &[Word]) -> bool {
    !member.is_empty()
        && query.windows(member.len()).any(|w| {
            w.iter().zip(member).all(|(q, m)| q.plain == m.plain) || w.iter().zip(member).all(|(q, m)| q.stem == m.stem)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_both_ways_and_reports_bad_files() {
        let s = Synonyms::parse("groups = [[\"caf\", \"allocations familiales\"], [\"seul\"]]").unwrap();
        assert_eq!(s.group_count(), 1);
        let mut fr = Analyzer::new(Lang::Fr);
        let plain = |ws: Vec<Word>| ws.into_iter().map(|w| w.plain).collect::<Vec<_>>();
        assert_eq!(plain(s.expand(Lang::Fr, &fr.analyze("mes allocation familiale"))), vec!["caf"]);
        assert_eq!(plain(s.expand(Lang::Fr, &fr.analyze("la CAF"))), vec!["allocations", "familiales"]);
        assert!(s.expand(Lang::Fr, &fr.analyze("familiales")).is_empty());
        let Err(e) = Synonyms::parse("groups = [\n[\"a\", 1]]") else { panic!("bad file accepted") };
        assert!(e.0.contains("line 2"), "{e}");
    }

    #[test]
    fn the_shipped_file_parses() {
        assert!(Synonyms::shipped().group_count() >= 10);
    }
}
