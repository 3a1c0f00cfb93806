//! Test harness: a real server per test, on a free port, over a fresh database.

#![allow(dead_code)]

pub mod provider;
pub mod smtp;
pub mod twiml;
#[allow(unused_imports)]
pub use smtp::{free_port, ReceivedMail, SmtpServer};

use relais_domain::authz::Role;
use relais_store::{AccountStatus, NewUser, Store, User};
use relais_web::{AppState, WebConfig};
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};

pub const PASSWORD: &str = "a long test password";

/// Which database this run uses; printed once so a run says what it tested.
pub fn postgres_base_url() -> Option<String> {
    std::env::var("RELAIS_TEST_POSTGRES_URL").ok().filter(|s| !s.is_empty())
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A fresh, migrated database for one test, and what to keep alive meanwhile.
pub async fn fresh_store() -> (Store, String, Option<tempfile::TempDir>) {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    match postgres_base_url() {
        Some(base) => {
            let admin = sqlx::PgPool::connect(&base).await.expect("connect to RELAIS_TEST_POSTGRES_URL");
            drop_databases_of_earlier_runs(&admin).await;
            let name = format!("relais_it_{}_{}_{}", std::process::id(), n, rand_suffix());
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin).await.expect("create test database");
            admin.close().await;
            let url = replace_db_name(&base, &name);
            let store = Store::connect(&url).await.expect("connect to the test database");
            store.migrate().await.expect("migrate");
            (store, url, None)
        }
        None => {
            let dir = tempfile::tempdir().expect("tempdir");
            let url = format!("sqlite://{}", dir.path().join("relais.db").display());
            let store = Store::connect(&url).await.expect("open sqlite");
            store.migrate().await.expect("migrate");
            (store, url, Some(dir))
        }
    }
}

/// Test databases are named `relais_it_<pid>_…`; those of earlier runs (other pids that are
/// no longer running) are dropped once per run so the server does not fill up.
async fn drop_databases_of_earlier_runs(admin: &sqlx::PgPool) {
    static ONCE: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    ONCE.get_or_init(|| async {
        let mine = format!("relais_it_{}_", std::process::id());
        let names: Vec<(String,)> = sqlx::query_as("SELECT datname FROM pg_database WHERE datname LIKE 'relais\\_it\\_%'")
            .fetch_all(admin)
            .await
            .unwrap_or_default();
        // A database of a test run still going on (another `cargo test` on this machine) is
        // left alone: only those whose process is gone are dropped.
        let alive = |name: &str| {
            name.strip_prefix("relais_it_")
                .and_then(|rest| rest.split('_').next())
                .is_some_and(|pid| std::path::Path::new(&format!("/proc/{pid}")).exists())
        };
        for (name,) in names.into_iter().filter(|(n,)| !n.starts_with(&mine) && !alive(n)) {
            let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            if let Err(e) = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(admin).await {
                eprintln!("could not drop old test database {name}: {e}");
            }
        }
    })
    .await;
}

fn rand_suffix() -> u32 {
    use rand::Rng;
    rand::rng().random()
}

fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let prefix = match base.rfind('/') {
        Some(i) if i > base.find("://").map(|p| p + 2).unwrap_or(0) => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

pub struct TestApp {
    pub addr: String,
    pub store: Store,
    pub state: AppState,
    pub client: Client,
    pub db_url: String,
    _dir: Option<tempfile::TempDir>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Test configuration: no intake limit unless a test sets one, fast lease checks.
pub fn test_config() -> WebConfig {
    let mut c = WebConfig::default();
    c.intake_per_minute = 0;
    c.login_attempts = 1000;
    c.lease_check_every = std::time::Duration::from_millis(200);
    c.tutorials_poll_every = std::time::Duration::from_millis(200);
    c.places_poll_every = std::time::Duration::from_millis(200);
    // Most tests take a request the moment it arrives, whatever the volunteer's skills:
    // skills stay a plain preference here; the widening tests set their own wait.
    c.policy.skill_widen_after = 0;
    // Mail: no SMTP unless a test sets one (see `with_smtp`); quick polls and retries.
    c.mail_poll_every = std::time::Duration::from_millis(100);
    c.mail_retry = relais_domain::mail::RetryPolicy { delays: vec![300], max_attempts: 5 };
    c.smtp_timeout = std::time::Duration::from_secs(5);
    c
}

/// The test configuration, sending mail to `smtp_url` (e.g. `SmtpServer::url()`).
pub fn with_smtp(smtp_url: &str) -> WebConfig {
    let mut c = test_config();
    c.smtp_url = Some(smtp_url.into());
    c.mail_from = "Relais Test <relais@test.example>".into();
    c
}

impl TestApp {
    /// Stores places straight in the database as an import does (`at` = the import's time),
    /// then rebuilds the server's search snapshot at once: searches read the snapshot only,
    /// which the jobs would otherwise refresh within their poll interval.
    pub async fn store_places(&self, places: &[relais_directory::Place], at: i64) {
        self.store.upsert_places(places, at, &|_| {}).await.unwrap();
        self.state.places.rebuild(&self.store).await.unwrap();
    }

    pub async fn spawn() -> TestApp {
        Self::spawn_with(test_config()).await
    }

    pub async fn spawn_with(config: WebConfig) -> TestApp {
        let (store, db_url, dir) = fresh_store().await;
        Self::spawn_on(store, db_url, dir, config).await
    }

    /// Another instance of the application on this one's database (as behind a load
    /// balancer), with its own configuration.
    pub async fn another_instance(&self, config: WebConfig) -> TestApp {
        let store = Store::connect(&self.db_url).await.expect("connect to the same database");
        Self::spawn_on(store, self.db_url.clone(), None, config).await
    }

    pub async fn spawn_on(store: Store, db_url: String, dir: Option<tempfile::TempDir>, mut config: WebConfig) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = format!("http://{}", listener.local_addr().unwrap());
        // Links in mails point at this server unless the test chose another base.
        if config.public_url == WebConfig::default().public_url {
            config.public_url = addr.clone();
        }
        let state = AppState::new(store.clone(), config).await.expect("state");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let serve_state = state.clone();
        tokio::spawn(async move {
            relais_web::serve(listener, serve_state, async {
                let _ = rx.await;
            })
            .await
            .expect("server");
        });
        relais_web::install_tls_provider();
        let client = Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        TestApp { addr, store, state, client, db_url, _dir: dir, shutdown: Some(tx) }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.addr, path)
    }

    /// Creates an active account directly in storage.
    pub async fn user(&self, role: Role, email: &str, languages: &[&str], skills: &[&str]) -> User {
        self.store
            .create_user(
                &NewUser {
                    email: email.into(),
                    display_name: email.split('@').next().unwrap().into(),
                    password: PASSWORD.into(),
                    role,
                    status: AccountStatus::Active,
                    languages: languages.iter().map(|s| s.to_string()).collect(),
                    topic_skills: skills.iter().map(|s| s.to_string()).collect(),
                    networks: vec![],
                },
                relais_web::now_ms(),
            )
            .await
            .expect("create user")
    }

    /// Signs in through the API and returns a bearer token.
    pub async fn token(&self, email: &str) -> String {
        let res = self
            .client
            .post(self.url("/api/v1/auth/token"))
            .json(&json!({"email": email, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "sign-in of {email}");
        res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
    }

    /// A volunteer account, signed in and on duty.
    pub async fn volunteer_on_duty(&self, email: &str, languages: &[&str], skills: &[&str]) -> (User, String) {
        let user = self.user(Role::Volunteer, email, languages, skills).await;
        let token = self.token(email).await;
        let res = self.post_json(&token, "/api/v1/me/duty", json!({"on_duty": true})).await;
        assert_eq!(res.status(), StatusCode::OK);
        (user, token)
    }

    pub async fn submit(&self, body: Value) -> Response {
        self.client.post(self.url("/api/v1/help-requests")).json(&body).send().await.unwrap()
    }

    /// Submits a valid request and returns the 201 body.
    pub async fn submit_ok(&self, phone: &str, topic: &str, language: &str) -> Value {
        let res = self.submit(json!({"phone": phone, "topic": topic, "language": language})).await;
        assert_eq!(res.status(), StatusCode::CREATED, "submit {phone}");
        res.json().await.unwrap()
    }

    pub async fn post_json(&self, token: &str, path: &str, body: Value) -> Response {
        self.client.post(self.url(path)).bearer_auth(token).json(&body).send().await.unwrap()
    }

    pub async fn get(&self, token: &str, path: &str) -> Response {
        self.client.get(self.url(path)).bearer_auth(token).send().await.unwrap()
    }

    /// POST /help-requests/next: the claimed request, or None on 204.
    pub async fn next(&self, token: &str) -> Option<Value> {
        let res = self.post_json(token, "/api/v1/help-requests/next", json!({})).await;
        match res.status() {
            StatusCode::NO_CONTENT => None,
            StatusCode::OK => Some(res.json().await.unwrap()),
            other => panic!("next: unexpected {other}: {}", res.text().await.unwrap()),
        }
    }

    /// How many help requests are stored, in any state.
    pub async fn count_requests(&self) -> i64 {
        self.store.stats(0, i64::MAX).await.unwrap().created
    }
}

/// The n-th valid French mobile number of a test (06 12 xx xx xx).
pub fn phone(n: u32) -> String {
    format!("06 12 {:02} {:02} {:02}", (n / 10000) % 100, (n / 100) % 100, n % 100)
}

pub fn e164(n: u32) -> String {
    format!("+33612{:02}{:02}{:02}", (n / 10000) % 100, (n / 100) % 100, n % 100)
}

/// A browser for page tests: keeps its cookies, does not follow redirects.
pub fn browser() -> Client {
    relais_web::install_tls_provider();
    Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// The CSRF token of the first form on the page.
pub fn csrf_of(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a CSRF field") + "name=\"csrf\" value=\"".len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

/// GET a page: its status and its HTML.
pub async fn page(c: &Client, url: String) -> (StatusCode, String) {
    let res = c.get(url).send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

/// Signs `c` in through the sign-in page with the test password.
pub async fn sign_in_as(app: &TestApp, c: &Client, email: &str) {
    let (_, html) = page(c, app.url("/connexion")).await;
    let csrf = csrf_of(&html);
    let res = c.post(app.url("/connexion")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", PASSWORD)]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
}

/// A default reqwest client (ring installed as the TLS provider first).
pub fn plain_client() -> Client {
    relais_web::install_tls_provider();
    Client::new()
}
