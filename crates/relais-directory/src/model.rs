//! A place (structure) with every field of the LMN schema v1.0.2, so import and export are
//! lossless. Multi-valued fields are lists here and `|`-joined in the schema's CSV.

use serde::{Deserialize, Serialize};

/// Stored as JSON in `places.doc`: fields without a value (`None`, empty list) are left out
/// of it (a quarter of the documents' bytes for the 100,000 generated places of
/// `bench/places.sh`: 95 MB instead of 126 MB) and read back as such; documents written in
/// full by earlier versions read the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Place {
    pub id: String,
    pub pivot: String,
    pub nom: String,
    pub commune: String,
    pub code_postal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_insee: Option<String>,
    pub adresse: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complement_adresse: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub typologie: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courriels: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub site_web: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horaires: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentation_resume: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentation_detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub itinerance: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure_parente: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date_maj: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publics_specifiquement_adresses: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prise_en_charge_specifique: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frais_a_charge: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dispositif_programmes_nationaux: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formations_labels: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autres_formations_labels: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modalites_acces: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modalites_accompagnement: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiche_acces_libre: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prise_rdv: Option<String>,
    /// A place imported from data·inclusion: the structure and its services as received
    /// (`{"structure": …, "services": […]}`), so the data·inclusion export loses nothing the
    /// LMN schema has no field for. Absent otherwise (and then not in `places.doc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_inclusion: Option<serde_json::Value>,
}

/// The schema's 32 fields, in its order (the CSV header of an export).
pub const FIELDS: &[&str] = &[
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
    "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente",
    "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
    "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
    "autres_formations_labels", "modalites_acces", "modalites_accompagnement",
    "fiche_acces_libre", "prise_rdv",
];

/// Fields the schema marks `required: true`.
pub const REQUIRED: &[&str] = &["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"];

/// Fields holding several `|`-separated values.
pub const MULTI: &[&str] = &[
    "typologie", "courriels", "site_web", "itinerance", "services", "publics_specifiquement_adresses",
    "prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux",
    "formations_labels", "modalites_acces", "modalites_accompagnement",
];

impl Place {
    /// The value of `field` as the schema's CSV writes it (multi-values joined by `|`).
    pub fn field(&self, field: &str) -> Option<String> {
        let opt = |o: &Option<String>| o.clone();
        let multi = |v: &Vec<String>| if v.is_empty() { None } else { Some(v.join("|")) };
        match field {
            "id" => Some(self.id.clone()),
            "pivot" => Some(self.pivot.clone()),
            "nom" => Some(self.nom.clone()),
            "commune" => Some(self.commune.clone()),
            "code_postal" => Some(self.code_postal.clone()),
            "code_insee" => opt(&self.code_insee),
            "adresse" => Some(self.adresse.clone()),
            "complement_adresse" => opt(&self.complement_adresse),
            "latitude" => self.latitude.map(|v| v.to_string()),
            "longitude" => self.longitude.map(|v| v.to_string()),
            "typologie" => multi(&self.typologie),
            "telephone" => opt(&self.telephone),
            "courriels" => multi(&self.courriels),
            "site_web" => multi(&self.site_web),
            "horaires" => opt(&self.horaires),
            "presentation_resume" => opt(&self.presentation_resume),
            "presentation_detail" => opt(&self.presentation_detail),
            "source" => opt(&self.source),
            "itinerance" => multi(&self.itinerance),
            "structure_parente" => opt(&self.structure_parente),
            "date_maj" => Some(self.date_maj.clone()),
            "services" => multi(&self.services),
            "publics_specifiquement_adresses" => multi(&self.publics_specifiquement_adresses),
            "prise_en_charge_specifique" => multi(&self.prise_en_charge_specifique),
            "frais_a_charge" => multi(&self.frais_a_charge),
            "dispositif_programmes_nationaux" => multi(&self.dispositif_programmes_nationaux),
            "formations_labels" => multi(&self.formations_labels),
            "autres_formations_labels" => opt(&self.autres_formations_labels),
            "modalites_acces" => multi(&self.modalites_acces),
            "modalites_accompagnement" => multi(&self.modalites_accompagnement),
            "fiche_acces_libre" => opt(&self.fiche_acces_libre),
            "prise_rdv" => opt(&self.prise_rdv),
            _ => None,
        }
    }
}
