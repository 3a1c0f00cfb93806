//! The tutorial library as this instance serves it: the published revisions (from the
//! database), parsed, and their in-memory search index. Built at start, rebuilt after a
//! publish here, and rebuilt when the `tutorials_version` counter shows that another instance
//! published (the jobs poll it every few seconds; queries never touch the database).
//!
//! The shipped files (`content/`, embedded by `relais-library`) seed the database at start
//! (`Store::seed_tutorials` decides what a new release may replace) and provide the
//! pictograms.

use relais_library::search::{Query, SearchIndex};
use relais_library::{Library, Tutorial, Variant};
use relais_store::tutorials::ShippedFile;
use relais_store::{Store, StoreError};
use std::sync::{Arc, OnceLock, RwLock};

/// The content shipped in the binary (pictograms, synonyms, the initial tutorials).
pub fn shipped() -> &'static Library {
    static SHIPPED: OnceLock<Library> = OnceLock::new();
    SHIPPED.get_or_init(|| match Library::embedded() {
        Ok(l) => l,
        Err(e) => {
            // The test suite keeps the shipped content valid; a broken build still serves
            // what the database holds.
            tracing::error!(error = %e, "shipped tutorials could not be loaded");
            Library::default()
        }
    })
}

/// Inserts the shipped files the database does not have yet (see `Store::seed_tutorials`).
pub async fn seed_shipped(store: &Store, now: i64) -> Result<(), StoreError> {
    let files: Vec<ShippedFile> = shipped()
        .tutorials()
        .map(|t| ShippedFile { slug: t.slug.clone(), variant: t.variant.code().to_owned(), source: t.source.clone() })
        .collect();
    let report = store.seed_tutorials(&files, now).await?;
    if report != Default::default() {
        tracing::info!(inserted = report.inserted, updated = report.updated, kept_edited = report.kept_edited, "shipped tutorials seeded");
    }
    Ok(())
}

/// One state of the published library, with its index.
pub struct Snapshot {
    /// The `tutorials_version` this snapshot was built from.
    pub version: i64,
    pub library: Library,
    pub index: SearchIndex,
    /// Tutorial pages as rendered for visitors who are not signed in, keyed by path, query
    /// and language, with a placeholder where each visitor's CSRF token goes. A published
    /// change builds a new snapshot, so this cache never outlives the text it was made from.
    pub anonymous_pages: std::sync::Mutex<std::collections::HashMap<String, Arc<CachedPage>>>,
}

/// A page rendered once with a placeholder where each visitor's CSRF token goes, kept cut
/// at the placeholders so that serving it is a copy of the pieces, not a search.
pub struct CachedPage {
    pieces: Vec<String>,
    len: usize,
}

impl CachedPage {
    pub fn new(html: &str, slot: &str) -> CachedPage {
        let pieces: Vec<String> = html.split(slot).map(str::to_owned).collect();
        CachedPage { len: pieces.iter().map(String::len).sum(), pieces }
    }

    /// The page with `token` in every slot.
    pub fn with(&self, token: &str) -> String {
        let mut out = String::with_capacity(self.len + token.len() * self.pieces.len());
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                out.push_str(token);
            }
            out.push_str(piece);
        }
        out
    }
}

/// A search result: one tutorial (slug), in the version that matched best.
#[derive(Debug, Clone)]
pub struct Found {
    pub slug: String,
    pub variant: Variant,
    pub score: f32,
}

impl Snapshot {
    /// Reads every published revision and indexes it. A revision that does not parse (it was
    /// checked before publishing, so only after a format change) is left out and logged.
    pub async fn load(store: &Store) -> Result<Snapshot, StoreError> {
        // The counter first: a publish landing meanwhile makes the next poll rebuild again.
        let version = store.tutorials_version().await?;
        let mut library = Library::default();
        for p in store.published_tutorials().await? {
            let Some(variant) = Variant::from_code(&p.variant) else { continue };
            match relais_library::parse(&p.slug, variant, &p.source) {
                Ok(t) => library.upsert(t),
                Err(e) => tracing::warn!(slug = %p.slug, variant = %p.variant, error = %e, "published tutorial does not parse"),
            }
        }
        let index = build_index(&library)?;
        Ok(Snapshot { version, library, index, anonymous_pages: Default::default() })
    }

