//! The directory of places: `relais import places` / `relais export places` on the real
//! binary and database, and the export API over HTTP.

use crate::support::*;
use reqwest::StatusCode;
use std::process::Command;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../relais-directory/tests/data");

fn relais(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_relais")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn import(url: &str, file: &str) -> (bool, String, String) {
    relais(&["import", "places", file, "--database-url", url])
}

async fn count(url: &str) -> usize {
    let store = relais_store::Store::connect(url).await.unwrap();
    let n = store.places().await.unwrap().len();
    store.close().await;
    n
}

/// A fresh migrated database with no connection left open, so that the CLI is the only
/// writer (on SQLite a second process waits for the test's own pool otherwise; see
/// docs/places.md).
async fn fresh_db() -> (String, Option<tempfile::TempDir>) {
    let (store, url, dir) = fresh_store().await;
    store.close().await;
    (url, dir)
}

async fn stored(url: &str) -> Vec<relais_directory::Place> {
    let store = relais_store::Store::connect(url).await.unwrap();
    let places = store.places().await.unwrap();
    store.close().await;
    places
}

#[tokio::test]
async fn importing_real_legacy_data_twice_changes_nothing_the_second_time() {
    let (url, _dir) = fresh_db().await;
    let file = format!("{DATA}/hinaura-lieux-mediation-numerique.json");
    let (ok, out, err) = import(&url, &file);
    assert!(ok, "{err}");
    assert!(out.contains("687 row(s) valid, 0 row(s) rejected"), "{out}");
    assert!(out.contains("687 inserted, 0 updated, 0 unchanged"), "{out}");
    let before = stored(&url).await;
    assert_eq!(before.len(), 687);
    let (ok, out, _) = import(&url, &file);
    assert!(ok);
    assert!(out.contains("0 inserted, 0 updated, 687 unchanged"), "{out}");
    assert_eq!(stored(&url).await, before);
}

#[tokio::test]
async fn rejected_rows_are_listed_and_valid_rows_stored() {
    let (url, _dir) = fresh_db().await;
    let tmp = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(format!("{DATA}/exemple-valide.csv")).unwrap();
    let row = example.lines().nth(1).unwrap();
    let bad = row.replacen("\"structure-1\"", "\"structure-2\"", 1).replacen("\"43.52609\"", "\"43,52609\"", 1);
    let path = tmp.path().join("places.csv");
    std::fs::write(&path, format!("{example}{bad}\n")).unwrap();
    // --dry-run: the same report, nothing stored.
    let (ok, out, err) = relais(&["import", "places", path.to_str().unwrap(), "--dry-run", "--database-url", &url]);
    assert!(ok, "{err}");
    assert!(out.contains("1 row(s) valid, 1 row(s) rejected") && out.contains("dry run: nothing stored"), "{out}");
    assert_eq!(count(&url).await, 0);
    let (ok, out, err) = import(&url, path.to_str().unwrap());
    assert!(ok, "{err}");
    assert!(out.contains("rejected line 3 (id structure-2): latitude: \"43,52609\" is not a number"), "{out}");
    assert!(out.contains("1 row(s) valid, 1 row(s) rejected"), "{out}");
    let places = stored(&url).await;
    assert_eq!(places.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["structure-1"]);
}

#[tokio::test]
async fn a_refused_file_stores_nothing_and_says_why() {
    let (url, _dir) = fresh_db().await;
    let (ok, _, err) = import(&url, &format!("{DATA}/gironde-hubik-lieux.json"));
    assert!(!ok);
    assert!(err.contains("refused, nothing imported: missing required column(s): id, pivot, nom"), "{err}");
    let tmp = tempfile::tempdir().unwrap();
    let latin1 = tmp.path().join("latin1.csv");
    let mut bytes = std::fs::read(format!("{DATA}/exemple-valide.csv")).unwrap();
    bytes.extend_from_slice(b"\"x\",\"43493312300029\",\"R\xe9ims\",\"Reims\",\"51100\",,\"a\",,,,,,,,,,,,,,\"2024-04-02\",,,,,,,,,,,\n");
    std::fs::write(&latin1, bytes).unwrap();
    let (ok, _, err) = import(&url, latin1.to_str().unwrap());
    assert!(!ok);
    assert!(err.contains("line 3: the file is not UTF-8 text"), "{err}");
    assert_eq!(count(&url).await, 0, "the valid first row of the Latin-1 file must not be stored either");
}

