//! Import of places in the LMN schema v1.0.2, CSV or JSON, validated row by row.
//!
//! A file-level fault (not UTF-8, not CSV/JSON, a required column missing, too large) rejects
//! the whole file: nothing from it may be stored. Otherwise each row is either accepted as a
//! [`Place`] or reported in [`Rejected`] with its line (CSV: physical line of the record;
//! JSON: position of the object in the array, 1-based), the field and the reason.

use crate::legacy;
use crate::model::{Place, MULTI, REQUIRED};
pub use crate::reason::Reason;
use crate::vocab;
use std::collections::HashMap;

/// Largest file accepted (bytes): the import is held in memory and applied in one go.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    LmnCsv,
    LmnJson,
    /// data·inclusion v1 JSON (`{"structures": […], "services": […]}`), see `data_inclusion`.
    DataInclusion,
}

impl Format {
    /// From a `--format` value, or guessed from the first non-blank byte (`[` is JSON).
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "lmn-csv" | "csv" => Some(Format::LmnCsv),
            "lmn-json" | "json" => Some(Format::LmnJson),
            "data-inclusion" => Some(Format::DataInclusion),
            _ => None,
        }
    }
    pub fn sniff(bytes: &[u8]) -> Format {
        let first = bytes.iter().copied().skip_while(|b| b.is_ascii_whitespace() || *b == 0xEF || *b == 0xBB || *b == 0xBF).next();
        // An object (not an array) is data·inclusion's `{"structures": …, "services": …}`.
        match first {
            Some(b'{') => Format::DataInclusion,
            Some(b'[') => Format::LmnJson,
            _ => Format::LmnCsv,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("the file is {0} bytes, more than the {MAX_BYTES} accepted; split it")]
    TooLarge(usize),
    #[error("line {line}: the file is not UTF-8 text (save it as UTF-8)")]
    Encoding { line: u64 },
    #[error("line {line}: not valid CSV: {reason}")]
    Csv { line: u64, reason: String },
    #[error("line {line}: {found} fields where the header has {expected}")]
    FieldCount { line: u64, found: u64, expected: u64 },
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("the JSON must be an array of objects (one per place)")]
    JsonShape,
    #[error("data·inclusion: the JSON must be an object {{\"structures\": […], \"services\": […]}} or an array of structures")]
    DataInclusionShape,
    #[error("missing required column(s): {}", .0.join(", "))]
    MissingColumns(Vec<String>),
}

/// One rejected row: where, which field, why (a [`Reason`], rendered by the caller in its
/// reader's language).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rejected {
    pub line: u64,
    pub id: Option<String>,
    pub field: String,
    pub reason: Reason,
}

#[derive(Debug, Default)]
pub struct ImportReport {
    pub accepted: Vec<Place>,
    pub rejected: Vec<Rejected>,
}

/// Parses and validates a whole file.
pub fn parse(bytes: &[u8], format: Format) -> Result<ImportReport, FileError> {
    if bytes.len() > MAX_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Rows are decoded and checked on every core (pure work, order kept), then the ids
    // compared in order. A CSV record becomes its row and its place in one step, so the rows
    // of the whole file never sit in memory all at once.
    let checked: Vec<(u64, Result<Place, Vec<Rejected>>)> = match format {
        Format::LmnCsv => {
            let (names, records) = csv_records(bytes)?;
            let checked = crate::parallel::map(records, |(line, rec)| Ok((line, check_row(csv_row(&names, line, &rec)?))));
            // In order, so the error reported is the first bad line's.
            checked.into_iter().collect::<Result<_, FileError>>()?
        }
        Format::LmnJson => crate::parallel::map(json_rows(bytes)?, |(line, row)| (line, check_row(row))),
        Format::DataInclusion => return crate::data_inclusion::parse(bytes),
    };
    let mut report = ImportReport::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, outcome) in checked {
        match outcome {
            Ok(place) => {
                if let Some(first) = seen.insert(place.id.clone(), line) {
                    report.rejected.push(Rejected {
                        line,
                        id: Some(place.id),
                        field: "id".into(),
                        reason: Reason::new("same-id-line").with("first", first),
                    });
                    continue;
                }
                report.accepted.push(place);
            }
            Err(errs) => report.rejected.extend(errs.into_iter().map(|e| Rejected { line, ..e })),
        }
    }
    Ok(report)
}

