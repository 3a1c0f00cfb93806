//! The search of [`crate::search`] over prebuilt indexes, for a directory of 100,000 places:
//! built once per state of the directory (the web instance keeps it in a snapshot), then each
//! query reads only the places near the origin or mentioning a word of `q`.
//!
//! Exactness decision: the answer must be the one of [`crate::search::scan`] (the plain rule,
//! kept as the reference), in the same order, so every index here is exact, never
//! approximate:
//! - **space**: a grid of 0.1° cells; a query visits the cells of a bounding box that holds
//!   the whole circle (with a margin), then the haversine distance decides as before;
//! - **words**: the rule is "the folded field *contains* the folded word". A word of `q` has
//!   no space, so it can only occur inside one space-separated token of a folded field; the
//!   index maps every substring of at least 3 bytes (the rule ignores shorter words) of every
//!   token to the tokens holding it, and each token to its places. Tokens longer than
//!   [`LONG_TOKEN`] bytes (rare: glued words, URLs) are not cut up but scanned per query;
//! - **order**: rank, then name, then the place's position in the input (what the stable
//!   sort of the plain rule gives for equal rank and name), and only the first `limit` are
//!   sorted (selection first).

use crate::communes::fold;
use crate::geo::distance_km;
use crate::hours::{self, Week};
use crate::model::Place;
use crate::search::{Hit, Query, MISSING_WORD_KM};
use std::collections::HashMap;

/// Grid cell size in degrees (about 11 km north-south, 7.8 km east-west in France).
const CELL_DEG: f64 = 0.1;
/// Tokens longer than this (bytes) are scanned per query instead of being cut into substrings.
pub const LONG_TOKEN: usize = 24;
/// Km per degree of latitude on the sphere `geo` uses, rounded down (a wider box is safe).
const KM_PER_DEG: f64 = 111.19;

/// What the search needs of one place, precomputed.
#[derive(Debug)]
struct Entry {
    coords: Option<(f64, f64)>,
    /// Parsed hours (`None`: missing or unreadable).
    week: Option<Week>,
    /// Indexes into `Index::services` (distinct service names of the directory).
    services: Vec<u16>,
    free: bool,
}

/// The prebuilt search of a list of places (positions refer to that list).
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
    /// Distinct service names, folded, for `need`.
    services: Vec<String>,
    /// Places with both coordinates, per grid cell.
    grid: HashMap<(i32, i32), Vec<u32>>,
    /// Distinct tokens of the searched fields, with the places (sorted, distinct) holding each.
    tokens: Vec<(String, Vec<u32>)>,
    /// Substring (≥ 3 bytes) → tokens containing it.
    substrings: HashMap<String, Vec<u32>>,
    /// Tokens longer than `LONG_TOKEN`, scanned per query.
    long_tokens: Vec<u32>,
}

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    ((lat / CELL_DEG).floor() as i32, (lon / CELL_DEG).floor() as i32)
}

/// The fields `q` is looked for in (the rule of `search::mentions`).
fn searched_fields(p: &Place) -> impl Iterator<Item = &str> {
    [Some(p.nom.as_str()), p.presentation_resume.as_deref(), p.presentation_detail.as_deref(), Some(p.commune.as_str())]
        .into_iter()
        .flatten()
        .chain(p.services.iter().map(String::as_str))
}

impl Index {
    pub fn build(places: &[Place]) -> Index {
        let mut index = Index::default();
        let mut service_ids: HashMap<String, u16> = HashMap::new();
        let mut token_ids: HashMap<String, u32> = HashMap::new();
        for (pos, p) in places.iter().enumerate() {
            let pos = pos as u32;
            // Imported coordinates are finite numbers in range (checked on import).
            let coords = match (p.latitude, p.longitude) {
                (Some(la), Some(lo)) => Some((la, lo)),
                _ => None,
            };
            if let Some((la, lo)) = coords {
                index.grid.entry(cell(la, lo)).or_default().push(pos);
            }
            let mut services = Vec::new();
            for s in &p.services {
                let next = service_ids.len() as u16;
                let id = *service_ids.entry(s.clone()).or_insert_with(|| {
                    index.services.push(fold(s));
                    next
                });
                services.push(id);
            }
            index.entries.push(Entry {
                coords,
                week: p.horaires.as_deref().and_then(|h| hours::parse(h).ok()),
                services,
                free: p.frais_a_charge.iter().any(|f| f == "Gratuit"),
            });
            for field in searched_fields(p) {
                for tok in fold(field).split(' ').filter(|t| t.len() > 2) {
                    let next = token_ids.len() as u32;
                    let id = *token_ids.entry(tok.to_string()).or_insert_with(|| {
                        index.tokens.push((tok.to_string(), Vec::new()));
                        next
                    });
                    let postings = &mut index.tokens[id as usize].1;
                    if postings.last() != Some(&pos) {
                        postings.push(pos); // positions grow, so the list stays sorted
                    }
                }
            }
        }
        for (id, (tok, _)) in index.tokens.iter().enumerate() {
            if tok.len() > LONG_TOKEN {
                index.long_tokens.push(id as u32);
                continue;
            }
            let bounds: Vec<usize> = tok.char_indices().map(|(i, _)| i).chain([tok.len()]).collect();
            for (a, &start) in bounds.iter().enumerate() {
                for &end in &bounds[a + 1..] {
                    if end - start > 2 {
                        let list = index.substrings.entry(tok[start..end].to_string()).or_default();
                        if list.last() != Some(&(id as u32)) {
                            list.push(id as u32);
                        }
                    }
                }
            }
        }
        index
    }

