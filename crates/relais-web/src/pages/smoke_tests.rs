//! Smoke test of the pages through the whole router (in memory, over a temporary SQLite
//! file): every page renders in French, English and Arabic, with one `h1` and no missing
//! string; the main journeys (ask, follow, cancel, sign in, take, close, coordinate) work
//! end to end. The HTTP end-to-end suite lives in the binary crate's tests.

use crate::{AppState, WebConfig};
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use futures_util::StreamExt;
use relais_domain::authz::Role;
use relais_store::{AccountStatus, NewUser, Store};
use std::collections::HashMap;
use std::net::SocketAddr;
use tower::ServiceExt;

const PASSWORD: &str = "a long test password";

struct Browser {
    app: Router,
    cookies: HashMap<String, String>,
}

struct Page {
    status: StatusCode,
    location: Option<String>,
    body: String,
}

impl Page {
    fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker).expect("a form with a CSRF token") + marker.len();
        self.body[start..].split('"').next().unwrap().to_owned()
    }

    /// A well-formed page: one h1, every string found.
    fn assert_sound(&self, what: &str) {
        assert!(!self.body.contains("Unknown localization"), "{what}: missing string\n{}", self.body);
        assert_eq!(self.body.matches("<h1").count(), 1, "{what}: one h1\n{}", self.body);
        assert!(!self.body.contains("style="), "{what}: inline style");
        assert!(!self.body.contains("<script>"), "{what}: inline script");
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".into(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

impl Browser {
    fn new(app: Router) -> Browser {
        Browser { app, cookies: HashMap::new() }
    }

    async fn send(&mut self, req: Request<Body>) -> (StatusCode, Option<String>, Body, String) {
        let mut req = req;
        let cookie: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        if !cookie.is_empty() {
            req.headers_mut().insert(header::COOKIE, cookie.join("; ").parse().unwrap());
        }
        let res = self.app.clone().oneshot(req).await.unwrap();
        for c in res.headers().get_all(header::SET_COOKIE) {
            let pair = c.to_str().unwrap().split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            if v.is_empty() {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
        let location = res.headers().get(header::LOCATION).map(|l| l.to_str().unwrap().to_owned());
        let ctype = res.headers().get(header::CONTENT_TYPE).map(|c| c.to_str().unwrap().to_owned()).unwrap_or_default();
        (res.status(), location, res.into_body(), ctype)
    }

    async fn get(&mut self, path: &str) -> Page {
        let (status, location, body, _) = self.send(Request::get(path).body(Body::empty()).unwrap()).await;
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        Page { status, location, body: String::from_utf8(bytes.to_vec()).unwrap() }
    }

    async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.join("&")))
            .unwrap();
        let (status, location, body, _) = self.send(req).await;
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        Page { status, location, body: String::from_utf8(bytes.to_vec()).unwrap() }
    }

    async fn sign_in(&mut self, email: &str) -> Page {
        let csrf = self.get("/connexion").await.csrf();
        self.post("/connexion", &[("csrf", &csrf), ("email", email), ("password", PASSWORD)]).await
    }
}

async fn app() -> (Router, Store, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("relais-pages-{}-{}", std::process::id(), relais_store::sessions::random_token()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::connect(&format!("sqlite://{}", dir.join("relais.db").display())).await.unwrap();
    store.migrate().await.unwrap();
    let now = crate::now_ms();
    let network = store.ensure_network("Quartier Nord", now).await.unwrap();
    for (email, name, role) in [
        ("benevole@example.org", "Awa", Role::Volunteer),
        ("coord@example.org", "Camille", Role::Coordinator),
    ] {
        let user = NewUser {
            email: email.into(),
            display_name: name.into(),
            password: PASSWORD.into(),
            role,
            status: AccountStatus::Active,
            languages: vec!["fr".into(), "ar".into()],
            topic_skills: vec![],
            networks: vec![network.id],
        };
        store.create_user(&user, now).await.unwrap();
    }
    // These journeys take a request the moment it arrives: skills are a plain preference here.
    let mut config = WebConfig::default();
    config.policy.skill_widen_after = 0;
    let state = AppState::new(store.clone(), config).await.unwrap();
    let app = crate::router(state).layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4000))));
    (app, store, dir)
}