/// One row on its own: upgraded from the legacy layout if it is in it, then validated. The
/// rejections carry no line yet.
fn check_row(row: Row) -> Result<Place, Vec<Rejected>> {
    let row = if legacy::is_legacy(&row) {
        // A legacy row that cannot be upgraded has no id to report.
        legacy::upgrade(row).map_err(|errs| errs.into_iter().map(|e| Rejected { id: None, ..e }).collect::<Vec<_>>())?
    } else {
        row
    };
    validate(&row)
}

pub(crate) type Row = HashMap<String, String>;

/// The header's names and every record with its line, cut in order (quotes may span lines);
/// required columns checked.
fn csv_records(bytes: &[u8]) -> Result<(Vec<String>, Vec<(u64, csv::ByteRecord)>), FileError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let header = rdr.byte_headers().map_err(|e| csv_error(&e))?.clone();
    let mut names = Vec::with_capacity(header.len());
    for h in header.iter() {
        names.push(std::str::from_utf8(h).map_err(|_| FileError::Encoding { line: 1 })?.trim().to_string());
    }
    let missing: Vec<String> = REQUIRED.iter().filter(|r| !names.iter().any(|n| n == *r)).map(|s| s.to_string()).collect();
    if !missing.is_empty() {
        return Err(FileError::MissingColumns(missing));
    }
    let mut records = Vec::new();
    loop {
        let mut rec = csv::ByteRecord::new();
        let line = rdr.position().line();
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(&e)),
        }
        let line = rec.position().map(|p| p.line()).unwrap_or(line);
        records.push((line, rec));
    }
    Ok((names, records))
}

/// One record as a row (field name → text), or the encoding fault of its line.
fn csv_row(names: &[String], line: u64, rec: &csv::ByteRecord) -> Result<Row, FileError> {
    let mut row = Row::with_capacity(names.len());
    for (name, value) in names.iter().zip(rec.iter()) {
        let v = std::str::from_utf8(value).map_err(|_| FileError::Encoding { line })?;
        row.insert(name.clone(), v.to_string());
    }
    Ok(row)
}

fn csv_error(e: &csv::Error) -> FileError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => FileError::Encoding { line },
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            FileError::FieldCount { line, found: *len, expected: *expected_len }
        }
        _ => FileError::Csv { line, reason: e.to_string() },
    }
}

fn json_rows(bytes: &[u8]) -> Result<Vec<(u64, Row)>, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() as u64;
        FileError::Encoding { line }
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| FileError::Json(e.to_string()))?;
    let serde_json::Value::Array(items) = value else { return Err(FileError::JsonShape) };
    let mut rows = Vec::with_capacity(items.len());
    let mut any_key = std::collections::HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let serde_json::Value::Object(obj) = item else { return Err(FileError::JsonShape) };
        let mut row = Row::new();
        for (k, v) in obj {
            let s = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) => s,
                serde_json::Value::Array(a) => a.iter().map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string())).collect::<Vec<_>>().join("|"),
                other => other.to_string(),
            };
            any_key.insert(k.clone());
            row.insert(k, s);
        }
        rows.push((i as u64 + 1, row));
    }
    // A file where no object has a required key is not in this schema at all (e.g. a hub's
    // own layout): say so once rather than rejecting every row.
    if !rows.is_empty() {
        let missing: Vec<String> = REQUIRED.iter().filter(|r| !any_key.contains(**r)).map(|s| s.to_string()).collect();
        if !missing.is_empty() {
            return Err(FileError::MissingColumns(missing));
        }
    }
    Ok(rows)
}

pub(crate) fn reject(field: &str, reason: Reason) -> Rejected {
    Rejected { line: 0, id: None, field: field.into(), reason }
}

