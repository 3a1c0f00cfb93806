//! The search of [`crate::search`] over prebuilt indexes, for a directory of 100,000 places:
//! built once per state of the directory (the web instance keeps it in a snapshot), then each
//! query reads only the places near the origin or mentioning a word of `q`.
//!
//! Exactness decision: the answer must be the one of [`crate::search::scan`] (the plain rule,
//! kept as the reference), in the same order, so every index here is exact, never
//! approximate:
//! - **space**: a grid of 0.1° cells; a query visits the cells of a bounding box that holds
//!   the whole circle (with a margin), then the haversine distance decides as before. A
//!   cell holds [`Slot`]s, what the filters read of a place packed in one cache line, so a
//!   dense town filtered by need or "open now" is read sequentially, and the cheap filters
//!   (free, need, hours) run before the trigonometry;
//! - **words**: the rule is "the folded field *contains* the folded word". A word of `q` has
//!   no space, so it can only occur inside one space-separated token of a folded field; the
//!   index maps every substring of at least 3 bytes (the rule ignores shorter words) of every
//!   token to the tokens holding it, and each token to its places. Tokens longer than
//!   [`LONG_TOKEN`] bytes (rare: glued words, URLs) are not cut up but scanned per query.
//!   A query's word becomes one bitset over the places (no sorting of merged lists; a
//!   frequent token such as "numérique" keeps a prebuilt bitset, OR-ed in);
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

/// What the filters read of one place, packed (64 bytes): coordinates, fee, services as a
/// bit mask, and per weekday the first opening and last closing minute.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lat: f64,
    lon: f64,
    /// Bit `i`: the place offers service id `i`; ids from [`OVERFLOW_BIT`] on share that bit
    /// (then the place's full list decides).
    services: u64,
    /// Per weekday `[first open, last close)`; `(0, 0)`: closed all day or no readable hours.
    bounds: [(u16, u16); 7],
    pos: u32,
    /// Bit `d`: weekday `d` has exactly one span, so `bounds` is the whole truth that day.
    single_span: u8,
    free: bool,
}

/// Service ids at or past this share the last bit of [`Slot::services`].
const OVERFLOW_BIT: usize = 63;

/// Tokens held by more than one place in this many get a prebuilt bitset.
const DENSE_TOKEN_SHARE: usize = 64;

/// A set of places (positions), one bit each.
#[derive(Debug, Clone, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, pos: u32) {
        self.0[pos as usize / 64] |= 1 << (pos % 64);
    }
    fn has(&self, pos: u32) -> bool {
        self.0[pos as usize / 64] & (1 << (pos % 64)) != 0
    }
    fn or(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    (w * 64) as u32 + bit
                })
            })
        })
    }
}

/// The prebuilt search of a list of places (positions refer to that list).
#[derive(Debug, Default)]
pub struct Index {
    /// One per place, by position.
    slots: Vec<Slot>,
    /// Parsed hours by position (`None`: missing or unreadable).
    weeks: Vec<Option<Week>>,
    /// Service ids by position, for the places that offer an id past [`OVERFLOW_BIT`].
    overflow_services: HashMap<u32, Vec<u16>>,
    /// Distinct service names (and data·inclusion thematiques), folded, for `need`.
    services: Vec<String>,
    /// Places with both coordinates, per grid cell.
    grid: HashMap<(i32, i32), Vec<Slot>>,
    /// Distinct tokens of the searched fields, with the places (sorted, distinct) holding each.
    tokens: Vec<(String, Vec<u32>)>,
    /// Prebuilt bitsets of the frequent tokens, by token id.
    dense: HashMap<u32, Bits>,
    /// Substring (≥ 3 bytes) → tokens containing it.
    substrings: HashMap<String, Vec<u32>>,
    /// Tokens longer than `LONG_TOKEN`, scanned per query.
    long_tokens: Vec<u32>,
}

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    ((lat / CELL_DEG).floor() as i32, (lon / CELL_DEG).floor() as i32)
}

/// The fields `q` is looked for in (the rule of `search::mentions`); `social` is
/// `crate::social::described(p)`, empty for a place of the LMN schema.
fn searched_fields<'a>(p: &'a Place, social: &'a [String]) -> impl Iterator<Item = &'a str> {
    [Some(p.nom.as_str()), p.presentation_resume.as_deref(), p.presentation_detail.as_deref(), Some(p.commune.as_str())]
        .into_iter()
        .flatten()
        .chain(p.services.iter().map(String::as_str))
        .chain(social.iter().map(String::as_str))
}