    /// Ranked tutorials for `text`, one per slug; the interface language `lang` and a topic
    /// narrow the search.
    pub fn search(&self, text: &str, lang: Option<relais_library::Lang>, topic: Option<&str>, limit: usize) -> Vec<Found> {
        let hits = self.index.search(&Query { text, lang, topic, limit: limit * 4 });
        let mut out: Vec<Found> = Vec::new();
        for h in hits {
            if out.iter().any(|f| f.slug == h.slug) {
                continue;
            }
            out.push(Found { slug: h.slug.clone(), variant: h.variant, score: h.score });
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// The French originals (one per tutorial), by slug.
    pub fn originals(&self) -> impl Iterator<Item = &Tutorial> {
        self.library.tutorials().filter(|t| t.variant == Variant::Fr)
    }

    pub fn get(&self, slug: &str, variant: Variant) -> Option<&Tutorial> {
        self.library.get(slug, variant)
    }

    /// The version to show in `lang`: its own if it exists, else the French original (the
    /// flag says the page shows a fallback). `falc` asks for the easy-to-read French.
    pub fn pick(&self, slug: &str, lang: relais_library::Lang, falc: bool) -> Option<(&Tutorial, bool)> {
        let wanted = match lang {
            relais_library::Lang::Fr if falc => Variant::FrFalc,
            relais_library::Lang::Fr => Variant::Fr,
            relais_library::Lang::En => Variant::En,
            relais_library::Lang::Ar => Variant::Ar,
        };
        if let Some(t) = self.get(slug, wanted) {
            return Some((t, false));
        }
        let fr = self.get(slug, Variant::Fr)?;
        Some((fr, lang != relais_library::Lang::Fr))
    }
}

fn build_index(library: &Library) -> Result<SearchIndex, StoreError> {
    SearchIndex::build(library.tutorials()).map_err(|e| StoreError::Corrupt(format!("tutorial search index: {e}")))
}

/// The current snapshot, swapped whole when a new one is built.
pub struct Catalog {
    current: RwLock<Arc<Snapshot>>,
}

impl Catalog {
    pub async fn load(store: &Store) -> Result<Catalog, StoreError> {
        Ok(Catalog { current: RwLock::new(Arc::new(Snapshot::load(store).await?)) })
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Rebuilds from the database (after a publish on this instance).
    pub async fn rebuild(&self, store: &Store) -> Result<(), StoreError> {
        let fresh = Arc::new(Snapshot::load(store).await?);
        let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
        if fresh.version >= current.version {
            *current = fresh;
        }
        Ok(())
    }

    /// Rebuilds if another instance published since this snapshot; returns whether it did.
    pub async fn refresh(&self, store: &Store) -> Result<bool, StoreError> {
        let seen = self.snapshot().version;
        if store.tutorials_version().await? == seen {
            return Ok(false);
        }
        self.rebuild(store).await?;
        Ok(true)
    }
}

/// Whether a version checked on `checked_on` is due for a new check on `today`: more than six
/// months ago (coordinators see it flagged).
pub fn is_stale(checked_on: jiff::civil::Date, today: jiff::civil::Date) -> bool {
    match checked_on.checked_add(jiff::Span::new().months(6)) {
        Ok(due) => due < today,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_stale;
    use jiff::civil::date;

    #[test]
    fn a_version_is_stale_after_six_months() {
        let today = date(2026, 12, 1);
        assert!(!is_stale(date(2026, 11, 30), today));
        assert!(!is_stale(date(2026, 6, 1), today), "exactly six months: not yet");
        assert!(is_stale(date(2026, 5, 31), today));
        assert!(is_stale(date(2020, 1, 1), today));
    }

    #[test]
    fn a_cached_page_gets_the_token_in_every_slot() {
        let page = super::CachedPage::new("<a>@@</a><b>@@</b>", "@@");
        assert_eq!(page.with("TOKEN"), "<a>TOKEN</a><b>TOKEN</b>");
        assert_eq!(super::CachedPage::new("no slot", "@@").with("T"), "no slot");
    }
}
