//! The indexed search gives exactly the plain rule's answer (same places, same order, same
//! distances and hours) on the real Hinaura places, over many queries.

use relais_directory::communes::communes;
use relais_directory::import::{parse, Format};
use relais_directory::search::{scan, Directory, Hit, Query};
use relais_directory::Place;

const HINAURA: &[u8] = include_bytes!("data/hinaura-lieux-mediation-numerique.json");

fn key(hits: &[Hit]) -> Vec<(String, Option<f64>, Option<bool>, Option<Vec<(u16, u16)>>, f64)> {
    hits.iter().map(|h| (h.place.id.clone(), h.distance_km, h.open_now, h.today.clone(), h.rank)).collect()
}

fn places() -> Vec<Place> {
    let mut places = parse(HINAURA, Format::LmnJson).unwrap().accepted;
    // Ties on rank and name: copies of a place under other ids, placed before and after it.
    let mut twin = places[10].clone();
    twin.id = "0-twin".into();
    places.insert(0, twin.clone());
    twin.id = "zz-twin".into();
    places.push(twin);
    // A place without coordinates, and one with a long glued token.
    let mut lost = places[20].clone();
    lost.id = "lost".into();
    lost.latitude = None;
    lost.longitude = None;
    places.push(lost);
    let mut long = places[30].clone();
    long.id = "long".into();
    long.nom = "Espace ultracybernumeriquementconnecte".into();
    places.push(long);
    places
}

#[test]
fn the_index_answers_exactly_what_the_plain_rule_answers() {
    let places = places();
    assert!(places.len() > 680);
    let dir = Directory::new(places.clone());
    let origins: Vec<Option<(f64, f64)>> = [None, Some("Chambéry"), Some("Lyon"), Some("Grenoble"), Some("Clermont-Ferrand"), Some("63000"), Some("Aurillac"), Some("Bordeaux")]
        .into_iter()
        .map(|n| n.map(|n| { let c = communes().resolve(n).unwrap(); (c.lat, c.lon) }))
        .collect();
    let needs = [None, Some("démarches"), Some("Aide aux démarches administratives"), Some("numérique"), Some("")];
    let words = [None, Some("caf"), Some("mairie espace"), Some("France Services"), Some("médiathèque"), Some("ab"), Some("cybernumeriquement"), Some("zzzz"), Some("Numérique à")];
    let nows = ["2026-10-21T08:00:00Z", "2026-10-25T01:30:00Z", "2026-03-29T12:00:00Z"];
    let mut compared = 0;
    let mut skipped = 0u32;
    let mut non_empty = 0;
    for origin in &origins {
        for radius in [5.0, 50.0] {
            for need in &needs {
                for q in &words {
                    for (i, now) in nows.iter().enumerate() {
                        for (open_now, free) in [(false, false), (true, false), (false, true)] {
                            // Every combination is visited, one in four compared (debug builds
                            // run the plain rule slowly).
                            skipped += 1;
                            if skipped % 4 != 0 {
                                continue;
                            }
                            let query = Query {
                                origin: *origin,
                                radius_km: radius,
                                need: need.map(str::to_string),
                                q: q.map(str::to_string),
                                open_now,
                                free,
                                now: now.parse().unwrap(),
                                limit: if i % 2 == 0 { 50 } else { 7 },
                            };
                            let expected = scan(&places, &query);
                            let got = dir.search(&query);
                            assert_eq!(key(&got), key(&expected), "{query:?}");
                            compared += 1;
                            non_empty += usize::from(!expected.is_empty());
                        }
                    }
                }
            }
        }
    }
    assert!(non_empty > compared / 4, "{non_empty} of {compared} queries found something");
}

#[test]
fn a_query_for_twins_keeps_the_input_order_on_equal_rank_and_name() {
    let places = places();
    let dir = Directory::new(places.clone());
    let c = communes().resolve(&places[0].commune).map(|c| (c.lat, c.lon));
    let query = Query { origin: c, radius_km: 200.0, need: None, q: Some(places[0].nom.clone()), open_now: false, free: false, now: "2026-10-21T08:00:00Z".parse().unwrap(), limit: 50 };
    let ids: Vec<String> = dir.search(&query).iter().filter(|h| h.place.nom == places[0].nom).map(|h| h.place.id.clone()).collect();
    assert!(ids.len() >= 3, "{ids:?}");
    assert_eq!(ids.first().map(String::as_str), Some("0-twin"));
    assert_eq!(ids.last().map(String::as_str), Some("zz-twin"));
}

