//! Upgrade of rows in the legacy LMN schema v0.1.x (multi-values separated by `;`, fields
//! `courriel`, `publics_accueillis`, `conditions_acces`, 15 old services) to v1.0.2, following
//! the schema's own changelog (descriptif-des-evolutions). Much real data (e.g. Hinaura's) is
//! still in that layout. Old values with no v1 counterpart are dropped, never invented:
//! "Adultes" and "Handicaps psychiques…" (no v1 public), "Adhésion" maps to "Payant".

use crate::import::{reject, Reason, Rejected, Row};

/// A row is legacy when it carries a field only v0.1.x has.
pub fn is_legacy(row: &Row) -> bool {
    ["publics_accueillis", "conditions_acces", "courriel", "labels_nationaux", "accessibilite"]
        .iter()
        .any(|k| row.contains_key(*k))
}

fn map_service(v: &str) -> Option<&'static [&'static str]> {
    Some(match v {
        "Devenir autonome dans les démarches administratives" => &["Aide aux démarches administratives"],
        "Réaliser des démarches administratives avec un accompagnement" => &["Aide aux démarches administratives"],
        "Accompagner les démarches de santé" => &["Aide aux démarches administratives"],
        "Prendre en main un smartphone ou une tablette" => &["Maîtrise des outils numériques du quotidien"],
        "Prendre en main un ordinateur" => &["Maîtrise des outils numériques du quotidien"],
        "Utiliser le numérique au quotidien" => &["Maîtrise des outils numériques du quotidien"],
        "Approfondir ma culture numérique" => &["Compréhension du monde numérique"],
        "Promouvoir la citoyenneté numérique" => &["Compréhension du monde numérique"],
        "Favoriser mon insertion professionnelle" => &["Insertion professionnelle via le numérique"],
        "Créer et développer mon entreprise" => &["Insertion professionnelle via le numérique"],
        "Accéder à une connexion internet" => &["Accès internet et matériel informatique"],
        "Accéder à du matériel" => &["Accès internet et matériel informatique"],
        "S'équiper en matériel informatique" => &["Acquisition de matériel informatique à prix solidaire"],
        "Créer avec le numérique" => &["Loisirs et créations numériques"],
        "Soutenir la parentalité et l'éducation avec le numérique" => &["Parentalité et éducation avec le numérique"],
        _ => return None,
    })
}

/// (v1 field, v1 value) for an old `publics_accueillis` value; `None` value = no counterpart.
fn map_public(v: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match v {
        "Seniors (+ 65 ans)" => ("publics_specifiquement_adresses", Some("Seniors")),
        "Familles/enfants" => ("publics_specifiquement_adresses", Some("Familles et/ou enfants")),
        "Jeunes (16-26 ans)" => ("publics_specifiquement_adresses", Some("Jeunes")),
        "Uniquement femmes" => ("publics_specifiquement_adresses", Some("Femmes")),
        "Adultes" => ("publics_specifiquement_adresses", None),
        "Public langues étrangères" => ("prise_en_charge_specifique", Some("Langues étrangères (autres)")),
        "Déficience visuelle" => ("prise_en_charge_specifique", Some("Déficience visuelle")),
        "Surdité" => ("prise_en_charge_specifique", Some("Surdité")),
        "Handicaps mentaux : déficiences limitant les activités d'une personne" => {
            ("prise_en_charge_specifique", Some("Handicaps mentaux"))
        }
        "Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales" => {
            ("prise_en_charge_specifique", None)
        }
        "Personnes en situation d'illettrisme" => ("prise_en_charge_specifique", Some("Illettrisme")),
        _ => return None,
    })
}

fn map_condition(v: &str) -> Option<&'static str> {
    // Old values are "Label : explanation"; the label decides.
    let label = v.split(" : ").next().unwrap_or(v).trim();
    Some(match label {
        "Gratuit" => "Gratuit",
        "Gratuit sous condition" | "Accepte le Pass numérique" => "Gratuit sous condition",
        "Payant" | "Adhésion" => "Payant",
        _ => return None,
    })
}

fn map_modalite(v: &str) -> Option<&'static str> {
    let label = v.split(" : ").next().unwrap_or(v).trim();
    Some(match label {
        "Seul" => "En autonomie",
        "Avec de l'aide" | "A ma place" => "Accompagnement individuel",
        "Dans un atelier" => "Dans un atelier collectif",
        _ => return None,
    })
}

fn push(out: &mut Vec<String>, v: &str) {
    if !out.iter().any(|x| x == v) {
        out.push(v.to_string());
    }
}

/// Rewrites a legacy row into v1 field names and values (then validated like any v1 row).
pub fn upgrade(mut row: Row) -> Result<Row, Vec<Rejected>> {
    let mut errs = Vec::new();
    let split = |s: Option<String>| -> Vec<String> {
        s.map(|s| s.split(';').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect()).unwrap_or_default()
    };
    let mut services = Vec::new();
    for v in split(row.remove("services")) {
        match map_service(&v) {
            Some(m) => m.iter().for_each(|x| push(&mut services, x)),
            None => errs.push(reject("services", Reason::value("not-in-legacy-list", &v))),
        }
    }
    let (mut publics, mut prise) = (Vec::new(), Vec::new());
    for v in split(row.remove("publics_accueillis")) {
        match map_public(&v) {
            Some(("publics_specifiquement_adresses", Some(x))) => push(&mut publics, x),
            Some((_, Some(x))) => push(&mut prise, x),
            Some((_, None)) => {}
            None => errs.push(reject("publics_accueillis", Reason::value("not-in-legacy-list", &v))),
        }
    }
    let mut frais = Vec::new();
    for v in split(row.remove("conditions_acces")) {
        match map_condition(&v) {
            Some(x) => push(&mut frais, x),
            None => errs.push(reject("conditions_acces", Reason::value("not-in-legacy-list", &v))),
        }
    }
    let mut modalites = Vec::new();
    for v in split(row.remove("modalites_accompagnement")) {
        match map_modalite(&v) {
            Some(x) => push(&mut modalites, x),
            None => errs.push(reject("modalites_accompagnement", Reason::value("not-in-legacy-list", &v))),
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    for (k, v) in [
        ("services", services),
        ("publics_specifiquement_adresses", publics),
        ("prise_en_charge_specifique", prise),
        ("frais_a_charge", frais),
        ("modalites_accompagnement", modalites),
    ] {
        row.insert(k.to_string(), v.join("|"));
    }
    if let Some(c) = row.remove("courriel") {
        row.insert("courriels".into(), c.replace(';', "|"));
    }
    if let Some(s) = row.remove("site_web") {
        row.insert("site_web".into(), s.replace(';', "|"));
    }
    if let Some(a) = row.remove("accessibilite") {
        row.entry("fiche_acces_libre".into()).or_insert(a);
    }
    if let Some(a) = row.remove("autres_labels") {
        row.entry("autres_formations_labels".into()).or_insert(a);
    }
    Ok(row)
}
