use super::*;
use crate::parse::tests_support::GOOD;
use crate::parse;

/// A valid file for `slug` in `variant`, with `edit` applied to its text.
fn file(slug: &str, variant: Variant, edit: impl Fn(String) -> String) -> Tutorial {
    let (steps, trouble) = variant.section_titles();
    let mut text = GOOD.replace("## Étapes", &format!("## {steps}")).replace("## Si ça ne marche pas", &format!("## {trouble}"));
    text = text.replace("related = [\"wifi-connexion\"]", "related = []");
    if variant == Variant::En {
        text = text
            .replace("Je fais un appel vidéo avec ma famille sur WhatsApp", "I make a video call")
            .replace("Ouvrez l'application WhatsApp.", "Open the WhatsApp app.")
            .replace("Touchez le nom", "Tap the name")
            .replace("Lisez", "Read");
    }
    parse(slug, variant, &edit(text)).unwrap()
}

fn rules(problems: &[Problem]) -> Vec<(Rule, Option<usize>)> {
    problems.iter().map(|p| (p.rule, p.line)).collect()
}

fn one(t: &Tutorial, others: &[&Tutorial], pictos: Option<BTreeSet<&str>>) -> Vec<(Rule, Option<usize>)> {
    let mut all: Vec<&Tutorial> = others.to_vec();
    all.push(t);
    let ctx = Context::new(&all, pictos);
    rules(&check_tutorial(t, &ctx))
}

#[test]
fn a_good_file_has_no_problem() {
    let t = file("a", Variant::Fr, |s| s);
    assert_eq!(one(&t, &[], Some(["appli"].into())), vec![]);
}

#[test]
fn each_file_rule_fails_on_a_crafted_example() {
    let check = |edit: &dyn Fn(String) -> String| one(&file("a", Variant::Fr, edit), &[], None);
    assert_eq!(check(&|s| s.replace("title = \"Je fais", "title = \"Faire")), vec![(Rule::TitleNotFirstPerson, Some(2))]);
    assert_eq!(check(&|s| s.replace("[\"famille-visio\"]", "[\"famille-visio\", \"cuisine\"]")), vec![(Rule::UnknownTopic, Some(4))]);
    assert_eq!(check(&|s| s.replace("\"whatsapp.com\"", "\"https://whatsapp.com/\"")), vec![(Rule::OfficialSiteNotDomain, Some(7))]);
    assert_eq!(check(&|s| s.replace("https://faq.whatsapp.com/", "http://faq.whatsapp.com/")), vec![(Rule::BadLink, Some(18))]);
    assert_eq!(check(&|s| s.replace("related = []", "related = [\"nulle-part\", \"a\"]")), vec![(Rule::UnknownRelated, Some(10)), (Rule::UnknownRelated, Some(10))]);
    assert_eq!(check(&|s| s.replace("Ouvrez l'application", "L'application")), vec![(Rule::StepWithoutAction, Some(15))]);
    assert_eq!(check(&|s| s.replace("Lisez", "Votre")), vec![(Rule::StepWithoutAction, Some(18))]);
    // A pictogram that is not drawn, once the folder exists.
    assert_eq!(one(&file("a", Variant::Fr, |s| s), &[], Some(["camera"].into())), vec![(Rule::UnknownPictogram, Some(15))]);
}

#[test]
fn french_action_rule() {
    for ok in ["Ouvrez l'application.", "N'ouvrez pas le lien.", "Cliquer sur « Valider ».", "Choisir un mot de passe.", "Faites une photo.", "Prendre le téléphone.", "Mets ton doigt."] {
        assert_eq!(step_has_action(Lang::Fr, ok), Ok(()), "{ok}");
    }
    for bad in ["L'application s'ouvre.", "Votre code arrive.", "Si le code n'arrive pas, attendez.", "Le bouton « Envoyer »."] {
        assert!(step_has_action(Lang::Fr, bad).is_err(), "{bad}");
    }
    assert!(step_has_action(Lang::En, "Tap Send.").is_ok());
    assert!(step_has_action(Lang::En, "Send").is_err());
    assert!(step_has_action(Lang::En, "The app opens.").is_err());
    assert!(step_has_action(Lang::Ar, "افتح التطبيق.").is_ok());
    assert!(step_has_action(Lang::Ar, "التطبيق").is_err());
}