/// Whether `week` is open at `minute` of `weekday` (the rule of `Week::is_open`).
fn open_in(week: &Week, weekday: usize, minute: u16) -> bool {
    week.0[weekday].iter().any(|(a, b)| *a <= minute && minute < *b)
}

/// What a query asks of the places, prepared once per query.
struct Filters<'q> {
    free: bool,
    /// `None`: no need asked. Else the service bits that answer it.
    need_mask: Option<u64>,
    /// Per service id, whether it answers the need (for the overflow ids).
    wanted: Vec<bool>,
    /// `Some((weekday, minute))` when only places open now are wanted.
    open_at: Option<(usize, u16)>,
    weeks: &'q [Option<Week>],
    overflow_services: &'q HashMap<u32, Vec<u16>>,
}

impl Filters<'_> {
    /// Free, need and open now: everything but the distance and the words.
    fn keep(&self, s: &Slot) -> bool {
        if self.free && !s.free {
            return false;
        }
        if let Some(mask) = self.need_mask {
            let hit = s.services & mask;
            if hit == 0 {
                return false;
            }
            // Only the shared overflow bit matched: the place's own ids decide.
            if hit == 1 << OVERFLOW_BIT {
                let ids = self.overflow_services.get(&s.pos).map(Vec::as_slice).unwrap_or_default();
                if !ids.iter().any(|id| self.wanted[*id as usize]) {
                    return false;
                }
            }
        }
        if let Some((day, minute)) = self.open_at {
            let (first, last) = s.bounds[day];
            if minute < first || minute >= last {
                return false;
            }
            if s.single_span & (1 << day) == 0 && !self.weeks[s.pos as usize].as_ref().is_some_and(|w| open_in(w, day, minute)) {
                return false;
            }
        }
        true
    }
}