#[tokio::test]
async fn export_api_and_cli_round_trip_to_the_same_places() {
    // Imported before the server starts (see `fresh_db`).
    let (url, dir) = fresh_db().await;
    let (ok, _, err) = import(&url, &format!("{DATA}/hinaura-lieux-mediation-numerique.json"));
    assert!(ok, "{err}");
    let (ok, _, err) = import(&url, &format!("{DATA}/exemple-valide.csv"));
    assert!(ok, "{err}");
    // CLI exports before the server starts (on SQLite the CLI needs the write lock to check
    // migrations, which the running server may hold; docs/places.md).
    let tmp = tempfile::tempdir().unwrap();
    for format in ["lmn-csv", "lmn-json"] {
        let path = tmp.path().join(format!("out-{format}"));
        let (ok, _, err) = relais(&["export", "places", "--format", format, "--output", path.to_str().unwrap(), "--database-url", &url]);
        assert!(ok, "{err}");
    }
    let store = relais_store::Store::connect(&url).await.unwrap();
    let app = TestApp::spawn_on(store, url, dir, test_config()).await;
    let stored = app.store.places().await.unwrap();
    assert_eq!(stored.len(), 688);
    for format in ["lmn-csv", "lmn-json"] {
        let res = app.client.get(app.url(&format!("/api/v1/places/export?format={format}"))).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let body = res.bytes().await.unwrap();
        let report = relais_directory::parse(&body, relais_directory::Format::sniff(&body)).unwrap();
        assert!(report.rejected.is_empty(), "{format}: {:?}", &report.rejected[..1]);
        assert_eq!(report.accepted, stored, "{format}");
        // The CLI export gives the same places back.
        let path = tmp.path().join(format!("out-{format}"));
        let cli = std::fs::read(&path).unwrap();
        let again = relais_directory::parse(&cli, relais_directory::Format::sniff(&cli)).unwrap();
        assert_eq!(again.accepted, stored);
    }
    let res = app.client.get(app.url("/api/v1/places/export?format=xml")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "format");
}

/// Hinaura's real places, searched from Chambéry (73000, typed with a typo and no accent):
/// answers are within the radius, nearest first, with distance, hours, contact and an OSM link.
#[tokio::test]
async fn search_near_a_commune_ranks_real_places_by_distance() {
    let (url, dir) = fresh_db().await;
    let (ok, _, err) = import(&url, &format!("{DATA}/hinaura-lieux-mediation-numerique.json"));
    assert!(ok, "{err}");
    let store = relais_store::Store::connect(&url).await.unwrap();
    let app = TestApp::spawn_on(store, url, dir, test_config()).await;
    let get = |q: &str| app.client.get(app.url(&format!("/api/v1/places?{q}"))).send();
    let by_postcode: serde_json::Value = get("near=73000&radius_km=10").await.unwrap().json().await.unwrap();
    let by_name: serde_json::Value = get("near=chamberi&radius_km=10").await.unwrap().json().await.unwrap();
    assert_eq!(by_postcode["origin"]["code_insee"], "73065");
    assert_eq!(by_postcode["places"], by_name["places"]);
    let places = by_postcode["places"].as_array().unwrap();
    assert!(places.len() >= 3, "Hinaura lists several places around Chambéry: {}", places.len());
    let distances: Vec<f64> = places.iter().map(|p| p["distance_km"].as_f64().unwrap()).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "nearest first: {distances:?}");
    assert!(distances.iter().all(|d| *d <= 10.0));
    assert!(places[0]["osm_url"].as_str().unwrap().starts_with("https://www.openstreetmap.org/?mlat="));
    // Every place within 10 km of Chambéry's centre (the shipped centroid) is returned.
    let (la, lo) = (by_postcode["origin"]["latitude"].as_f64().unwrap(), by_postcode["origin"]["longitude"].as_f64().unwrap());
    let all = app.store.places().await.unwrap();
    let expected = all
        .iter()
        .filter(|p| relais_directory::geo::distance_km(la, lo, p.latitude.unwrap(), p.longitude.unwrap()) <= 10.0)
        .count();
    assert!(expected >= places.len() && (expected == places.len() || places.len() == 50), "{expected} vs {}", places.len());
    // A need narrows the answer to places offering it.
    let need: serde_json::Value = get("near=73000&radius_km=10&need=d%C3%A9marches").await.unwrap().json().await.unwrap();
    for p in need["places"].as_array().unwrap() {
        assert!(p["services"].as_array().unwrap().iter().any(|s| s == "Aide aux démarches administratives"));
    }
    // Bad input names the field.
    let res = get("near=Xyzzyville").await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "near");
    let res = get("near=73000&radius_km=0").await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