#[tokio::test]
async fn pages_render_and_journeys_work() {
    let (app, store, dir) = app().await;
    let mut person = Browser::new(app.clone());

    // Public pages, in the three languages.
    for lang in ["fr", "en", "ar"] {
        for path in ["/", "/demande", "/suivi", "/connexion"] {
            let page = person.get(&format!("{path}?lang={lang}")).await;
            assert_eq!(page.status, StatusCode::OK, "{path} {lang}");
            page.assert_sound(&format!("{path} {lang}"));
            assert!(page.body.contains(&format!("lang=\"{lang}\"")), "{path} {lang}");
        }
    }
    assert!(person.get("/?lang=ar").await.body.contains("dir=\"rtl\""));
    let home = person.get("/?lang=fr").await;
    assert!(home.body.contains("href=\"/demande\"") && home.body.contains("href=\"/suivi\""));

    // The form, refused then accepted.
    let form = person.get("/demande").await;
    assert!(form.body.contains("Votre numéro de téléphone") && form.body.contains("Envoyer ma demande"));
    assert!(form.body.contains("<img class=\"picto\" src=\"/static/pictos/famille-visio.svg\" alt=\"\">"));
    let csrf = form.csrf();
    let bad = person.post("/demande", &[("csrf", &csrf), ("phone", "12"), ("postcode", "7501"), ("first_name", "Lucie")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_sound("invalid form");
    assert!(bad.body.contains("class=\"error-summary\" role=\"alert\""));
    assert!(bad.body.contains("href=\"#phone\"") && bad.body.contains("href=\"#topic-famille-visio\""));
    assert!(bad.body.contains("id=\"phone-error\"") && bad.body.contains("aria-describedby=\"phone-error"));
    assert!(bad.body.contains("id=\"postcode-error\"") && bad.body.contains("id=\"topic-error\""));
    assert!(bad.body.contains("aria-invalid=\"true\""));
    assert!(bad.body.contains("value=\"Lucie\""), "values are kept");

    let forged = person.post("/demande", &[("csrf", "forged"), ("phone", "06 12 34 56 78"), ("topic", "impots")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    forged.assert_sound("csrf");

    let fields = [
        ("csrf", csrf.as_str()),
        ("phone", "06 12 34 56 78"),
        ("topic", "impots"),
        ("language", "fr"),
        ("callback_windows", "morning"),
        ("callback_windows", "evening"),
        ("urgent", "true"),
        ("need", "Ma déclaration de revenus"),
    ];
    let sent = person.post("/demande", &fields).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let confirmation = sent.location.unwrap();
    assert!(confirmation.starts_with("/demande/") && confirmation.ends_with("/confirmation"));
    let reference = confirmation.trim_start_matches("/demande/").trim_end_matches("/confirmation").to_owned();
    for lang in ["fr", "en", "ar"] {
        let page = person.get(&format!("{confirmation}?lang={lang}")).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_sound("confirmation");
        assert!(page.body.contains(&format!("<p class=\"reference\">{reference}</p>")));
        assert!(!page.body.contains("56 78") && !page.body.contains("612345678") && !page.body.contains("déclaration de revenus"), "no personal data");
    }
    assert!(person.get(&format!("{confirmation}?lang=fr")).await.body.contains("Nous ne pouvons pas encore estimer l"));
    assert_eq!(person.get("/demande/AAA-AAA/confirmation").await.status, StatusCode::NOT_FOUND);

    let again = person.post("/demande", &fields).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.body.contains("id=\"phone-error\"") && !again.body.contains(&reference));

    // Following the request.
    let csrf = person.get("/suivi").await.csrf();
    let wrong = person.post("/suivi", &[("csrf", &csrf), ("reference", &reference), ("phone", "06 00 00 00 00")]).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    assert!(wrong.body.contains("id=\"reference-error\""));
    let found = person.post("/suivi", &[("csrf", &csrf), ("reference", &reference.to_lowercase()), ("phone", "+33612345678")]).await;
    assert_eq!(found.status, StatusCode::OK);
    found.assert_sound("follow");
    assert!(found.body.contains("Annuler ma demande") && found.body.contains("action=\"/suivi/annuler\""));

    // A volunteer takes it, fails to close it without a date, then closes it.
    let mut volunteer = Browser::new(app.clone());
    let signed = volunteer.sign_in("benevole@example.org").await;
    assert_eq!((signed.status, signed.location.as_deref()), (StatusCode::SEE_OTHER, Some("/benevole")));
    for lang in ["fr", "en", "ar"] {
        for path in ["/benevole", "/benevole/historique"] {
            let page = volunteer.get(&format!("{path}?lang={lang}")).await;
            assert_eq!(page.status, StatusCode::OK, "{path} {lang}");
            page.assert_sound(&format!("{path} {lang}"));
        }
    }
    let console = volunteer.get("/benevole?lang=fr").await;
    assert!(console.body.contains("class=\"duty-off\"") && console.body.contains("data-live-url=\"/benevole/flux\""));
    let csrf = console.csrf();
    let off = volunteer.post("/benevole/suivante", &[("csrf", &csrf)]).await;
    assert_eq!(off.status, StatusCode::CONFLICT);
    assert!(off.body.contains("pas en service"));
    assert_eq!(volunteer.post("/benevole/service", &[("csrf", &csrf), ("on_duty", "true")]).await.status, StatusCode::SEE_OTHER);
    assert!(volunteer.get("/benevole").await.body.contains("class=\"duty-on\""));
    let taken = volunteer.post("/benevole/suivante", &[("csrf", &csrf)]).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER);
    let request_path = taken.location.unwrap();
    assert!(request_path.starts_with("/benevole/demandes/"));
    for lang in ["fr", "en", "ar"] {
        let page = volunteer.get(&format!("{request_path}?lang={lang}")).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_sound("request page");
        assert!(page.body.contains("href=\"tel:+33612345678\"") && page.body.contains("#31#"));
        assert!(page.body.contains("class=\"timeline\""));
    }
    let none = volunteer.post("/benevole/suivante", &[("csrf", &csrf)]).await;
    assert_eq!(none.location.as_deref(), Some("/benevole?avis=personne"));
    let nobody = volunteer.get("/benevole?avis=personne&lang=fr").await;
    assert!(nobody.body.contains("Personne n&#39;attend pour vous") || nobody.body.contains("Personne n'attend pour vous"), "{}", nobody.body);

    let no_date = volunteer.post(&format!("{request_path}/cloture"), &[("csrf", &csrf), ("outcome", "follow_up"), ("note", "")]).await;
    assert_eq!(no_date.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_date.body.contains("id=\"follow_up_at-error\"") && no_date.body.contains("aria-describedby=\"follow_up_at-error"));
    let bad_date = volunteer.post(&format!("{request_path}/cloture"), &[("csrf", &csrf), ("outcome", "follow_up"), ("follow_up_at", "demain")]).await;
    assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_result = volunteer.post(&format!("{request_path}/tentative"), &[("csrf", &csrf)]).await;
    assert_eq!(no_result.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_result.body.contains("id=\"result-error\""));
    let reached = volunteer.post(&format!("{request_path}/tentative"), &[("csrf", &csrf), ("result", "reached")]).await;
    assert_eq!(reached.location.as_deref(), Some(request_path.as_str()));
    let closed = volunteer.post(&format!("{request_path}/cloture"), &[("csrf", &csrf), ("outcome", "resolved"), ("note", "Aidée pour la déclaration")]).await;
    assert_eq!(closed.location.as_deref(), Some("/benevole?avis=cloturee"));
    let history = volunteer.get("/benevole/historique").await;
    assert!(history.body.contains(&reference) && history.body.contains("<th scope=\"col\">"));
    assert_eq!(volunteer.get("/coordination").await.status, StatusCode::FORBIDDEN);

    // The person's request is closed now: following shows it, cancelling is refused.
    let csrf = person.get("/suivi").await.csrf();
    let done = person.post("/suivi", &[("csrf", &csrf), ("reference", &reference), ("phone", "0612345678")]).await;
    assert!(!done.body.contains("action=\"/suivi/annuler\""));

    // Another request, cancelled by the person.
    let csrf = person.get("/demande").await.csrf();
    let second = person.post("/demande", &[("csrf", &csrf), ("phone", "07 81 22 33 44"), ("topic", "logement")]).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    let reference2 = second.location.unwrap().trim_start_matches("/demande/").trim_end_matches("/confirmation").to_owned();
    let cancelled = person.post("/suivi/annuler", &[("csrf", &csrf), ("reference", &reference2), ("phone", "07 81 22 33 44")]).await;
    assert_eq!(cancelled.status, StatusCode::OK);
    cancelled.assert_sound("cancelled");
    assert_eq!(store.request_by_reference(&reference2).await.unwrap().unwrap().outcome.as_deref(), Some("cancelled"));

    // The coordinator's pages.
    let mut coordinator = Browser::new(app.clone());
    assert_eq!(coordinator.get("/coordination").await.location.as_deref(), Some("/connexion"));
    let bad = {
        let csrf = coordinator.get("/connexion").await.csrf();
        coordinator.post("/connexion", &[("csrf", &csrf), ("email", "coord@example.org"), ("password", "wrong")]).await
    };
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(bad.body.contains("id=\"email-error\""));
    let signed = coordinator.sign_in("COORD@example.org").await;
    assert_eq!(signed.location.as_deref(), Some("/coordination"));
    let csrf = coordinator.get("/demande").await.csrf();
    let person_csrf = person.get("/demande").await.csrf();
    person.post("/demande", &[("csrf", &person_csrf), ("phone", "06 99 88 77 66"), ("topic", "autre")]).await;
    for lang in ["fr", "en", "ar"] {
        for path in ["/coordination", "/coordination/benevoles", "/coordination/chiffres", "/benevole"] {
            let page = coordinator.get(&format!("{path}?lang={lang}")).await;
            assert_eq!(page.status, StatusCode::OK, "{path} {lang}");
            page.assert_sound(&format!("{path} {lang}"));
        }
    }
    let queue = coordinator.get("/coordination?lang=fr").await;
    assert!(queue.body.contains("data-live-url=\"/coordination/flux\"") && queue.body.contains("class=\"refresh\""));
    let figures = coordinator.get("/coordination/chiffres").await;
    assert!(figures.body.contains("<meter class=\"bar\""));
    let users = store.list_users().await.unwrap();
    let awa = users.iter().find(|u| u.user.display_name == "Awa").unwrap().user.id;
    let waiting = store.queue_overview(crate::now_ms(), 10).await.unwrap().items[0].id;
    let assigned = coordinator.post(&format!("/coordination/demandes/{waiting}/attribuer"), &[("csrf", &csrf), ("volunteer_id", &awa.to_string())]).await;
    assert_eq!(assigned.location.as_deref(), Some("/coordination"));
    assert_eq!(store.get_request(waiting).await.unwrap().volunteer_id, Some(awa));
    let seen = coordinator.get(&format!("/benevole/demandes/{waiting}")).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(!seen.body.contains("tel:+33699887766") && seen.body.contains("66"), "masked for a non-holder");
    let deactivated = coordinator.post(&format!("/coordination/benevoles/{awa}/statut"), &[("csrf", &csrf), ("status", "deactivated")]).await;
    assert_eq!(deactivated.location.as_deref(), Some("/coordination/benevoles"));
    assert_eq!(volunteer.get("/benevole").await.location.as_deref(), Some("/connexion"), "signed out everywhere");

    // Live figures: an event at once.
    let (status, _, body, ctype) = coordinator.send(Request::get("/coordination/flux").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.starts_with("text/event-stream"));
    let first = body.into_data_stream().next().await.unwrap().unwrap();
    let text = String::from_utf8(first.to_vec()).unwrap();
    assert!(text.contains("event: queue") && text.contains("\"waiting\"") && text.contains("\"on_duty\""), "{text}");
    let (status, ..) = person.send(Request::get("/benevole/flux").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Signing out.
    let out = coordinator.post("/deconnexion", &[("csrf", &csrf)]).await;
    assert_eq!(out.location.as_deref(), Some("/"));
    assert_eq!(coordinator.get("/coordination").await.location.as_deref(), Some("/connexion"));

    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// The holder keeps a request longer; the queue offers only volunteers who speak the
/// request's language; administrators edit topics and read the access journal, and
/// nobody else may.
#[tokio::test]
async fn extend_assignment_languages_topics_and_journal() {
    let (app, store, dir) = app().await;
    let now = crate::now_ms();
    let admin = NewUser {
        email: "admin@example.org".into(),
        display_name: "Nadia".into(),
        password: PASSWORD.into(),
        role: Role::Admin,
        status: AccountStatus::Active,
        languages: vec!["fr".into()],
        topic_skills: vec![],
        networks: vec![],
    };
    store.create_user(&admin, now).await.unwrap();

    // Two requests: one in French, one in Spanish (nobody speaks it).
    let mut person = Browser::new(app.clone());
    let csrf = person.get("/demande").await.csrf();
    for (phone, language) in [("06 11 22 33 44", "fr"), ("06 55 66 77 88", "es")] {
        let sent = person.post("/demande", &[("csrf", &csrf), ("phone", phone), ("topic", "impots"), ("language", language)]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    }

    // The coordinator's queue: a choice of volunteers only for the French request.
    let mut coordinator = Browser::new(app.clone());
    coordinator.sign_in("coord@example.org").await;
    let queue = coordinator.get("/coordination?lang=fr").await;
    queue.assert_sound("queue");
    let items = store.queue_overview(crate::now_ms(), 10).await.unwrap().items;
    let fr = items.iter().find(|i| i.language == "fr").unwrap().id;
    let es = items.iter().find(|i| i.language == "es").unwrap().id;
    assert!(queue.body.contains(&format!("action=\"/coordination/demandes/{fr}/attribuer\"")));
    assert!(!queue.body.contains(&format!("action=\"/coordination/demandes/{es}/attribuer\"")));
    assert!(queue.body.contains("Aucun bénévole actif ne parle cette langue."));
    assert!(queue.body.contains(">Awa (fr, ar;"));
    assert!(!queue.body.contains("/coordination/sujets"), "no admin links for a coordinator");

    // The volunteer takes the French request and says they are still on the line.
    let mut volunteer = Browser::new(app.clone());
    volunteer.sign_in("benevole@example.org").await;
    let csrf = volunteer.get("/benevole").await.csrf();
    volunteer.post("/benevole/service", &[("csrf", &csrf), ("on_duty", "true")]).await;
    let taken = volunteer.post("/benevole/suivante", &[("csrf", &csrf)]).await;
    let request_path = taken.location.unwrap();
    let id: i64 = request_path.trim_start_matches("/benevole/demandes/").parse().unwrap();
    assert_eq!(id, fr);
    for lang in ["fr", "en", "ar"] {
        let page = volunteer.get(&format!("{request_path}?lang={lang}")).await;
        page.assert_sound("request page with extend");
        assert!(page.body.contains(&format!("action=\"/benevole/demandes/{id}/prolonger\"")));
        assert!(page.body.contains("id=\"extend-until\"") && page.body.contains("<time dir=\"ltr\""));
    }
    let page = volunteer.get(&format!("{request_path}?lang=fr")).await;
    assert!(page.body.contains("Je suis encore en ligne avec la personne"));
    let before = store.get_request(id).await.unwrap().lease_until.unwrap();
    let forged = volunteer.post(&format!("{request_path}/prolonger"), &[("csrf", "forged")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let extended = volunteer.post(&format!("{request_path}/prolonger"), &[("csrf", &csrf)]).await;
    assert_eq!(extended.status, StatusCode::SEE_OTHER);
    assert_eq!(extended.location.as_deref(), Some(format!("{request_path}?avis=prolongee").as_str()));
    assert!(store.get_request(id).await.unwrap().lease_until.unwrap() > before);
    let page = volunteer.get(&extended.location.unwrap()).await;
    page.assert_sound("extended");
    assert!(page.body.contains("La demande reste à vous plus longtemps.") && page.body.contains("Temps prolongé"));
    // Someone who does not hold it cannot.
    let coord_csrf = coordinator.get("/coordination").await.csrf();
    let not_holder = coordinator.post(&format!("{request_path}/prolonger"), &[("csrf", &coord_csrf)]).await;
    assert_eq!(not_holder.status, StatusCode::CONFLICT);

    // The admin pages are closed to coordinators and volunteers.
    for path in ["/coordination/sujets", "/coordination/journal"] {
        assert_eq!(coordinator.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(volunteer.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let refused = coordinator
        .post("/coordination/sujets", &[("csrf", &coord_csrf), ("id", "banque"), ("label_fr", "Banque"), ("label_en", "Bank"), ("pictogram", "autre"), ("position", "99")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = coordinator.post("/coordination/sujets/impots", &[("csrf", &coord_csrf), ("label_fr", "x")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(store.topic("banque").await.unwrap().is_none());

    // The admin sees the catalogue and the journal, in the three languages.
    let mut admin = Browser::new(app.clone());
    admin.sign_in("admin@example.org").await;
    for lang in ["fr", "en", "ar"] {
        for path in ["/coordination/sujets", "/coordination/journal", "/coordination"] {
            let page = admin.get(&format!("{path}?lang={lang}")).await;
            assert_eq!(page.status, StatusCode::OK, "{path} {lang}");
            page.assert_sound(&format!("{path} {lang}"));
            assert!(page.body.contains("href=\"/coordination/sujets\"") && page.body.contains("href=\"/coordination/journal\""));
        }
    }
    let topics = admin.get("/coordination/sujets?lang=fr").await;
    assert!(topics.body.contains("<th scope=\"col\">") && topics.body.contains("<th scope=\"row\">"));
    assert!(topics.body.contains("action=\"/coordination/sujets/impots\"") && topics.body.contains("form=\"topic-impots-form\""));
    assert!(topics.body.contains("<option value=\"famille-visio\""));
    let csrf = topics.csrf();

    // A bad id: the error is tied to the id field of the add form.
    let bad = admin
        .post("/coordination/sujets", &[("csrf", &csrf), ("id", "Banque en ligne!"), ("label_fr", "Banque en ligne"), ("label_en", "Online banking"), ("pictogram", "autre"), ("position", "20"), ("active", "true")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_sound("bad topic id");
    assert!(bad.body.contains("class=\"error-summary\"") && bad.body.contains("href=\"#new-topic-id\""));
    assert!(bad.body.contains("id=\"new-topic-id-error\"") && bad.body.contains("aria-describedby=\"new-topic-id-error"));
    assert!(bad.body.contains("aria-invalid=\"true\"") && bad.body.contains("value=\"Banque en ligne!\""), "values are kept");
    assert!(!bad.body.contains("topic-impots-label_fr-error"), "only the add form has errors");
    assert!(bad.body.contains("lettres minuscules"));
    let forged = admin.post("/coordination/sujets", &[("csrf", "forged"), ("id", "banque")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // Added, then refused as a duplicate.
    let add = [("csrf", csrf.as_str()), ("id", "banque-en-ligne"), ("label_fr", "Banque en ligne"), ("label_en", "Online banking"), ("pictogram", "autre"), ("position", "20"), ("active", "true")];
    let added = admin.post("/coordination/sujets", &add).await;
    assert_eq!(added.location.as_deref(), Some("/coordination/sujets?avis=enregistre"));
    let stored = store.topic("banque-en-ligne").await.unwrap().unwrap();
    assert_eq!((stored.label_en.as_str(), stored.position, stored.active, stored.priority), ("Online banking", 20, true, false));
    assert!(admin.get("/coordination/sujets?avis=enregistre").await.body.contains("Le sujet est enregistré."));
    let again = admin.post("/coordination/sujets", &add).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("id=\"new-topic-id-error\""));

    // Changing a row: errors go next to that row's fields; a valid change is stored.
    let bad_row = admin.post("/coordination/sujets/impots", &[("csrf", &csrf), ("label_fr", " "), ("label_en", "Taxes"), ("pictogram", "impots"), ("position", "un")]).await;
    assert_eq!(bad_row.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad_row.assert_sound("bad row");
    assert!(bad_row.body.contains("id=\"topic-impots-position-error\"") && bad_row.body.contains("href=\"#topic-impots-position\""));
    assert!(!bad_row.body.contains("new-topic-id-error"));
    let bad_label = admin.post("/coordination/sujets/impots", &[("csrf", &csrf), ("label_fr", " "), ("label_en", "Taxes"), ("pictogram", "impots"), ("position", "7")]).await;
    assert_eq!(bad_label.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_label.body.contains("id=\"topic-impots-label_fr-error\"") && bad_label.body.contains("aria-describedby=\"topic-impots-label_fr-error\""));
    let changed = admin.post("/coordination/sujets/impots", &[("csrf", &csrf), ("label_fr", "Impôts et taxes"), ("label_en", "Taxes"), ("pictogram", "impots"), ("position", "7"), ("priority", "true")]).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    let impots = store.topic("impots").await.unwrap().unwrap();
    assert_eq!((impots.label_fr.as_str(), impots.active, impots.priority), ("Impôts et taxes", false, true));
    assert_eq!(admin.post("/coordination/sujets/inconnu", &[("csrf", &csrf), ("label_fr", "x")]).await.status, StatusCode::NOT_FOUND);

    // The journal: the claim and the views of the request, then filtered by number.
    let journal = admin.get("/coordination/journal?lang=fr").await;
    assert!(journal.body.contains("A pris la demande") && journal.body.contains("A ouvert la demande") && journal.body.contains("Awa"));
    let one = admin.get(&format!("/coordination/journal?request_id={id}&lang=fr")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(one.body.contains(&format!("demande numéro {id}")) && one.body.contains("A pris la demande"));
    let other = admin.get(&format!("/coordination/journal?request_id={es}")).await;
    assert!(other.body.contains("Aucune consultation trouvée."));
    let typo = admin.get("/coordination/journal?request_id=abc&lang=fr").await;
    assert_eq!(typo.status, StatusCode::UNPROCESSABLE_ENTITY);
    typo.assert_sound("journal typo");
    assert!(typo.body.contains("id=\"request_id-error\"") && typo.body.contains("aria-describedby=\"request_id-error") && typo.body.contains("href=\"#request_id\""));

    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
