//! Controlled vocabularies of the LMN schema v1.0.2 (schema.json `constraints.pattern` of each
//! field, copied value by value). Multi-valued fields are separated by `|` in the schema.

pub const SERVICES: &[&str] = &[
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
];
pub const ITINERANCE: &[&str] = &["Itinérant", "Fixe"];
pub const PUBLICS: &[&str] = &["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"];
pub const PRISE_EN_CHARGE: &[&str] = &[
    "Surdité",
    "Handicaps moteurs",
    "Handicaps mentaux",
    "Illettrisme",
    "Langues étrangères (anglais)",
    "Langues étrangères (autres)",
    "Déficience visuelle",
];
pub const FRAIS: &[&str] = &["Gratuit", "Gratuit sous condition", "Payant"];
pub const DISPOSITIFS: &[&str] = &[
    "Aidants Connect",
    "Bibliothèques numérique de référence",
    "Certification PIX",
    "Conseillers numériques",
    "Emmaüs Connect",
    "France Services",
    "Grande école du numérique",
    "La Croix Rouge",
    "Point d'accès numérique CAF",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)",
];
/// The schema's regex spells "Étapes numériques(La Poste)" without the space while its
/// description lists "Étapes numériques (La Poste)": both spellings are accepted and the
/// regex's spelling is what is exported, so exports pass the official pattern.
pub const FORMATIONS_LABELS: &[&str] = &[
    "Formé à « Mon Espace Santé »",
    "Formé à « DUPLEX » (illettrisme)",
    "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "Collectif ressources et acteurs réemploi (Normandie)",
    "Étapes numériques(La Poste)",
    "Fabriques de Territoire",
    "Les Éclaireurs du numérique (Drôme)",
    "Mes Papiers (Métropole de Lyon)",
    "ORDI 3.0",
    "SUD LABS (PACA)",
];
pub const MODALITES_ACCES: &[&str] = &[
    "Se présenter",
    "Téléphoner",
    "Contacter par mail",
    "Prendre un RDV en ligne",
    "Ce lieu n'accueille pas de public",
    "Envoyer un mail avec une fiche de prescription",
];
pub const MODALITES_ACCOMPAGNEMENT: &[&str] =
    &["En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance"];

/// The vocabulary of a multi-valued field, by its schema name.
pub fn of_field(field: &str) -> Option<&'static [&'static str]> {
    Some(match field {
        "services" => SERVICES,
        "itinerance" => ITINERANCE,
        "publics_specifiquement_adresses" => PUBLICS,
        "prise_en_charge_specifique" => PRISE_EN_CHARGE,
        "frais_a_charge" => FRAIS,
        "dispositif_programmes_nationaux" => DISPOSITIFS,
        "formations_labels" => FORMATIONS_LABELS,
        "modalites_acces" => MODALITES_ACCES,
        "modalites_accompagnement" => MODALITES_ACCOMPAGNEMENT,
        _ => return None,
    })
}

/// The canonical spelling of `value` in `field`'s vocabulary, if it belongs to it.
pub fn canonical(field: &str, value: &str) -> Option<&'static str> {
    let vocab = of_field(field)?;
    if let Some(v) = vocab.iter().find(|v| **v == value) {
        return Some(v);
    }
    if field == "formations_labels" && value == "Étapes numériques (La Poste)" {
        return Some("Étapes numériques(La Poste)");
    }
    None
}

/// The schema's service that answers a help-request topic (ids of
/// `relais_domain::topics::SEED`): `Some(None)` for a known topic no service fits ("autre"),
/// `None` for a text that is not a topic id. Decision: the mapping follows what a volunteer
/// would look for in a place for that topic; every procedure topic (CAF, taxes, ANTS, health,
/// housing) is "Aide aux démarches administratives".
pub fn topic_service(topic: &str) -> Option<Option<&'static str>> {
    let s = |i: usize| Some(Some(SERVICES[i]));
    match topic {
        "declaration-en-ligne" | "sante-ameli" | "famille-caf" | "impots" | "papiers-ants" | "logement" => s(0),
        "famille-visio" | "courriel-comptes" | "achats-en-ligne" => s(1),
        "travail-emploi" => s(2),
        "securite-arnaques" => s(3),
        "ecole-ent" => s(4),
        "info-verifiee" => s(6),
        "equipement-connexion" => s(7),
        "autre" => Some(None),
        _ => None,
    }
}

#[cfg(test)]
mod topic_tests {
    use super::*;

    #[test]
    fn topics_map_to_services_of_the_vocabulary() {
        assert_eq!(topic_service("famille-caf"), Some(Some("Aide aux démarches administratives")));
        assert_eq!(topic_service("equipement-connexion"), Some(Some("Accès internet et matériel informatique")));
        assert_eq!(topic_service("autre"), Some(None));
        assert_eq!(topic_service("démarches"), None);
    }
}
