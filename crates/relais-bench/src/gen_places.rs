//! `relais-bench gen-places`: a directory of N places for `bench/places.sh`, drawn from the
//! real samples' distributions, plus the query set both Relais and PostgreSQL are asked.
//!
//! - **Profile** (services, hours, fees, publics, support and access modes, typology, address
//!   line, update date): copied whole from one Hinaura place picked at random (687 real
//!   places, upgraded to v1.0.2 by relais-directory), so the joint distribution of what a
//!   place offers and when it opens is the real one.
//! - **Name and presentation**: a real name (Hinaura or Gironde/Hubik, 1,034 names) and a real
//!   description (Gironde's `Description`, Hinaura's presentations), at random.
//! - **Commune**: half of the places in the commune of a random real place (the samples'
//!   own weighting: cities hold many places), half in a commune of the shipped communes data
//!   drawn by population (the national picture). Coordinates: the commune's centre plus a
//!   normal jitter whose spread grows with the population (0.5 km for a village, ~5 km for
//!   Lyon).
//! - **Queries** (`queries.tsv`, `paths.txt`): `near` as a postcode or a commune name (half of
//!   those typed folded, without accents), drawn like the places; `need` a service of the
//!   schema (40 %); `q` 1–2 words people type (30 %); `open_now` (25 %); radius 20 km
//!   (70 %), 10 or 50 km.
//! - **PostgreSQL copy** (`pg-places.csv`): the columns the equivalent SQL query needs
//!   (coordinates, services array, free flag, the searched text, opening hours as week-minute
//!   ranges for an `int4multirange`).

use anyhow::{Context, Result};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use relais_directory::communes::{communes, fold, Commune};
use relais_directory::Place;
use std::io::Write;
use std::path::Path;

pub struct GenArgs<'a> {
    pub n: usize,
    pub seed: u64,
    pub hinaura: &'a Path,
    pub gironde: &'a Path,
    pub out_dir: &'a Path,
    pub queries: usize,
}

/// Words people type in `q` (one or two of them per query).
const WORDS: &[&str] = &[
    "caf", "mairie", "france", "services", "médiathèque", "numérique", "emploi", "impôts", "espace", "centre", "social",
    "bibliothèque", "atelier", "cyber", "maison", "retraite", "santé", "jeunes", "informatique", "association",
];

