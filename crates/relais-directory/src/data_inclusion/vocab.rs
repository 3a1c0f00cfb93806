//! The data·inclusion v1 referentials (`data/data-inclusion/extra/*.json`, schema v1.0.8,
//! Licence Ouverte 2.0; see data/data-inclusion/SOURCES.md), embedded and read once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub struct Vocabularies {
    pub thematiques: HashSet<String>,
    /// Thematique value → its French label.
    pub thematique_labels: HashMap<String, String>,
    pub publics: HashSet<String>,
    pub frais: HashSet<String>,
    pub modes_accueil: HashSet<String>,
    pub modes_mobilisation: HashSet<String>,
    pub personnes_mobilisatrices: HashSet<String>,
    pub types_de_services: HashSet<String>,
    pub reseaux_porteurs: HashSet<String>,
}

fn values(json: &str) -> HashSet<String> {
    // Shipped files, checked by the test suite: a broken one is a build defect.
    let list: Vec<serde_json::Value> = serde_json::from_str(json).expect("shipped data·inclusion referential");
    list.iter().filter_map(|v| v["value"].as_str().map(str::to_string)).collect()
}

fn labels(json: &str) -> HashMap<String, String> {
    let list: Vec<serde_json::Value> = serde_json::from_str(json).expect("shipped data·inclusion referential");
    list.iter().filter_map(|v| Some((v["value"].as_str()?.to_string(), v["label"].as_str()?.to_string()))).collect()
}

pub fn vocabularies() -> &'static Vocabularies {
    static V: OnceLock<Vocabularies> = OnceLock::new();
    V.get_or_init(|| Vocabularies {
        thematiques: values(include_str!("../../data/data-inclusion/extra/thematiques.json")),
        thematique_labels: labels(include_str!("../../data/data-inclusion/extra/thematiques.json")),
        publics: values(include_str!("../../data/data-inclusion/extra/publics.json")),
        frais: values(include_str!("../../data/data-inclusion/extra/frais.json")),
        modes_accueil: values(include_str!("../../data/data-inclusion/extra/modes-accueil.json")),
        modes_mobilisation: values(include_str!("../../data/data-inclusion/extra/modes-mobilisation.json")),
        personnes_mobilisatrices: values(include_str!("../../data/data-inclusion/extra/personnes-mobilisatrices.json")),
        types_de_services: values(include_str!("../../data/data-inclusion/extra/types-de-services.json")),
        reseaux_porteurs: values(include_str!("../../data/data-inclusion/extra/reseaux-porteurs.json")),
    })
}

/// The LMN service each `numerique--*` thematique stands for, both ways (the only part of
/// the two vocabularies that overlaps).
pub const THEMATIQUE_SERVICE: &[(&str, &str)] = &[
    ("numerique--acceder-a-des-services-en-ligne", "Aide aux démarches administratives"),
    ("numerique--acceder-a-une-connexion-internet", "Accès internet et matériel informatique"),
    ("numerique--acquerir-un-equipement", "Acquisition de matériel informatique à prix solidaire"),
    ("numerique--maitriser-les-fondamentaux-du-numerique", "Maîtrise des outils numériques du quotidien"),
];
