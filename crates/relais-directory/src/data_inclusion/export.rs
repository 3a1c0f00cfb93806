//! Places → data·inclusion v1 `{"structures": […], "services": […]}`.
//!
//! A place imported from data·inclusion gives back the objects it came from; a field the
//! directory holds is written from the place only when it differs from what those objects
//! map to (the place was edited since), so import → export → import is the identity. A place
//! from the LMN schema gets a structure from its fields and one service, "Médiation
//! numérique", carrying the thematiques its services map to.

use super::import::{plain_email, plain_url, to_place};
use super::vocab::THEMATIQUE_SERVICE;
use crate::model::Place;
use serde_json::{json, Map, Value};

pub fn to_json(places: &[Place]) -> Value {
    let mut structures = Vec::with_capacity(places.len());
    let mut services = Vec::new();
    for p in places {
        let (structure, own_services) = match &p.data_inclusion {
            Some(raw) => {
                let original = raw.get("structure").cloned().unwrap_or_else(|| json!({}));
                let svcs: Vec<Value> = raw.get("services").and_then(Value::as_array).cloned().unwrap_or_default();
                let before = to_place(&original, &svcs).ok();
                (overlay(original, p, before.as_ref()), svcs)
            }
            None => (overlay(json!({}), p, None), generated_service(p).into_iter().collect()),
        };
        structures.push(structure);
        services.extend(own_services);
    }
    json!({ "structures": structures, "services": services })
}

/// Writes the place's fields into `structure` where they differ from `before` (the place the
/// structure alone maps to), or everywhere when there is no `before`.
fn overlay(mut structure: Value, p: &Place, before: Option<&Place>) -> Value {
    let Some(o) = structure.as_object_mut() else { return structure };
    let mut set = |key: &str, changed: bool, v: Option<Value>| {
        if changed {
            match v {
                Some(v) => {
                    o.insert(key.to_string(), v);
                }
                None => {
                    o.remove(key);
                }
            }
        }
    };
    let differs = |f: fn(&Place) -> Value| before.is_none_or(|b| f(b) != f(p));
    let s = |v: &str| Some(Value::from(v));
    let opt = |v: &Option<String>| v.as_deref().map(Value::from);
    set("id", differs(|x| x.id.clone().into()), s(&p.id));
    let source = p.source.clone().unwrap_or_else(|| "relais".into());
    set("source", differs(|x| x.source.clone().into()), s(&source));
    set("nom", differs(|x| x.nom.clone().into()), s(&p.nom));
    let siret = (p.pivot.len() == 14 && p.pivot.bytes().all(|b| b.is_ascii_digit()) && p.pivot != "00000000000000").then(|| p.pivot.clone());
    set("siret", differs(|x| x.pivot.clone().into()), opt(&siret));
    set("commune", differs(|x| x.commune.clone().into()), s(&p.commune));
    set("code_postal", differs(|x| x.code_postal.clone().into()), s(&p.code_postal));
    set("code_insee", differs(|x| x.code_insee.clone().into()), opt(&p.code_insee));
    set("adresse", differs(|x| x.adresse.clone().into()), s(&p.adresse));
    set("complement_adresse", differs(|x| x.complement_adresse.clone().into()), opt(&p.complement_adresse));
    set("latitude", differs(|x| x.latitude.into()), p.latitude.map(Value::from));
    set("longitude", differs(|x| x.longitude.into()), p.longitude.map(Value::from));
    set("telephone", differs(|x| x.telephone.clone().into()), opt(&p.telephone));
    // The first address the schema's formats accept (the LMN data keeps the others).
    let mail = p.courriels.iter().find(|c| plain_email(c));
    set("courriel", differs(|x| x.courriels.first().cloned().into()), mail.map(|c| Value::from(c.as_str())));
    let web = p.site_web.iter().find(|u| plain_url(u));
    set("site_web", differs(|x| x.site_web.first().cloned().into()), web.map(|u| Value::from(u.as_str())));
    set("horaires_accueil", differs(|x| x.horaires.clone().into()), opt(&p.horaires));
    // data·inclusion wants 5 characters at least.
    let description = p.presentation_resume.as_ref().or(p.presentation_detail.as_ref()).filter(|d| d.chars().count() >= 5);
    set("description", differs(|x| x.presentation_resume.clone().into()), description.map(|d| Value::from(d.as_str())));
    set("accessibilite_lieu", differs(|x| x.fiche_acces_libre.clone().into()), opt(&p.fiche_acces_libre));
    set("date_maj", differs(|x| x.date_maj.clone().into()), s(&p.date_maj));
    structure
}

/// One service for a place of the LMN schema: what it offers, as text and as thematiques.
fn generated_service(p: &Place) -> Option<Value> {
    if p.services.is_empty() {
        return None;
    }
    let thematiques: Vec<&str> =
        THEMATIQUE_SERVICE.iter().filter(|(_, lmn)| p.services.iter().any(|s| s == lmn)).map(|(t, _)| *t).collect();
    let mut o = Map::new();
    o.insert("source".into(), p.source.clone().unwrap_or_else(|| "relais".into()).into());
    o.insert("structure_id".into(), p.id.clone().into());
    o.insert("id".into(), format!("{}--mediation-numerique", p.id).into());
    o.insert("nom".into(), "Médiation numérique".into());
    o.insert("description".into(), format!("Services de médiation numérique : {}.", p.services.join(", ")).into());
    o.insert("date_maj".into(), p.date_maj.clone().into());
    if !thematiques.is_empty() {
        o.insert("thematiques".into(), thematiques.into());
    }
    let frais = if p.frais_a_charge.iter().any(|f| f == "Payant") {
        Some("payant")
    } else if p.frais_a_charge.iter().any(|f| f == "Gratuit") {
        Some("gratuit")
    } else {
        None
    };
    if let Some(f) = frais {
        o.insert("frais".into(), f.into());
    }
    if let Some(h) = &p.horaires {
        o.insert("horaires_accueil".into(), h.clone().into());
    }
    if let Some(t) = &p.telephone {
        o.insert("telephone".into(), t.clone().into());
    }
    if let Some(c) = p.courriels.iter().find(|c| plain_email(c)) {
        o.insert("courriel".into(), c.clone().into());
    }
    for (k, v) in [("adresse", Some(&p.adresse)), ("code_postal", Some(&p.code_postal)), ("commune", Some(&p.commune)), ("code_insee", p.code_insee.as_ref())] {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            o.insert(k.into(), v.clone().into());
        }
    }
    if let (Some(la), Some(lo)) = (p.latitude, p.longitude) {
        o.insert("latitude".into(), la.into());
        o.insert("longitude".into(), lo.into());
    }
    Some(Value::Object(o))
}
