//! Search over the tutorials: an in-memory tantivy index of stemmed words with field boosts,
//! plus query-time synonyms (`content/search/synonyms.toml`) and typo correction against the
//! index vocabulary. Built once; each query reuses the same `Searcher`.
//!
//! One tantivy document per file (slug × variant). A query returns at most one hit per slug
//! and language: the FALC version competes with its French original and the better one is
//! the hit.

mod analysis;
mod synonyms;
mod typo;

use std::collections::HashMap;

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query as TantivyQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{collector::TopDocs, DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

pub use synonyms::{Synonyms, SynonymsError};

use crate::{Lang, Tutorial, Variant};
use analysis::{looks_arabic, Analyzer, Word};
use typo::Vocabulary;

/// Relative weight of a match in each part of a tutorial.
const BOOST_TITLE: f32 = 4.0;
const BOOST_KEYWORDS: f32 = 3.0;
const BOOST_SUMMARY: f32 = 2.0;
const BOOST_BODY: f32 = 1.0;
/// Weight of a word that came from a synonym group or a typo correction, relative to a word
/// the person typed.
const WEIGHT_SYNONYM: f32 = 0.8;
const WEIGHT_CORRECTION: f32 = 0.7;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error(transparent)]
    Synonyms(#[from] SynonymsError),
}

/// What someone asked.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    pub text: &'a str,
    /// Only tutorials in this language (FALC counts as French).
    pub lang: Option<Lang>,
    /// Only tutorials with this topic id.
    pub topic: Option<&'a str>,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub slug: String,
    pub variant: Variant,
    pub score: f32,
}

struct DocInfo {
    slug: String,
    variant: Variant,
    topics: Vec<String>,
}

struct Fields {
    title: Field,
    keywords: Field,
    summary: Field,
    body: Field,
    ord: Field,
}

impl Fields {
    fn weighted(&self) -> [(Field, f32); 4] {
        [(self.title, BOOST_TITLE), (self.keywords, BOOST_KEYWORDS), (self.summary, BOOST_SUMMARY), (self.body, BOOST_BODY)]
    }
}

pub struct SearchIndex {
    searcher: Searcher,
    // Kept so the searcher's segments stay valid for the index's life.
    _reader: IndexReader,
    fields: Fields,
    /// Per segment, per document id: the position in `docs`.
    doc_ords: Vec<Vec<u32>>,
    docs: Vec<DocInfo>,
    analyzers: [Analyzer; 3],
    vocabulary: [Vocabulary; 3],
    synonyms: Synonyms,
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
        Lang::Ar => 2,
    }
}

