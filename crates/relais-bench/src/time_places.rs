//! `relais-bench time-places`: each query of a generated query set timed in-process against
//! the directory's search (no HTTP), to see which queries make the p99 of `bench/places.sh`
//! and where their time goes (commune resolution or the search itself). Diagnosis only:
//! the figures of record are the HTTP ones from a second process.

use anyhow::{Context, Result};
use relais_directory::import::{parse, Format};
use relais_directory::search::{Directory, Query};
use std::path::Path;
use std::time::Instant;

pub struct TimeArgs<'a> {
    pub places: &'a Path,
    pub paths: &'a Path,
    /// Paris instant the searches are made at (RFC 3339); `None`: now.
    pub at: Option<&'a str>,
    pub repeat: usize,
    pub top: usize,
}

pub fn run(args: TimeArgs) -> Result<()> {
    let bytes = std::fs::read(args.places).with_context(|| format!("reading {}", args.places.display()))?;
    let t = Instant::now();
    let report = parse(&bytes, Format::LmnCsv).map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("parsed {} places in {:.2} s", report.accepted.len(), t.elapsed().as_secs_f64());
    let t = Instant::now();
    let dir = Directory::new(report.accepted);
    println!("index built in {:.2} s", t.elapsed().as_secs_f64());
    let now: jiff::Timestamp = match args.at {
        Some(s) => s.parse().context("--at")?,
        None => jiff::Timestamp::now(),
    };
    let text = std::fs::read_to_string(args.paths)?;
    let mut rows: Vec<(f64, f64, usize, String)> = Vec::new();
    for path in text.lines().filter(|l| !l.trim().is_empty()) {
        let url = reqwest::Url::parse(&format!("http://x{path}"))?;
        let mut q = Query { origin: None, radius_km: 20.0, need: None, q: None, open_now: false, free: false, now, limit: 50 };
        let mut near = None;
        for (k, v) in url.query_pairs() {
            match &*k {
                "near" => near = Some(v.to_string()),
                "need" => q.need = relais_directory::vocab::topic_service(&v).map(|s| s.map(str::to_string)).unwrap_or(Some(v.to_string())),
                "q" => q.q = Some(v.to_string()),
                "open_now" => q.open_now = v == "true",
                "free" => q.free = v == "true",
                "radius_km" => q.radius_km = v.parse()?,
                _ => {}
            }
        }
        let (mut best_resolve, mut best_search, mut hits) = (f64::MAX, f64::MAX, 0);
        for _ in 0..args.repeat {
            let t = Instant::now();
            q.origin = near.as_deref().and_then(|n| relais_directory::communes::communes().resolve(n)).map(|c| (c.lat, c.lon));
            let r = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            hits = dir.search(&q).len();
            let s = t.elapsed().as_secs_f64() * 1e3;
            best_resolve = best_resolve.min(r);
            best_search = best_search.min(s);
        }
        rows.push((best_resolve, best_search, hits, path.to_string()));
    }
    let mut totals: Vec<f64> = rows.iter().map(|r| r.0 + r.1).collect();
    totals.sort_by(f64::total_cmp);
    let pct = |p: f64| totals[((totals.len() as f64 - 1.0) * p).round() as usize];
    println!("{} queries, best of {} each: median {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, max {:.3} ms", totals.len(), args.repeat, pct(0.5), pct(0.9), pct(0.99), pct(1.0));
    rows.sort_by(|a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
    println!("slowest (resolve ms, search ms, hits, path):");
    for (r, s, h, p) in rows.iter().take(args.top) {
        println!("{r:8.3} {s:8.3} {h:4} {p}");
    }
    Ok(())
}
