//! Typo tolerance: a query word the index does not know (neither as typed nor by its stem) is
//! replaced by the index words within a small edit distance: 1 for words of 5 to 7 letters,
//! 2 from 8 letters, never for shorter words (« caf », « visio » are too short to guess), the
//! first letter kept (people rarely miss the first letter; it also keeps the candidates few).
//! A swap of two neighbouring letters counts as one edit (« declaraiton »).
//!
//! This is done against the index vocabulary rather than with tantivy's `FuzzyTermQuery`:
//! fuzzy queries score every variant the same and cannot keep the first letter; here the
//! corrected word is searched like a typed one, with its stem, field boosts and BM25.

use std::collections::{HashMap, HashSet};

use super::analysis::Word;

#[derive(Default)]
pub(crate) struct Vocabulary {
    plains: HashSet<String>,
    stems: HashSet<String>,
    /// First letter → (plain word, its stem, its letters).
    by_first: HashMap<char, Vec<(Word, Vec<char>)>>,
}

impl Vocabulary {
    pub fn add(&mut self, word: &Word) {
        if self.plains.insert(word.plain.clone()) {
            let chars: Vec<char> = word.plain.chars().collect();
            if let Some(&first) = chars.first() {
                self.by_first.entry(first).or_default().push((word.clone(), chars));
            }
        }
        self.stems.insert(word.stem.clone());
    }

    pub fn knows(&self, word: &Word) -> bool {
        self.plains.contains(&word.plain) || self.stems.contains(&word.stem)
    }

    /// Index words close to an unknown word (empty if it is known or too short).
    pub fn corrections(&self, word: &Word) -> Vec<Word> {
        if self.knows(word) {
            return Vec::new();
        }
        let typed: Vec<char> = word.plain.chars().collect();
        let max = match typed.len() {
            0..=4 => return Vec::new(),
            5..=7 => 1,
            _ => 2,
        };
        let Some(candidates) = self.by_first.get(&typed[0]) else { return Vec::new() };
        let mut found: Vec<(usize, &Word)> = candidates
            .iter()
            .filter(|(_, chars)| chars.len().abs_diff(typed.len()) <= max)
            .filter_map(|(w, chars)| {
                let d = distance(&typed, chars, max);
                (d <= max).then_some((d, w))
            })
            .collect();
        // Closest first; only the closest distance is kept (two edits are a guess when one fits).
        found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.plain.cmp(&b.1.plain)));
        let best = found.first().map(|f| f.0);
        found.into_iter().take_while(|f| Some(f.0) == best).take(4).map(|(_, w)| w.clone()).collect()
    }
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent swaps), giving up above `max`.
fn distance(a: &[char], b: &[char], max: usize) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut rows = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=m {
        rows[0][j] = j;
    }
    for i in 1..=n {
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return max + 1;
        }
    }
    rows[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(plain: &str) -> Word {
        Word { plain: plain.to_string(), stem: plain.to_string() }
    }

    #[test]
    fn corrects_by_length_and_keeps_the_first_letter() {
        let mut v = Vocabulary::default();
        for word in ["declaration", "impots", "photo", "caf", "teleconsultation"] {
            v.add(&w(word));
        }
        let plain = |x: &str| v.corrections(&w(x)).into_iter().map(|w| w.plain).collect::<Vec<_>>();
        assert_eq!(plain("declaraton"), vec!["declaration"]);
        assert_eq!(plain("declaraiton"), vec!["declaration"]);
        assert_eq!(plain("declraatin"), vec!["declaration"]);
        assert_eq!(plain("impost"), vec!["impots"]);
        assert!(plain("empots").is_empty(), "first letter kept");
        assert_eq!(plain("imposts"), vec!["impots"]);
        assert_eq!(plain("phota"), vec!["photo"]);
        assert!(plain("cef").is_empty(), "too short to guess");
        assert!(plain("photo").is_empty(), "known word");
        assert!(plain("phooooto").is_empty());
    }
}
