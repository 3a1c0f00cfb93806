//! data·inclusion v1: import with a row-by-row report, export checked against the schema's
//! own JSON Schema files (structure.json, service.json), round trips.

use relais_directory::data_inclusion;
use relais_directory::import::{parse, FileError, Format};
use serde_json::Value;

const SAMPLE: &[u8] = include_bytes!("data/data-inclusion-sample.json");
const HINAURA: &[u8] = include_bytes!("data/hinaura-lieux-mediation-numerique.json");
const STRUCTURE_SCHEMA: &str = include_str!("../data/data-inclusion/structure.json");
const SERVICE_SCHEMA: &str = include_str!("../data/data-inclusion/service.json");

/// Every structure and service of an export, validated by the schema files themselves
/// (formats too: dates, e-mails, URIs).
fn assert_valid(export: &Value) {
    let validator = |schema: &str| {
        let schema: Value = serde_json::from_str(schema).unwrap();
        jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
    };
    let (st, sv) = (validator(STRUCTURE_SCHEMA), validator(SERVICE_SCHEMA));
    let structures = export["structures"].as_array().unwrap();
    let services = export["services"].as_array().unwrap();
    for (list, v, what) in [(structures, &st, "structure"), (services, &sv, "service")] {
        for (i, obj) in list.iter().enumerate() {
            let errors: Vec<String> = v.iter_errors(obj).map(|e| format!("{} at {}", e, e.instance_path())).collect();
            assert!(errors.is_empty(), "{what} {i} ({}) fails the schema: {errors:?}", obj["id"]);
        }
    }
    // Every service hangs on an exported structure.
    for s in services {
        assert!(structures.iter().any(|st| st["id"] == s["structure_id"]), "{}", s["id"]);
    }
}

#[test]
fn a_data_inclusion_file_is_checked_object_by_object() {
    let r = parse(SAMPLE, Format::DataInclusion).unwrap();
    let ids: Vec<&str> = r.accepted.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec!["dora--cs-tournesol", "dora--epicerie-solidaire"]);
    let why: Vec<(u64, &str, &str)> = r.rejected.iter().map(|e| (e.line, e.field.as_str(), e.id.as_deref().unwrap_or(""))).collect();
    assert_eq!(
        why,
        vec![
            (4, "services.thematiques", "dora--epicerie--mauvais"),
            (3, "structures.date_maj", "dora--bad-siret"),
            (3, "structures.siret", "dora--bad-siret"),
            (5, "services.structure_id", "dora--orphelin"),
        ],
        "{:#?}",
        r.rejected
    );
    assert_eq!((r.rejected[0].reason.code, r.rejected[0].reason.arg("value")), ("not-in-di-list", Some("numerique--teleporter")), "{}", r.rejected[0].reason);

    // Mapped onto the directory's model.
    let p = &r.accepted[0];
    assert_eq!(p.pivot, "12345678901234");
    assert_eq!(p.telephone.as_deref(), Some("+33479000000"));
    assert_eq!(p.courriels, vec!["accueil@tournesol.example.org"]);
    assert_eq!(p.horaires.as_deref(), Some("Mo-Fr 09:00-12:00,14:00-17:00"));
    assert_eq!(p.services, vec!["Aide aux démarches administratives", "Accès internet et matériel informatique"]);
    assert_eq!(p.frais_a_charge, vec!["Gratuit"]);
    assert!(p.fiche_acces_libre.as_deref().unwrap().starts_with("https://acceslibre"));
    // A social-service structure without any digital thematique is a place too, without LMN services.
    let e = &r.accepted[1];
    assert_eq!(e.pivot, "00000000000000");
    assert!(e.services.is_empty());
    assert_eq!(e.frais_a_charge, vec!["Payant"]);

    // A structure without an address is not a place of the directory: the report says so.
    let no_address = br#"[{"source": "x", "id": "x--1", "nom": "Sans adresse", "date_maj": "2026-01-01"}]"#;
    let r = parse(no_address, Format::DataInclusion).unwrap();
    assert!(r.accepted.is_empty());
    let fields: Vec<&str> = r.rejected.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["structures.commune", "structures.code_postal", "structures.adresse"]);
    assert!(r.rejected.iter().all(|e| e.reason.code == "address-required"), "{:?}", r.rejected);
}

#[test]
fn bad_data_inclusion_files_are_refused_whole() {
    assert!(matches!(parse(b"{\"structures\": 3}", Format::DataInclusion), Err(FileError::DataInclusionShape)));
    assert!(matches!(parse(b"{\"lieux\": []}", Format::DataInclusion), Err(FileError::DataInclusionShape)));
    assert!(matches!(parse(b"{\"structures\": [", Format::DataInclusion), Err(FileError::Json(_))));
    assert!(matches!(parse(b"{\"structures\": [\"\xff\"]}", Format::DataInclusion), Err(FileError::Encoding { line: 1 })));
    // An object is data·inclusion's shape; the format is found without --format.
    assert_eq!(Format::sniff(SAMPLE), Format::DataInclusion);
    assert_eq!(Format::from_name("data-inclusion"), Some(Format::DataInclusion));
}

#[test]
fn import_export_import_gives_the_same_places_and_the_export_validates() {
    let first = parse(SAMPLE, Format::DataInclusion).unwrap().accepted;
    let export = data_inclusion::to_json(&first);
    assert_valid(&export);
    // Nothing lost: the accepted objects come back as they were received.
    let sample: Value = serde_json::from_slice(SAMPLE).unwrap();
    assert_eq!(export["structures"][0], sample["structures"][0]);
    assert_eq!(export["services"].as_array().unwrap().len(), 3, "the three valid services of accepted structures");
    assert_eq!(export["services"][0], sample["services"][0]);
    let again = parse(serde_json::to_string(&export).unwrap().as_bytes(), Format::DataInclusion).unwrap();
    assert!(again.rejected.is_empty(), "{:?}", again.rejected);
    assert_eq!(again.accepted, first);

    // An edit in the directory shows in the export; the rest stays as received.
    let mut edited = first.clone();
    edited[0].horaires = Some("Mo-Sa 09:00-12:00".into());
    let out = data_inclusion::to_json(&edited);
    assert_eq!(out["structures"][0]["horaires_accueil"], "Mo-Sa 09:00-12:00");
    assert_eq!(out["structures"][0]["telephone"], "04 79 00 00 00", "unchanged fields keep their received form");
    assert_eq!(out["structures"][0]["lien_source"], sample["structures"][0]["lien_source"]);
}

#[test]
fn places_of_the_lmn_schema_export_as_valid_data_inclusion() {
    let places = parse(HINAURA, Format::LmnJson).unwrap().accepted;
    let export = data_inclusion::to_json(&places);
    assert_valid(&export);
    assert_eq!(export["structures"].as_array().unwrap().len(), 687);
    assert!(export["services"].as_array().unwrap().len() > 600);
    // And they import back as the same places for what both schemas hold.
    let back = parse(serde_json::to_string(&export).unwrap().as_bytes(), Format::DataInclusion).unwrap();
    assert!(back.rejected.is_empty(), "{:?}", &back.rejected[..back.rejected.len().min(5)]);
    assert_eq!(back.accepted.len(), 687);
    for (a, b) in places.iter().zip(&back.accepted) {
        assert_eq!((&a.id, &a.nom, &a.code_postal, &a.adresse, a.latitude, &a.horaires), (&b.id, &b.nom, &b.code_postal, &b.adresse, b.latitude, &b.horaires));
    }
}
