//! Each instance searches an in-memory snapshot of the directory; a change made anywhere
//! (`relais import places` beside the server, another writer's plain SQL) bumps
//! `places_version` through the database trigger and reaches every instance's search.

use crate::support::*;
use std::process::Command;
use std::time::{Duration, Instant};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../relais-directory/tests/data");

fn import(url: &str, file: &str) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_relais")).args(["import", "places", file, "--database-url", url]).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A statement run by "another writer", outside relais-store.
async fn raw_sql(url: &str, sql: &'static str) {
    if url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        sqlx::query(sql).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        sqlx::query(sql).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

async fn ids(app: &TestApp, query: &str) -> Vec<String> {
    let res = app.client.get(app.url(&format!("/api/v1/places?{query}"))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    body["places"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect()
}

/// Polls `app` until `ok` holds for the ids found by `query` (the instances poll every 200 ms
/// in tests), or fails after 10 s.
async fn eventually(app: &TestApp, query: &str, ok: impl Fn(&[String]) -> bool) -> Vec<String> {
    let start = Instant::now();
    loop {
        let found = ids(app, query).await;
        if ok(&found) {
            return found;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no change seen after 10 s: {found:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn changes_made_beside_the_server_or_by_another_writer_reach_every_instances_search() {
    let app = TestApp::spawn().await;
    let other = app.another_instance(test_config()).await;
    let query = "near=73000&radius_km=10";
    assert!(ids(&app, query).await.is_empty(), "empty directory");
    let v0 = app.store.places_version().await.unwrap();

    // `relais import places` in another process, beside both servers.
    let file = format!("{DATA}/hinaura-lieux-mediation-numerique.json");
    let (u, f) = (app.db_url.clone(), file.clone());
    let (ok, out, err) = tokio::task::spawn_blocking(move || import(&u, &f)).await.unwrap();
    assert!(ok && out.contains("687 inserted"), "{out}{err}");
    let v1 = app.store.places_version().await.unwrap();
    assert!(v1 > v0, "the import bumped the version ({v0} → {v1})");
    let found = eventually(&app, query, |f| !f.is_empty()).await;
    assert_eq!(eventually(&other, query, |f| !f.is_empty()).await, found, "both instances answer the same");

    // The same answer as the plain rule over what the database holds.
    let all = app.store.places_for_search().await.unwrap();
    let c = relais_directory::communes::communes().resolve("73000").unwrap();
    let plain = relais_directory::search::scan(
        &all,
        &relais_directory::search::Query {
            origin: Some((c.lat, c.lon)),
            radius_km: 10.0,
            need: None,
            q: None,
            open_now: false,
            free: false,
            now: jiff::Timestamp::now(),
            limit: 50,
        },
    );
    assert_eq!(found, plain.iter().map(|h| h.place.id.clone()).collect::<Vec<_>>());

    // Re-importing the same file writes nothing, so the version (and the snapshots) stay.
    let (u, f) = (app.db_url.clone(), file.clone());
    let (ok, out, _) = tokio::task::spawn_blocking(move || import(&u, &f)).await.unwrap();
    assert!(ok && out.contains("687 unchanged"), "{out}");
    assert_eq!(app.store.places_version().await.unwrap(), v1);

    // Another writer deletes every place of Chambéry with plain SQL: the trigger bumps the
    // version and both instances stop listing them.
    raw_sql(&app.db_url, "DELETE FROM places WHERE code_postal = '73000'").await;
    assert!(app.store.places_version().await.unwrap() > v1);
    let gone = |f: &[String]| f.len() < found.len();
    let after = eventually(&app, query, gone).await;
    assert_eq!(eventually(&other, query, gone).await, after);
    let left = app.store.places_for_search().await.unwrap();
    assert!(after.iter().all(|id| left.iter().any(|p| &p.id == id && p.code_postal != "73000")), "{after:?}");
}

/// A change made by this instance is searchable at once (no wait for the poll).
#[tokio::test]
async fn a_rebuild_after_a_local_change_is_immediate() {
    let mut config = test_config();
    config.places_poll_every = Duration::from_secs(3600);
    let app = TestApp::spawn_with(config).await;
    // Let the jobs' first (immediate) poll pass before the change.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let report = relais_directory::parse(
        &std::fs::read(format!("{DATA}/hinaura-lieux-mediation-numerique.json")).unwrap(),
        relais_directory::Format::LmnJson,
    )
    .unwrap();
    app.store.upsert_places(&report.accepted, relais_web::now_ms(), &|_| {}).await.unwrap();
    assert!(ids(&app, "near=73000&radius_km=10").await.is_empty(), "the snapshot is not rebuilt by itself within the hour");
    app.state.places.rebuild(&app.store).await.unwrap();
    assert!(!ids(&app, "near=73000&radius_km=10").await.is_empty());
    assert_eq!(app.state.places.snapshot().version, app.store.places_version().await.unwrap());
}
