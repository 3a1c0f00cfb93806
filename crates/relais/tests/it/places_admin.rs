//! Coordinators manage the directory of places through the real server and database:
//! create and edit (a bad field is a 422 naming it, in the user's language), close until a
//! date and reopen, archive and restore (archived places are neither found nor exported),
//! the "not checked for a year" flag, the upload of an import file, and who may do it.

use crate::support::*;
use relais_directory::Place;
use relais_domain::authz::Role;
use reqwest::{Client, StatusCode};
use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../relais-directory/tests/data");
const DAY: i64 = 24 * 60 * 60 * 1000;

/// A place in Chambéry, open every day all day (so "open now" is true whenever the test runs).
fn chambery(id: &str, nom: &str) -> Place {
    Place {
        id: id.into(),
        pivot: "00000000000000".into(),
        nom: nom.into(),
        commune: "Chambéry".into(),
        code_postal: "73000".into(),
        adresse: "1 place du Palais de Justice".into(),
        latitude: Some(45.5646),
        longitude: Some(5.9178),
        horaires: Some("Mo-Su 00:00-24:00".into()),
        date_maj: "2024-01-01".into(),
        source: Some("Test".into()),
        structure_parente: Some("Ville de Chambéry".into()),
        services: vec!["Aide aux démarches administratives".into()],
        ..Place::default()
    }
}

async fn coordinator(app: &TestApp) -> Client {
    app.user(Role::Coordinator, "coord@relais.test", &["fr"], &[]).await;
    let c = browser();
    sign_in_as(app, &c, "coord@relais.test").await;
    c
}

/// The form fields of a place as the edit page sends them.
fn fields(p: &Place) -> Vec<(String, String)> {
    let row = relais_directory::editing::row_of(p);
    let mut out = Vec::new();
    for f in relais_directory::editing::EDITABLE {
        let v = row.get(*f).cloned().unwrap_or_default();
        if relais_directory::vocab::of_field(f).is_some() {
            for x in v.split('|').filter(|x| !x.is_empty()) {
                out.push((f.to_string(), x.to_string()));
            }
        } else {
            out.push((f.to_string(), v.replace('|', "\n")));
        }
    }
    out
}

fn with(mut form: Vec<(String, String)>, csrf: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    for (k, v) in changes {
        form.retain(|(name, _)| name != k);
        form.push((k.to_string(), v.to_string()));
    }
    form.push(("csrf".into(), csrf.into()));
    form
}

async fn post_form(c: &Client, url: String, form: &[(String, String)]) -> (StatusCode, String, Option<String>) {
    let res = c.post(url).form(form).send().await.unwrap();
    let location = res.headers().get("location").map(|l| l.to_str().unwrap().to_string());
    (res.status(), res.text().await.unwrap(), location)
}

async fn search(app: &TestApp, query: &str) -> Value {
    app.client.get(app.url(&format!("/api/v1/places?{query}"))).send().await.unwrap().json().await.unwrap()
}