    /// Places (positions, ascending) that mention `word` (folded, no space, > 2 bytes).
    fn mentioning(&self, word: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        let long = self.long_tokens.iter().copied().filter(|t| self.tokens[*t as usize].0.contains(word));
        for t in self.substrings.get(word).into_iter().flatten().copied().chain(long) {
            out.extend_from_slice(&self.tokens[t as usize].1);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Positions of the places within `radius` km of `origin` (exact haversine test).
    fn near(&self, (la, lo): (f64, f64), radius: f64) -> Vec<(u32, f64)> {
        let dlat = radius / KM_PER_DEG * 1.01 + 1e-6;
        let max_lat = (la.abs() + dlat).min(89.9);
        let dlon = (radius / (KM_PER_DEG * max_lat.to_radians().cos()) * 1.01 + 1e-6).min(180.0);
        let (c0, c1) = (cell(la - dlat, lo - dlon), cell(la + dlat, lo + dlon));
        let mut out = Vec::new();
        for i in c0.0..=c1.0 {
            for j in c0.1..=c1.1 {
                for &pos in self.grid.get(&(i, j)).into_iter().flatten() {
                    let Some((pla, plo)) = self.entries[pos as usize].coords else { continue };
                    let d = distance_km(la, lo, pla, plo);
                    if d <= radius {
                        out.push((pos, d));
                    }
                }
            }
        }
        out
    }

    /// The answer of `search::scan(places, q)`, from the indexes. `places` must be the list
    /// the index was built from.
    pub fn search<'a>(&self, places: &'a [Place], q: &Query) -> Vec<Hit<'a>> {
        debug_assert_eq!(places.len(), self.entries.len());
        let words: Vec<String> =
            q.q.as_deref().map(|s| fold(s).split(' ').filter(|w| w.len() > 2).map(str::to_string).collect()).unwrap_or_default();
        // An empty folded need filters nothing (as in the plain rule).
        let need = q.need.as_deref().map(fold).filter(|n| !n.is_empty());
        let wanted_services: Vec<bool> = self.services.iter().map(|s| need.as_deref().is_none_or(|n| s.contains(n))).collect();
        let (weekday, minute) = hours::paris_moment(q.now);
        // Per word, whether each candidate mentions it (sorted position lists).
        let mentions: Vec<Vec<u32>> = words.iter().map(|w| self.mentioning(w)).collect();
        // Candidates: near the origin, else (with words) those mentioning one, else all.
        let candidates: Vec<(u32, Option<f64>)> = match q.origin {
            Some(origin) => self.near(origin, q.radius_km).into_iter().map(|(p, d)| (p, Some(d))).collect(),
            None if !words.is_empty() => {
                let mut any: Vec<u32> = mentions.iter().flatten().copied().collect();
                any.sort_unstable();
                any.dedup();
                any.into_iter().map(|p| (p, None)).collect()
            }
            None => (0..places.len() as u32).map(|p| (p, None)).collect(),
        };
        let mut ranked: Vec<(f64, u32, Option<f64>)> = Vec::new();
        for (pos, distance) in candidates {
            let e = &self.entries[pos as usize];
            if q.free && !e.free {
                continue;
            }
            if need.is_some() && !e.services.iter().any(|s| wanted_services[*s as usize]) {
                continue;
            }
            if q.open_now && !e.week.as_ref().is_some_and(|w| w.0[weekday].iter().any(|(a, b)| *a <= minute && minute < *b)) {
                continue;
            }
            let missing = mentions.iter().filter(|m| m.binary_search(&pos).is_err()).count();
            if !words.is_empty() && missing == words.len() {
                continue;
            }
            ranked.push((distance.unwrap_or(0.0) + missing as f64 * MISSING_WORD_KM, pos, distance));
        }
        let order = |a: &(f64, u32, Option<f64>), b: &(f64, u32, Option<f64>)| {
            a.0.total_cmp(&b.0).then_with(|| places[a.1 as usize].nom.cmp(&places[b.1 as usize].nom)).then(a.1.cmp(&b.1))
        };
        if q.limit == 0 {
            return Vec::new();
        }
        if ranked.len() > q.limit {
            ranked.select_nth_unstable_by(q.limit - 1, order);
            ranked.truncate(q.limit);
        }
        ranked.sort_unstable_by(order);
        ranked
            .into_iter()
            .map(|(rank, pos, distance_km)| {
                let week = self.entries[pos as usize].week.as_ref();
                Hit {
                    place: &places[pos as usize],
                    distance_km,
                    open_now: week.map(|w| w.0[weekday].iter().any(|(a, b)| *a <= minute && minute < *b)),
                    today: week.map(|w| w.0[weekday].clone()),
                    rank,
                }
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
