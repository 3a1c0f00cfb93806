//! Finding a place: filters (need, open now, free, radius) then a ranking by distance and fit.
//!
//! Ranking decision: the rank is the distance in km plus a 5 km penalty for each word of `q`
//! the place does not mention (name, presentation, services, commune), so a place that says
//! what the person asked for may come before a slightly nearer one that does not, but never
//! before one much nearer. Without an origin, places are ordered by fit then name. The
//! social services of places imported from data·inclusion count as what a place offers and
//! says (see `crate::social`).

use crate::communes::fold;
use crate::geo::distance_km;
use crate::hours::{self, Span};
use crate::model::Place;
use jiff::Timestamp;

/// Km added per word of `q` a place does not mention.
pub const MISSING_WORD_KM: f64 = 5.0;

#[derive(Debug, Clone)]
pub struct Query {
    /// Where the person is (a commune centre).
    pub origin: Option<(f64, f64)>,
    pub radius_km: f64,
    /// A service of the schema's vocabulary, a data·inclusion thematique or category
    /// (`logement-hebergement`), or words found in one ("démarches", "logement").
    pub need: Option<String>,
    pub q: Option<String>,
    pub open_now: bool,
    /// Only places marked "Gratuit" (not "Gratuit sous condition").
    pub free: bool,
    pub now: Timestamp,
    pub limit: usize,
}

#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub place: &'a Place,
    pub distance_km: Option<f64>,
    /// `None` when the hours are missing or not readable.
    pub open_now: Option<bool>,
    pub today: Option<Vec<Span>>,
    pub rank: f64,
}

fn mentions(p: &Place, word: &str) -> bool {
    let hay = [
        Some(p.nom.as_str()),
        p.presentation_resume.as_deref(),
        p.presentation_detail.as_deref(),
        Some(p.commune.as_str()),
    ];
    hay.into_iter().flatten().any(|h| fold(h).contains(word))
        || p.services.iter().any(|s| fold(s).contains(word))
        || crate::social::described(p).iter().any(|s| fold(s).contains(word))
}

fn offers(p: &Place, need: &str) -> bool {
    let n = fold(need);
    n.is_empty() || crate::social::offered(p).iter().any(|s| fold(s).contains(&n))
}

/// The search through a freshly built [`crate::index::Index`] (a server keeps a
/// [`Directory`] instead, built once per state of the directory).
pub fn search<'a>(places: &'a [Place], q: &Query) -> Vec<Hit<'a>> {
    crate::index::Index::build(places).search(places, q)
}

/// The places of a directory with their prebuilt index, searched many times.
#[derive(Debug, Default)]
pub struct Directory {
    places: Vec<Place>,
    index: crate::index::Index,
    categories: Vec<&'static str>,
}

impl Directory {
    pub fn new(places: Vec<Place>) -> Directory {
        let index = crate::index::Index::build(&places);
        let mut present: Vec<&'static str> = places.iter().filter(|p| p.data_inclusion.is_some()).flat_map(crate::social::categories).collect();
        present.sort_unstable();
        present.dedup();
        let categories = crate::social::CATEGORIES.iter().map(|(c, _)| *c).filter(|c| present.contains(c)).collect();
        Directory { places, index, categories }
    }

    /// The data·inclusion categories some place of the directory offers, in
    /// [`crate::social::CATEGORIES`]' order (a page offers only needs that can be found).
    pub fn categories(&self) -> &[&'static str] {
        &self.categories
    }

    pub fn search(&self, q: &Query) -> Vec<Hit<'_>> {
        self.index.search(&self.places, q)
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }
}

