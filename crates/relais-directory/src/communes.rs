//! Offline geocoding: a person gives a postcode or a commune name (never an address) and gets
//! the commune's centre. The communes ship in the binary (`data/communes.csv.gz`, ODbL, see
//! `data/SOURCES.md`) and are decoded once into memory (about 35,000 rows).
//!
//! Names are compared folded (lowercase, accents removed, hyphens and apostrophes as spaces,
//! "st"/"ste" as "saint"/"sainte"), so "saint etienne" finds Saint-Étienne; a name not found
//! exactly is matched to the closest one within a small edit distance (typos), the most
//! populous commune winning ties (homonyms such as the many "Saint-Martin").

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

static GZ: &[u8] = include_bytes!("../data/communes.csv.gz");

#[derive(Debug, Clone, PartialEq)]
pub struct Commune {
    pub code_insee: String,
    pub nom: String,
    pub codes_postaux: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

pub struct Communes {
    all: Vec<Commune>,
    by_name: HashMap<String, Vec<usize>>,
    by_postcode: HashMap<String, Vec<usize>>,
    /// INSEE code (upper case: Corsica's 2A/2B) → position; a 5-character name ("Paris",
    /// "Blaye") is tried as a code first, and a scan of 35,000 codes cost a millisecond.
    by_insee: HashMap<String, usize>,
}

/// Every shipped commune with coordinates (decoded on first use).
pub fn communes() -> &'static Communes {
    static C: OnceLock<Communes> = OnceLock::new();
    C.get_or_init(|| {
        let mut text = String::new();
        flate2::read::GzDecoder::new(GZ).read_to_string(&mut text).expect("shipped communes decode");
        Communes::from_csv(&text).expect("shipped communes parse")
    })
}

/// Folds a name for comparison.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' | 'ý' => 'y',
            'œ' => {
                out.push('o');
                'e'
            }
            'æ' => {
                out.push('a');
                'e'
            }
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        out.push(c);
    }
    out.split_whitespace()
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Communes {
    pub fn from_csv(text: &str) -> Result<Communes, csv::Error> {
        let mut all = Vec::new();
        for rec in csv::Reader::from_reader(text.as_bytes()).records() {
            let r = rec?;
            let (Ok(lat), Ok(lon)) = (r[3].parse::<f64>(), r[4].parse::<f64>()) else { continue };
            all.push(Commune {
                code_insee: r[0].to_string(),
                nom: r[1].to_string(),
                codes_postaux: r[2].split('|').filter(|p| !p.is_empty()).map(str::to_string).collect(),
                lat,
                lon,
                population: r[5].parse().unwrap_or(0),
            });
        }
        // Most populous first, so every lookup's first candidate is the likeliest.
        all.sort_by(|a, b| b.population.cmp(&a.population).then(a.code_insee.cmp(&b.code_insee)));
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_postcode: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_insee: HashMap<String, usize> = HashMap::new();
        for (i, c) in all.iter().enumerate() {
            by_insee.entry(c.code_insee.to_ascii_uppercase()).or_insert(i);
            by_name.entry(fold(&c.nom)).or_default().push(i);
            for p in &c.codes_postaux {
                by_postcode.entry(p.clone()).or_default().push(i);
            }
        }
        Ok(Communes { all, by_name, by_postcode, by_insee })
    }

    /// Every commune, in the file's order.
    pub fn iter(&self) -> impl Iterator<Item = &Commune> {
        self.all.iter()
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// Communes served by a postcode, most populous first.
    pub fn by_postcode(&self, code: &str) -> Vec<&Commune> {
        self.by_postcode.get(code).map(|v| v.iter().map(|i| &self.all[*i]).collect()).unwrap_or_default()
    }

    /// Resolves what a person typed: a 5-digit postcode, an INSEE code, or a commune name
    /// (accents, case, hyphens and small typos forgiven). `None` when nothing is close.
    pub fn resolve(&self, query: &str) -> Option<&Commune> {
        let q = query.trim();
        if q.len() == 5 && q.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(c) = self.by_postcode(q).into_iter().next() {
                return Some(c);
            }
        }
        if q.len() == 5 {
            if let Some(&i) = self.by_insee.get(&q.to_ascii_uppercase()) {
                return Some(&self.all[i]);
            }
        }
        let f = fold(q);
        if f.len() < 2 {
            return None;
        }
        if let Some(v) = self.by_name.get(&f) {
            return Some(&self.all[v[0]]);
        }
        // Typos: allow 1 edit up to 5 letters, 2 beyond. Scan names of similar length.
        let max = if f.chars().count() <= 5 { 1 } else { 2 };
        let mut best: Option<(usize, usize)> = None; // (distance, index)
        for (name, idx) in &self.by_name {
            if name.len().abs_diff(f.len()) > max {
                continue;
            }
            let d = strsim::damerau_levenshtein(name, &f);
            if d <= max {
                let i = idx[0];
                let better = match best {
                    None => true,
                    Some((bd, bi)) => d < bd || (d == bd && self.all[i].population > self.all[bi].population),
                };
                if better {
                    best = Some((d, i));
                }
            }
        }
        best.map(|(_, i)| &self.all[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_holds_the_communes() {
        // 35,014 rows, 54 without coordinates (data/SOURCES.md).
        assert_eq!(communes().len(), 35_014 - 54);
    }

    #[test]
    fn postcodes_and_names_resolve() {
        let c = communes();
        assert_eq!(c.resolve("74360").unwrap().nom, "Abondance");
        assert_eq!(c.resolve("Saint-Étienne").unwrap().code_insee, "42218");
        assert_eq!(c.resolve("st etienne").unwrap().code_insee, "42218");
        assert_eq!(c.resolve("SAINT ETIENNE").unwrap().code_insee, "42218");
        // Typos.
        assert_eq!(c.resolve("Grenobel").unwrap().code_insee, "38185");
        assert_eq!(c.resolve("chambery").unwrap().code_insee, "73065");
        assert_eq!(c.resolve("Chamberi").unwrap().code_insee, "73065");
        assert!(c.resolve("Xyzzyville").is_none());
        // A postcode shared by several communes gives the most populous.
        assert_eq!(c.resolve("73000").unwrap().code_insee, "73065");
        // INSEE codes, Corsica's in either case; a 5-letter name is still a name.
        assert_eq!(c.resolve("2a004").unwrap().nom, "Ajaccio");
        assert_eq!(c.resolve("2A004").unwrap().nom, "Ajaccio");
        assert_eq!(c.resolve("Blaye").unwrap().code_insee, "33058");
    }
}
