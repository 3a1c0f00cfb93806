//! data·inclusion v1 structures and services → places, checked object by object.

use super::vocab::{vocabularies, THEMATIQUE_SERVICE};
use crate::import::{validate, FileError, ImportReport, Reason, Rejected, MAX_BYTES};
use crate::model::Place;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// The two lists of a data·inclusion file. Accepted shapes: `{"structures": […],
/// "services": […]}` (either list may be missing) or a bare array of structures.
pub fn lists(bytes: &[u8]) -> Result<(Vec<Value>, Vec<Value>), FileError> {
    if bytes.len() > MAX_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() as u64 + 1;
        return Err(FileError::Encoding { line });
    }
    let v: Value = serde_json::from_slice(bytes).map_err(|e| FileError::Json(e.to_string()))?;
    let list = |v: Option<&Value>| -> Result<Vec<Value>, FileError> {
        match v {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(a)) => Ok(a.clone()),
            Some(_) => Err(FileError::DataInclusionShape),
        }
    };
    match &v {
        Value::Array(a) => Ok((a.clone(), Vec::new())),
        Value::Object(o) if o.contains_key("structures") || o.contains_key("services") => {
            Ok((list(o.get("structures"))?, list(o.get("services"))?))
        }
        _ => Err(FileError::DataInclusionShape),
    }
}

pub fn parse(bytes: &[u8]) -> Result<ImportReport, FileError> {
    let (structures, services) = lists(bytes)?;
    let mut report = ImportReport::default();
    // Services first: each is checked alone, then attached to its structure.
    let mut by_structure: HashMap<String, Vec<(u64, Value)>> = HashMap::new();
    let mut service_ids: HashMap<String, u64> = HashMap::new();
    for (i, s) in services.into_iter().enumerate() {
        let line = i as u64 + 1;
        let id = s.get("id").and_then(Value::as_str).map(str::to_string);
        let errs = check_service(&s);
        if !errs.is_empty() {
            report.rejected.extend(errs.into_iter().map(|(field, reason)| Rejected { line, id: id.clone(), field, reason }));
            continue;
        }
        let id = id.unwrap_or_default();
        if let Some(first) = service_ids.insert(id.clone(), line) {
            report.rejected.push(Rejected { line, id: Some(id), field: "services.id".into(), reason: Reason::new("same-id-service").with("first", first) });
            continue;
        }
        let sid = s["structure_id"].as_str().unwrap_or_default().to_string();
        by_structure.entry(sid).or_default().push((line, s));
    }
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut placed: HashSet<String> = HashSet::new();
    for (i, st) in structures.into_iter().enumerate() {
        let line = i as u64 + 1;
        let id = st.get("id").and_then(Value::as_str).map(str::to_string);
        let mut errs = check_structure(&st);
        if let Some(id) = &id {
            if let Some(first) = seen.get(id) {
                errs.push(("structures.id".into(), Reason::new("same-id-structure").with("first", first)));
            }
        }
        let services: Vec<Value> = id.as_ref().and_then(|id| by_structure.get(id)).map(|v| v.iter().map(|(_, s)| s.clone()).collect()).unwrap_or_default();
        let place = if errs.is_empty() { to_place(&st, &services).map_err(|e| errs.extend(e)).ok() } else { None };
        match place {
            Some(p) => {
                seen.insert(p.id.clone(), line);
                placed.insert(p.id.clone());
                report.accepted.push(p);
            }
            None => report.rejected.extend(errs.into_iter().map(|(field, reason)| Rejected { line, id: id.clone(), field, reason })),
        }
    }
    // A service whose structure is not in the file (or was rejected) has nowhere to go.
    let mut orphans: Vec<(u64, String, String)> = by_structure
        .iter()
        .filter(|(sid, _)| !placed.contains(*sid))
        .flat_map(|(sid, list)| list.iter().map(move |(line, s)| (*line, s["id"].as_str().unwrap_or_default().to_string(), sid.clone())))
        .collect();
    orphans.sort();
    for (line, id, sid) in orphans {
        report.rejected.push(Rejected {
            line,
            id: Some(id),
            field: "services.structure_id".into(),
            reason: Reason::value("unknown-structure", &sid),
        });
    }
    Ok(report)
}

fn str_of<'a>(o: &'a Map<String, Value>, f: &str) -> Option<&'a str> {
    o.get(f).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

