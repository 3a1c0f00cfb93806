//! Tutorials over the real server and database: the shipped content seeded and served, the
//! JSON search, the public pages (no JavaScript, under 30 KB), the FALC switch, the anonymous
//! feedback, the editors' flow and who may use it, the stale flag, and the rule that decides
//! when a new release's file replaces the published text.

use crate::support::*;
use relais_domain::authz::Role;
use relais_store::tutorials::ShippedFile;
use reqwest::{Client, StatusCode};
use serde_json::Value;





async fn search(app: &TestApp, query: &str) -> Vec<Value> {
    let res = app.client.get(app.url(&format!("/api/v1/tutorials?{query}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{query}");
    res.json::<Vec<Value>>().await.unwrap()
}

fn slugs(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| h["slug"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn the_shipped_tutorials_are_seeded_once_and_served() {
    let app = TestApp::spawn().await;
    let published = app.store.published_tutorials().await.unwrap();
    let shipped = relais_web::tutorials::shipped();
    assert_eq!(published.len(), shipped.tutorials().count(), "every shipped file is published");
    assert!(published.len() >= 50);
    assert!(published.iter().all(|p| p.author_id.is_none()), "shipped revisions have no author");
    // A second start changes nothing.
    let version = app.store.tutorials_version().await.unwrap();
    relais_web::tutorials::seed_shipped(&app.store, relais_web::now_ms()).await.unwrap();
    assert_eq!(app.store.tutorials_version().await.unwrap(), version);

    let catalogue = search(&app, "").await;
    assert_eq!(catalogue.len(), shipped.tutorials().filter(|t| t.variant == relais_library::Variant::Fr).count());
    let one = catalogue.iter().find(|h| h["slug"] == "appel-video-whatsapp").expect("in the catalogue");
    assert_eq!(one["url"], "/tutoriels/appel-video-whatsapp");
    assert!(one["languages"].as_array().unwrap().iter().any(|l| l == "en"));

    let res = app.client.get(app.url("/api/v1/tutorials/appel-video-whatsapp")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let t: Value = res.json().await.unwrap();
    assert_eq!(t["variant"], "fr");
    assert!(t["steps"].as_array().unwrap().len() >= 3);
    assert_eq!(t["steps"][0]["number"], 1);
    assert_eq!(t["official_site"], "whatsapp.com");
    let en: Value = app.client.get(app.url("/api/v1/tutorials/appel-video-whatsapp?lang=en")).send().await.unwrap().json().await.unwrap();
    assert_eq!(en["variant"], "en");
    assert_eq!(en["fallback"], false);
    let fallback: Value = app.client.get(app.url("/api/v1/tutorials/cheque-energie?lang=en")).send().await.unwrap().json().await.unwrap();
    assert_eq!((fallback["variant"].as_str(), fallback["fallback"].as_bool()), (Some("fr"), Some(true)));
    let res = app.client.get(app.url("/api/v1/tutorials/nothing-here")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = app.client.get(app.url("/api/v1/tutorials?lang=xx")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let doc: Value = app.client.get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert!(doc["paths"]["/api/v1/tutorials"]["get"].is_object() && doc["paths"]["/api/v1/tutorials/{slug}"]["get"].is_object());
}

#[tokio::test]
async fn the_search_finds_plain_phrasings_and_filters_by_topic_and_language() {
    let app = TestApp::spawn().await;
    for (q, slug) in [
        ("je veux voir mes petits-enfants sur mon téléphone", "appel-video-whatsapp"),
        ("declaraton caf", "caf-declaration-trimestrielle"),
        ("déclarer mes impots", "impots-declaration-revenus"),
        ("me connecter au wifi", "wifi-connexion"),
    ] {
        let hits = search(&app, &format!("q={}", urlencode(q))).await;
        assert!(slugs(&hits).iter().take(3).any(|s| *s == slug), "{q:?} should find {slug} in the first three: {:?}", slugs(&hits));
        let first = &hits[0];
        assert!(first["score"].as_f64().unwrap() > 0.0 && first["title"].is_string() && first["topics"].is_array());
    }
    let health = search(&app, "q=rendez-vous&topic=sante-ameli").await;
    assert!(!health.is_empty());
    assert!(health.iter().all(|h| h["topics"].as_array().unwrap().iter().any(|t| t == "sante-ameli")), "{health:?}");
    let english = search(&app, "q=video%20call%20family&lang=en").await;
    assert!(!english.is_empty());
    assert!(english.iter().all(|h| h["languages"].as_array().unwrap().iter().any(|l| l == "en")), "{english:?}");
    assert_eq!(english[0]["slug"], "appel-video-whatsapp");
    assert!(search(&app, "topic=impots").await.iter().all(|h| h["topics"].as_array().unwrap().iter().any(|t| t == "impots")));
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b == b'-' { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test]
async fn a_tutorial_page_has_the_steps_the_line_and_a_callback_and_stays_small() {
    let app = TestApp::spawn().await;
    let c = browser();
    let (status, html) = page(&c, app.url("/tutoriels/appel-video-whatsapp")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<ol class=\"steps\">"), "numbered steps");
    assert!(html.contains("Je fais un appel vidéo avec ma famille sur WhatsApp"));
    assert!(html.contains("01 99 00 12 34") && html.contains("href=\"tel:0199001234\""), "the line's number");
    assert!(html.contains("href=\"/demande\""), "the way to ask for a callback");
    assert!(html.contains("href=\"https://whatsapp.com\""), "the official site by its domain");
    assert!(html.contains("<time datetime=\"2026-"), "checked on");
    assert!(html.contains("src=\"/pictogrammes/"), "step pictograms");
    assert!(!html.contains("<script"), "no JavaScript needed");
    let picto = &html[html.find("src=\"/pictogrammes/").unwrap() + 5..];
    let picto = &picto[..picto.find('"').unwrap()];
    let res = c.get(app.url(picto)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{picto}");
    assert_eq!(res.headers()["content-type"], "image/svg+xml");

    // HTML + CSS before images, for every shipped tutorial in every version.
    let mut css = 0;
    for sheet in ["/static/relais.css", "/static/tutorials.css"] {
        assert!(html.contains(&format!("href=\"{sheet}\"")));
        css += c.get(app.url(sheet)).send().await.unwrap().bytes().await.unwrap().len();
    }
    let mut largest = (0, String::new());
    for t in relais_web::tutorials::shipped().tutorials() {
        let path = match t.variant {
            relais_library::Variant::Fr => format!("/tutoriels/{}?lang=fr", t.slug),
            relais_library::Variant::FrFalc => format!("/tutoriels/{}?lang=fr&variant=falc", t.slug),
            other => format!("/tutoriels/{}?lang={}", t.slug, other.code()),
        };
        let (status, body) = page(&c, app.url(&path)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        if body.len() > largest.0 {
            largest = (body.len(), path);
        }
    }
    assert!(largest.0 + css < 30 * 1024, "{} is {} bytes of HTML + {css} of CSS", largest.1, largest.0);

    // The library, a search and a topic, as plain GETs.
    let (status, html) = page(&c, app.url("/tutoriels")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("action=\"/tutoriels\"") && html.contains("name=\"q\""), "a search box without JavaScript");
    assert!(html.contains("href=\"/tutoriels/sujet/famille-visio\"") && html.contains("/static/pictos/famille-visio.svg"));
    let (_, html) = page(&c, app.url("/tutoriels?q=petits-enfants+en+vid%C3%A9o")).await;
    assert!(html.contains("href=\"/tutoriels/appel-video-whatsapp\""), "results link to the tutorial");
    let (status, html) = page(&c, app.url("/tutoriels/sujet/impots")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/tutoriels/impots-declaration-revenus\""));
    assert_eq!(page(&c, app.url("/tutoriels/sujet/nope")).await.0, StatusCode::NOT_FOUND);
    let (_, home) = page(&c, app.url("/")).await;
    assert!(home.contains("href=\"/tutoriels\""), "the home page links the library");
}

#[tokio::test]
async fn pages_show_the_language_asked_or_the_french_with_a_note_and_switch_to_falc() {
    let app = TestApp::spawn().await;
    let c = browser();
    let (_, html) = page(&c, app.url("/tutoriels/appel-video-whatsapp?lang=en")).await;
    assert!(html.contains("<article class=\"tutorial\" lang=\"en\""));
    assert!(!html.contains("class=\"notice\""));
    let (_, html) = page(&c, app.url("/tutoriels/cheque-energie?lang=ar")).await;
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">") && html.contains("<article class=\"tutorial\" lang=\"fr\" dir=\"ltr\">"));
    assert!(html.contains("class=\"notice\""), "a note says the French is shown");

    // A FALC version of a tutorial: the French page offers it, and it offers the way back.
    let slug = "wifi-connexion";
    let fr = app.store.published_tutorial(slug, "fr").await.unwrap().unwrap();
    let falc = fr.source.replace("Je connecte", "Je connecte facilement");
    let editor = app.user(Role::Admin, "falc@relais.test", &["fr"], &[]).await;
    app.store.publish_tutorial(slug, "fr-falc", &falc, editor.id, relais_web::now_ms()).await.unwrap();
    app.state.tutorials.rebuild(&app.store).await.unwrap();
    let (_, html) = page(&c, app.url(&format!("/tutoriels/{slug}?lang=fr"))).await;
    assert!(html.contains(&format!("href=\"/tutoriels/{slug}?variant=falc\"")), "the FALC switch");
    let (_, html) = page(&c, app.url(&format!("/tutoriels/{slug}?variant=falc"))).await;
    assert!(html.contains("Je connecte facilement"));
    assert!(html.contains(&format!("href=\"/tutoriels/{slug}\"")), "back to the complete version");
    assert!(html.contains("name=\"variant\" value=\"fr-falc\""));
    let (_, html) = page(&c, app.url("/tutoriels/cheque-energie?lang=fr")).await;
    assert!(!html.contains("variant=falc"), "no switch without a FALC version");
}

#[tokio::test]
async fn feedback_is_counted_anonymously_and_needs_the_form_token() {
    let app = TestApp::spawn().await;
    let c = browser();
    let (_, html) = page(&c, app.url("/tutoriels/teleconsultation")).await;
    assert!(html.contains("action=\"/tutoriels/teleconsultation/avis\""));
    let csrf = csrf_of(&html);
    let res = browser().post(app.url("/tutoriels/teleconsultation/avis")).form(&[("answer", "yes"), ("variant", "fr")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no token, no count");
    for answer in ["yes", "yes", "no"] {
        let res = c
            .post(app.url("/tutoriels/teleconsultation/avis"))
            .form(&[("csrf", csrf.as_str()), ("answer", answer), ("variant", "fr")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.text().await.unwrap().contains("Merci"));
    }
    let counts = app.store.tutorial_feedback().await.unwrap();
    let (_, _, c1) = counts.iter().find(|(s, v, _)| s == "teleconsultation" && v == "fr").expect("counted");
    assert_eq!((c1.helped, c1.not_helped), (2, 1));
    // The table holds counts only: no person, no address, no time.
    let columns = table_columns(&app, "tutorial_feedback").await;
    assert_eq!(columns, vec!["helped", "not_helped", "slug", "variant"]);
}

async fn table_columns(app: &TestApp, table: &str) -> Vec<String> {
    let mut cols: Vec<String> = if app.db_url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(&app.db_url).await.unwrap();
        sqlx::query_scalar("SELECT column_name::text FROM information_schema.columns WHERE table_name = $1")
            .bind(table)
            .fetch_all(&pool)
            .await
            .unwrap()
    } else {
        let pool = sqlx::SqlitePool::connect(&app.db_url).await.unwrap();
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT name FROM pragma_table_info('{table}')"))).fetch_all(&pool).await.unwrap()
    };
    cols.sort();
    cols
}

#[tokio::test]
async fn only_administrators_and_coordinators_given_the_right_edit_tutorials() {
    let app = TestApp::spawn().await;
    app.user(Role::Volunteer, "v@relais.test", &["fr"], &[]).await;
    app.user(Role::Coordinator, "c@relais.test", &["fr"], &[]).await;
    let editor = app.user(Role::Coordinator, "e@relais.test", &["fr"], &[]).await;
    app.store.set_user_editor(editor.id, true).await.unwrap();
    app.user(Role::Admin, "a@relais.test", &["fr"], &[]).await;
    for (email, expected) in [
        ("v@relais.test", StatusCode::FORBIDDEN),
        ("c@relais.test", StatusCode::FORBIDDEN),
        ("e@relais.test", StatusCode::OK),
        ("a@relais.test", StatusCode::OK),
    ] {
        let c = browser();
        sign_in_as(&app, &c, email).await;
        for path in ["/coordination/tutoriels", "/coordination/tutoriels/wifi-connexion/fr"] {
            assert_eq!(page(&c, app.url(path)).await.0, expected, "{email} {path}");
        }
    }
    assert_eq!(page(&browser(), app.url("/coordination/tutoriels")).await.0, StatusCode::SEE_OTHER, "signed out: to the sign-in page");

    // An administrator gives the right from the volunteers page.
    let admin = browser();
    sign_in_as(&app, &admin, "a@relais.test").await;
    let (_, html) = page(&admin, app.url("/coordination/benevoles")).await;
    let coordinator = app.store.user_by_email("c@relais.test").await.unwrap().unwrap();
    assert!(html.contains(&format!("action=\"/coordination/benevoles/{}/editeur\"", coordinator.id)));
    let csrf = csrf_of(&html);
    let res = admin
        .post(app.url(&format!("/coordination/benevoles/{}/editeur", coordinator.id)))
        .form(&[("csrf", csrf.as_str()), ("editor", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(app.store.user(coordinator.id).await.unwrap().editor);
    // A coordinator may not give it.
    let c = browser();
    sign_in_as(&app, &c, "e@relais.test").await;
    let (_, html) = page(&c, app.url("/coordination/benevoles")).await;
    let csrf = csrf_of(&html);
    let res = c.post(app.url(&format!("/coordination/benevoles/{}/editeur", coordinator.id))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(app.store.user(coordinator.id).await.unwrap().editor, "unchanged");
}

#[tokio::test]
async fn an_editor_sees_errors_with_their_line_publishes_then_restores() {
    let app = TestApp::spawn().await;
    let editor = app.user(Role::Coordinator, "e@relais.test", &["fr"], &[]).await;
    app.store.set_user_editor(editor.id, true).await.unwrap();
    let c = browser();
    sign_in_as(&app, &c, "e@relais.test").await;
    let slug = "wifi-connexion";
    let (status, html) = page(&c, app.url(&format!("/coordination/tutoriels/{slug}/fr"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<textarea id=\"source\""));
    let csrf = csrf_of(&html);
    let before = app.store.published_tutorial(slug, "fr").await.unwrap().unwrap();
    let version = app.store.tutorials_version().await.unwrap();

    // A broken header: the error names its line, and nothing is published.
    let broken = before.source.replacen("duration_minutes = ", "duration_minutes = \"dix\" # ", 1);
    let line = broken.lines().position(|l| l.starts_with("duration_minutes")).unwrap() + 1;
    let res = c
        .post(app.url(&format!("/coordination/tutoriels/{slug}/fr")))
        .form(&[("csrf", csrf.as_str()), ("source", broken.as_str()), ("do", "publish")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains(&format!("Ligne {line}")), "the error's line ({line})");
    assert_eq!(app.store.published_tutorial(slug, "fr").await.unwrap().unwrap().revision_id, before.revision_id);
    assert_eq!(app.store.tutorials_version().await.unwrap(), version);

    // A rule broken (a step that is no action): also refused.
    let no_action = before.source.replacen("\n1. ", "\n1. Le ", 1);
    let res = c
        .post(app.url(&format!("/coordination/tutoriels/{slug}/fr")))
        .form(&[("csrf", csrf.as_str()), ("source", no_action.as_str()), ("do", "publish")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Preview, then publish a text with a new word: it is published and found.
    let edited = before.source.replacen("keywords = [", "keywords = [\"zanzibarwifi\", ", 1);
    let res = c
        .post(app.url(&format!("/coordination/tutoriels/{slug}/fr")))
        .form(&[("csrf", csrf.as_str()), ("source", edited.as_str()), ("do", "preview")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("id=\"preview-title\""));
    assert_eq!(app.store.tutorials_version().await.unwrap(), version, "a preview publishes nothing");
    let res = c
        .post(app.url(&format!("/coordination/tutoriels/{slug}/fr")))
        .form(&[("csrf", csrf.as_str()), ("source", edited.as_str()), ("do", "publish")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let now = app.store.published_tutorial(slug, "fr").await.unwrap().unwrap();
    assert_eq!((now.source.as_str(), now.author_id), (edited.as_str(), Some(editor.id)));
    assert!(app.store.tutorials_version().await.unwrap() > version);
    assert_eq!(slugs(&search(&app, "q=zanzibarwifi").await), vec![slug], "searchable at once");
    let (_, html) = page(&c, app.url(&format!("/coordination/tutoriels/{slug}/fr?avis=publie"))).await;
    assert!(html.contains("class=\"success\""));
    assert!(html.contains(&format!("#{} · e", now.revision_id)), "the history names the author");

    // Restore the shipped text.
    let res = c
        .post(app.url(&format!("/coordination/tutoriels/revisions/{}/restaurer", before.revision_id)))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let restored = app.store.published_tutorial(slug, "fr").await.unwrap().unwrap();
    assert_eq!(restored.source, before.source);
    assert_ne!(restored.revision_id, before.revision_id, "a restore is a new revision");
    let history = app.store.tutorial_revisions(slug, "fr").await.unwrap();
    assert_eq!(history.iter().map(|r| r.kind.as_str()).collect::<Vec<_>>(), vec!["restore", "edit", "shipped"]);
    assert!(history.iter().take(2).all(|r| r.author_id == Some(editor.id)), "every edit is journaled with its author");
    assert!(search(&app, "q=zanzibarwifi").await.is_empty());

    // A new English version of a tutorial that has none.
    let (status, html) = page(&c, app.url("/coordination/tutoriels/cheque-energie/en")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("+++"), "starts from the French original");
}

#[tokio::test]
async fn versions_not_checked_for_six_months_are_flagged_and_counted() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::Admin, "a@relais.test", &["fr"], &[]).await;
    let c = browser();
    sign_in_as(&app, &c, "a@relais.test").await;
    let (_, html) = page(&c, app.url("/coordination/tutoriels")).await;
    assert!(html.contains("Tous les tutoriels ont été vérifiés"), "shipped content is fresh");
    let fr = app.store.published_tutorial("suivre-colis", "fr").await.unwrap().unwrap();
    let old = fr.source.lines().map(|l| if l.starts_with("checked_on") { "checked_on = \"2020-01-15\"" } else { l }).collect::<Vec<_>>().join("\n") + "\n";
    app.store.publish_tutorial("suivre-colis", "fr", &old, admin.id, relais_web::now_ms()).await.unwrap();
    app.state.tutorials.rebuild(&app.store).await.unwrap();
    let (_, html) = page(&c, app.url("/coordination/tutoriels")).await;
    let top = &html[html.find("id=\"stale-count\"").unwrap()..];
    assert!(top.starts_with("id=\"stale-count\">1 version n&#39;a pas été vérifiée depuis 6 mois.<"), "counted at the top: {}", &top[..200]);
    let row = &html[html.find("suivre-colis</span>").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("2020-01-15") && row.contains("badge urgent"), "{row}");
}

#[tokio::test]
async fn a_new_release_replaces_a_shipped_text_only_if_nobody_edited_it() {
    let app = TestApp::spawn().await;
    let now = relais_web::now_ms();
    let file = |text: &str| ShippedFile { slug: "zz-test".into(), variant: "fr".into(), source: text.into() };
    let r = app.store.seed_tutorials(&[file("v1")], now).await.unwrap();
    assert_eq!(r.inserted, 1);
    let r = app.store.seed_tutorials(&[file("v2")], now).await.unwrap();
    assert_eq!(r.updated, 1);
    assert_eq!(app.store.published_tutorial("zz-test", "fr").await.unwrap().unwrap().source, "v2");
    let editor = app.user(Role::Admin, "a@relais.test", &["fr"], &[]).await;
    app.store.publish_tutorial("zz-test", "fr", "edited", editor.id, now).await.unwrap();
    for _ in 0..2 {
        app.store.seed_tutorials(&[file("v3")], now).await.unwrap();
    }
    assert_eq!(app.store.published_tutorial("zz-test", "fr").await.unwrap().unwrap().source, "edited", "the editors' text stays");
    let history = app.store.tutorial_revisions("zz-test", "fr").await.unwrap();
    let kept: Vec<_> = history.iter().filter(|r| r.source == "v3").collect();
    assert_eq!(kept.len(), 1, "the new shipped text is kept once in the history");
    assert!(kept[0].published_at.is_none());
}

#[tokio::test]
async fn an_instance_rebuilds_its_index_when_another_one_publishes() {
    let app = TestApp::spawn().await;
    // A second instance's view of the same database.
    let other = relais_web::tutorials::Catalog::load(&app.store).await.unwrap();
    assert!(!other.refresh(&app.store).await.unwrap(), "nothing changed yet");
    let admin = app.user(Role::Admin, "a@relais.test", &["fr"], &[]).await;
    let fr = app.store.published_tutorial("suivre-colis", "fr").await.unwrap().unwrap();
    let edited = fr.source.replacen("keywords = [", "keywords = [\"quokkacolis\", ", 1);
    app.store.publish_tutorial("suivre-colis", "fr", &edited, admin.id, relais_web::now_ms()).await.unwrap();
    assert!(other.snapshot().search("quokkacolis", None, None, 5).is_empty());
    assert!(other.refresh(&app.store).await.unwrap());
    assert_eq!(other.snapshot().search("quokkacolis", None, None, 5)[0].slug, "suivre-colis");
    // The server's own poll picks it up too (every few seconds; 3 s by default).
    let mut found = false;
    for _ in 0..50 {
        if !search(&app, "q=quokkacolis").await.is_empty() {
            found = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(found, "the running server's job rebuilt its index");
}

/// A volunteer on duty holding a fresh request, signed in by cookie; returns the request id.
async fn holder(app: &TestApp, email: &str, phone_n: u32) -> (Client, i64) {
    app.user(Role::Volunteer, email, &["fr"], &[]).await;
    app.submit_ok(&phone(phone_n), "famille-visio", "fr").await;
    let c = browser();
    sign_in_as(app, &c, email).await;
    let (_, html) = page(&c, app.url("/benevole")).await;
    let csrf = csrf_of(&html);
    c.post(app.url("/benevole/service")).form(&[("csrf", csrf.as_str()), ("on_duty", "true")]).send().await.unwrap();
    let res = c.post(app.url("/benevole/suivante")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let id = location.trim_start_matches("/benevole/demandes/").parse().expect("a request page");
    (c, id)
}

#[tokio::test]
async fn the_holder_sends_a_tutorial_by_e_mail_and_the_timeline_keeps_no_address() {
    let smtp = SmtpServer::start().await;
    let mut config = with_smtp(&smtp.url());
    config.public_url = "https://aide.example.org".into();
    let app = TestApp::spawn_with(config).await;
    let (c, id) = holder(&app, "v@relais.test", 1).await;

    // The request page offers the library, searched from the request's topic.
    let (_, html) = page(&c, app.url(&format!("/benevole/demandes/{id}"))).await;
    assert!(html.contains("id=\"tq\"") && html.contains("action=\"/benevole/demandes/") && html.contains("/tutoriel\""));
    assert!(!html.to_lowercase().contains("sms</button>"), "no SMS option: there is no SMS channel");
    let (_, html) = page(&c, app.url(&format!("/benevole/demandes/{id}?tq=appel+vid%C3%A9o+famille"))).await;
    assert!(html.contains("name=\"slug\" value=\"appel-video-whatsapp\""));
    let csrf = csrf_of(&html);
    let send = |email: &'static str, nonce: &'static str| {
        let c = c.clone();
        let url = app.url(&format!("/benevole/demandes/{id}/tutoriel"));
        let csrf = csrf.clone();
        async move {
            c.post(url)
                .form(&[("csrf", csrf.as_str()), ("slug", "appel-video-whatsapp"), ("email", email), ("nonce", nonce)])
                .send()
                .await
                .unwrap()
        }
    };
    // A mistyped address is refused on the page, tied to its field; nothing is queued.
    let res = send("marie.exemple.fr", "n1").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"email-appel-video-whatsapp-error\"") && html.contains("value=\"marie.exemple.fr\""));
    assert_eq!(outbox_total(&app).await, 0);

    let res = send("marie@exemple.fr", "n2").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The same form sent twice (a double click) sends one mail.
    send("marie@exemple.fr", "n2").await;
    let mails = smtp.wait_for(1, std::time::Duration::from_secs(10)).await;
    assert_eq!(mails.len(), 1);
    let body = mails[0].body_text();
    assert!(body.contains("https://aide.example.org/tutoriels/appel-video-whatsapp"), "{body}");
    assert!(body.contains("01 99 00 12 34"), "the line's number in the mail");
    assert!(mails[0].subject().contains("appel vidéo"), "{}", mails[0].subject());
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(smtp.received().len(), 1, "idempotent");

    let timeline = app.store.timeline(id).await.unwrap();
    let sent: Vec<_> = timeline.iter().filter(|e| e.kind == "tutorial_sent").collect();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].detail.as_deref(), Some("email:appel-video-whatsapp"));
    assert!(timeline.iter().all(|e| !e.detail.as_deref().unwrap_or("").contains('@')), "no address in the timeline");
    let (_, html) = page(&c, app.url(&format!("/benevole/demandes/{id}"))).await;
    assert!(html.contains("Tutoriel envoyé · appel-video-whatsapp · par e-mail"));
    assert!(!html.contains("marie@exemple.fr"), "the address is not shown again");
}

#[tokio::test]
async fn only_the_holder_may_send_a_tutorial() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(with_smtp(&smtp.url())).await;
    let (_, id) = holder(&app, "v@relais.test", 2).await;
    let other = browser();
    app.user(Role::Volunteer, "w@relais.test", &["fr"], &[]).await;
    sign_in_as(&app, &other, "w@relais.test").await;
    let (_, html) = page(&other, app.url("/benevole")).await;
    let csrf = csrf_of(&html);
    let res = other
        .post(app.url(&format!("/benevole/demandes/{id}/tutoriel")))
        .form(&[("csrf", csrf.as_str()), ("slug", "appel-video-whatsapp"), ("email", "marie@exemple.fr"), ("nonce", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(outbox_total(&app).await, 0, "nothing queued");
    assert!(app.store.timeline(id).await.unwrap().iter().all(|e| e.kind != "tutorial_sent"));
    // Signed out: to the sign-in page, nothing queued.
    let res = browser()
        .post(app.url(&format!("/benevole/demandes/{id}/tutoriel")))
        .form(&[("slug", "appel-video-whatsapp"), ("email", "marie@exemple.fr")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(outbox_total(&app).await, 0);
}

async fn outbox_total(app: &TestApp) -> i64 {
    let c = app.store.outbox_counts().await.unwrap();
    c.queued + c.sent + c.failed + c.cancelled
}

#[tokio::test]
async fn anonymous_visitors_each_get_their_own_form_token_and_a_published_change_shows() {
    let app = TestApp::spawn().await;
    // Two visitors read the same page (the second one is served from the page cache): each
    // page carries that visitor's token, and each token counts an answer.
    let (a, b) = (browser(), browser());
    let (_, html_a) = page(&a, app.url("/tutoriels/suivre-colis")).await;
    let (_, html_b) = page(&b, app.url("/tutoriels/suivre-colis")).await;
    let (token_a, token_b) = (csrf_of(&html_a), csrf_of(&html_b));
    assert_ne!(token_a, token_b, "a cached page must not hand one visitor's token to another");
    assert!(!html_b.contains("@@"), "no placeholder left in the page");
    for (c, token) in [(&a, &token_a), (&b, &token_b)] {
        let res = c.post(app.url("/tutoriels/suivre-colis/avis")).form(&[("csrf", token.as_str()), ("answer", "yes"), ("variant", "fr")]).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    let res = b.post(app.url("/tutoriels/suivre-colis/avis")).form(&[("csrf", token_a.as_str()), ("answer", "yes"), ("variant", "fr")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "another visitor's token is refused");
    // A publish replaces what anonymous visitors see at once on this instance.
    app.user(Role::Admin, "a@relais.test", &["fr"], &[]).await;
    let fr = app.store.published_tutorial("suivre-colis", "fr").await.unwrap().unwrap();
    let title = fr.source.lines().find(|l| l.starts_with("title = ")).unwrap().to_owned();
    let edited = fr.source.replacen(&title, "title = \"Je suis mon colis pas à pas\"", 1);
    let c = browser();
    sign_in_as(&app, &c, "a@relais.test").await;
    let (_, editor) = page(&c, app.url("/coordination/tutoriels/suivre-colis/fr")).await;
    let csrf = csrf_of(&editor);
    let res = c
        .post(app.url("/coordination/tutoriels/suivre-colis/fr"))
        .form(&[("csrf", csrf.as_str()), ("source", edited.as_str()), ("do", "publish")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success() || res.status().is_redirection(), "publish: {}", res.status());
    let (_, html) = page(&browser(), app.url("/tutoriels/suivre-colis")).await;
    assert!(html.contains("Je suis mon colis pas à pas"), "the anonymous page shows the published text");
}