impl Index {
    pub fn build(places: &[Place]) -> Index {
        let mut index = Index::default();
        let mut service_ids: HashMap<String, u16> = HashMap::new();
        let mut token_ids: HashMap<String, u32> = HashMap::new();
        for (pos, p) in places.iter().enumerate() {
            let pos = pos as u32;
            let week = p.horaires.as_deref().and_then(|h| hours::parse(h).ok());
            let mut slot = Slot { pos, free: p.frais_a_charge.iter().any(|f| f == "Gratuit"), ..Slot::default() };
            if let Some(w) = &week {
                for (d, spans) in w.0.iter().enumerate() {
                    // Spans may come in any order (several rules): the extremes bound them all.
                    if let (Some(first), Some(last)) = (spans.iter().map(|s| s.0).min(), spans.iter().map(|s| s.1).max()) {
                        slot.bounds[d] = (first, last);
                    }
                    if spans.len() == 1 {
                        slot.single_span |= 1 << d;
                    }
                }
            }
            let mut overflow = Vec::new();
            // What `need` reads (the rule of `search::offers`): the LMN services, and the
            // thematiques of data·inclusion services (those places only: the JSON is read then).
            let offered: std::borrow::Cow<[String]> =
                if p.data_inclusion.is_some() { crate::social::offered(p).into() } else { p.services.as_slice().into() };
            let social = if p.data_inclusion.is_some() { crate::social::described(p) } else { Vec::new() };
            for s in offered.iter() {
                let next = service_ids.len() as u16;
                let id = *service_ids.entry(s.clone()).or_insert_with(|| {
                    index.services.push(fold(s));
                    next
                });
                slot.services |= 1 << (id as usize).min(OVERFLOW_BIT);
                if id as usize >= OVERFLOW_BIT {
                    overflow.push(id);
                }
            }
            if !overflow.is_empty() {
                index.overflow_services.insert(pos, overflow);
            }
            // Imported coordinates are finite numbers in range (checked on import).
            if let (Some(la), Some(lo)) = (p.latitude, p.longitude) {
                slot.lat = la;
                slot.lon = lo;
                index.grid.entry(cell(la, lo)).or_default().push(slot);
            }
            index.slots.push(slot);
            index.weeks.push(week);
            for field in searched_fields(p, &social) {
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
        for (id, (tok, postings)) in index.tokens.iter().enumerate() {
            if postings.len() * DENSE_TOKEN_SHARE > places.len() {
                let mut bits = Bits::new(places.len());
                postings.iter().for_each(|p| bits.set(*p));
                index.dense.insert(id as u32, bits);
            }
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

    /// The places that mention `word` (folded, no space, > 2 bytes).
    fn mentioning(&self, word: &str) -> Bits {
        let mut out = Bits::new(self.slots.len());
        let long = self.long_tokens.iter().copied().filter(|t| self.tokens[*t as usize].0.contains(word));
        for t in self.substrings.get(word).into_iter().flatten().copied().chain(long) {
            match self.dense.get(&t) {
                Some(bits) => out.or(bits),
                None => self.tokens[t as usize].1.iter().for_each(|p| out.set(*p)),
            }
        }
        out
    }

    /// The places within `radius` km of `origin` (exact haversine test) that `filters`
    /// keep, with their distance.
    fn near(&self, (la, lo): (f64, f64), radius: f64, filters: &Filters, out: &mut Vec<(u32, Option<f64>)>) {
        let dlat = radius / KM_PER_DEG * 1.01 + 1e-6;
        let max_lat = (la.abs() + dlat).min(89.9);
        let dlon = (radius / (KM_PER_DEG * max_lat.to_radians().cos()) * 1.01 + 1e-6).min(180.0);
        let (c0, c1) = (cell(la - dlat, lo - dlon), cell(la + dlat, lo + dlon));
        for i in c0.0..=c1.0 {
            for j in c0.1..=c1.1 {
                for slot in self.grid.get(&(i, j)).into_iter().flatten() {
                    if !filters.keep(slot) {
                        continue;
                    }
                    let d = distance_km(la, lo, slot.lat, slot.lon);
                    if d <= radius {
                        out.push((slot.pos, Some(d)));
                    }
                }
            }
        }
    }

    /// The answer of `search::scan(places, q)`, from the indexes. `places` must be the list
    /// the index was built from.
    pub fn search<'a>(&self, places: &'a [Place], q: &Query) -> Vec<Hit<'a>> {
        debug_assert_eq!(places.len(), self.slots.len());
        if q.limit == 0 {
            return Vec::new();
        }
        let words: Vec<String> =
            q.q.as_deref().map(|s| fold(s).split(' ').filter(|w| w.len() > 2).map(str::to_string).collect()).unwrap_or_default();
        // An empty folded need filters nothing (as in the plain rule).
        let need = q.need.as_deref().map(fold).filter(|n| !n.is_empty());
        let wanted: Vec<bool> = self.services.iter().map(|s| need.as_deref().is_none_or(|n| s.contains(n))).collect();
        let need_mask = need.as_ref().map(|_| {
            wanted.iter().enumerate().filter(|(_, w)| **w).fold(0u64, |m, (id, _)| m | 1 << id.min(OVERFLOW_BIT))
        });
        let (weekday, minute) = hours::paris_moment(q.now);
        let filters = Filters {
            free: q.free,
            need_mask,
            wanted,
            open_at: q.open_now.then_some((weekday, minute)),
            weeks: &self.weeks,
            overflow_services: &self.overflow_services,
        };
        // Per word, the places that mention it.
        let mentions: Vec<Bits> = words.iter().map(|w| self.mentioning(w)).collect();
        // Candidates: near the origin, else (with words) those mentioning one, else all.
        let mut candidates: Vec<(u32, Option<f64>)> = Vec::new();
        match q.origin {
            Some(origin) => self.near(origin, q.radius_km, &filters, &mut candidates),
            None => {
                let keep = |pos: u32| filters.keep(&self.slots[pos as usize]).then_some((pos, None));
                if words.is_empty() {
                    candidates.extend((0..places.len() as u32).filter_map(keep));
                } else {
                    let mut any = Bits::new(places.len());
                    mentions.iter().for_each(|m| any.or(m));
                    candidates.extend(any.iter().filter_map(keep));
                }
            }
        }
        let mut ranked: Vec<(f64, u32, Option<f64>)> = Vec::new();
        for (pos, distance) in candidates {
            let missing = mentions.iter().filter(|m| !m.has(pos)).count();
            if !words.is_empty() && missing == words.len() {
                continue;
            }
            ranked.push((distance.unwrap_or(0.0) + missing as f64 * MISSING_WORD_KM, pos, distance));
        }
        let order = |a: &(f64, u32, Option<f64>), b: &(f64, u32, Option<f64>)| {
            a.0.total_cmp(&b.0).then_with(|| places[a.1 as usize].nom.cmp(&places[b.1 as usize].nom)).then(a.1.cmp(&b.1))
        };
        if ranked.len() > q.limit {
            ranked.select_nth_unstable_by(q.limit - 1, order);
            ranked.truncate(q.limit);
        }
        ranked.sort_unstable_by(order);
        ranked
            .into_iter()
            .map(|(rank, pos, distance_km)| {
                let week = self.weeks[pos as usize].as_ref();
                Hit {
                    place: &places[pos as usize],
                    distance_km,
                    open_now: week.map(|w| open_in(w, weekday, minute)),
                    today: week.map(|w| w.0[weekday].clone()),
                    rank,
                }
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}