fn ids(found: &Value) -> Vec<String> {
    found["places"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect()
}

fn multipart(csrf: &str, mode: &str, file_name: &str, file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "relaisplacesboundary7";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\n{mode}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &TestApp, c: &Client, mode: &str, file_name: &str, file: &[u8]) -> (StatusCode, String) {
    let (_, html) = page(c, app.url("/coordination/lieux/import")).await;
    let (ct, body) = multipart(&csrf_of(&html), mode, file_name, file);
    let res = c.post(app.url("/coordination/lieux/import")).header("content-type", ct).body(body).send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

fn text(html: &str) -> String {
    html.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&#34;", "\"").replace("&amp;", "&")
}

#[tokio::test]
async fn a_coordinator_creates_and_edits_a_place_and_a_bad_field_is_a_422_naming_it() {
    let app = TestApp::spawn().await;
    let c = coordinator(&app).await;
    let (status, html) = page(&c, app.url("/coordination/lieux/nouveau")).await;
    assert_eq!(status, StatusCode::OK);
    for id in ["f-nom", "f-code-postal", "f-horaires", "f-latitude"] {
        assert!(html.contains(&format!("for=\"{id}\"")) && html.contains(&format!("id=\"{id}\"")), "label for {id}");
    }
    let csrf = csrf_of(&html);
    let new = Place { id: String::new(), ..chambery("", "Espace numérique du Bourget") };
    // Bad postcode and unreadable hours: 422, each message under its field, tied to it and
    // in the summary; nothing stored.
    let bad = with(fields(&new), &csrf, &[("code_postal", "7300"), ("horaires", "Mo-Fr 9h-12h")]);
    let (status, html, _) = post_form(&c, app.url("/coordination/lieux/nouveau"), &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(&html);
    assert!(html.contains("id=\"f-code-postal-error\"") && html.contains("aria-describedby=\"f-code-postal-error"), "{html}");
    assert!(html.contains("Code postal : « 7300 » n'est pas un code postal à 5 chiffres."), "{html}");
    assert!(html.contains("id=\"f-horaires-error\"") && html.contains("horaires illisibles à partir de « 9h-12h »"), "{html}");
    assert!(html.contains("href=\"#f-code-postal\"") && html.contains("href=\"#f-horaires\""));
    assert!(html.contains("value=\"Espace numérique du Bourget\""), "the form keeps what was typed");
    assert!(app.store.place_lines().await.unwrap().is_empty());
    // The same in English.
    let (status, html, _) = post_form(&c, app.url("/coordination/lieux/nouveau?lang=en"), &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&html).contains("Postcode: “7300” is not a 5-digit postcode."), "{html}");
    page(&c, app.url("/coordination/lieux?lang=fr")).await; // back to French (the choice is a cookie)
    // A valid form: stored, with today's date_maj, and found by the public search.
    let good = with(fields(&new), &csrf, &[("courriels", "accueil@bourget.example\ncontact@bourget.example")]);
    let (status, _, location) = post_form(&c, app.url("/coordination/lieux/nouveau"), &good).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = location.unwrap();
    assert!(location.starts_with("/coordination/lieux/relais-") && location.ends_with("?avis=cree"), "{location}");
    let lines = app.store.place_lines().await.unwrap();
    assert_eq!(lines.len(), 1);
    let id = lines[0].id.clone();
    let rec = app.store.place_record(&id).await.unwrap().unwrap();
    let today = relais_directory::editing::paris_today(relais_web::now_ms()).to_string();
    assert_eq!(rec.place.date_maj, today);
    assert_eq!(rec.place.courriels, vec!["accueil@bourget.example", "contact@bourget.example"]);
    assert_eq!(rec.checked_by.as_deref(), Some("coord"));
    assert_eq!(ids(&search(&app, "near=73000").await), vec![id.clone()]);

    // Editing a stored place: a bad phone is named; a good edit rewrites `doc` (the fields
    // the form does not show are kept), `date_maj` and the search columns.
    app.store_places(&[chambery("p-edit", "Médiathèque")], relais_web::now_ms() - 30 * DAY).await;
    let (status, html) = page(&c, app.url("/coordination/lieux/p-edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("value=\"Médiathèque\""));
    let csrf = csrf_of(&html);
    let form = fields(&chambery("p-edit", "Médiathèque"));
    let (status, html, _) = post_form(&c, app.url("/coordination/lieux/p-edit"), &with(form.clone(), &csrf, &[("telephone", "04 79 00 00 00")])).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(&html);
    assert!(html.contains("id=\"f-telephone-error\"") && html.contains("Téléphone : « 04 79 00 00 00 » n'est pas au format international"), "{html}");
    let (status, _, location) = post_form(
        &c,
        app.url("/coordination/lieux/p-edit"),
        &with(form, &csrf, &[("nom", "Médiathèque Jean-Jacques Rousseau"), ("telephone", "+33479000000")]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/coordination/lieux/p-edit?avis=enregistre"));
    let rec = app.store.place_record("p-edit").await.unwrap().unwrap();
    assert_eq!(rec.place.nom, "Médiathèque Jean-Jacques Rousseau");
    assert_eq!(rec.place.telephone.as_deref(), Some("+33479000000"));
    assert_eq!(rec.place.structure_parente.as_deref(), Some("Ville de Chambéry"), "fields outside the form are kept");
    assert_eq!(rec.place.date_maj, today);
    assert!(relais_web::now_ms() - rec.checked_at < 60_000, "an edit counts as a check");
    let export: Value = app.client.get(app.url("/api/v1/places/export?format=lmn-json")).send().await.unwrap().json().await.unwrap();
    let edited = export.as_array().unwrap().iter().find(|p| p["id"] == "p-edit").unwrap();
    assert_eq!(edited["nom"], "Médiathèque Jean-Jacques Rousseau");
    assert_eq!(edited["date_maj"], today.as_str());
    // An unknown place is a 404.
    let (status, _) = page(&c, app.url("/coordination/lieux/nope")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_place_closed_until_a_date_is_shown_closed_and_never_open_now_then_reopens() {
    let app = TestApp::spawn().await;
    let c = coordinator(&app).await;
    app.store_places(&[chambery("p1", "Maison France Services")], relais_web::now_ms()).await;
    let found = search(&app, "near=73000").await;
    assert_eq!(found["places"][0]["open_now"], true);
    assert!(found["places"][0]["closed_until"].is_null());

    let (_, html) = page(&c, app.url("/coordination/lieux/p1")).await;
    let csrf = csrf_of(&html);
    let today = relais_directory::editing::paris_today(relais_web::now_ms());
    let yesterday = today.yesterday().unwrap().to_string();
    let until = today.checked_add(jiff::Span::new().days(10)).unwrap();
    let form = |d: &str, r: &str| vec![("csrf".to_string(), csrf.clone()), ("closed_until".into(), d.into()), ("closure_reason".into(), r.into())];
    // A date already past and no reason: both named.
    let (status, html, _) = post_form(&c, app.url("/coordination/lieux/p1/fermer"), &form(&yesterday, " ")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(&html);
    assert!(html.contains("id=\"f-closed-until-error\"") && html.contains("la date est déjà passée"), "{html}");
    assert!(html.contains("id=\"f-closure-reason-error\"") && html.contains("Motif de la fermeture : ce champ est obligatoire."), "{html}");
    assert!(app.store.place_closures(&today.to_string()).await.unwrap().is_empty());
    // Closed for ten days.
    let (status, _, location) = post_form(&c, app.url("/coordination/lieux/p1/fermer"), &form(&until.to_string(), "Travaux")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/coordination/lieux/p1?avis=ferme"));
    let found = search(&app, "near=73000").await;
    assert_eq!(found["places"][0]["closed_until"], until.to_string().as_str());
    assert_eq!(found["places"][0]["open_now"], false, "its hours say open, the closure wins");
    assert!(ids(&search(&app, "near=73000&open_now=true").await).is_empty());
    let shown = until.strftime("%d/%m/%Y").to_string();
    let (_, public) = page(&browser(), app.url("/lieux?near=73000")).await;
    let public = text(&public);
    assert!(public.contains(&format!("Fermé temporairement jusqu'au {shown}")), "{public}");
    assert!(!public.contains("class=\"open\""));
    let (_, html) = page(&c, app.url("/coordination/lieux/p1")).await;
    assert!(text(&html).contains(&format!("Fermé temporairement jusqu'au {shown}")) && html.contains("Travaux"));
    let (_, list) = page(&c, app.url("/coordination/lieux?flag=closed")).await;
    assert!(list.contains("Maison France Services"));
    // Reopened: open now again.
    let (status, _, _) = post_form(&c, app.url("/coordination/lieux/p1/rouvrir"), &[("csrf".into(), csrf.clone())]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let found = search(&app, "near=73000&open_now=true").await;
    assert_eq!(ids(&found), vec!["p1"]);
    assert!(found["places"][0]["closed_until"].is_null());
    // A closure whose last day has passed ends by itself.
    app.store.close_place("p1", &yesterday, "Grève", relais_web::now_ms(), None).await.unwrap();
    assert_eq!(search(&app, "near=73000").await["places"][0]["open_now"], true);
}

#[tokio::test]
async fn archived_places_are_neither_found_nor_exported_and_come_back_when_restored() {
    let app = TestApp::spawn().await;
    let c = coordinator(&app).await;
    let now = relais_web::now_ms();
    app.store_places(&[chambery("keep", "Centre social"), chambery("old", "Cyber-base fermée")], now).await;
    assert_eq!(ids(&search(&app, "near=73000").await).len(), 2);
    let (_, html) = page(&c, app.url("/coordination/lieux/old")).await;
    let csrf = csrf_of(&html);
    let (status, _, _) = post_form(&c, app.url("/coordination/lieux/old/archiver"), &[("csrf".into(), csrf.clone())]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(ids(&search(&app, "near=73000").await), vec!["keep"]);
    let csv = app.client.get(app.url("/api/v1/places/export?format=lmn-csv")).send().await.unwrap().text().await.unwrap();
    assert!(csv.contains("\"keep\"") || csv.contains("keep,"), "{csv}");
    assert!(!csv.contains("Cyber-base"), "{csv}");
    let json: Value = app.client.get(app.url("/api/v1/places/export?format=lmn-json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    let (_, public) = page(&browser(), app.url("/lieux?near=73000")).await;
    assert!(!public.contains("Cyber-base"));
    // Kept for history: listed among the archived, not among the active ones.
    let (_, active) = page(&c, app.url("/coordination/lieux")).await;
    assert!(active.contains("Centre social") && !active.contains("Cyber-base"));
    let (_, archived) = page(&c, app.url("/coordination/lieux?flag=archived")).await;
    assert!(archived.contains("Cyber-base") && !archived.contains("Centre social"));
    assert!(app.store.place_record("old").await.unwrap().unwrap().archived_at.is_some());
    // A re-import of the same row leaves it archived (archiving is a coordinator's decision).
    app.store_places(&[chambery("old", "Cyber-base fermée")], now).await;
    assert_eq!(ids(&search(&app, "near=73000").await), vec!["keep"]);
    let (status, _, _) = post_form(&c, app.url("/coordination/lieux/old/restaurer"), &[("csrf".into(), csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(ids(&search(&app, "near=73000").await).len(), 2);
}

#[tokio::test]
async fn places_not_checked_for_a_year_are_flagged_until_someone_checks_them() {
    let app = TestApp::spawn().await;
    let c = coordinator(&app).await;
    let now = relais_web::now_ms();
    // Time is injected through the store: one place imported 400 days ago, one today.
    app.store_places(&[chambery("stale", "Point numérique ancien")], now - 400 * DAY).await;
    app.store_places(&[chambery("fresh", "Point numérique récent")], now).await;
    let (_, list) = page(&c, app.url("/coordination/lieux")).await;
    let list = text(&list);
    assert!(list.contains("1 lieu n'a pas été vérifié depuis plus d'un an."), "{list}");
    let row = |html: &str, name: &str| {
        let at = html.find(name).unwrap();
        let end = at + html[at..].find("</tr>").unwrap();
        html[at..end].to_string()
    };
    assert!(row(&list, "Point numérique ancien").contains("À vérifier"));
    assert!(!row(&list, "Point numérique récent").contains("À vérifier"));
    let (_, stale) = page(&c, app.url("/coordination/lieux?flag=stale")).await;
    assert!(stale.contains("Point numérique ancien") && !stale.contains("Point numérique récent"));
    // A day short of a year is not stale yet.
    app.store.mark_place_checked("fresh", None, now - 364 * DAY).await.unwrap();
    let (_, stale) = page(&c, app.url("/coordination/lieux?flag=stale")).await;
    assert!(!stale.contains("Point numérique récent"));
    // "Checked today" clears the flag and says who.
    let (_, html) = page(&c, app.url("/coordination/lieux/stale")).await;
    assert!(html.contains("À vérifier"));
    let (status, _, _) = post_form(&c, app.url("/coordination/lieux/stale/verifier"), &[("csrf".into(), csrf_of(&html))]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, stale) = page(&c, app.url("/coordination/lieux?flag=stale")).await;
    assert!(!stale.contains("Point numérique ancien"));
    let (_, html) = page(&c, app.url("/coordination/lieux/stale")).await;
    assert!(html.contains("par coord") && !html.contains("<strong class=\"flag\">"), "{html}");
}

#[tokio::test]
async fn an_uploaded_file_gets_the_cli_report_and_a_bad_file_stores_nothing() {
    let app = TestApp::spawn().await;
    let c = coordinator(&app).await;
    // Whole-file faults: named, nothing stored.
    let (status, html) = upload(&app, &c, "import", "bad.csv", b"id,nom\nx,y\n").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(&html);
    assert!(html.contains("id=\"file-error\"") && html.contains("Colonne(s) obligatoire(s) absente(s) : pivot, commune, code_postal, adresse, date_maj."), "{html}");
    assert!(html.contains("Rien n'a été enregistré."));
    let example = std::fs::read(format!("{DATA}/exemple-valide.csv")).unwrap();
    // A second row whose name is Latin-1 ("Café" with the byte 0xE9).
    let second = String::from_utf8(example.clone()).unwrap().lines().nth(1).unwrap().replacen("structure-1", "structure-3", 1);
    let mut latin1 = example.clone();
    latin1.extend_from_slice(second.replacen("Anonymal", "Caf\u{1}", 1).replace('\u{1}', "\u{1}").as_bytes());
    let at = latin1.iter().position(|b| *b == 1).unwrap();
    latin1[at] = 0xE9;
    latin1.push(b'\n');
    let (status, html) = upload(&app, &c, "import", "latin1.csv", &latin1).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&html).contains("Ligne 3 : le fichier n'est pas en UTF-8"), "{html}");
    assert!(app.store.place_lines().await.unwrap().is_empty());

    // The CLI's own test file: one valid row, one with a broken latitude.
    let example_text = String::from_utf8(example).unwrap();
    let row = example_text.lines().nth(1).unwrap();
    let bad = row.replacen("\"structure-1\"", "\"structure-2\"", 1).replacen("\"43.52609\"", "\"43,52609\"", 1);
    let file = format!("{example_text}{bad}\n");
    // Preview: the report, nothing stored, a confirmation form.
    let (status, html) = upload(&app, &c, "preview", "lieux.csv", file.as_bytes()).await;
    assert_eq!(status, StatusCode::OK);
    let html = text(&html);
    assert!(html.contains("1 ligne(s) valide(s), 1 ligne(s) refusée(s).") && html.contains("Rien n'a encore été enregistré."), "{html}");
    assert!(html.contains("<td>3</td><td dir=\"ltr\">structure-2</td><td>Latitude (latitude)</td>"), "{html}");
    assert!(html.contains("« 43,52609 » n") && html.contains("pas un nombre (utilisez un point : 45.76)"), "the reason in the page's language: {html}");
    assert!(app.store.place_lines().await.unwrap().is_empty(), "a preview stores nothing");
    let token = {
        let at = html.find("name=\"token\" value=\"").unwrap() + "name=\"token\" value=\"".len();
        html[at..at + html[at..].find('"').unwrap()].to_string()
    };
    let csrf = csrf_of(&html);
    let confirm = |t: &str| vec![("csrf".to_string(), csrf.clone()), ("token".into(), t.into()), ("format".into(), String::new())];
    let (status, html, _) = post_form(&c, app.url("/coordination/lieux/import/confirmer"), &confirm(&token)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&html).contains("Enregistré : 1 ajouté(s), 0 modifié(s), 0 inchangé(s)."), "{html}");
    let lines = app.store.place_lines().await.unwrap();
    assert_eq!(lines.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), vec!["structure-1"]);
    // A draft is confirmed once.
    let (status, _, _) = post_form(&c, app.url("/coordination/lieux/import/confirmer"), &confirm(&token)).await;
    assert_eq!(status, StatusCode::GONE);

    // Direct import of the real Hinaura file: the report and the counts of the CLI.
    let hinaura = std::fs::read(format!("{DATA}/hinaura-lieux-mediation-numerique.json")).unwrap();
    let (status, html) = upload(&app, &c, "import", "hinaura.json", &hinaura).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&html).contains("687 ligne(s) valide(s), 0 ligne(s) refusée(s). Enregistré : 687 ajouté(s), 0 modifié(s), 0 inchangé(s)."), "{html}");
    assert_eq!(app.store.place_lines().await.unwrap().len(), 688);

    // Over the upload limit: 413, a clear message under the file field, nothing stored.
    let mut huge = file.into_bytes();
    huge.resize(relais_web::pages::places_import::MAX_UPLOAD_BYTES + 1024, b' ');
    let (status, html) = upload(&app, &c, "import", "huge.csv", &huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(text(&html).contains("Le fichier dépasse 16 Mio"), "{html}");
    assert_eq!(app.store.place_lines().await.unwrap().len(), 688);
}

#[tokio::test]
async fn only_coordinators_and_administrators_manage_places() {
    let app = TestApp::spawn().await;
    app.store_places(&[chambery("p1", "Centre social")], relais_web::now_ms()).await;
    app.user(Role::Volunteer, "vol@relais.test", &["fr"], &[]).await;
    app.user(Role::Admin, "admin@relais.test", &["fr"], &[]).await;
    // Not signed in: sent to the sign-in page.
    let anon = browser();
    let res = anon.get(app.url("/coordination/lieux")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/connexion");
    // A volunteer: refused everywhere, even with a valid CSRF token of their own.
    let v = browser();
    sign_in_as(&app, &v, "vol@relais.test").await;
    let (_, html) = page(&v, app.url("/benevole/profil")).await;
    let csrf = csrf_of(&html);
    for path in ["/coordination/lieux", "/coordination/lieux/nouveau", "/coordination/lieux/p1", "/coordination/lieux/import"] {
        let (status, _) = page(&v, app.url(path)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
    for path in ["/coordination/lieux/p1/archiver", "/coordination/lieux/p1/verifier", "/coordination/lieux/p1/rouvrir"] {
        let (status, _, _) = post_form(&v, app.url(path), &[("csrf".into(), csrf.clone())]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
    let (status, _, _) = post_form(&v, app.url("/coordination/lieux/p1"), &with(fields(&chambery("p1", "Piraté")), &csrf, &[])).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (ct, body) = multipart(&csrf, "import", "x.json", b"[]");
    let res = v.post(app.url("/coordination/lieux/import")).header("content-type", ct).body(body).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let rec = app.store.place_record("p1").await.unwrap().unwrap();
    assert_eq!(rec.place.nom, "Centre social");
    assert!(rec.archived_at.is_none());
    // An administrator may.
    let a = browser();
    sign_in_as(&app, &a, "admin@relais.test").await;
    let (status, html) = page(&a, app.url("/coordination/lieux")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Centre social") && html.contains("href=\"/coordination/lieux/p1\""));
    // A coordinator's page without CSRF token changes nothing.
    let (status, _, _) = post_form(&a, app.url("/coordination/lieux/p1/archiver"), &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(app.store.place_record("p1").await.unwrap().unwrap().archived_at.is_none());
}

#[tokio::test]
async fn the_lieux_map_appears_only_with_its_library_and_allows_only_its_tile_server() {
    // Without Leaflet installed (the default test configuration): the list only.
    let app = TestApp::spawn().await;
    app.store_places(&[chambery("p1", "Centre social")], relais_web::now_ms()).await;
    let res = app.client.get(app.url("/lieux?near=73000")).send().await.unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert_eq!(csp, relais_web::security::CSP);
    let html = res.text().await.unwrap();
    assert!(html.contains("Centre social") && !html.contains("places-map") && !html.contains("/carte/"));
    assert_eq!(app.client.get(app.url("/carte/leaflet.js")).send().await.unwrap().status(), StatusCode::NOT_FOUND);

    // With it: the map's markup (hidden until the script shows it), its scripts, the places'
    // coordinates, and the tile server's origin in this page's CSP only.
    let mut config = test_config();
    config.map.tiles_url = "https://tiles.example.org/{z}/{x}/{y}.png".into();
    config.map.assets = Some(std::sync::Arc::new(relais_web::map::MapAssets::from_files([
        ("leaflet.js".to_string(), b"/* leaflet */".to_vec()),
        ("leaflet.css".to_string(), b".leaflet-container{}".to_vec()),
        ("images/marker-icon.png".to_string(), vec![0x89, b'P', b'N', b'G']),
    ])));
    let app = TestApp::spawn_with(config).await;
    app.store_places(&[chambery("p1", "Centre social")], relais_web::now_ms()).await;
    let res = app.client.get(app.url("/lieux?near=73000")).send().await.unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("img-src 'self' data: https://tiles.example.org;") && csp.contains("script-src 'self';"), "{csp}");
    let html = res.text().await.unwrap();
    assert!(html.contains("class=\"places-map-section\" hidden"), "{html}");
    assert!(html.contains("data-tiles=\"https://tiles.example.org/{z}/{x}/{y}.png\""));
    assert!(html.contains("src=\"/carte/leaflet.js\"") && html.contains("src=\"/static/places-map.js\"") && html.contains("href=\"/carte/leaflet.css\""));
    assert!(html.contains("data-lat=\"45.5646\" data-lon=\"5.9178\""));
    assert!(html.contains("les contributeurs d&#39;OpenStreetMap") || html.contains("les contributeurs d'OpenStreetMap"));
    let js = app.client.get(app.url("/carte/leaflet.js")).send().await.unwrap();
    assert_eq!(js.status(), StatusCode::OK);
    assert_eq!(js.headers()["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(app.client.get(app.url("/carte/images/marker-icon.png")).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(app.client.get(app.url("/static/places-map.js")).send().await.unwrap().status(), StatusCode::OK);
    // No search yet, or another page: no map, the strict CSP.
    for path in ["/lieux", "/"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.headers()["content-security-policy"], relais_web::security::CSP, "{path}");
        assert!(!res.text().await.unwrap().contains("id=\"places-map\""), "{path}");
    }
}

/// The form's choices of the schema's lists read in the page's language; the value sent is
/// still the schema's French text.
#[tokio::test]
async fn the_place_form_offers_the_schemas_lists_in_the_pages_language() {
    let app = TestApp::spawn().await;
    let c = coordinator(&app).await;
    let (_, en) = page(&c, app.url("/coordination/lieux/nouveau?lang=en")).await;
    for label in ["One-to-one support", "Deafness", "Families and/or children", "Book an appointment online", "Free under conditions"] {
        assert!(en.contains(label), "{label}: {en}");
    }
    assert!(en.contains("value=\"Accompagnement individuel\""), "the schema's value is what is sent");
    let (_, fr) = page(&c, app.url("/coordination/lieux/nouveau?lang=fr")).await;
    assert!(fr.contains("> Accompagnement individuel</label>"), "{fr}");
}
