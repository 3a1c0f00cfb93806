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

/// A fresh migrated database with no connection left open. (The CLI also runs beside a live
/// server: `import_and_export_run_beside_a_live_server_that_is_writing`.)
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
    // CLI exports before the server starts (beside a live server: the test below).
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

/// A server over Hinaura's real places (imported before it starts).
async fn app_with_hinaura() -> TestApp {
    let (url, dir) = fresh_db().await;
    let (ok, _, err) = import(&url, &format!("{DATA}/hinaura-lieux-mediation-numerique.json"));
    assert!(ok, "{err}");
    let store = relais_store::Store::connect(&url).await.unwrap();
    TestApp::spawn_on(store, url, dir, test_config()).await
}

/// The names of the places listed on a `/lieux` page, in order.
fn listed_names(html: &str) -> Vec<String> {
    html.split("<li class=\"place\">")
        .skip(1)
        .map(|li| {
            let s = li.find("<h3>").unwrap() + 4;
            li[s..s + li[s..].find("</h3>").unwrap()].to_string()
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&#38;", "&").replace("&#39;", "'").replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&")
}

/// The page lists what the API finds (one search), in the API's distance order, from a plain
/// GET of the form (no JavaScript), with the line's phone number and the callback link.
#[tokio::test]
async fn the_lieux_page_lists_real_places_nearest_first_like_the_api() {
    let app = app_with_hinaura().await;
    let c = browser();
    // The empty form first: labelled fields, phone, callback link, no results yet.
    let (status, html) = page(&c, app.url("/lieux")).await;
    assert_eq!(status, StatusCode::OK);
    for id in ["near", "need", "q", "radius_km", "open_now", "free"] {
        assert!(html.contains(&format!("for=\"{id}\"")) && html.contains(&format!("id=\"{id}\"")), "label for {id}");
    }
    assert!(html.contains("<form method=\"get\" action=\"/lieux\""));
    assert!(html.contains("href=\"/demande\"") && html.contains("href=\"tel:"));
    assert!(!html.contains("class=\"place\""));
    // The form submitted as a browser without JavaScript does: every field, checkboxes off.
    let (status, html) = page(&c, app.url("/lieux?near=chamberi&need=&q=&radius_km=10")).await;
    assert_eq!(status, StatusCode::OK);
    let api: serde_json::Value =
        app.client.get(app.url("/api/v1/places?near=chamberi&radius_km=10")).send().await.unwrap().json().await.unwrap();
    let expected: Vec<String> = api["places"].as_array().unwrap().iter().map(|p| p["nom"].as_str().unwrap().to_string()).collect();
    assert!(expected.len() >= 3);
    let names: Vec<String> = listed_names(&html).iter().map(|n| unescape(n)).collect();
    assert_eq!(names, expected, "the page shows the API's places in the API's (distance) order");
    let distances: Vec<f64> = api["places"].as_array().unwrap().iter().map(|p| p["distance_km"].as_f64().unwrap()).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]));
    assert!(html.contains("Lieux près de") && html.contains("Chambéry"));
    assert!(html.contains("Voir sur OpenStreetMap") && html.contains("https://www.openstreetmap.org/?mlat="));
    assert!(html.contains("Aujourd&#39;hui") || html.contains("Aujourd'hui"));
    assert!(html.contains(" km</dd>"));
    // The need select keeps the choice, and narrows like the API.
    let (_, html) = page(&c, app.url("/lieux?near=73000&radius_km=10&need=Aide+aux+d%C3%A9marches+administratives&open_now=true")).await;
    assert!(html.contains("<option value=\"Aide aux démarches administratives\" selected>"));
    assert!(html.contains("id=\"open_now\" name=\"open_now\" value=\"true\" checked"));
    let api: serde_json::Value = app
        .client
        .get(app.url("/api/v1/places?near=73000&radius_km=10&need=Aide%20aux%20d%C3%A9marches%20administratives&open_now=true"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed_names(&html).len(), api["places"].as_array().unwrap().len());
    // The home page links to the directory.
    let (_, home) = page(&c, app.url("/")).await;
    assert!(home.contains("href=\"/lieux\""));
}

/// An unknown commune: 422 (like the other public forms), the message under the field, tied
/// to it with aria-describedby and listed in the summary, in the person's language.
#[tokio::test]
async fn an_unknown_commune_is_an_error_tied_to_its_field_in_the_persons_language() {
    let app = app_with_hinaura().await;
    let c = browser();
    let (status, html) = page(&c, app.url("/lieux?near=Xyzzyville&radius_km=20")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("<p class=\"error\" id=\"near-error\">Nous ne connaissons pas cette commune"), "{html}");
    assert!(html.contains("aria-invalid=\"true\" aria-describedby=\"near-error near-hint\""));
    assert!(html.contains("class=\"error-summary\"") && html.contains("href=\"#near\""));
    assert!(html.contains("value=\"Xyzzyville\""), "what was typed is kept");
    assert!(!html.contains("class=\"place\""));
    let (status, html) = page(&c, app.url("/lieux?near=Xyzzyville&lang=en")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("id=\"near-error\">We do not know this town or postcode"));
    let (status, html) = page(&c, app.url("/lieux?near=Xyzzyville&lang=ar")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("id=\"near-error\">لا نعرف هذه البلدية"));
    // A radius that is not a number is tied to its own field.
    let (status, html) = page(&c, app.url("/lieux?near=73000&radius_km=loin")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"radius_km-error\"") && html.contains("aria-describedby=\"radius_km-error\""));
}

