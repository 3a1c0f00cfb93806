//! `relais-bench seed-shifts`: a SQLite database for the coverage benchmark — a coordinator,
//! V volunteers, the shifts of the coming W weeks generated from the default service hours
//! by relais-store itself, bookings spread over them, and one volunteer with a booking on
//! every shift of the weekdays (cancelled one time in five) and a known calendar-feed token.
//!
//! Accounts are inserted in one transaction with one password hash computed once (hashing
//! 2,000 passwords with Argon2id would take minutes and measure nothing of interest).

use anyhow::{Context, Result};
use rand::Rng;
use relais_store::Store;
use sqlx::sqlite::SqlitePoolOptions;
use std::path::Path;

pub struct SeedArgs<'a> {
    pub data_dir: &'a Path,
    pub volunteers: u32,
    pub weeks: u16,
    pub password: &'a str,
    pub feed_token: &'a str,
    pub wanted: u32,
}

pub async fn seed(args: SeedArgs<'_>) -> Result<()> {
    std::fs::create_dir_all(args.data_dir)?;
    let file = args.data_dir.join("relais.db");
    for suffix in ["", "-wal", "-shm"] {
        let p = format!("{}{suffix}", file.display());
        if Path::new(&p).exists() {
            std::fs::remove_file(&p)?;
        }
    }
    let url = format!("sqlite://{}", file.display());
    let store = Store::connect(&url).await?;
    store.migrate().await?;
    let now = crate::now_ms();
    let hash = relais_store::password::hash(args.password);
    let pool = SqlitePoolOptions::new().max_connections(1).connect(&url).await?;
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE settings SET value = $1 WHERE key = 'schedule.default_wanted'")
        .bind(args.wanted.to_string())
        .execute(&mut *tx)
        .await?;
    let insert = "INSERT INTO users (email, display_name, password_hash, role, status, languages, topic_skills, on_duty, created_at) \
                  VALUES ($1, $2, $3, $4, 'active', ',fr,', '', FALSE, $5)";
    for (email, name, role) in [("coord@bench.test", "Coordination", "admin"), ("feed@bench.test", "Feed", "volunteer")] {
        sqlx::query(insert).bind(email).bind(name).bind(&hash).bind(role).bind(now).execute(&mut *tx).await?;
    }
    for i in 1..=args.volunteers {
        sqlx::query(insert)
            .bind(format!("v{i}@bench.test"))
            .bind(format!("Bénévole {i}"))
            .bind(&hash)
            .bind("volunteer")
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let generated = store.generate_shifts(now, args.weeks * 7).await?;
    let shifts: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, starts_at FROM shifts WHERE NOT withdrawn ORDER BY starts_at").fetch_all(&pool).await?;
    let users: Vec<(i64, String)> = sqlx::query_as("SELECT id, email FROM users").fetch_all(&pool).await?;
    let feed_user = users.iter().find(|(_, e)| e == "feed@bench.test").context("feed user")?.0;
    let mut rng = rand::rng();
    let mut tx = pool.begin().await?;
    let mut bookings = 0u64;
    let per_week = (shifts.len() as f64 / f64::from(args.weeks.max(1))).max(1.0);
    for (uid, email) in &users {
        if !email.starts_with('v') {
            continue;
        }
        // About one volunteer in four books one shift a week.
        for w in 0..args.weeks {
            if rng.random_range(0..4) != 0 {
                continue;
            }
            let i = (f64::from(w) * per_week) as usize + rng.random_range(0..per_week as usize);
            let Some((sid, _)) = shifts.get(i) else { continue };
            sqlx::query("INSERT INTO shift_bookings (shift_id, user_id, booked_at) VALUES ($1, $2, $3)")
                .bind(sid)
                .bind(uid)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            bookings += 1;
        }
    }
    for (k, (sid, _)) in shifts.iter().enumerate().filter(|(k, _)| k % 5 == 0) {
        let cancelled = (k / 5) % 5 == 4;
        sqlx::query("INSERT INTO shift_bookings (shift_id, user_id, booked_at, cancelled_at) VALUES ($1, $2, $3, $4)")
            .bind(sid)
            .bind(feed_user)
            .bind(now)
            .bind(cancelled.then_some(now + 1000))
            .execute(&mut *tx)
            .await?;
        bookings += 1;
    }
    tx.commit().await?;
    store.replace_calendar_token(feed_user, args.feed_token, now).await?;
    pool.close().await;
    store.close().await;
    println!(
        "RESULT volunteers={} shifts={} bookings={bookings} generated={generated} weeks={}",
        args.volunteers,
        shifts.len(),
        args.weeks
    );
    Ok(())
}
