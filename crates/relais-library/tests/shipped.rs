//! Tests over the content shipped in the binary: the content rules, and the search evaluation.

use std::time::Instant;

use relais_library::search::{Query, SearchIndex};
use relais_library::{Lang, Library};
use serde::Deserialize;

fn shipped() -> Library {
    match Library::embedded() {
        Ok(library) => library,
        Err(e) => panic!("shipped content does not load:\n{}", e.0.iter().map(|p| format!("  {p}\n")).collect::<String>()),
    }
}

/// The content check of the test suite: every rule of `relais_library::check` over every
/// shipped file; the failure lists all problems at once.
#[test]
fn content_check_shipped_content_has_no_problem() {
    let library = shipped();
    let problems = library.check();
    assert!(
        problems.is_empty(),
        "{} content problem(s):\n{}",
        problems.len(),
        problems.iter().map(|p| format!("  {p}\n")).collect::<String>()
    );
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Evaluation {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    q: String,
    slug: String,
    lang: Option<String>,
}

/// hit@1 and hit@3 over `content/search/evaluation.toml`; fails below hit@3 = 0.90.
#[test]
fn evaluation_hit_at_3_at_least_90_percent() {
    let library = shipped();
    let source = library.evaluation_source().expect("content/search/evaluation.toml is shipped");
    let evaluation: Evaluation = toml::from_str(source).expect("evaluation.toml parses");
    assert!(evaluation.case.len() >= 70, "at least 70 phrasings");
    let slugs = library.slugs();
    let unknown: Vec<&str> = evaluation.case.iter().map(|c| c.slug.as_str()).filter(|s| !slugs.contains(s)).collect();

    let started = Instant::now();
    let index = SearchIndex::build(library.tutorials()).expect("index builds");
    println!("index of {} files built in {:?}", index.len(), started.elapsed());

    let (mut at1, mut at3) = (0, 0);
    let mut misses = Vec::new();
    let mut timings = Vec::new();
    for case in &evaluation.case {
        let lang = Lang::from_code(case.lang.as_deref().unwrap_or("fr")).expect("lang is fr, en or ar");
        let started = Instant::now();
        let hits = index.search(&Query { text: &case.q, lang: Some(lang), topic: None, limit: 3 });
        timings.push(started.elapsed());
        let rank = hits.iter().position(|h| h.slug == case.slug);
        match rank {
            Some(0) => {
                at1 += 1;
                at3 += 1;
            }
            Some(_) => at3 += 1,
            None => {}
        }
        if rank != Some(0) {
            let got: Vec<String> = hits.iter().map(|h| format!("{} ({:.2})", h.slug, h.score)).collect();
            misses.push(format!(
                "  {} « {} » → want {}, got [{}]",
                if rank.is_some() { "top3" } else { "MISS" },
                case.q,
                case.slug,
                got.join(", ")
            ));
        }
    }
    timings.sort();
    let n = evaluation.case.len();
    let (hit1, hit3) = (at1 as f64 / n as f64, at3 as f64 / n as f64);
    println!("{}", misses.join("\n"));
    println!(
        "evaluation: {n} phrasings, hit@1 = {hit1:.3} ({at1}/{n}), hit@3 = {hit3:.3} ({at3}/{n}); query time median {:?}, max {:?}",
        timings[n / 2],
        timings[n - 1]
    );
    if !unknown.is_empty() {
        println!("phrasings whose tutorial is not shipped yet: {unknown:?}");
    }
    assert!(hit3 >= 0.90, "hit@3 = {hit3:.3} < 0.90");
}