/// The language switch translates the page and its results (labels, services, fees).
#[tokio::test]
async fn the_lieux_page_speaks_english_and_arabic() {
    let app = app_with_hinaura().await;
    let c = browser();
    let (_, en) = page(&c, app.url("/lieux?near=73000&radius_km=10&lang=en")).await;
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(en.contains("Postcode or town") && en.contains("Places near") && en.contains("See on OpenStreetMap"));
    assert!(en.contains("<option value=\"Aide aux démarches administratives\">Help with administrative procedures</option>"));
    let (_, ar) = page(&c, app.url("/lieux?near=73000&radius_km=10&lang=ar")).await;
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains("الرمز البريدي أو البلدية") && ar.contains("عرض على OpenStreetMap"));
    assert_eq!(listed_names(&en), listed_names(&ar), "the same places whatever the language");
    assert!(!listed_names(&en).is_empty());
}

/// With a request open, the console links to `/lieux` prefilled with the person's postcode
/// and the service its topic maps to; following the link lists places near that postcode.
#[tokio::test]
async fn the_console_links_to_places_near_the_person_for_the_requests_need() {
    let app = app_with_hinaura().await;
    app.user(relais_domain::authz::Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    let res = app.submit(serde_json::json!({"phone": phone(1), "topic": "famille-caf", "language": "fr", "postcode": "73000"})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let c = browser();
    sign_in_as(&app, &c, "v@relais.test").await;
    let (_, html) = page(&c, app.url("/benevole")).await;
    let csrf = csrf_of(&html);
    c.post(app.url("/benevole/service")).form(&[("csrf", csrf.as_str()), ("on_duty", "true")]).send().await.unwrap();
    let res = c.post(app.url("/benevole/suivante")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let (_, html) = page(&c, app.url(&location)).await;
    let link = "/lieux?near=73000&#38;need=Aide%20aux%20d%C3%A9marches%20administratives";
    assert!(html.contains(&format!("<a href=\"{link}\">Trouver un lieu près de la personne</a>")), "{html}");
    let (status, html) = page(&c, app.url(&unescape(link))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<option value=\"Aide aux démarches administratives\" selected>"));
    assert!(html.contains("value=\"73000\""));
    assert!(!listed_names(&html).is_empty(), "Hinaura has places offering procedures near Chambéry");
}

/// `relais import places` and `export places` while a server runs on the same database and
/// keeps writing (help requests through its group-commit writer): the command opens the
/// database without taking the write lock (the schema is current) and its transaction waits
/// its turn, so it succeeds (docs/places.md; on SQLite this used to fail "database is locked").
#[tokio::test]
async fn import_and_export_run_beside_a_live_server_that_is_writing() {
    let (url, dir) = fresh_db().await;
    let store = relais_store::Store::connect(&url).await.unwrap();
    let app = std::sync::Arc::new(TestApp::spawn_on(store, url.clone(), dir, test_config()).await);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (app, stop) = (app.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let res = app.submit(serde_json::json!({"phone": phone(n), "topic": "autre", "language": "fr"})).await;
                let status = res.status();
                assert!(status.is_success() || status == StatusCode::TOO_MANY_REQUESTS, "{status} {}", res.text().await.unwrap());
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
            n
        })
    };
    let file = format!("{DATA}/hinaura-lieux-mediation-numerique.json");
    for round in 0..2 {
        let (u, f) = (url.clone(), file.clone());
        let (ok, out, err) = tokio::task::spawn_blocking(move || import(&u, &f)).await.unwrap();
        assert!(ok, "round {round}: {err}");
        let expect = if round == 0 { "687 inserted, 0 updated, 0 unchanged" } else { "0 inserted, 0 updated, 687 unchanged" };
        assert!(out.contains(expect), "{out}");
    }
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("out.csv");
    let (u, p) = (url.clone(), path.to_str().unwrap().to_string());
    let (ok, _, err) =
        tokio::task::spawn_blocking(move || relais(&["export", "places", "--format", "lmn-csv", "--output", &p, "--database-url", &u])).await.unwrap();
    assert!(ok, "{err}");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let submitted = writer.await.unwrap();
    assert!(submitted > 1, "the server was writing meanwhile");
    assert_eq!(app.store.places().await.unwrap().len(), 687);
    let csv = std::fs::read(&path).unwrap();
    assert_eq!(relais_directory::parse(&csv, relais_directory::Format::LmnCsv).unwrap().accepted.len(), 687);
}

/// The supports for a specific need (deafness, visual impairment…) are read in the page's
/// language: a deaf person looking in English or Arabic chooses a place by them.
#[tokio::test]
async fn the_supports_for_a_specific_need_are_shown_in_the_pages_language() {
    let app = TestApp::spawn().await;
    let json = serde_json::json!([
        {"id": "lieu-lsf", "pivot": "43493312300029", "nom": "Maison France Services", "commune": "Chambéry", "code_postal": "73000",
         "adresse": "1 place de la Mairie", "date_maj": "2026-01-02", "latitude": 45.566, "longitude": 5.921,
         "prise_en_charge_specifique": "Surdité|Déficience visuelle"}
    ]);
    let report = relais_directory::parse(&serde_json::to_vec(&json).unwrap(), relais_directory::Format::LmnJson).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    app.store_places(&report.accepted, relais_web::now_ms()).await;
    let c = browser();
    for (lang, expected) in [("fr", "Surdité, Déficience visuelle"), ("en", "Deafness, Visual impairment"), ("ar", "الصمم, ضعف البصر")] {
        let (_, html) = page(&c, app.url(&format!("/lieux?near=73000&radius_km=10&lang={lang}"))).await;
        assert!(html.contains("Maison France Services"), "{html}");
        assert!(html.contains(expected), "{lang}: {html}");
    }
}
