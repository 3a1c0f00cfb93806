//! `relais import places` and `relais export places`: the directory on the command line.

use crate::cli::{ExportPlacesArgs, ImportPlacesArgs};
use anyhow::Context;
use relais_directory::import::{parse, Format};
use std::io::{IsTerminal, Write};

pub async fn import(args: ImportPlacesArgs) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let format = match &args.format {
        Some(name) => Format::from_name(name).ok_or_else(|| anyhow::anyhow!("--format {name:?}: use lmn-csv, lmn-json or data-inclusion"))?,
        None => Format::sniff(&bytes),
    };
    let report = parse(&bytes, format).map_err(|e| anyhow::anyhow!("{}: refused, nothing imported: {e}", args.file.display()))?;
    let mut out = std::io::stdout().lock();
    // data·inclusion numbers its two lists separately: the field says which one.
    let what = |field: &str| match field.split_once('.') {
        Some(("structures", _)) => "structure",
        Some(("services", _)) => "service",
        _ => "line",
    };
    // The reasons in English, from the same translation files as the import page.
    let english = relais_web::i18n::Tr::new(relais_web::i18n::Lang::En);
    for r in &report.rejected {
        writeln!(
            out,
            "rejected {} {} (id {}): {}: {}",
            what(&r.field),
            r.line,
            r.id.as_deref().unwrap_or("?"),
            r.field,
            relais_web::pages::places_import::reason_text(&english, &r.reason)
        )?;
    }
    let rejected_rows = {
        let mut lines: Vec<(&str, u64)> = report.rejected.iter().map(|r| (what(&r.field), r.line)).collect();
        lines.sort();
        lines.dedup();
        lines.len()
    };
    writeln!(out, "{} row(s) valid, {} row(s) rejected", report.accepted.len(), rejected_rows)?;
    if args.dry_run {
        writeln!(out, "dry run: nothing stored")?;
        return Ok(());
    }
    let store = crate::open_beside_server(&args.db).await?;
    // The bar goes to stderr and only on a terminal, so scripts and logs get plain lines.
    let bar = std::io::stderr().is_terminal().then(|| indicatif::ProgressBar::new(report.accepted.len() as u64));
    let tick = |n: u64| {
        if let Some(b) = &bar {
            b.set_position(n);
        }
    };
    let done = store.upsert_places(&report.accepted, relais_web::now_ms(), &tick).await.context("storing the places")?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    writeln!(out, "{} inserted, {} updated, {} unchanged", done.inserted, done.updated, done.unchanged)?;
    Ok(())
}

pub async fn export(args: ExportPlacesArgs) -> anyhow::Result<()> {
    let store = crate::open_beside_server(&args.db).await?;
    let places = store.places().await?;
    let text = match args.format.as_str() {
        "lmn-csv" => relais_directory::export::to_csv(&places),
        "lmn-json" => serde_json::to_string_pretty(&relais_directory::export::to_json(&places))? + "\n",
        "data-inclusion" => serde_json::to_string_pretty(&relais_directory::data_inclusion::to_json(&places))? + "\n",
        other => anyhow::bail!("--format {other:?}: use lmn-csv, lmn-json or data-inclusion"),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}