/// Validates one row against the schema's constraints.
pub fn validate(row: &HashMap<String, String>) -> Result<Place, Vec<Rejected>> {
    let mut errs = Vec::new();
    let get = |f: &str| row.get(f).map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
    for f in REQUIRED {
        if get(f).is_none() {
            errs.push(reject(f, Reason::new("required")));
        }
    }
    let id = get("id");
    let pivot = get("pivot").unwrap_or_default();
    if !pivot.is_empty() && !((9..=14).contains(&pivot.len()) && pivot.chars().all(|c| c.is_ascii_alphanumeric())) {
        errs.push(reject("pivot", Reason::value("not-pivot", &pivot)));
    }
    let code_postal = get("code_postal").unwrap_or_default();
    if !code_postal.is_empty() && !(code_postal.len() == 5 && code_postal.bytes().all(|b| b.is_ascii_digit())) {
        errs.push(reject("code_postal", Reason::value("not-postcode", &code_postal)));
    }
    let code_insee = get("code_insee");
    if let Some(c) = &code_insee {
        if !valid_insee(c) {
            errs.push(reject("code_insee", Reason::value("not-insee", c)));
        }
    }
    let coord = |f: &str, max: f64, errs: &mut Vec<Rejected>| -> Option<f64> {
        let s = get(f)?;
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= max => Some(v),
            Ok(_) => {
                errs.push(reject(f, Reason::value("out-of-range", &s).with("max", max)));
                None
            }
            Err(_) => {
                errs.push(reject(f, Reason::value("not-number", &s)));
                None
            }
        }
    };
    let latitude = coord("latitude", 90.0, &mut errs);
    let longitude = coord("longitude", 180.0, &mut errs);
    if latitude.is_some() != longitude.is_some() && errs.iter().all(|e| e.field != "latitude" && e.field != "longitude") {
        errs.push(reject(if latitude.is_some() { "longitude" } else { "latitude" }, Reason::new("coordinates-pair")));
    }
    let telephone = get("telephone");
    if let Some(t) = &telephone {
        if !valid_phone(t) {
            errs.push(reject("telephone", Reason::value("not-phone", t)));
        }
    }
    let date_maj = get("date_maj").unwrap_or_default();
    if !date_maj.is_empty() && !valid_date(&date_maj) {
        errs.push(reject("date_maj", Reason::value("not-date", &date_maj)));
    }
    let mut multi: HashMap<&str, Vec<String>> = HashMap::new();
    for f in MULTI {
        let values: Vec<String> = get(f).map(|s| s.split('|').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect()).unwrap_or_default();
        let mut out = Vec::with_capacity(values.len());
        for v in values {
            if vocab::of_field(f).is_some() {
                match vocab::canonical(f, &v) {
                    Some(c) => out.push(c.to_string()),
                    None => errs.push(reject(f, Reason::value("not-in-list", &v))),
                }
            } else {
                out.push(v);
            }
        }
        multi.insert(f, out);
    }
    if !errs.is_empty() {
        for e in &mut errs {
            e.id = id.clone();
        }
        return Err(errs);
    }
    let mut m = |f: &str| multi.remove(f).unwrap_or_default();
    Ok(Place {
        id: id.unwrap_or_default(),
        pivot,
        nom: get("nom").unwrap_or_default(),
        commune: get("commune").unwrap_or_default(),
        code_postal,
        code_insee,
        adresse: get("adresse").unwrap_or_default(),
        complement_adresse: get("complement_adresse"),
        latitude,
        longitude,
        typologie: m("typologie"),
        telephone,
        courriels: m("courriels"),
        site_web: m("site_web"),
        horaires: get("horaires"),
        presentation_resume: get("presentation_resume"),
        presentation_detail: get("presentation_detail"),
        source: get("source"),
        itinerance: m("itinerance"),
        structure_parente: get("structure_parente"),
        date_maj,
        services: m("services"),
        publics_specifiquement_adresses: m("publics_specifiquement_adresses"),
        prise_en_charge_specifique: m("prise_en_charge_specifique"),
        frais_a_charge: m("frais_a_charge"),
        dispositif_programmes_nationaux: m("dispositif_programmes_nationaux"),
        formations_labels: m("formations_labels"),
        autres_formations_labels: get("autres_formations_labels"),
        modalites_acces: m("modalites_acces"),
        modalites_accompagnement: m("modalites_accompagnement"),
        fiche_acces_libre: get("fiche_acces_libre"),
        prise_rdv: get("prise_rdv"),
        data_inclusion: None,
    })
}

/// `^([013-9]\d|2[AB1-9])\d{3}$`
fn valid_insee(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 5
        && match (b[0], b[1]) {
            (b'2', x) => matches!(x, b'A' | b'B' | b'1'..=b'9'),
            (a, x) => a.is_ascii_digit() && x.is_ascii_digit(),
        }
        && b[2..].iter().all(|d| d.is_ascii_digit())
}

/// `^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$`
fn valid_phone(t: &str) -> bool {
    ["+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681"].iter().any(|p| {
        t.strip_prefix(p).is_some_and(|rest| (6..=9).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit()))
    })
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let (Some(y), Some(m), Some(day)) = (num(&d[0..4]), num(&d[5..7]), num(&d[8..10])) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m) && day >= 1 && day <= dim[(m - 1) as usize]
}

pub(crate) fn valid_date_pub(d: &str) -> bool {
    valid_date(d)
}

pub(crate) fn valid_phone_pub(t: &str) -> bool {
    valid_phone(t)
}
