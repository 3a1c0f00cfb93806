//! `relais`: the one binary. Serves the help line, migrates the database, creates
//! accounts and loads demo data.

mod cli;
mod demo;
mod map_args;
mod places_cmd;
mod staffing_cmd;
mod telephony_args;

use anyhow::Context;
use clap::Parser;
use cli::{Cli, Command, DbArgs, UserCommand};
use relais_store::{AccountStatus, NewUser, Store};
use std::io::Read;

/// mimalloc instead of the system allocator: every request allocates and frees small
/// buffers (headers, the page, cookies) from two worker threads; glibc's malloc/free were
/// 8 % of the profile of a tutorial page under load (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("RELAIS_LOG").unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_target(false)
        .init();
    match cli.command {
        Command::Serve(args) => serve(args).await,
        Command::Migrate(db) => {
            let store = open(&db).await?;
            println!("database is up to date ({:?})", store.backend());
            Ok(())
        }
        Command::Demo(db) => {
            let store = open(&db).await?;
            let logins = demo::seed(&store).await?;
            demo::print_logins(&logins);
            Ok(())
        }
        Command::Purge(db) => {
            let store = open(&db).await?;
            let now = relais_web::now_ms();
            let cutoff = relais_domain::retention::purge_cutoff(now, db_retention(&db));
            let n = store.purge_personal_data(cutoff, now).await?;
            println!("{n} closed request(s) purged of personal data");
            let referrals = store.anonymise_referrals(cutoff, now).await?;
            println!("{referrals} finished referral(s) anonymised");
            let mails = store.purge_outbox(now - relais_domain::retention::MAIL_RETENTION, now).await?;
            println!("{mails} e-mail(s) purged of recipient and body");
            Ok(())
        }
        Command::Staffing(args) => staffing_cmd::run(args).await,
        Command::Import(cli::ImportCommand::Places(args)) => places_cmd::import(args).await,
        Command::Export(cli::ExportCommand::Places(args)) => places_cmd::export(args).await,
        Command::User(UserCommand::Add(args)) => {
            let store = open(&args.db).await?;
            let password = if args.password_stdin {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s).context("reading the password from standard input")?;
                s.trim_end_matches(['\n', '\r']).to_owned()
            } else {
                anyhow::bail!("give the password on standard input with --password-stdin (never on the command line)");
            };
            if password.chars().count() < relais_store::password::MIN_LENGTH {
                anyhow::bail!("the password must have at least {} characters", relais_store::password::MIN_LENGTH);
            }
            let languages = cli::split_list(&args.languages);
            for l in &languages {
                if !relais_domain::request::is_known_language(l) {
                    anyhow::bail!("--languages: unknown language code {l:?} (known: {})", relais_domain::request::LANGUAGES.join(", "));
                }
            }
            let mut networks = Vec::new();
            for name in cli::split_list(&args.networks) {
                networks.push(store.ensure_network(&name, relais_web::now_ms()).await?.id);
            }
            let role: relais_domain::authz::Role = args.role.parse().map_err(|e: String| anyhow::anyhow!("--role: {e}"))?;
            if args.editor && role != relais_domain::authz::Role::Coordinator {
                anyhow::bail!("--editor is for coordinators (administrators may always edit tutorials)");
            }
            let email = args.email.trim().to_lowercase();
            if !email.contains('@') || email.len() < 3 {
                anyhow::bail!("--email: {email:?} is not an e-mail address");
            }
            let user = store
                .create_user(
                    &NewUser {
                        display_name: args.name.clone().unwrap_or_else(|| email.split('@').next().unwrap_or("").to_owned()),
                        email,
                        password,
                        role,
                        // Accounts created from the shell are approved.
                        status: AccountStatus::Active,
                        languages,
                        topic_skills: cli::split_list(&args.topics),
                        networks,
                    },
                    relais_web::now_ms(),
                )
                .await
                .map_err(|e| match e {
                    relais_store::StoreError::Duplicate(_) => anyhow::anyhow!("--email: an account with this e-mail already exists"),
                    other => other.into(),
                })?;
            if args.editor {
                store.set_user_editor(user.id, true).await?;
            }
            println!("created {} #{} <{}>{}", user.role().as_str(), user.id, user.email, if args.editor { " (tutorial editor)" } else { "" });
            Ok(())
        }
    }
}

fn db_retention(db: &DbArgs) -> i64 {
    db.retention_days * relais_domain::DAY
}

async fn open(db: &DbArgs) -> anyhow::Result<Store> {
    let url = db.url()?;
    let store = Store::connect(&url).await.with_context(|| format!("opening the database ({})", cli::redact(&url)))?;
    store.migrate().await.context("migrating the database")?;
    Ok(store)
}

/// Opens the database for a command that may run beside a live server: migrates only a
/// schema that is behind (see `Store::migrate_if_needed`).
pub(crate) async fn open_beside_server(db: &DbArgs) -> anyhow::Result<Store> {
    let url = db.url()?;
    let store = Store::connect(&url).await.with_context(|| format!("opening the database ({})", cli::redact(&url)))?;
    store.migrate_if_needed().await.context("migrating the database")?;
    Ok(store)
}

async fn serve(args: cli::ServeArgs) -> anyhow::Result<()> {
    let store = open(&args.db).await?;
    let config = args.web_config(db_retention(&args.db))?;
    if args.demo {
        let logins = demo::seed(&store).await?;
        demo::print_logins(&logins);
    }
    let mail = if config.smtp_url.is_some() { "SMTP configured" } else { "no SMTP: e-mails stay queued" };
    let state = relais_web::AppState::new(store.clone(), config).await?;
    let listener = tokio::net::TcpListener::bind(&args.bind).await.with_context(|| format!("binding {}", args.bind))?;
    let addr = listener.local_addr()?;
    println!("Relais is listening on http://{addr}/");
    tracing::info!(%addr, backend = ?store.backend(), public_url = %state.config.public_url, mail, "serving");
    relais_web::serve(listener, state, shutdown_signal()).await?;
    store.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