/// Common checks of the fields the two objects share. `prefix` is `structures` or `services`.
fn check_common(v: &Value, prefix: &str, required: &[&str]) -> Vec<(String, Reason)> {
    let mut errs = Vec::new();
    let Some(o) = v.as_object() else {
        return vec![(prefix.to_string(), Reason::new("not-object"))];
    };
    let field = |f: &str| format!("{prefix}.{f}");
    for f in required {
        if str_of(o, f).is_none() {
            errs.push((field(f), Reason::new("required")));
        }
    }
    const STRINGS: &[&str] = &[
        "id", "source", "nom", "date_maj", "adresse", "complement_adresse", "commune", "code_postal", "code_insee",
        "telephone", "courriel", "horaires_accueil", "description", "siret", "site_web", "lien_source",
        "accessibilite_lieu", "structure_id", "lien_mobilisation", "conditions_acces", "contact_nom_prenom",
        "frais_precisions", "mobilisation_precisions", "publics_precisions", "type", "frais",
    ];
    for f in STRINGS {
        if let Some(x) = o.get(*f) {
            if !(x.is_null() || x.is_string()) {
                errs.push((field(f), Reason::new("not-string")));
            }
        }
    }
    if let Some(n) = str_of(o, "nom") {
        let len = n.chars().count();
        if !(3..=150).contains(&len) {
            errs.push((field("nom"), Reason::new("length").with("len", len).with("min", 3).with("max", 150)));
        }
    }
    if let Some(d) = str_of(o, "date_maj") {
        if !crate::import::valid_date_pub(d) {
            errs.push((field("date_maj"), Reason::value("not-date", d)));
        }
    }
    if let Some(c) = str_of(o, "code_postal") {
        if !(c.len() == 5 && c.bytes().all(|b| b.is_ascii_digit())) {
            errs.push((field("code_postal"), Reason::value("not-postcode", c)));
        }
    }
    if let Some(c) = str_of(o, "code_insee") {
        if !(c.chars().count() == 5 && c.chars().all(|ch| ch.is_alphanumeric() || ch == '_')) {
            errs.push((field("code_insee"), Reason::value("not-insee", c)));
        }
    }
    if let Some(c) = str_of(o, "courriel") {
        if !plain_email(c) {
            errs.push((field("courriel"), Reason::value("not-email", c)));
        }
    }
    for f in ["site_web", "lien_source", "accessibilite_lieu", "lien_mobilisation"] {
        if let Some(u) = str_of(o, f) {
            if !plain_url(u) {
                errs.push((field(f), Reason::value("not-url", u)));
            }
        }
    }
    for (f, max) in [("latitude", 90.0), ("longitude", 180.0)] {
        match o.get(f) {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) if n.as_f64().is_some_and(|x| x.abs() <= max) => {}
            Some(x) => errs.push((field(f), Reason::value("not-number-within", x).with("max", max))),
        }
    }
    errs
}

/// A list of values of a referential: an array of distinct known strings, or null.
fn check_list(o: &Map<String, Value>, prefix: &str, f: &str, vocab: &HashSet<String>, errs: &mut Vec<(String, Reason)>) {
    match o.get(f) {
        None | Some(Value::Null) => {}
        Some(Value::Array(a)) => {
            let mut seen = HashSet::new();
            for x in a {
                match x.as_str() {
                    Some(s) if vocab.contains(s) => {
                        if !seen.insert(s) {
                            errs.push((format!("{prefix}.{f}"), Reason::value("listed-twice", s)));
                        }
                    }
                    Some(s) => errs.push((format!("{prefix}.{f}"), Reason::value("not-in-di-list", s))),
                    None => errs.push((format!("{prefix}.{f}"), Reason::value("item-not-string", x))),
                }
            }
        }
        Some(_) => errs.push((format!("{prefix}.{f}"), Reason::new("not-a-list"))),
    }
}

fn check_structure(v: &Value) -> Vec<(String, Reason)> {
    let mut errs = check_common(v, "structures", &["source", "id", "nom", "date_maj"]);
    if let Some(o) = v.as_object() {
        if let Some(s) = str_of(o, "siret") {
            if !(s.len() == 14 && s.bytes().all(|b| b.is_ascii_digit())) {
                errs.push(("structures.siret".into(), Reason::value("not-siret", s)));
            }
        }
        if let Some(d) = str_of(o, "description") {
            let len = d.chars().count();
            if !(5..=10000).contains(&len) {
                errs.push(("structures.description".into(), Reason::new("length").with("len", len).with("min", 5).with("max", 10000)));
            }
        }
        check_list(o, "structures", "reseaux_porteurs", &vocabularies().reseaux_porteurs, &mut errs);
    }
    errs
}

fn check_service(v: &Value) -> Vec<(String, Reason)> {
    let mut errs = check_common(v, "services", &["source", "structure_id", "id", "nom", "description", "date_maj"]);
    let Some(o) = v.as_object() else { return errs };
    let voc = vocabularies();
    if let Some(d) = str_of(o, "description") {
        let len = d.chars().count();
        if !(5..=10000).contains(&len) {
            errs.push(("services.description".into(), Reason::new("length").with("len", len).with("min", 5).with("max", 10000)));
        }
    }
    check_list(o, "services", "thematiques", &voc.thematiques, &mut errs);
    check_list(o, "services", "publics", &voc.publics, &mut errs);
    check_list(o, "services", "modes_accueil", &voc.modes_accueil, &mut errs);
    check_list(o, "services", "modes_mobilisation", &voc.modes_mobilisation, &mut errs);
    check_list(o, "services", "mobilisable_par", &voc.personnes_mobilisatrices, &mut errs);
    for (f, vocab) in [("frais", &voc.frais), ("type", &voc.types_de_services)] {
        if let Some(s) = str_of(o, f) {
            if !vocab.contains(s) {
                errs.push((format!("services.{f}"), Reason::value("not-in-di-list", s)));
            }
        }
    }
    match o.get("nombre_semaines") {
        None | Some(Value::Null) => {}
        Some(n) if n.as_u64().is_some_and(|n| n >= 1) => {}
        Some(n) => errs.push(("services.nombre_semaines".into(), Reason::value("not-whole-number", n))),
    }
    match o.get("volume_horaire_hebdomadaire") {
        None | Some(Value::Null) => {}
        Some(n) if n.as_f64().is_some_and(|n| n >= 0.0) => {}
        Some(n) => errs.push(("services.volume_horaire_hebdomadaire".into(), Reason::value("not-non-negative", n))),
    }
    errs
}

