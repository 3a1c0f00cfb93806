//! Text analysis shared by indexing and queries, so both sides agree on every word:
//! split on non-letters, lowercase, drop stop words (French, English, and the filler words
//! people put around a need: « je veux », « comment », "how do I"), then for each word keep
//! two forms: the *plain* form (accents folded: « impôts » → « impots ») and the *stem*
//! (snowball stemmer of the language, then folded: « déclarations » → « declar »).

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter,
    TextAnalyzer,
};

use crate::Lang;

/// Words that say nothing about the need, in the way people ask: removed from queries and
/// texts alike. (French and English function words come from tantivy's lists.)
const FILLER_WORDS: &[&str] = &[
    // French
    "veux", "voudrais", "voudrait", "voulais", "faut", "faire", "fais", "fait", "comment", "besoin", "aide", "aider",
    "svp", "stp", "merci", "bonjour", "peux", "peut", "pouvez", "dois", "doit", "quoi", "quand", "ça", "ca", "cela",
    "plus", "jamais", "rien", "truc", "chose", "bien", "très", "tres", "aussi", "comme", "dessus", "sais", "savoir",
    "arrive", "marche", "j", "l", "d", "n", "s", "m", "t", "c", "y", "qu", "là", "voilà", "voila", "ici", "où", "tout",
    "tous", "toute", "toutes", "encore", "déjà", "deja", "avoir", "être", "etre", "va", "vais",
    // English
    "i", "my", "me", "want", "need", "how", "do", "does", "can", "help", "please", "what", "where", "you", "your",
    "get", "im",
];

/// One analysed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub plain: String,
    pub stem: String,
}

#[derive(Clone)]
pub(crate) struct Analyzer {
    words: TextAnalyzer,
    fold: TextAnalyzer,
    stem_fold: TextAnalyzer,
}

impl Analyzer {
    pub fn new(lang: Lang) -> Self {
        let words = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(StopWordFilter::new(Language::French).expect("tantivy ships French stop words"))
            .filter(StopWordFilter::new(Language::English).expect("tantivy ships English stop words"))
            .filter(StopWordFilter::remove(FILLER_WORDS.iter().map(|w| w.to_string())))
            .build();
        let fold = TextAnalyzer::builder(RawTokenizer::default()).filter(AsciiFoldingFilter).build();
        let stemmer = Stemmer::new(match lang {
            Lang::Fr => Language::French,
            Lang::En => Language::English,
            Lang::Ar => Language::Arabic,
        });
        let stem_fold = TextAnalyzer::builder(RawTokenizer::default()).filter(stemmer).filter(AsciiFoldingFilter).build();
        Analyzer { words, fold, stem_fold }
    }

    pub fn analyze(&mut self, text: &str) -> Vec<Word> {
        let mut lowered = Vec::new();
        self.words.token_stream(text).process(&mut |t| lowered.push(t.text.clone()));
        lowered
            .into_iter()
            .map(|w| Word { plain: first_token(&mut self.fold, &w), stem: first_token(&mut self.stem_fold, &w) })
            .filter(|w| !w.plain.is_empty() && !w.stem.is_empty())
            .collect()
    }
}

fn first_token(analyzer: &mut TextAnalyzer, text: &str) -> String {
    let mut out = String::new();
    analyzer.token_stream(text).process(&mut |t| {
        if out.is_empty() {
            out = t.text.clone();
        }
    });
    out
}

/// Whether a text is written in Arabic script (a query without a language filter).
pub(crate) fn looks_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lang: Lang, text: &str) -> Vec<String> {
        Analyzer::new(lang).analyze(text).into_iter().map(|w| w.plain).collect()
    }
    fn stems(lang: Lang, text: &str) -> Vec<String> {
        Analyzer::new(lang).analyze(text).into_iter().map(|w| w.stem).collect()
    }

    #[test]
    fn a_whole_sentence_keeps_its_need() {
        assert_eq!(plain(Lang::Fr, "Je veux voir mes petits-enfants sur mon téléphone"), vec!["voir", "petits", "enfants", "telephone"]);
        assert_eq!(plain(Lang::Fr, "j'ai plus de chômage"), vec!["chomage"]);
    }

    #[test]
    fn accents_plurals_and_verb_forms_meet() {
        assert_eq!(stems(Lang::Fr, "déclarations"), stems(Lang::Fr, "declaration"));
        assert_eq!(stems(Lang::Fr, "impôts"), stems(Lang::Fr, "impot"));
        assert_eq!(stems(Lang::Fr, "envoyer"), stems(Lang::Fr, "envoyez"));
        assert_eq!(stems(Lang::En, "calls"), stems(Lang::En, "calling"));
        assert!(!stems(Lang::Ar, "التطبيقات").is_empty());
    }
}
