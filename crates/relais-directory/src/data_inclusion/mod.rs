//! The data·inclusion schema v1 (structures and services of social inclusion; GIP Plateforme
//! de l'inclusion, Licence Ouverte 2.0; the schema files ship in `data/data-inclusion/`).
//!
//! Import: a JSON object `{"structures": […], "services": […]}` (either list may be absent)
//! or a bare array of structures. Every object is checked against the schema's constraints
//! and referentials (`vocab`); a rejection names the object's position in its list (1-based),
//! the field as `structures.<field>` / `services.<field>`, and the reason. A structure
//! becomes a place (it also needs what the directory needs of a place: an address, a
//! postcode, a commune); its services ride along; a service whose structure is not accepted
//! is rejected. Nothing is lost: the objects as received are kept in
//! `Place::data_inclusion` and given back by the export.
//!
//! Mapping (data·inclusion → LMN): id, nom, siret → pivot (none: `00000000000000`),
//! adresse, complement_adresse, commune, code_postal, code_insee, latitude, longitude,
//! telephone (when it reads as a French number), courriel → courriels, site_web,
//! horaires_accueil → horaires, description → presentation_resume, source, date_maj,
//! accessibilite_lieu → fiche_acces_libre; the services' `numerique--*` thematiques → LMN
//! services (`vocab::THEMATIQUE_SERVICE`), their frais → frais_a_charge.

mod export;
mod import;
pub mod vocab;

pub use export::to_json;
pub use import::parse;
