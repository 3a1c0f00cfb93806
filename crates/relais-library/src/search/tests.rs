use super::*;
use crate::parse;

fn tutorial(slug: &str, variant: Variant, title: &str, keywords: &str, step: &str, topic: &str) -> Tutorial {
    let (s, t) = variant.section_titles();
    let text = format!(
        "+++\ntitle = \"{title}\"\nsummary = \"Un résumé.\"\ntopics = [\"{topic}\"]\nneeds = [\"Un téléphone\"]\nduration_minutes = 5\nofficial_site = \"exemple.fr\"\nchecked_on = \"2026-11-30\"\nkeywords = [{keywords}]\n+++\n\n## {s}\n\n1. {step}\n\n## {t}\n\n- Rien : attendez.\n"
    );
    parse(slug, variant, &text).unwrap()
}

fn library() -> Vec<Tutorial> {
    vec![
        tutorial("caf-declaration", Variant::Fr, "Je fais ma déclaration trimestrielle à la CAF", "\"RSA\"", "Ouvrez le site de la CAF.", "famille-caf"),
        tutorial("caf-declaration", Variant::FrFalc, "Je déclare mes ressources à la Caf", "", "Ouvrez le site de la Caf.", "famille-caf"),
        tutorial("caf-declaration", Variant::En, "I file my quarterly declaration to the CAF", "", "Open the CAF website.", "famille-caf"),
        tutorial("appel-video", Variant::Fr, "Je fais un appel vidéo avec ma famille", "\"visio\"", "Touchez la caméra.", "famille-visio"),
        tutorial("impots", Variant::Fr, "Je déclare mes revenus en ligne", "\"impôts\"", "Ouvrez impots.gouv.fr.", "impots"),
    ]
}

fn slugs(index: &SearchIndex, text: &str, lang: Option<Lang>, topic: Option<&str>) -> Vec<(String, Variant)> {
    index.search(&Query { text, lang, topic, limit: 10 }).into_iter().map(|h| (h.slug, h.variant)).collect()
}

#[test]
fn finds_by_accents_typos_synonyms_and_sentences() {
    let lib = library();
    let index = SearchIndex::build(&lib).unwrap();
    assert_eq!(index.len(), 5);
    let first = |q: &str| slugs(&index, q, Some(Lang::Fr), None).first().map(|s| s.0.clone());
    assert_eq!(first("declaration caf").as_deref(), Some("caf-declaration"));
    assert_eq!(first("declaraton caf").as_deref(), Some("caf-declaration"), "typo");
    assert_eq!(first("allocations familiales").as_deref(), Some("caf-declaration"), "synonym");
    assert_eq!(first("impots").as_deref(), Some("impots"), "no accent");
    assert_eq!(first("je veux voir mes petits-enfants en skype").as_deref(), Some("appel-video"), "sentence + synonym");
    assert!(slugs(&index, "je veux", None, None).is_empty(), "only filler words");
}

#[test]
fn one_hit_per_slug_and_language_with_filters() {
    let lib = library();
    let index = SearchIndex::build(&lib).unwrap();
    // French and FALC compete: one French hit; the English version is its own hit.
    let all = slugs(&index, "caf", None, None);
    assert_eq!(all.iter().filter(|s| s.0 == "caf-declaration").count(), 2, "{all:?}");
    assert!(all.iter().any(|s| s.1 == Variant::En));
    assert_eq!(slugs(&index, "caf", Some(Lang::En), None), vec![("caf-declaration".to_string(), Variant::En)]);
    assert!(slugs(&index, "caf", Some(Lang::Fr), Some("impots")).is_empty());
    assert_eq!(slugs(&index, "revenus", Some(Lang::Fr), Some("impots")), vec![("impots".to_string(), Variant::Fr)]);
    assert_eq!(index.search(&Query { text: "caf", lang: None, topic: None, limit: 1 }).len(), 1);
}

#[test]
fn title_outweighs_body() {
    let lib = vec![
        tutorial("a", Variant::Fr, "Je scanne un document", "", "Ouvrez l'appli photo.", "autre"),
        tutorial("b", Variant::Fr, "J'envoie une photo", "", "Ouvrez le document.", "autre"),
    ];
    let index = SearchIndex::build(&lib).unwrap();
    assert_eq!(slugs(&index, "photo", Some(Lang::Fr), None)[0].0, "b");
    assert_eq!(slugs(&index, "document", Some(Lang::Fr), None)[0].0, "a");
}
