//! Command-line interface. Every option can also come from the environment
//! (`RELAIS_…`), which is how a service manager or a container configures Relais.

use clap::{Args, Parser, Subcommand};
use relais_web::WebConfig;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
#[command(name = "relais", version, about = "Relais: a remote digital-mediation help line")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the help line (public pages, volunteer console, coordinator area, API).
    Serve(ServeArgs),
    /// Create or update the database schema, then exit.
    Migrate(DbArgs),
    /// Load demo data (networks, coordinator, volunteers, waiting requests) and print the logins.
    Demo(DbArgs),
    /// Erase personal data of closed requests past the retention period, then exit.
    Purge(DbArgs),
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Staffing forecast (Erlang C): volunteers needed for a load, or per half-hour of the
    /// week from the line's history (--from-history).
    Staffing(StaffingArgs),
    /// Import into the directory (places in the lieux-de-médiation-numérique schema).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export from the directory.
    #[command(subcommand)]
    Export(ExportCommand),
}

// --- Directory of places (issue 6) ---
#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import places from a CSV or JSON file in the LMN schema (v1.0.2, or legacy v0.1):
    /// every row is checked, rejected rows are listed with line, field and reason, valid rows
    /// are upserted by id in one transaction.
    Places(ImportPlacesArgs),
}

#[derive(Args)]
pub struct ImportPlacesArgs {
    /// The file to import.
    pub file: PathBuf,
    /// lmn-csv, lmn-json or data-inclusion (default: guessed from the content: a JSON object is
    /// data·inclusion, an array LMN JSON, anything else LMN CSV).
    #[arg(long)]
    pub format: Option<String>,
    /// Check and report only; store nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Export every place in the LMN schema v1.0.2.
    Places(ExportPlacesArgs),
}

#[derive(Args)]
pub struct ExportPlacesArgs {
    /// lmn-csv, lmn-json or data-inclusion.
    #[arg(long, default_value = "lmn-csv")]
    pub format: String,
    /// Write here instead of standard output.
    #[arg(long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
}
// --- end directory ---

#[derive(Args)]
pub struct StaffingArgs {
    /// Requests expected in the interval (not with --from-history).
    #[arg(long, required_unless_present = "from_history")]
    pub calls: Option<f64>,
    /// Average handling time of one request, in seconds (with --from-history: measured
    /// from the history when not given).
    #[arg(long)]
    pub aht: Option<f64>,
    /// Interval length in seconds.
    #[arg(long, default_value_t = 1800.0)]
    pub interval: f64,
    /// Share of requests to answer within --within seconds.
    #[arg(long, default_value_t = 0.8)]
    pub target: f64,
    /// Seconds for the service-level target.
    #[arg(long, default_value_t = 20.0)]
    pub within: f64,
    /// Highest acceptable occupancy (share of time busy), e.g. 0.85.
    #[arg(long)]
    pub max_occupancy: Option<f64>,
    /// Share of rostered time lost (breaks, no-shows), e.g. 0.3.
    #[arg(long, default_value_t = 0.0)]
    pub shrinkage: f64,
    /// Forecast every half-hour of the week from the requests of the last --weeks weeks.
    #[arg(long)]
    pub from_history: bool,
    /// Weeks of history to average (with --from-history).
    #[arg(long, default_value_t = 8)]
    pub weeks: u32,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Args, Clone)]
pub struct DbArgs {
    /// Folder of the embedded SQLite database (used when no --database-url is given).
    #[arg(long, env = "RELAIS_DATA_DIR", default_value = "relais-data")]
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; overrides --data-dir.
    #[arg(long, env = "RELAIS_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Days personal data is kept after the last contact with the person.
    #[arg(long, env = "RELAIS_RETENTION_DAYS", default_value_t = 730)]
    pub retention_days: i64,
}

