//! The social services of a place imported from data·inclusion (food, housing, budget,
//! health…: what the Chambéry and Grenoble finders listed), as the search and the pages read
//! them. They stay in `Place::data_inclusion` as received (the export gives them back); this
//! module reads, from there, their names, their thematiques and the thematiques' categories.
//!
//! Search decision: a `need` is matched against the place's LMN services *and* each of these
//! thematiques, written as "value category-label label" (so `need=logement-hebergement`, the
//! category's label "Logement et hébergement", a thematique's value or label, or a word of
//! one such as "logement" all find it); the words of `q` are also looked for in the services'
//! names and descriptions and in the thematiques' labels. Places of the LMN schema have none
//! of this, so their search is unchanged.

use crate::data_inclusion::vocab::vocabularies;
use crate::model::Place;
use serde_json::Value;

/// The 16 categories of the data·inclusion v1 thematiques (the part of a value before `--`),
/// with their French labels (v0's referential where it had the category, else the words of
/// the value). The order is the one pages list them in.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("equipement-et-alimentation", "Équipement et alimentation"),
    ("logement-hebergement", "Logement et hébergement"),
    ("difficultes-financieres", "Difficultés financières"),
    ("difficultes-administratives-ou-juridiques", "Difficultés administratives ou juridiques"),
    ("sante", "Santé"),
    ("famille", "Famille"),
    ("mobilite", "Mobilité"),
    ("numerique", "Numérique"),
    ("lecture-ecriture-calcul", "Lecture, écriture, calcul"),
    ("se-former", "Se former"),
    ("trouver-un-emploi", "Trouver un emploi"),
    ("choisir-un-metier", "Choisir un métier"),
    ("preparer-sa-candidature", "Préparer sa candidature"),
    ("creer-une-entreprise", "Créer une entreprise"),
    ("remobilisation", "Remobilisation"),
    ("souvrir-a-linternational", "S’ouvrir à l’international"),
];

/// The category of a thematique value (`logement-hebergement--louer-un-logement` →
/// `logement-hebergement`), when it is one of [`CATEGORIES`].
pub fn category_of(thematique: &str) -> Option<&'static str> {
    let head = thematique.split("--").next()?;
    CATEGORIES.iter().find(|(c, _)| *c == head).map(|(c, _)| *c)
}

/// The French label of a category.
pub fn category_label(category: &str) -> Option<&'static str> {
    CATEGORIES.iter().find(|(c, _)| *c == category).map(|(_, l)| *l)
}

/// One data·inclusion service of a place, as shown with it.
#[derive(Debug, Clone, PartialEq)]
pub struct SocialService {
    pub id: String,
    pub nom: String,
    pub description: Option<String>,
    /// Thematique values, as received (checked against the referential on import).
    pub thematiques: Vec<String>,
    /// `gratuit`, `payant`… as received.
    pub frais: Option<String>,
}

/// The data·inclusion services of a place, in the order received (none for an LMN place).
pub fn services(p: &Place) -> Vec<SocialService> {
    let Some(list) = p.data_inclusion.as_ref().and_then(|d| d["services"].as_array()) else { return Vec::new() };
    let text = |v: &Value, f: &str| v[f].as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    list.iter()
        .filter_map(|s| {
            Some(SocialService {
                id: text(s, "id").unwrap_or_default(),
                nom: text(s, "nom")?,
                description: text(s, "description"),
                thematiques: s["thematiques"].as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect(),
                frais: text(s, "frais"),
            })
        })
        .collect()
}

/// The categories a place's services belong to, in [`CATEGORIES`]' order.
pub fn categories(p: &Place) -> Vec<&'static str> {
    let all: Vec<String> = services(p).into_iter().flat_map(|s| s.thematiques).collect();
    CATEGORIES.iter().map(|(c, _)| *c).filter(|c| all.iter().any(|t| category_of(t) == Some(*c))).collect()
}

/// One thematique as the `need` filter reads it: value, category label, label.
fn thematique_text(value: &str) -> String {
    let label = vocabularies().thematique_labels.get(value).map(String::as_str).unwrap_or("");
    let category = category_of(value).and_then(category_label).unwrap_or("");
    format!("{value} {category} {label}")
}

/// What `need` is matched against: the LMN services, then each distinct thematique of the
/// data·inclusion services.
pub fn offered(p: &Place) -> Vec<String> {
    let mut out: Vec<String> = p.services.clone();
    for s in services(p) {
        for t in s.thematiques {
            let text = thematique_text(&t);
            if !out.contains(&text) {
                out.push(text);
            }
        }
    }
    out
}

/// The text of the data·inclusion services the words of `q` are also looked for in: names,
/// descriptions, thematiques' labels.
pub fn described(p: &Place) -> Vec<String> {
    let mut out = Vec::new();
    for s in services(p) {
        out.push(s.nom);
        out.extend(s.description);
        for t in &s.thematiques {
            out.push(thematique_text(t));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn di_place() -> Place {
        Place {
            id: "dora--epicerie".into(),
            services: vec!["Accès internet et matériel informatique".into()],
            data_inclusion: Some(serde_json::json!({
                "structure": {"id": "dora--epicerie"},
                "services": [
                    {"id": "s1", "nom": "Courses à petits prix", "description": "Produits alimentaires", "thematiques": ["equipement-et-alimentation--alimentation"], "frais": "payant"},
                    {"id": "s2", "nom": "Aide au logement", "thematiques": ["logement-hebergement--louer-un-logement", "equipement-et-alimentation--alimentation"]},
                    {"id": "s3", "description": "sans nom: not shown"}
                ]
            })),
            ..Place::default()
        }
    }

    #[test]
    fn every_thematique_of_the_referential_has_a_category() {
        let v = vocabularies();
        assert!(v.thematiques.len() > 60);
        for t in &v.thematiques {
            assert!(category_of(t).is_some(), "{t} has no category");
            assert!(v.thematique_labels.contains_key(t), "{t} has no label");
        }
    }

    #[test]
    fn services_categories_and_searched_text_come_from_the_received_objects() {
        let p = di_place();
        let s = services(&p);
        assert_eq!(s.iter().map(|s| s.nom.as_str()).collect::<Vec<_>>(), ["Courses à petits prix", "Aide au logement"]);
        assert_eq!(s[0].frais.as_deref(), Some("payant"));
        assert_eq!(categories(&p), ["equipement-et-alimentation", "logement-hebergement"]);
        let offered = offered(&p);
        assert_eq!(offered.len(), 3, "the LMN service, then two distinct thematiques: {offered:?}");
        assert_eq!(offered[0], "Accès internet et matériel informatique");
        assert!(offered[2].contains("Logement et hébergement") && offered[2].contains("Louer un logement"), "{offered:?}");
        let described = described(&p);
        assert!(described.iter().any(|d| d == "Produits alimentaires"));
        assert!(described.iter().any(|d| d == "Aide au logement"));
    }

    #[test]
    fn a_place_of_the_lmn_schema_offers_its_services_only() {
        let p = Place { services: vec!["Aide aux démarches administratives".into()], ..Place::default() };
        assert!(services(&p).is_empty());
        assert!(categories(&p).is_empty());
        assert_eq!(offered(&p), p.services);
        assert!(described(&p).is_empty());
    }
}
