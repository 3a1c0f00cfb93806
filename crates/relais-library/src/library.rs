//! The set of tutorials and pictograms: the shipped `content/` folder (embedded in the binary)
//! or a folder on disk.

use std::collections::BTreeMap;
use std::path::Path;

use rust_embed::RustEmbed;

use crate::model::{Tutorial, Variant};
use crate::parse::{parse, ContentError};

/// The repository's `content/` folder, carried by the binary.
#[derive(RustEmbed)]
#[folder = "../../content/"]
struct Embedded;

/// A file that could not be loaded: its path under `content/` and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub path: String,
    pub error: LoadFault,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFault {
    /// Not `tutorials/<slug>/<fr|fr-falc|en|ar>.md` with a valid slug.
    BadPath,
    NotUtf8,
    Content(ContentError),
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.error {
            LoadFault::BadPath => write!(f, "{}: not tutorials/<slug>/<fr|fr-falc|en|ar>.md", self.path),
            LoadFault::NotUtf8 => write!(f, "{}: not UTF-8 text", self.path),
            LoadFault::Content(e) => write!(f, "{}: {e}", self.path),
        }
    }
}

/// Every file that failed to load.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{} content file(s) could not be loaded: {}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
pub struct LoadError(pub Vec<LoadProblem>);


#[derive(Debug, Clone, Default)]
pub struct Library {
    tutorials: BTreeMap<(String, Variant), Tutorial>,
    pictograms: BTreeMap<String, Vec<u8>>,
    has_pictogram_folder: bool,
    synonyms: Option<String>,
    evaluation: Option<String>,
}

impl Library {
    /// The content shipped in the binary. Fails if any shipped file is broken (the test suite
    /// makes sure none is).
    pub fn embedded() -> Result<Library, LoadError> {
        let files = Embedded::iter().filter_map(|path| Embedded::get(&path).map(|f| (path.to_string(), f.data.into_owned())));
        Self::strict(Self::from_files(files))
    }

    /// A `content/`-shaped folder on disk (`tutorials/`, `pictograms/`, `search/`).
    pub fn from_dir(root: impl AsRef<Path>) -> std::io::Result<Result<Library, LoadError>> {
        let root = root.as_ref();
        let mut files = Vec::new();
        for (sub, ext) in [("tutorials", "md"), ("pictograms", "svg"), ("search", "toml")] {
            let dir = root.join(sub);
            if !dir.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(&dir)? {
                let entry = entry?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if sub == "tutorials" && entry.file_type()?.is_dir() {
                    for inner in std::fs::read_dir(entry.path())? {
                        let inner = inner?;
                        let file = inner.file_name().to_string_lossy().into_owned();
                        if file.ends_with(".md") {
                            files.push((format!("tutorials/{name}/{file}"), std::fs::read(inner.path())?));
                        }
                    }
                } else if name.ends_with(&format!(".{ext}")) {
                    files.push((format!("{sub}/{name}"), std::fs::read(entry.path())?));
                }
            }
        }
        Ok(Self::strict(Self::from_files(files)))
    }

    fn strict((library, problems): (Library, Vec<LoadProblem>)) -> Result<Library, LoadError> {
        if problems.is_empty() { Ok(library) } else { Err(LoadError(problems)) }
    }

    /// Loads what it can from `(path under content/, bytes)` pairs and lists what it could not.
    pub fn from_files(files: impl IntoIterator<Item = (String, Vec<u8>)>) -> (Library, Vec<LoadProblem>) {
        let mut library = Library::default();
        let mut problems = Vec::new();
        for (path, bytes) in files {
            let parts: Vec<&str> = path.split('/').collect();
            match parts.as_slice() {
                ["pictograms", file] => {
                    library.has_pictogram_folder = true;
                    if let Some(name) = file.strip_suffix(".svg") {
                        library.pictograms.insert(name.to_string(), bytes);
                    }
                }
                ["search", "synonyms.toml"] => library.synonyms = String::from_utf8(bytes).ok(),
                ["search", "evaluation.toml"] => library.evaluation = String::from_utf8(bytes).ok(),
                ["search", _] => {}
                ["tutorials", slug, file] => {
                    let variant = file.strip_suffix(".md").and_then(Variant::from_code);
                    let fault = match (variant, is_valid_slug(slug), String::from_utf8(bytes)) {
                        (Some(variant), true, Ok(text)) => match parse(slug, variant, &text) {
                            Ok(t) => {
                                library.upsert(t);
                                continue;
                            }
                            Err(e) => LoadFault::Content(e),
                        },
                        (Some(_), true, Err(_)) => LoadFault::NotUtf8,
                        _ => LoadFault::BadPath,
                    };
                    problems.push(LoadProblem { path, error: fault });
                }
                _ => {}
            }
        }
        (library, problems)
    }