impl DbArgs {
    pub fn url(&self) -> anyhow::Result<String> {
        if let Some(url) = &self.database_url {
            return Ok(url.clone());
        }
        std::fs::create_dir_all(&self.data_dir)
            .map_err(|e| anyhow::anyhow!("--data-dir {}: {e}", self.data_dir.display()))?;
        Ok(format!("sqlite://{}", self.data_dir.join("relais.db").display()))
    }
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Issue 5: the phone line's options.
    #[command(flatten)]
    pub telephony: crate::telephony_args::TelephonyArgs,
    /// Issue 6: the /lieux map's options.
    #[command(flatten)]
    pub map: crate::map_args::MapArgs,
    /// Address to listen on.
    #[arg(long, env = "RELAIS_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Seed demo data if the database has no account yet, and print the logins.
    #[arg(long)]
    pub demo: bool,
    /// The line's phone number as shown to the public.
    #[arg(long, env = "RELAIS_LINE_PHONE", default_value = "01 99 00 12 34")]
    pub line_phone: String,
    /// Help requests one client address may submit per minute (0: no limit).
    #[arg(long, env = "RELAIS_INTAKE_RATE_LIMIT", default_value_t = 10)]
    pub intake_rate_limit: u32,
    /// Seconds a claimed request stays with a volunteer without any action from them.
    #[arg(long, env = "RELAIS_LEASE_SECONDS", default_value_t = 20 * 60)]
    pub lease_seconds: i64,
    /// How often expired leases are looked for, in seconds.
    #[arg(long, env = "RELAIS_LEASE_CHECK_SECONDS", default_value_t = 15)]
    pub lease_check_seconds: u64,
    /// Failed callback attempts after which a request is closed as unreachable.
    #[arg(long, env = "RELAIS_MAX_ATTEMPTS", default_value_t = 3)]
    pub max_attempts: u32,
    /// Minutes to wait before the next try after the 1st, 2nd… failed attempt (comma-separated).
    #[arg(long, env = "RELAIS_RETRY_DELAYS_MINUTES", default_value = "30,120")]
    pub retry_delays_minutes: String,
    /// Mark cookies Secure (set this when Relais is behind TLS).
    #[arg(long, env = "RELAIS_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Seconds a request is offered only to volunteers skilled in its topic before anyone
    /// on duty who speaks its language may take it (0: skills are a plain preference).
    #[arg(long, env = "RELAIS_SKILL_WIDEN_SECONDS", default_value_t = 300)]
    pub skill_widen_seconds: i64,
    /// Topics that need no particular skill, offered to everyone at once (comma-separated).
    #[arg(long, env = "RELAIS_OPEN_TOPICS", default_value = "autre")]
    pub open_topics: String,
    /// Days an invitation link sent to a volunteer stays valid.
    #[arg(long, env = "RELAIS_INVITATION_DAYS", default_value_t = 14)]
    pub invitation_days: i64,
    /// Days after which a referral the place did not answer expires (a reminder goes to the
    /// place a week before, or at half-time for a short delay).
    #[arg(long, env = "RELAIS_REFERRAL_EXPIRY_DAYS", default_value_t = relais_domain::referral::DEFAULT_EXPIRY_DAYS)]
    pub referral_expiry_days: u32,
    /// Hours before a shift's start after which a volunteer can no longer cancel it.
    #[arg(long, env = "RELAIS_SHIFT_CANCEL_HOURS", default_value_t = 12)]
    pub shift_cancel_hours: u32,
    /// Address people reach Relais at, base of every link in e-mails and calendar feeds
    /// (default: http://<--bind>).
    #[arg(long, env = "RELAIS_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// SMTP server for e-mails: smtp://host:port, smtp://user:password@host:587?tls=required
    /// or smtps://user:password@host:465. Without it e-mails wait in the outbox.
    #[arg(long, env = "RELAIS_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of e-mails.
    #[arg(long, env = "RELAIS_MAIL_FROM", default_value = "Relais <noreply@localhost>")]
    pub mail_from: String,
    /// Sending attempts of one e-mail before it is marked failed.
    #[arg(long, env = "RELAIS_MAIL_MAX_ATTEMPTS", default_value_t = 10)]
    pub mail_max_attempts: u32,
    /// Minutes to wait before the next try after the 1st, 2nd… failed sending attempt
    /// (comma-separated; the last one repeats).
    #[arg(long, env = "RELAIS_MAIL_RETRY_DELAYS_MINUTES", default_value = "1,5,15,60,240,720")]
    pub mail_retry_delays_minutes: String,
}