/// The rule itself, place by place over the whole list: the reference the index must agree
/// with (tests), and the slow path it replaced.
pub fn scan<'a>(places: &'a [Place], q: &Query) -> Vec<Hit<'a>> {
    let words: Vec<String> =
        q.q.as_deref().map(|s| fold(s).split(' ').filter(|w| w.len() > 2).map(str::to_string).collect()).unwrap_or_default();
    let mut hits: Vec<Hit> = places
        .iter()
        .filter_map(|p| {
            if q.free && !p.frais_a_charge.iter().any(|f| f == "Gratuit") {
                return None;
            }
            if let Some(need) = &q.need {
                if !offers(p, need) {
                    return None;
                }
            }
            let distance = match (q.origin, p.latitude, p.longitude) {
                (Some((la, lo)), Some(pla), Some(plo)) => Some(distance_km(la, lo, pla, plo)),
                (Some(_), _, _) => return None, // cannot be placed: not "near" anything
                _ => None,
            };
            if distance.is_some_and(|d| d > q.radius_km) {
                return None;
            }
            let week = p.horaires.as_deref().and_then(|h| hours::parse(h).ok());
            let open_now = week.as_ref().map(|w| w.is_open(q.now));
            if q.open_now && open_now != Some(true) {
                return None;
            }
            let missing = words.iter().filter(|w| !mentions(p, w)).count() as f64;
            if !words.is_empty() && missing == words.len() as f64 {
                return None; // mentions none of the words: not a fit at all
            }
            let rank = distance.unwrap_or(0.0) + missing * MISSING_WORD_KM;
            Some(Hit { place: p, distance_km: distance, open_now, today: week.map(|w| w.today(q.now).to_vec()), rank })
        })
        .collect();
    hits.sort_by(|a, b| a.rank.total_cmp(&b.rank).then_with(|| a.place.nom.cmp(&b.place.nom)));
    hits.truncate(q.limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(id: &str, lat: f64, lon: f64, services: &[&str], frais: &[&str], horaires: &str, nom: &str) -> Place {
        Place {
            id: id.into(),
            nom: nom.into(),
            latitude: Some(lat),
            longitude: Some(lon),
            services: services.iter().map(|s| s.to_string()).collect(),
            frais_a_charge: frais.iter().map(|s| s.to_string()).collect(),
            horaires: (!horaires.is_empty()).then(|| horaires.to_string()),
            ..Place::default()
        }
    }

    fn query(now: &str) -> Query {
        // Chambéry's centre.
        Query { origin: Some((45.5646, 5.9178)), radius_km: 30.0, need: None, q: None, open_now: false, free: false, now: now.parse().unwrap(), limit: 20 }
    }

    const ADMIN: &str = "Aide aux démarches administratives";

    #[test]
    fn ranked_by_distance_filtered_by_need_radius_free_and_open_now() {
        let places = vec![
            place("far", 45.1885, 5.7245, &[ADMIN], &["Gratuit"], "Mo-Fr 09:00-17:00", "Grenoble"), // ~47 km
            place("near", 45.5700, 5.9200, &[ADMIN], &["Payant"], "Sa 09:00-12:00", "Centre"), // ~0.6 km
            place("mid", 45.6885, 5.9150, &[ADMIN, "Accès internet et matériel informatique"], &["Gratuit"], "Mo-Fr 09:00-17:00", "Aix"), // ~14 km
            place("other", 45.5650, 5.9180, &["Loisirs et créations numériques"], &["Gratuit"], "", "Fablab"),
        ];
        // Wednesday 2026-10-21 10:00 Paris (08:00 UTC).
        let mut q = query("2026-10-21T08:00:00Z");
        let ids = |q: &Query| search(&places, q).iter().map(|h| h.place.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&q), vec!["other", "near", "mid"], "within 30 km, nearest first");
        q.need = Some("démarches".into());
        assert_eq!(ids(&q), vec!["near", "mid"]);
        q.free = true;
        assert_eq!(ids(&q), vec!["mid"]);
        q.free = false;
        q.open_now = true;
        assert_eq!(ids(&q), vec!["mid"], "near opens on Saturdays only");
        let hit = &search(&places, &q)[0];
        assert_eq!(hit.open_now, Some(true));
        assert_eq!(hit.today.as_deref(), Some(&[(540, 1020)][..]));
        assert!((hit.distance_km.unwrap() - 13.8).abs() < 0.5, "{:?}", hit.distance_km);
        q.open_now = false;
        q.radius_km = 100.0;
        assert_eq!(ids(&q), vec!["near", "mid", "far"]);
    }

    #[test]
    fn words_of_q_can_lift_a_slightly_farther_place() {
        let places = vec![
            place("a", 45.5700, 5.9200, &[ADMIN], &[], "", "Mairie"),
            place("b", 45.5900, 5.9200, &[ADMIN], &[], "", "Point numérique CAF"),
        ];
        let mut q = query("2026-10-21T08:00:00Z");
        q.q = Some("caf".into());
        assert_eq!(search(&places, &q).iter().map(|h| h.place.id.as_str()).collect::<Vec<_>>(), vec!["b"]);
        q.q = Some("caf mairie".into());
        assert_eq!(search(&places, &q).iter().map(|h| h.place.id.as_str()).collect::<Vec<_>>(), vec!["a", "b"]);
    }
}