    /// Adds or replaces one version (the web layer lays published revisions over the shipped
    /// files this way).
    pub fn upsert(&mut self, tutorial: Tutorial) {
        self.tutorials.insert((tutorial.slug.clone(), tutorial.variant), tutorial);
    }

    /// Every version, by slug then variant (French, FALC, English, Arabic).
    pub fn tutorials(&self) -> impl Iterator<Item = &Tutorial> {
        self.tutorials.values()
    }

    pub fn get(&self, slug: &str, variant: Variant) -> Option<&Tutorial> {
        self.tutorials.get(&(slug.to_string(), variant))
    }

    /// The versions that exist for a slug, French first; empty for an unknown slug.
    pub fn variants_of(&self, slug: &str) -> Vec<Variant> {
        Variant::ALL.into_iter().filter(|v| self.tutorials.contains_key(&(slug.to_string(), *v))).collect()
    }

    /// Distinct slugs, sorted.
    pub fn slugs(&self) -> Vec<&str> {
        let mut slugs: Vec<&str> = self.tutorials.keys().map(|(s, _)| s.as_str()).collect();
        slugs.dedup();
        slugs
    }

    /// The SVG of a pictogram (`content/pictograms/<name>.svg`).
    pub fn pictogram(&self, name: &str) -> Option<&[u8]> {
        self.pictograms.get(name).map(Vec::as_slice)
    }

    pub fn pictogram_names(&self) -> impl Iterator<Item = &str> {
        self.pictograms.keys().map(String::as_str)
    }

    /// Whether the content has a pictograms folder at all (the pictogram rule applies then).
    pub fn has_pictograms(&self) -> bool {
        self.has_pictogram_folder
    }

    /// `search/synonyms.toml`, if present.
    pub fn synonyms_source(&self) -> Option<&str> {
        self.synonyms.as_deref()
    }

    /// `search/evaluation.toml`, if present.
    pub fn evaluation_source(&self) -> Option<&str> {
        self.evaluation.as_deref()
    }
}

/// Lowercase ASCII words joined by single dashes, at most 80 characters.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 80
        && slug.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_files_and_reports_bad_ones() {
        let good = crate::parse::tests_support::GOOD.as_bytes().to_vec();
        let (lib, problems) = Library::from_files([
            ("tutorials/appel-video/fr.md".to_string(), good.clone()),
            ("tutorials/appel-video/en.md".to_string(), good.clone()),
            ("tutorials/Appel/fr.md".to_string(), good.clone()),
            ("tutorials/appel-video/de.md".to_string(), good.clone()),
            ("tutorials/broken/fr.md".to_string(), b"+++\n".to_vec()),
            ("pictograms/appli.svg".to_string(), b"<svg/>".to_vec()),
        ]);
        assert_eq!(lib.slugs(), vec!["appel-video"]);
        assert_eq!(lib.variants_of("appel-video"), vec![Variant::Fr]);
        assert_eq!(lib.pictogram("appli"), Some(&b"<svg/>"[..]));
        assert!(lib.has_pictograms());
        let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        // The English file fails: French section titles.
        assert_eq!(paths, vec!["tutorials/appel-video/en.md", "tutorials/Appel/fr.md", "tutorials/appel-video/de.md", "tutorials/broken/fr.md"]);
        assert!(matches!(problems[3].error, LoadFault::Content(_)));
    }

    #[test]
    fn reads_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("tutorials/appel-video")).unwrap();
        std::fs::write(dir.path().join("tutorials/appel-video/fr.md"), crate::parse::tests_support::GOOD).unwrap();
        let lib = Library::from_dir(dir.path()).unwrap().unwrap();
        assert!(lib.get("appel-video", Variant::Fr).is_some());
        assert!(!lib.has_pictograms());
    }

    #[test]
    fn slugs() {
        assert!(is_valid_slug("caf-declaration-trimestrielle"));
        for bad in ["", "Caf", "caf--x", "-caf", "caf_x", "café"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