#[test]
fn more_services_than_mask_bits_and_split_hours_still_answer_exactly() {
    // The index packs services in a 64-bit mask (ids past 63 share a bit) and keeps per day
    // only the first opening and last closing, with the full hours behind: places with 90
    // distinct services and hours split in several spans, in any order, must still be
    // filtered exactly as the plain rule does.
    let hours = [
        "Mo-Fr 14:00-18:00,09:00-12:00",
        "Mo-Fr 09:00-12:00; We 10:00-11:00,15:00-16:00",
        "Mo-Su 08:00-20:00",
        "Tu,Th 13:30-17:30",
        "Sa 09:00-10:00,11:00-12:00,16:00-24:00",
    ];
    let mut places = places();
    for (i, p) in places.iter_mut().enumerate() {
        p.services.push(format!("Service spécial n{}", i % 90));
        p.horaires = Some(hours[i % hours.len()].to_string());
    }
    let dir = Directory::new(places.clone());
    let lyon = communes().resolve("Lyon").map(|c| (c.lat, c.lon));
    let mut compared = 0;
    let mut non_empty = 0;
    for origin in [None, lyon] {
        for need in [None, Some("spécial n7"), Some("spécial n70"), Some("spécial n8"), Some("démarches"), Some("spécial")] {
            // Wednesday 10:30 and 11:30, Saturday 10:30 and 23:00, Tuesday 12:30 (Paris).
            for now in ["2026-10-21T08:30:00Z", "2026-10-21T09:30:00Z", "2026-10-24T08:30:00Z", "2026-10-24T21:00:00Z", "2026-10-20T10:30:00Z"] {
                for open_now in [false, true] {
                    let query = Query {
                        origin,
                        radius_km: 60.0,
                        need: need.map(str::to_string),
                        q: None,
                        open_now,
                        free: false,
                        now: now.parse().unwrap(),
                        limit: 1000,
                    };
                    let expected = scan(&places, &query);
                    assert_eq!(key(&dir.search(&query)), key(&expected), "{query:?}");
                    compared += 1;
                    non_empty += usize::from(!expected.is_empty());
                }
            }
        }
    }
    assert!(non_empty > compared / 2, "{non_empty} of {compared} queries found something");
}

#[test]
fn social_services_of_data_inclusion_places_are_found_by_need_and_words_exactly_as_the_plain_rule_finds_them() {
    // The sample's two valid structures (a social centre, a grocery without coordinates), a
    // copy of the grocery placed in Chambéry, among the real LMN places.
    let sample = include_bytes!("data/data-inclusion-sample.json");
    let di = relais_directory::data_inclusion::parse(sample).unwrap().accepted;
    assert_eq!(di.len(), 2);
    let mut places = places();
    let mut grocery = di.iter().find(|p| p.id == "dora--epicerie-solidaire").unwrap().clone();
    assert!(grocery.latitude.is_none());
    places.extend(di.iter().cloned());
    grocery.id = "dora--epicerie-placee".into();
    (grocery.latitude, grocery.longitude) = (Some(45.5703), Some(5.9236));
    places.push(grocery);
    let dir = Directory::new(places.clone());
    assert_eq!(dir.categories(), ["equipement-et-alimentation", "difficultes-administratives-ou-juridiques", "numerique"]);

    let chambery = communes().resolve("Chambéry").map(|c| (c.lat, c.lon));
    let ids = |need: Option<&str>, q: Option<&str>, origin| {
        let query = Query { origin, radius_km: 30.0, need: need.map(str::to_string), q: q.map(str::to_string), open_now: false, free: false, now: "2026-10-21T08:00:00Z".parse().unwrap(), limit: 50 };
        let got = dir.search(&query);
        assert_eq!(key(&got), key(&scan(&places, &query)), "{query:?}");
        got.iter().map(|h| h.place.id.clone()).collect::<Vec<_>>()
    };
    // By category value, category label, thematique label, a word of one.
    for need in ["equipement-et-alimentation", "Équipement et alimentation", "alimentation"] {
        assert_eq!(ids(Some(need), None, chambery), ["dora--epicerie-placee"], "{need}");
        assert_eq!(ids(Some(need), None, None), ["dora--epicerie-solidaire", "dora--epicerie-placee"], "{need}");
    }
    let admin = ids(Some("difficultes-administratives-ou-juridiques"), None, chambery);
    assert_eq!(admin, ["dora--cs-tournesol"]);
    // The words of q are looked for in the services' names and descriptions too.
    assert_eq!(ids(None, Some("petits prix"), chambery), ["dora--epicerie-placee"]);
    assert!(ids(None, Some("hygiène"), None).contains(&"dora--epicerie-solidaire".to_string()));
    // An LMN need still finds the LMN places and the social centre (its numerique thematique).
    let demarches = ids(Some("Aide aux démarches administratives"), None, chambery);
    assert!(demarches.len() > 3 && demarches.contains(&"dora--cs-tournesol".to_string()), "{demarches:?}");
    assert!(!demarches.iter().any(|id| id.starts_with("dora--epicerie")));
}
