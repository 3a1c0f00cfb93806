//! Demo data: a living line a newcomer can play every role in within a minute. Seeded only
//! into a database without accounts, so `serve --demo` can be run again safely.
//! Phone numbers come from the ranges ARCEP reserves for fiction (06 39 98 xx xx).

use relais_domain::authz::Role;
use relais_domain::lifecycle::Command;
use relais_domain::request::{AttemptResult, Channel, Outcome, Urgency};
use relais_domain::{MINUTE, topics::SEED};
use relais_store::{AccountStatus, NewHelpRequest, NewUser, Store};

pub const DEMO_PASSWORD: &str = "demo-relais-2026";

pub struct Login {
    pub role: &'static str,
    pub email: String,
    pub languages: String,
}

const VOLUNTEERS: &[(&str, &str, &[&str], &[&str])] = &[
    ("Amina", "Hubik Gironde", &["fr", "ar"], &["famille-caf", "declaration-en-ligne"]),
    ("Bruno", "La Poste", &["fr"], &["famille-visio", "equipement-connexion"]),
    ("Chloé", "Hinaura", &["fr", "en"], &["sante-ameli", "info-verifiee"]),
    ("Dmytro", "Hinaura", &["uk", "ru", "fr"], &["travail-emploi"]),
    ("Élise", "Hubik Gironde", &["fr", "es"], &["impots", "declaration-en-ligne"]),
    ("Farid", "La Poste", &["fr", "ar", "ber"], &["papiers-ants", "logement"]),
    ("Gaëlle", "Hinaura", &["fr"], &["ecole-ent", "courriel-comptes"]),
    ("Hugo", "Hubik Gironde", &["fr", "en"], &["securite-arnaques", "achats-en-ligne"]),
    ("Inès", "La Poste", &["fr", "pt"], &["famille-visio", "famille-caf"]),
    ("Jules", "Hinaura", &["fr", "de"], &["equipement-connexion", "courriel-comptes"]),
];

/// Sign-ups waiting for a coordinator's approval (name, network, languages, topics, hours a week).
const PENDING: &[(&str, &str, &[&str], &[&str], i64)] = &[
    ("Karim", "Hinaura", &["fr", "ar"], &["famille-caf"], 4),
    ("Léonie", "Hubik Gironde", &["fr", "en"], &["impots", "sante-ameli"], 2),
    ("Moussa", "La Poste", &["fr", "wo", "ff"], &["papiers-ants"], 6),
];

const LANGS: &[&str] = &["fr", "fr", "fr", "fr", "ar", "en", "fr", "uk", "es", "fr", "pt"];
const FIRST_NAMES: &[&str] = &["Marie", "Ahmed", "Jeanne", "Paul", "Fatou", "Nadia", "Louis", "Olga", "Rosa", "Yves", "Lina", "Sami"];
const NEEDS: &[&str] = &[
    "Je voudrais voir mes petits-enfants en vidéo.",
    "Je n'arrive pas à faire ma déclaration trimestrielle.",
    "Je ne sais pas si ce message est une arnaque.",
    "Mon ordinateur ne se connecte plus au wifi.",
    "Je dois renouveler ma carte d'identité.",
    "Je ne retrouve plus mon mot de passe Ameli.",
];