#[test]
fn falc_limits() {
    let fr = file("a", Variant::Fr, |s| s);
    let falc = |edit: &dyn Fn(String) -> String| one(&file("a", Variant::FrFalc, edit), &[&fr], None);
    assert_eq!(falc(&|s| s), vec![]);
    let long = "Ouvrez l'application WhatsApp sur votre téléphone avec votre doigt et regardez bien la liste des personnes.";
    assert_eq!(falc(&|s| s.replace("Ouvrez l'application WhatsApp.", long)), vec![(Rule::FalcSentenceTooLong, Some(15))]);
    assert_eq!(falc(&|s| s.replace("Ouvrez l'application WhatsApp.", "Ouvrez la CAF.")), vec![(Rule::FalcCapitals, Some(15))]);
    assert_eq!(falc(&|s| s.replace("summary = \"Voir", "summary = \"Par SMS. Voir")), vec![(Rule::FalcCapitals, Some(3))]);
    assert_eq!(
        falc(&|s| s.replace("Ouvrez l'application WhatsApp.", "Ouvrez WhatsApp. Attendez. Regardez.")),
        vec![(Rule::FalcStepTooLong, Some(15))]
    );
    // The same long sentence is fine outside FALC.
    assert_eq!(one(&file("a", Variant::Fr, |s| s.replace("Ouvrez l'application WhatsApp.", long)), &[], None), vec![]);
}

#[test]
fn translations_need_their_original() {
    let en = file("a", Variant::En, |s| s);
    assert_eq!(one(&en, &[], None), vec![(Rule::NoFrenchOriginal, None)]);
    let fr = file("a", Variant::Fr, |s| s.replace("whatsapp.com", "whatsapp.net"));
    assert_eq!(one(&en, &[&fr], None), vec![(Rule::DiffersFromOriginal, Some(7))]);
    assert_eq!(one(&file("a", Variant::En, |s| s.replace("Open the", "The")), &[&file("a", Variant::Fr, |s| s)], None), vec![(Rule::StepWithoutAction, Some(15))]);
}

#[test]
fn library_rules_report_every_problem() {
    // One French tutorial only: too few, 14 topics not covered, the 15 group-A slugs missing
    // their 4 versions (60), and the file's own problem: all reported at once.
    let t = file("a", Variant::Fr, |s| s.replace("Lisez", "Votre"));
    let problems = check([&t], None);
    let count = |r: Rule| problems.iter().filter(|p| p.rule == r).count();
    assert_eq!(count(Rule::TooFewFrench), 1);
    assert_eq!(count(Rule::TopicNotCovered), SEED.len() - 1);
    assert!(problems.iter().any(|p| p.rule == Rule::TopicNotCovered && p.detail.contains("« autre »")));
    assert_eq!(count(Rule::GroupAMissingVariant), 60);
    assert_eq!(count(Rule::StepWithoutAction), 1);
    assert_eq!(problems.len(), 1 + 14 + 60 + 1);
}

#[test]
fn sentences_and_words() {
    assert_eq!(sentences("Ouvrez. Puis touchez « OK » ! Fin"), vec!["Ouvrez.", "Puis touchez « OK » !", "Fin"]);
    assert_eq!(sentences("Allez sur caf.fr puis attendez."), vec!["Allez sur caf.fr puis attendez."]);
    assert_eq!(word_count("Touchez « Envoyer » d'abord."), 3);
    assert_eq!(capitalised_words("La CAF, WhatsApp et l'ENT, Wi-Fi"), vec!["CAF", "ENT"]);
}