/// An address the schema's `email` format (RFC 5322, ASCII) accepts: one `@`, a local part, a
/// dotted domain. (Real LMN data has e.g. accented local parts, which it refuses.)
pub(crate) fn plain_email(c: &str) -> bool {
    let Some((local, domain)) = c.split_once('@') else { return false };
    c.is_ascii()
        && !c.contains(|ch: char| ch.is_whitespace() || ch == ',' || ch == ';')
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// A web address the schema's `uri` format accepts.
pub(crate) fn plain_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://")) && u.len() <= 2083 && !u.contains(char::is_whitespace) && u.is_ascii()
}

/// A French number as the LMN schema wants it (international form), when it can be read.
pub(crate) fn lmn_phone(t: &str) -> Option<String> {
    let digits: String = t.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')')).collect();
    let intl = match digits.strip_prefix('0') {
        Some(rest) if rest.len() == 9 && rest.bytes().all(|b| b.is_ascii_digit()) => format!("+33{rest}"),
        _ => digits,
    };
    crate::import::valid_phone_pub(&intl).then_some(intl)
}

/// The LMN place a structure (and its services) stands for. What LMN has no field for stays
/// in `Place::data_inclusion` (the objects as received), so the data·inclusion export gives it
/// back. Field names in errors are data·inclusion's.
pub(crate) fn to_place(structure: &Value, services: &[Value]) -> Result<Place, Vec<(String, Reason)>> {
    let empty = Map::new();
    let o = structure.as_object().unwrap_or(&empty);
    let mut row: HashMap<String, String> = HashMap::new();
    let mut put = |lmn: &str, v: Option<String>| {
        if let Some(v) = v {
            row.insert(lmn.to_string(), v);
        }
    };
    let s = |f: &str| str_of(o, f).map(str::to_string);
    put("id", s("id"));
    put("pivot", Some(s("siret").unwrap_or_else(|| "00000000000000".into())));
    put("nom", s("nom"));
    put("commune", s("commune"));
    put("code_postal", s("code_postal"));
    put("code_insee", s("code_insee"));
    put("adresse", s("adresse"));
    put("complement_adresse", s("complement_adresse"));
    put("latitude", o.get("latitude").and_then(Value::as_f64).map(|v| v.to_string()));
    put("longitude", o.get("longitude").and_then(Value::as_f64).map(|v| v.to_string()));
    put("telephone", s("telephone").and_then(|t| lmn_phone(&t)));
    put("courriels", s("courriel"));
    put("site_web", s("site_web"));
    put("horaires", s("horaires_accueil"));
    put("presentation_resume", s("description"));
    put("source", s("source"));
    put("date_maj", s("date_maj"));
    put("fiche_acces_libre", s("accessibilite_lieu"));
    let mut lmn_services: Vec<&str> = Vec::new();
    let mut frais: Vec<&str> = Vec::new();
    for sv in services {
        for t in sv["thematiques"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if let Some((_, lmn)) = THEMATIQUE_SERVICE.iter().find(|(th, _)| *th == t) {
                if !lmn_services.contains(lmn) {
                    lmn_services.push(lmn);
                }
            }
        }
        let f = match sv["frais"].as_str() {
            Some("gratuit") => "Gratuit",
            Some("payant") => "Payant",
            _ => continue,
        };
        if !frais.contains(&f) {
            frais.push(f);
        }
    }
    put("services", (!lmn_services.is_empty()).then(|| lmn_services.join("|")));
    put("frais_a_charge", (!frais.is_empty()).then(|| frais.join("|")));
    let mut place = validate(&row).map_err(|errs| {
        errs.into_iter()
            .map(|e| {
                let di = match e.field.as_str() {
                    "pivot" => "siret",
                    "courriels" => "courriel",
                    "horaires" => "horaires_accueil",
                    "presentation_resume" => "description",
                    "fiche_acces_libre" => "accessibilite_lieu",
                    f => f,
                };
                let why = if matches!(di, "commune" | "code_postal" | "adresse") && e.reason.code == "required" {
                    Reason::new("address-required")
                } else {
                    e.reason
                };
                (format!("structures.{di}"), why)
            })
            .collect::<Vec<_>>()
    })?;
    place.data_inclusion = Some(serde_json::json!({ "structure": structure, "services": services }));
    Ok(place)
}
