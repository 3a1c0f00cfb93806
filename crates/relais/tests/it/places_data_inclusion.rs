//! data·inclusion through the real binary and server: `relais import places --format
//! data-inclusion`, `relais export places --format data-inclusion` and
//! `GET /api/v1/places/export?format=data-inclusion`, checked against the schema files.

use crate::support::*;
use std::process::Command;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../relais-directory/tests/data");
const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../relais-directory/data/data-inclusion");

/// Run beside the server: off the test's runtime, which also runs the server (a blocked
/// runtime would freeze the server, maybe inside a write the command then waits for).
async fn relais_beside(args: Vec<String>) -> (bool, String, String) {
    tokio::task::spawn_blocking(move || relais(&args.iter().map(String::as_str).collect::<Vec<_>>())).await.unwrap()
}

fn relais(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_relais")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn assert_valid(export: &serde_json::Value) {
    for (key, file) in [("structures", "structure.json"), ("services", "service.json")] {
        let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(format!("{SCHEMAS}/{file}")).unwrap()).unwrap();
        let v = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
        for obj in export[key].as_array().unwrap() {
            let errors: Vec<String> = v.iter_errors(obj).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{key} {}: {errors:?}", obj["id"]);
        }
    }
}

#[tokio::test]
async fn data_inclusion_imports_with_a_report_and_exports_what_it_received() {
    let (store, url, dir) = fresh_store().await;
    store.close().await;
    let sample = format!("{DATA}/data-inclusion-sample.json");
    let (ok, out, err) = relais(&["import", "places", &sample, "--format", "data-inclusion", "--database-url", &url]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("rejected structure 3 (id dora--bad-siret): structures.siret: \"1234\" is not a SIRET (14 digits)"), "{out}");
    assert!(out.contains("rejected service 4 (id dora--epicerie--mauvais): services.thematiques:"), "{out}");
    assert!(out.contains("rejected service 5 (id dora--orphelin): services.structure_id:"), "{out}");
    assert!(out.contains("2 row(s) valid, 3 row(s) rejected"), "{out}");
    assert!(out.contains("2 inserted, 0 updated, 0 unchanged"), "{out}");

    let store = relais_store::Store::connect(&url).await.unwrap();
    let app = TestApp::spawn_on(store, url.clone(), dir, test_config()).await;
    let res = app.client.get(app.url("/api/v1/places/export?format=data-inclusion")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let api: serde_json::Value = res.json().await.unwrap();
    assert_valid(&api);
    let received: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    assert_eq!(api["structures"][0], received["structures"][0], "given back as received");
    assert_eq!(api["services"].as_array().unwrap().len(), 3);

    // The CLI exports the same; importing it again changes nothing.
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("di.json");
    let args = ["export", "places", "--format", "data-inclusion", "--output", path.to_str().unwrap(), "--database-url", &url];
    let (ok, _, err) = relais_beside(args.iter().map(|s| s.to_string()).collect()).await;
    assert!(ok, "{err}");
    let cli: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(cli, api);
    let args = ["import", "places", path.to_str().unwrap(), "--database-url", &url];
    let (ok, out, err) = relais_beside(args.iter().map(|s| s.to_string()).collect()).await;
    assert!(ok, "{err}");
    assert!(out.contains("2 row(s) valid, 0 row(s) rejected") && out.contains("0 inserted, 0 updated, 2 unchanged"), "{out}");

    // The imported places are searchable like any other (the snapshot follows the import).
    let start = std::time::Instant::now();
    loop {
        let body: serde_json::Value =
            app.client.get(app.url("/api/v1/places?near=73000&q=tournesol")).send().await.unwrap().json().await.unwrap();
        if body["places"].as_array().is_some_and(|p| p.len() == 1) {
            assert_eq!(body["places"][0]["id"], "dora--cs-tournesol");
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "{body}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Chambéry's and Grenoble's finders listed social services (food, housing, budget…): a
/// data·inclusion place is found by the category of its services' thematiques, through the
/// API and the `/lieux` form, which offers these categories (in the page's language) once the
/// directory holds such places, and shows the services' names with each place.
#[tokio::test]
async fn social_services_are_found_by_their_category_on_the_api_and_the_lieux_page() {
    let (store, url, dir) = fresh_store().await;
    store.close().await;
    let (ok, out, err) = relais(&["import", "places", &format!("{DATA}/data-inclusion-sample.json"), "--database-url", &url]);
    assert!(ok, "{out}{err}");
    let store = relais_store::Store::connect(&url).await.unwrap();
    let app = TestApp::spawn_on(store, url.clone(), dir, test_config()).await;

    let ids = |body: &serde_json::Value| -> Vec<String> {
        body["places"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect()
    };
    let api = |q: &str| {
        let (c, u) = (app.client.clone(), app.url(&format!("/api/v1/places?{q}")));
        async move {
            let res = c.get(u).send().await.unwrap();
            assert_eq!(res.status(), 200);
            res.json::<serde_json::Value>().await.unwrap()
        }
    };
    // The grocery has no coordinates: found by its need, without `near`.
    let food = api("need=equipement-et-alimentation").await;
    assert_eq!(ids(&food), ["dora--epicerie-solidaire"], "{food}");
    assert_eq!(food["places"][0]["social_services"][0]["nom"], "Courses à petits prix");
    assert_eq!(food["places"][0]["social_services"][0]["thematiques"][0], "equipement-et-alimentation--alimentation");
    // The social centre, near Chambéry, by the category of one of its services or its label.
    let admin = api("near=73000&need=difficultes-administratives-ou-juridiques").await;
    assert_eq!(ids(&admin), ["dora--cs-tournesol"], "{admin}");
    assert_eq!(ids(&api("need=Logement").await), Vec::<String>::new(), "no housing service in the sample");
    // Words of a service's name are searched too.
    assert_eq!(ids(&api("q=petits%20prix").await), ["dora--epicerie-solidaire"]);

    let c = browser();
    let (status, html) = page(&c, app.url("/lieux?need=equipement-et-alimentation")).await;
    assert_eq!(status, 200);
    assert!(html.contains("<optgroup label=\"Aide sociale et vie quotidienne\">"), "{html}");
    assert!(html.contains("<option value=\"equipement-et-alimentation\" selected>Alimentation, vêtements, équipement</option>"), "{html}");
    assert!(html.contains("<option value=\"difficultes-administratives-ou-juridiques\">"), "the categories present are offered");
    assert!(!html.contains("<option value=\"logement-hebergement\""), "absent categories are not offered");
    assert!(html.contains("Épicerie solidaire du Biollay") && html.contains("<li>Courses à petits prix</li>"), "{html}");
    assert!(!html.contains("Centre social Le Tournesol"));
    let (_, en) = page(&c, app.url("/lieux?need=equipement-et-alimentation&lang=en")).await;
    assert!(en.contains("<optgroup label=\"Social help and daily life\">") && en.contains(">Food, clothing, equipment</option>"), "{en}");
    assert!(en.contains("<dt>Social services</dt>"));
    let (_, ar) = page(&c, app.url("/lieux?need=equipement-et-alimentation&lang=ar")).await;
    assert!(ar.contains(">الطعام والملابس والتجهيزات</option>"));
}