impl ServeArgs {
    pub fn web_config(&self, retention: i64) -> anyhow::Result<WebConfig> {
        let mut c = WebConfig { line_phone: self.line_phone.clone(), ..WebConfig::default() };
        c.intake_per_minute = self.intake_rate_limit;
        c.retention = retention;
        c.secure_cookies = self.secure_cookies;
        if !(1..=365).contains(&self.invitation_days) {
            anyhow::bail!("--invitation-days must be from 1 to 365");
        }
        c.invitation_ttl = self.invitation_days * relais_domain::DAY;
        if !(1..=365).contains(&self.referral_expiry_days) {
            anyhow::bail!("--referral-expiry-days must be from 1 to 365");
        }
        c.referral = relais_domain::referral::Policy { retention, ..relais_domain::referral::Policy::with_expiry_days(self.referral_expiry_days) };
        c.lease_check_every = Duration::from_secs(self.lease_check_seconds.max(1));
        if self.lease_seconds < 1 {
            anyhow::bail!("--lease-seconds must be at least 1");
        }
        c.policy.lease = self.lease_seconds * 1000;
        c.shift_cancel_deadline = i64::from(self.shift_cancel_hours) * relais_domain::HOUR;
        if self.max_attempts < 1 {
            anyhow::bail!("--max-attempts must be at least 1");
        }
        c.policy.max_failed_attempts = self.max_attempts;
        let mut delays = Vec::new();
        for part in split_list(&self.retry_delays_minutes) {
            let m: f64 = part
                .parse()
                .map_err(|_| anyhow::anyhow!("--retry-delays-minutes: {part:?} is not a number of minutes"))?;
            delays.push((m * 60_000.0) as i64);
        }
        if !delays.is_empty() {
            c.policy.retry_delays = delays;
        }
        if self.skill_widen_seconds < 0 {
            anyhow::bail!("--skill-widen-seconds must be 0 or more");
        }
        c.policy.skill_widen_after = self.skill_widen_seconds * 1000;
        c.policy.open_topics = split_list(&self.open_topics);
        self.mail_config(&mut c)?;
        self.telephony.apply(&mut c)?;
        self.map.apply(&mut c)?;
        Ok(c)
    }

    fn mail_config(&self, c: &mut WebConfig) -> anyhow::Result<()> {
        c.public_url = match &self.public_url {
            Some(url) => {
                let url = url.trim().trim_end_matches('/');
                if !(url.starts_with("http://") || url.starts_with("https://")) || url.len() < "http://x".len() {
                    anyhow::bail!("--public-url: {url:?} must start with http:// or https://");
                }
                url.to_owned()
            }
            None => format!("http://{}", self.bind),
        };
        c.smtp_url = self.smtp_url.as_deref().map(str::trim).filter(|u| !u.is_empty()).map(Into::into);
        c.mail_from = self.mail_from.trim().to_owned();
        if self.mail_max_attempts < 1 {
            anyhow::bail!("--mail-max-attempts must be at least 1");
        }
        c.mail_retry.max_attempts = self.mail_max_attempts;
        let mut delays = Vec::new();
        for part in split_list(&self.mail_retry_delays_minutes) {
            let m: f64 = part
                .parse()
                .ok()
                .filter(|m: &f64| m.is_finite() && *m >= 0.0)
                .ok_or_else(|| anyhow::anyhow!("--mail-retry-delays-minutes: {part:?} is not a number of minutes"))?;
            delays.push((m * 60_000.0) as i64);
        }
        if !delays.is_empty() {
            c.mail_retry.delays = delays;
        }
        // Checked now so a typo stops the start instead of leaving mail queued.
        relais_web::mailer::from_config(c)?;
        Ok(())
    }
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an approved account (the password is read from standard input).
    Add(UserAddArgs),
}

#[derive(Args)]
pub struct UserAddArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// volunteer, coordinator or admin.
    #[arg(long)]
    pub role: String,
    #[arg(long)]
    pub email: String,
    /// Name shown to colleagues (defaults to the part of the e-mail before @).
    #[arg(long)]
    pub name: Option<String>,
    /// Read the password from standard input.
    #[arg(long)]
    pub password_stdin: bool,
    /// Languages spoken, e.g. fr,ar.
    #[arg(long, default_value = "fr")]
    pub languages: String,
    /// Topic ids the person is at ease with, e.g. famille-caf,impots.
    #[arg(long, default_value = "")]
    pub topics: String,
    /// Networks (names) the person belongs to; created if needed.
    #[arg(long, default_value = "")]
    pub networks: String,
    /// Give a coordinator the right to edit tutorials (administrators always have it).
    #[arg(long)]
    pub editor: bool,
}

pub fn split_list(s: &str) -> Vec<String> {
    s.split(',').map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect()
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://…@{}", &url[..s], &url[at + 1..]),
        _ => url.to_owned(),
    }
}