impl SearchIndex {
    /// Indexes the tutorials with the shipped synonyms.
    pub fn build<'a>(tutorials: impl IntoIterator<Item = &'a Tutorial>) -> Result<SearchIndex, SearchError> {
        Self::build_with(tutorials, Synonyms::shipped())
    }

    pub fn build_with<'a>(tutorials: impl IntoIterator<Item = &'a Tutorial>, synonyms: Synonyms) -> Result<SearchIndex, SearchError> {
        let mut schema = Schema::builder();
        let text = TextOptions::default()
            .set_indexing_options(TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqs));
        let fields = Fields {
            title: schema.add_text_field("title", text.clone()),
            keywords: schema.add_text_field("keywords", text.clone()),
            summary: schema.add_text_field("summary", text.clone()),
            body: schema.add_text_field("body", text),
            ord: schema.add_u64_field("ord", INDEXED | FAST),
        };
        let index = Index::create_in_ram(schema.build());
        let mut analyzers = Lang::ALL.map(Analyzer::new);
        let mut vocabulary: [Vocabulary; 3] = Default::default();
        let mut docs = Vec::new();
        {
            // One thread, small arena: ~100 short documents.
            let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 15_000_000)?;
            for t in tutorials {
                let li = lang_index(t.lang());
                let analyzer = &mut analyzers[li];
                let mut doc = TantivyDocument::new();
                let mut add = |field: Field, text: &str| {
                    let words = analyzer.analyze(text);
                    for w in &words {
                        vocabulary[li].add(w);
                    }
                    doc.add_pre_tokenized_text(field, pre_tokenized(text, &words));
                };
                add(fields.title, &t.title);
                add(fields.keywords, &t.keywords.join(" ; "));
                add(fields.summary, &t.summary);
                let mut body: Vec<&str> = t.steps.iter().map(|s| s.text.as_str()).collect();
                body.extend(t.troubleshooting.iter().flat_map(|n| [n.situation.as_str(), n.remedy.as_str()]));
                body.extend(t.needs.iter().map(String::as_str));
                // Topic labels: « chômage » finds the work tutorials even if no step says it.
                let labels: Vec<&str> = t
                    .topics
                    .iter()
                    .filter_map(|id| relais_domain::topics::SEED.iter().find(|s| s.id == id))
                    .map(|s| if t.lang() == Lang::En { s.label_en } else { s.label_fr })
                    .collect();
                body.extend(labels);
                add(fields.body, &body.join(" \n "));
                doc.add_u64(fields.ord, docs.len() as u64);
                writer.add_document(doc)?;
                docs.push(DocInfo { slug: t.slug.clone(), variant: t.variant, topics: t.topics.clone() });
            }
            writer.commit()?;
        }
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let searcher = reader.searcher();
        let mut doc_ords = Vec::new();
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().u64("ord")?;
            let ords = (0..segment.max_doc()).map(|d| column.first(d).unwrap_or(0) as u32).collect();
            doc_ords.push(ords);
        }
        Ok(SearchIndex { searcher, _reader: reader, fields, doc_ords, docs, analyzers, vocabulary, synonyms })
    }

    /// Number of indexed files.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Ranked hits, best first: at most one per slug and language.
    pub fn search(&self, query: &Query<'_>) -> Vec<Hit> {
        if query.limit == 0 || self.docs.is_empty() {
            return Vec::new();
        }
        let langs: Vec<Lang> = match query.lang {
            Some(l) => vec![l],
            None if looks_arabic(query.text) => vec![Lang::Ar],
            None => vec![Lang::Fr, Lang::En],
        };
        // Stem → weight: the best weight a stem got (typed > synonym > correction).
        let mut terms: HashMap<String, f32> = HashMap::new();
        let mut add = |w: &Word, weight: f32| {
            let e = terms.entry(w.stem.clone()).or_insert(0.0);
            *e = e.max(weight);
        };
        for lang in &langs {
            let li = lang_index(*lang);
            let words = self.analyzers[li].clone().analyze(query.text);
            let mut corrected = Vec::new();
            for w in &words {
                add(w, 1.0);
                for c in self.vocabulary[li].corrections(w) {
                    add(&c, WEIGHT_CORRECTION);
                    corrected.push(c);
                }
            }
            // Synonyms of what was typed, and of what the typos were taken to mean.
            for w in self.synonyms.expand(*lang, &words).iter().chain(&self.synonyms.expand(*lang, &corrected)) {
                add(w, WEIGHT_SYNONYM);
            }
        }
        if terms.is_empty() {
            return Vec::new();
        }
        let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::with_capacity(terms.len() * 4);
        for (stem, weight) in &terms {
            for (field, boost) in self.fields.weighted() {
                let q = TermQuery::new(Term::from_field_text(field, stem), IndexRecordOption::WithFreqs);
                clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost * weight))));
            }
        }
        let tantivy_query = BooleanQuery::new(clauses);
        // The whole library is small: score every match, then filter and group here.
        let Ok(found) = self.searcher.search(&tantivy_query, &TopDocs::with_limit(self.docs.len()).order_by_score()) else {
            return Vec::new();
        };
        let mut best: HashMap<(&str, Lang), Hit> = HashMap::new();
        for (score, DocAddress { segment_ord, doc_id }) in found {
            let Some(&ord) = self.doc_ords.get(segment_ord as usize).and_then(|s| s.get(doc_id as usize)) else { continue };
            let info = &self.docs[ord as usize];
            if query.lang.is_some_and(|l| l != info.variant.lang()) {
                continue;
            }
            if query.topic.is_some_and(|topic| !info.topics.iter().any(|t| t == topic)) {
                continue;
            }
            let key = (info.slug.as_str(), info.variant.lang());
            let better = best.get(&key).is_none_or(|h| score > h.score || (score == h.score && info.variant < h.variant));
            if better {
                best.insert(key, Hit { slug: info.slug.clone(), variant: info.variant, score });
            }
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.slug.cmp(&b.slug)).then_with(|| a.variant.cmp(&b.variant)));
        hits.truncate(query.limit);
        hits
    }
}

fn pre_tokenized(text: &str, words: &[Word]) -> PreTokenizedString {
    let tokens = words
        .iter()
        .enumerate()
        .map(|(position, w)| Token { offset_from: 0, offset_to: 0, position, text: w.stem.clone(), position_length: 1 })
        .collect();
    PreTokenizedString { text: text.to_string(), tokens }
}

#[cfg(test)]
mod tests;
