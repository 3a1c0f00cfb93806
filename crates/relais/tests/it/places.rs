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

async fn count(store: &relais_store::Store) -> usize {
    store.places().await.unwrap().len()
}

#[tokio::test]
async fn importing_real_legacy_data_twice_changes_nothing_the_second_time() {
    let (store, url, _dir) = fresh_store().await;
    let file = format!("{DATA}/hinaura-lieux-mediation-numerique.json");
    let (ok, out, err) = import(&url, &file);
    assert!(ok, "{err}");
    assert!(out.contains("687 row(s) valid, 0 row(s) rejected"), "{out}");
    assert!(out.contains("687 inserted, 0 updated, 0 unchanged"), "{out}");
    let before = store.places().await.unwrap();
    let (ok, out, _) = import(&url, &file);
    assert!(ok);
    assert!(out.contains("0 inserted, 0 updated, 687 unchanged"), "{out}");
    assert_eq!(store.places().await.unwrap(), before);
    store.close().await;
}

#[tokio::test]
async fn rejected_rows_are_listed_and_valid_rows_stored() {
    let (store, url, dir) = fresh_store().await;
    let tmp = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(format!("{DATA}/exemple-valide.csv")).unwrap();
    let row = example.lines().nth(1).unwrap();
    let bad = row.replacen("\"structure-1\"", "\"structure-2\"", 1).replacen("\"43.52609\"", "\"43,52609\"", 1);
    let path = tmp.path().join("places.csv");
    std::fs::write(&path, format!("{example}{bad}\n")).unwrap();
    let (ok, out, err) = import(&url, path.to_str().unwrap());
    assert!(ok, "{err}");
    assert!(out.contains("rejected line 3 (id structure-2): latitude: \"43,52609\" is not a number"), "{out}");
    assert!(out.contains("1 row(s) valid, 1 row(s) rejected"), "{out}");
    let places = store.places().await.unwrap();
    assert_eq!(places.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["structure-1"]);
    store.close().await;
    drop(dir);
}

#[tokio::test]
async fn a_refused_file_stores_nothing_and_says_why() {
    let (store, url, _dir) = fresh_store().await;
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
    assert_eq!(count(&store).await, 0, "the valid first row of the Latin-1 file must not be stored either");
    store.close().await;
}

#[tokio::test]
async fn export_api_and_cli_round_trip_to_the_same_places() {
    // Imported before the server starts: on SQLite a second process writing while the
    // in-process test server holds the database gets "database is locked" (docs/places.md).
    let (store, url, dir) = fresh_store().await;
    let (ok, _, err) = import(&url, &format!("{DATA}/hinaura-lieux-mediation-numerique.json"));
    assert!(ok, "{err}");
    let (ok, _, err) = import(&url, &format!("{DATA}/exemple-valide.csv"));
    assert!(ok, "{err}");
    let app = TestApp::spawn_on(store, url, dir, test_config()).await;
    let tmp = tempfile::tempdir().unwrap();
    let stored = app.store.places().await.unwrap();
    assert_eq!(stored.len(), 688);
    for format in ["lmn-csv", "lmn-json"] {
        let res = app.client.get(app.url(&format!("/api/v1/places/export?format={format}"))).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let body = res.bytes().await.unwrap();
        let report = relais_directory::parse(&body, relais_directory::Format::sniff(&body)).unwrap();
        assert!(report.rejected.is_empty(), "{format}: {:?}", &report.rejected[..1]);
        assert_eq!(report.accepted, stored, "{format}");
        // The CLI export is the same bytes as the API's.
        let path = tmp.path().join(format!("out-{format}"));
        let (ok, _, err) = relais(&["export", "places", "--format", format, "--output", path.to_str().unwrap(), "--database-url", &app.db_url]);
        assert!(ok, "{err}");
        let cli = std::fs::read(&path).unwrap();
        let again = relais_directory::parse(&cli, relais_directory::Format::sniff(&cli)).unwrap();
        assert_eq!(again.accepted, stored);
    }
    let res = app.client.get(app.url("/api/v1/places/export?format=xml")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "format");
}