/// Seeds the demo if the database has no account; returns the logins (empty if not seeded).
pub async fn seed(store: &Store) -> anyhow::Result<Vec<Login>> {
    if store.count_users().await? > 0 {
        println!("The database already has accounts: demo data not loaded again.");
        return Ok(Vec::new());
    }
    let now = relais_web::now_ms();
    let mut logins = Vec::new();
    let mut nets = std::collections::HashMap::new();
    for name in ["Hubik Gironde", "Hinaura", "La Poste"] {
        nets.insert(name, store.ensure_network(name, now).await?.id);
    }
    let all_nets: Vec<i64> = nets.values().copied().collect();
    let admin = user(store, "admin@relais.test", "Admin", Role::Admin, &["fr", "en"], &[], all_nets.clone(), now).await?;
    logins.push(Login { role: "admin", email: admin.email.clone(), languages: "fr, en".into() });
    let coord = user(store, "coordination@relais.test", "Camille (coordination)", Role::Coordinator, &["fr", "en"], &[], vec![nets["Hinaura"], nets["Hubik Gironde"]], now).await?;
    logins.push(Login { role: "coordinator", email: coord.email.clone(), languages: "fr, en".into() });
    // Issue 6: a partner structure's account (sends requests on behalf of people, orients them).
    let partner = user(store, "ccas@relais.test", "CCAS de Chambéry (accueil)", Role::Partner, &["fr"], &[], vec![nets["Hinaura"]], now).await?;
    logins.push(Login { role: "partner", email: partner.email.clone(), languages: "fr".into() });
    let mut volunteers = Vec::new();
    for (name, net, langs, skills) in VOLUNTEERS {
        let email = format!("{}@relais.test", ascii(name));
        let v = user(store, &email, name, Role::Volunteer, langs, skills, vec![nets[net]], now).await?;
        logins.push(Login { role: "volunteer", email, languages: langs.join(", ") });
        volunteers.push(v);
    }

    // Badges given by the coordination, and a few sign-ups waiting for approval.
    let badges = store.badges().await?;
    let badge = |part: &str| badges.iter().find(|b| b.label.contains(part)).map(|b| b.id);
    for (volunteer, part) in [(0, "CAF"), (4, "impôts"), (8, "CAF"), (3, "France Travail")] {
        if let Some(b) = badge(part) {
            store.give_badge(volunteers[volunteer].id, b, coord.id, now).await?;
        }
    }
    for v in &volunteers {
        store.accept_charter(v.id, 1, now).await?;
    }
    for (name, net, langs, skills, hours) in PENDING {
        let email = format!("{}@relais.test", ascii(name));
        let p = store
            .create_user(
                &NewUser {
                    email,
                    display_name: (*name).to_owned(),
                    password: DEMO_PASSWORD.to_owned(),
                    role: Role::Volunteer,
                    status: AccountStatus::Pending,
                    languages: langs.iter().map(|s| s.to_string()).collect(),
                    topic_skills: skills.iter().map(|s| s.to_string()).collect(),
                    networks: vec![nets[net]],
                },
                now,
            )
            .await?;
        store
            .save_profile(
                p.id,
                &relais_store::people::ProfileUpdate {
                    languages: langs.iter().map(|s| s.to_string()).collect(),
                    topics: skills.iter().map(|s| s.to_string()).collect(),
                    max_hours_per_week: Some(*hours),
                    email_reminders: true,
                    email_appeals: true,
                    phone: None,
                    phone_visible_to: relais_domain::people::PhoneVisibility::Coordinators,
                },
            )
            .await?;
        store.accept_charter(p.id, 1, now).await?;
    }
    // Shifts for the coming weeks, with bookings over the first two so the coverage grid
    // (/coordination/couverture) shows full, partly covered and empty slots.
    store.generate_shifts(now, 8 * 7).await?;
    let two_weeks = store.shifts_between(now, now + 14 * relais_domain::DAY, 0).await?;
    for (i, shift) in two_weeks.iter().enumerate() {
        for k in 0..(i % 4) {
            let v = &volunteers[(i + 3 * k) % volunteers.len()];
            store.book_shift(shift.id, v.id, now).await?;
        }
    }

    // A little history: requests called back and closed earlier today, so figures and the
    // wait estimate have a basis.
    let policy = relais_domain::lifecycle::Policy::default();
    for i in 0..8 {
        let created = now - (50 - i as i64 * 5) * MINUTE;
        let req = store.create_request(&request(i, 100 + i), created).await?;
        let v = &volunteers[i % volunteers.len()];
        let t = created + (3 + i as i64) * MINUTE;
        store.transition(req.id, &Command::Claim { volunteer: v.id }, t, &policy, None).await?;
        store.transition(req.id, &Command::Attempt { volunteer: v.id, result: AttemptResult::Reached }, t + MINUTE, &policy, None).await?;
        let outcome = [Outcome::Resolved, Outcome::Oriented, Outcome::Resolved, Outcome::OutOfScope][i % 4];
        store
            .transition(req.id, &Command::Close { volunteer: v.id, outcome, follow_up_at: None }, t + 12 * MINUTE, &policy, Some("Démonstration"))
            .await?;
    }
    // The waiting queue.
    for i in 0..36 {
        store.create_request(&request(i, i), now - (36 - i as i64) * 4 * MINUTE).await?;
    }
    seed_places(store, now).await?;
    Ok(logins)
}