fn gaussian(rng: &mut StdRng) -> f64 {
    // Box-Muller.
    let (u1, u2): (f64, f64) = (rng.random::<f64>().max(1e-12), rng.random::<f64>());
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// Picks an index with probability proportional to `weights` (cumulative, last = total).
fn weighted(rng: &mut StdRng, cumulative: &[f64]) -> usize {
    let x = rng.random::<f64>() * cumulative.last().copied().unwrap_or(0.0);
    cumulative.partition_point(|c| *c <= x).min(cumulative.len() - 1)
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn run(args: GenArgs) -> Result<()> {
    let mut rng = StdRng::seed_from_u64(args.seed);
    let all = communes();
    let hinaura_bytes = std::fs::read(args.hinaura).with_context(|| format!("reading {}", args.hinaura.display()))?;
    let templates = relais_directory::parse(&hinaura_bytes, relais_directory::Format::LmnJson)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.hinaura.display()))?
        .accepted;
    anyhow::ensure!(!templates.is_empty(), "no valid place in {}", args.hinaura.display());
    let gironde: Vec<serde_json::Value> = serde_json::from_slice(
        &std::fs::read(args.gironde).with_context(|| format!("reading {}", args.gironde.display()))?,
    )?;
    let mut names: Vec<String> = templates.iter().map(|p| p.nom.clone()).collect();
    let mut descriptions: Vec<String> =
        templates.iter().filter_map(|p| p.presentation_resume.clone().or_else(|| p.presentation_detail.clone())).collect();
    // The real places' communes (the samples' weighting: a commune appears once per place).
    let mut sample_communes: Vec<&Commune> =
        templates.iter().filter_map(|p| all.resolve(&p.code_postal).or_else(|| all.resolve(&p.commune))).collect();
    for g in &gironde {
        if let Some(n) = g["Lieu"].as_str().filter(|s| !s.trim().is_empty()) {
            names.push(n.trim().to_string());
        }
        if let Some(d) = g["Description"].as_str().filter(|s| !s.trim().is_empty()) {
            descriptions.push(d.trim().chars().take(280).collect());
        }
        if let Some(c) = g["Commune"].as_str().and_then(|c| all.resolve(c)) {
            sample_communes.push(c);
        }
    }
    let everyone: Vec<&Commune> = all.iter().collect();
    let mut cumulative = Vec::with_capacity(everyone.len());
    let mut total = 0.0;
    for c in &everyone {
        total += c.population as f64;
        cumulative.push(total);
    }
    let pick_commune = |rng: &mut StdRng| -> &Commune {
        if rng.random_bool(0.5) {
            sample_communes[rng.random_range(0..sample_communes.len())]
        } else {
            everyone[weighted(rng, &cumulative)]
        }
    };

    let mut places = Vec::with_capacity(args.n);
    for i in 0..args.n {
        let t = &templates[rng.random_range(0..templates.len())];
        let c = pick_commune(&mut rng);
        let spread_km = 0.5 + 2.0 * (c.population as f64 / 100_000.0).sqrt().min(2.5);
        let lat = (c.lat + gaussian(&mut rng) * spread_km / 111.19).clamp(-89.0, 89.0);
        let lon = (c.lon + gaussian(&mut rng) * spread_km / (111.19 * c.lat.to_radians().cos().max(0.1))).clamp(-179.0, 179.0);
        let name = &names[rng.random_range(0..names.len())];
        let nom = if fold(name).contains(&fold(&c.nom)) { name.clone() } else { format!("{name} – {}", c.nom) };
        let mut p = Place {
            id: format!("bench-{i:06}"),
            nom,
            commune: c.nom.clone(),
            code_postal: c.codes_postaux.first().cloned().unwrap_or_else(|| t.code_postal.clone()),
            code_insee: Some(c.code_insee.clone()),
            latitude: Some((lat * 1e6).round() / 1e6),
            longitude: Some((lon * 1e6).round() / 1e6),
            presentation_resume: rng.random_bool(0.6).then(|| descriptions[rng.random_range(0..descriptions.len())].clone()),
            presentation_detail: None,
            source: Some("relais-bench".into()),
            ..t.clone()
        };
        if p.code_postal.len() != 5 {
            p.code_postal = t.code_postal.clone();
        }
        places.push(p);
    }
    std::fs::create_dir_all(args.out_dir)?;
    // CSV, the schema's own form (and compact: JSON repeats 32 keys per place).
    let csv_text = relais_directory::export::to_csv(&places);
    std::fs::write(args.out_dir.join("places.csv"), &csv_text)?;
    // The file must import whole: checked here so a bad generator fails before timing.
    let report =
        relais_directory::parse(csv_text.as_bytes(), relais_directory::Format::LmnCsv).map_err(|e| anyhow::anyhow!("generated file: {e}"))?;
    anyhow::ensure!(report.rejected.is_empty(), "generated file has rejected rows: {:?}", &report.rejected[..report.rejected.len().min(3)]);

    write_pg_csv(&places, &args.out_dir.join("pg-places.csv"))?;

    // The query set: near drawn like the places, then the optional filters.
    let services = relais_directory::vocab::of_field("services").unwrap_or(&[]);
    let mut tsv = std::fs::File::create(args.out_dir.join("queries.tsv"))?;
    let mut paths = std::fs::File::create(args.out_dir.join("paths.txt"))?;
    writeln!(tsv, "k\tnear\tlat\tlon\tradius_km\tneed\tq\topen_now")?;
    for k in 1..=args.queries {
        let c = pick_commune(&mut rng);
        let near = match rng.random_range(0..4) {
            0 | 1 => c.codes_postaux.first().cloned().unwrap_or_else(|| c.nom.clone()),
            2 => c.nom.clone(),
            _ => fold(&c.nom),
        };
        let Some(origin) = all.resolve(&near) else { continue };
        let radius = match rng.random_range(0..20) {
            0..=13 => 20,
            14..=16 => 10,
            _ => 50,
        };
        let need = (rng.random_bool(0.4) && !services.is_empty()).then(|| services[rng.random_range(0..services.len())]);
        let q = rng.random_bool(0.3).then(|| {
            let a = WORDS[rng.random_range(0..WORDS.len())];
            if rng.random_bool(0.3) { format!("{a} {}", WORDS[rng.random_range(0..WORDS.len())]) } else { a.to_string() }
        });
        let open_now = rng.random_bool(0.25);
        writeln!(
            tsv,
            "{k}\t{near}\t{}\t{}\t{radius}\t{}\t{}\t{open_now}",
            origin.lat,
            origin.lon,
            need.unwrap_or(""),
            q.as_deref().unwrap_or("")
        )?;
        let mut path = format!("/api/v1/places?near={}&radius_km={radius}", url_encode(&near));
        if let Some(n) = need {
            path += &format!("&need={}", url_encode(n));
        }
        if let Some(q) = &q {
            path += &format!("&q={}", url_encode(q));
        }
        if open_now {
            path += "&open_now=true";
        }
        writeln!(paths, "{path}")?;
    }
    println!(
        "RESULT mode=gen-places places={} bytes={} queries={} communes_sampled={}",
        places.len(),
        csv_text.len(),
        args.queries,
        sample_communes.len()
    );
    Ok(())
}

/// One row per place: what the PostgreSQL side of the benchmark indexes.
fn write_pg_csv(places: &[Place], path: &Path) -> Result<()> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record(["id", "nom", "lat", "lon", "services", "free", "doc", "open_ranges"])?;
    for p in places {
        let services = format!(
            "{{{}}}",
            p.services.iter().map(|s| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))).collect::<Vec<_>>().join(",")
        );
        let doc = [Some(p.nom.as_str()), p.presentation_resume.as_deref(), p.presentation_detail.as_deref(), Some(p.commune.as_str())]
            .into_iter()
            .flatten()
            .chain(p.services.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" \n ");
        // Week minutes (Monday 00:00 = 0), as Relais reads the hours; empty: not readable.
        let ranges = p.horaires.as_deref().and_then(|h| relais_directory::hours::parse(h).ok()).map(|week| {
            let spans: Vec<String> = week
                .0
                .iter()
                .enumerate()
                .flat_map(|(d, spans)| spans.iter().map(move |(a, b)| format!("[{},{})", d as u32 * 1440 + *a as u32, d as u32 * 1440 + *b as u32)))
                .collect();
            format!("{{{}}}", spans.join(","))
        });
        w.write_record([
            p.id.clone(),
            p.nom.clone(),
            p.latitude.map(|v| v.to_string()).unwrap_or_default(),
            p.longitude.map(|v| v.to_string()).unwrap_or_default(),
            services,
            p.frais_a_charge.iter().any(|f| f == "Gratuit").to_string(),
            doc,
            ranges.unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
