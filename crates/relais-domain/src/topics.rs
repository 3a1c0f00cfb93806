//! The topic catalogue the line starts with: the three priority needs of 2020, then the
//! families of essential procedures. Ids are stable (they key translations, pictograms,
//! skills and statistics); labels can be edited by operators once stored.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedTopic {
    pub id: &'static str,
    pub label_fr: &'static str,
    pub label_en: &'static str,
    /// File name (without `.svg`) of the pictogram under the web crate's `static/pictos/`.
    pub pictogram: &'static str,
    /// One of the three needs the 2020 line met most often: shown first.
    pub priority: bool,
}

pub const SEED: &[SeedTopic] = &[
    SeedTopic { id: "famille-visio", label_fr: "Garder le contact avec ma famille (appel vidéo)", label_en: "Keep in touch with my family (video call)", pictogram: "famille-visio", priority: true },
    SeedTopic { id: "declaration-en-ligne", label_fr: "Faire une déclaration en ligne (CAF, France Travail, impôts)", label_en: "File an online declaration (CAF, France Travail, taxes)", pictogram: "declaration-en-ligne", priority: true },
    SeedTopic { id: "info-verifiee", label_fr: "Trouver une information vérifiée", label_en: "Find verified information", pictogram: "info-verifiee", priority: true },
    SeedTopic { id: "sante-ameli", label_fr: "Santé et Ameli", label_en: "Health and Ameli", pictogram: "sante-ameli", priority: false },
    SeedTopic { id: "famille-caf", label_fr: "Famille et CAF", label_en: "Family and CAF", pictogram: "famille-caf", priority: false },
    SeedTopic { id: "travail-emploi", label_fr: "Travail et chômage", label_en: "Work and unemployment", pictogram: "travail-emploi", priority: false },
    SeedTopic { id: "impots", label_fr: "Impôts", label_en: "Taxes", pictogram: "impots", priority: false },
    SeedTopic { id: "papiers-ants", label_fr: "Papiers d'identité, permis, carte grise (ANTS)", label_en: "ID papers, driving licence, car registration (ANTS)", pictogram: "papiers-ants", priority: false },
    SeedTopic { id: "logement", label_fr: "Logement", label_en: "Housing", pictogram: "logement", priority: false },
    SeedTopic { id: "ecole-ent", label_fr: "École et ENT", label_en: "School and its online platform (ENT)", pictogram: "ecole-ent", priority: false },
    SeedTopic { id: "courriel-comptes", label_fr: "E-mail et comptes en ligne", label_en: "E-mail and online accounts", pictogram: "courriel-comptes", priority: false },
    SeedTopic { id: "achats-en-ligne", label_fr: "Achats en ligne", label_en: "Online shopping", pictogram: "achats-en-ligne", priority: false },
    SeedTopic { id: "securite-arnaques", label_fr: "Sécurité et arnaques", label_en: "Security and scams", pictogram: "securite-arnaques", priority: false },
    SeedTopic { id: "equipement-connexion", label_fr: "Matériel et connexion", label_en: "Equipment and connection", pictogram: "equipement-connexion", priority: false },
    SeedTopic { id: "autre", label_fr: "Autre chose", label_en: "Something else", pictogram: "autre", priority: false },
];

/// A topic id is lowercase ASCII words joined by dashes, at most 40 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_ids_are_unique_and_valid() {
        let mut ids: Vec<_> = SEED.iter().map(|t| t.id).collect();
        assert!(ids.iter().all(|id| is_valid_id(id)));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), SEED.len());
    }

    #[test]
    fn three_priority_needs_come_first() {
        assert_eq!(SEED.iter().filter(|t| t.priority).count(), 3);
        assert!(SEED[..3].iter().all(|t| t.priority));
    }

    #[test]
    fn id_rules() {
        assert!(!is_valid_id("Impots"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id(""));
    }
}