/// Real places for the directory: the Hinaura open-data file (687 places of digital mediation
/// in Auvergne-Rhône-Alpes, Licence Ouverte 2.0, see crates/relais-directory/tests/data/
/// SOURCES.md) through the same import path as `relais import places`, so `/lieux` answers
/// for "Chambéry", "Lyon" or "38000" out of the box.
async fn seed_places(store: &Store, now: i64) -> anyhow::Result<()> {
    const HINAURA: &[u8] = include_bytes!("../../relais-directory/tests/data/hinaura-lieux-mediation-numerique.json");
    let format = relais_directory::import::Format::sniff(HINAURA);
    let report = relais_directory::import::parse(HINAURA, format).map_err(|e| anyhow::anyhow!("demo places: {e}"))?;
    store.upsert_places(&report.accepted, now, &|_| {}).await?;
    // Two fictional social structures of Chambéry in the data·inclusion schema (the sample the
    // tests import; its invalid rows are left out), so that the social needs (food,
    // procedures…) are offered by /lieux too.
    const DATA_INCLUSION: &[u8] = include_bytes!("../../relais-directory/tests/data/data-inclusion-sample.json");
    let social = relais_directory::import::parse(DATA_INCLUSION, relais_directory::import::Format::DataInclusion)
        .map_err(|e| anyhow::anyhow!("demo social places: {e}"))?;
    store.upsert_places(&social.accepted, now, &|_| {}).await?;
    println!(
        "Demo directory: {} places (Hinaura open data) and {} social structures (fictional, data·inclusion schema) for /lieux.",
        report.accepted.len(),
        social.accepted.len()
    );
    Ok(())
}

fn request(i: usize, n: usize) -> NewHelpRequest {
    let topic = SEED[i % SEED.len()].id.to_owned();
    NewHelpRequest {
        channel: [Channel::Web, Channel::Phone, Channel::Phone, Channel::Sms, Channel::Referral][i % 5],
        phone: format!("+336399800{n:02}"),
        first_name: Some(FIRST_NAMES[i % FIRST_NAMES.len()].to_owned()),
        need: Some(NEEDS[i % NEEDS.len()].to_owned()),
        postcode: Some(["33000", "69003", "38000", "75011", "63000"][i % 5].to_owned()),
        topic,
        language: LANGS[i % LANGS.len()].to_owned(),
        callback_windows: vec![["morning", "afternoon", "evening"][i % 3].to_owned()],
        sms_consent: i % 2 == 0,
        urgency: if i % 9 == 4 { Urgency::Urgent } else { Urgency::Normal },
    }
}

#[allow(clippy::too_many_arguments)]
async fn user(store: &Store, email: &str, name: &str, role: Role, langs: &[&str], skills: &[&str], networks: Vec<i64>, now: i64) -> anyhow::Result<relais_store::User> {
    Ok(store
        .create_user(
            &NewUser {
                email: email.to_owned(),
                display_name: name.to_owned(),
                password: DEMO_PASSWORD.to_owned(),
                role,
                status: AccountStatus::Active,
                languages: langs.iter().map(|s| s.to_string()).collect(),
                topic_skills: skills.iter().map(|s| s.to_string()).collect(),
                networks,
            },
            now,
        )
        .await?)
}

fn ascii(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'é' | 'É' | 'è' => 'e',
            'ë' => 'e',
            'ï' => 'i',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

pub fn print_logins(logins: &[Login]) {
    if logins.is_empty() {
        return;
    }
    println!("\nDemo accounts (password for all: {DEMO_PASSWORD}):");
    for l in logins {
        println!("  {:<12} {:<28} languages: {}", l.role, l.email, l.languages);
    }
    println!();
}
