# Tutoriels (issue 3). Français : la référence. Pages publiques en français facile à lire.

nav-tutorials = Tutoriels
home-tutorials-title = Faire une démarche seul, pas à pas
home-tutorials-text = Nos fiches expliquent les démarches en ligne, étape par étape.
home-tutorials-link = Voir les tutoriels

tutorials-title = Tutoriels : les démarches pas à pas
tutorials-intro = Écrivez ce que vous voulez faire, avec vos mots.
tutorials-search-label = Que voulez-vous faire ?
tutorials-search-hint = Par exemple : « déclarer mes revenus » ou « parler à mes petits-enfants en vidéo ».
tutorials-search-submit = Chercher
tutorials-browse-title = Choisir un sujet
tutorials-all-title = Tous les tutoriels
tutorials-results-title = Résultats pour « { $q } »
tutorials-results-none = Nous n'avons pas trouvé de tutoriel. Essayez d'autres mots, ou appelez-nous.
tutorials-results-count = { $n ->
    [one] 1 tutoriel trouvé.
   *[other] { $n } tutoriels trouvés.
}
tutorials-topic-title = Sujet : { $topic }
tutorials-topic-none = Pas encore de tutoriel sur ce sujet.
tutorials-back = Retour aux tutoriels
tutorials-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}

tutorial-summary = En bref
tutorial-needs = Ce qu'il vous faut
tutorial-time = Temps
tutorial-steps = Les étapes
tutorial-step = Étape { $n }
tutorial-trouble = Si ça ne marche pas
tutorial-site = Site officiel
tutorial-checked = Vérifié le { $date }
tutorial-related = Voir aussi
tutorial-help-title = Besoin d'aide ?
tutorial-help-text = Un bénévole peut vous guider par téléphone.
tutorial-help-call = Appelez le
tutorial-falc-link = Lire la version facile à lire
tutorial-standard-link = Lire la version complète
tutorial-versions = Autres versions
tutorial-fallback-note = Ce tutoriel n'existe pas encore dans votre langue. Voici la version en français.
tutorial-print = Pour imprimer cette fiche, utilisez l'impression de votre navigateur.

feedback-title = Ce tutoriel vous a-t-il aidé ?
feedback-helped = Cela m'a aidé
feedback-not-helped = Cela ne m'a pas aidé
feedback-thanks-title = Merci
feedback-thanks-text = Merci pour votre réponse. Elle nous aide à améliorer les tutoriels.
feedback-thanks-call = Vous êtes bloqué ? Un bénévole peut vous aider.

# Console bénévole
console-tutorials-title = Tutoriels
console-tutorials-search-label = Chercher un tutoriel
console-tutorials-none = Aucun tutoriel trouvé pour ces mots.
console-tutorials-email-label = Adresse e-mail de la personne
console-tutorials-email-hint = L'adresse sert seulement à cet envoi. Elle n'est pas enregistrée dans la demande.
console-tutorials-send = Envoyer le lien par e-mail
console-tutorials-sent = Le lien du tutoriel part par e-mail.
console-tutorials-holder-only = Seule la personne qui a pris la demande peut envoyer un tutoriel.
error-email-invalid = Écrivez une adresse e-mail complète, par exemple nom@exemple.fr.
conflict-tutorial-unknown = Ce tutoriel n'existe pas.
event-tutorial-sent = Tutoriel envoyé
tutorial-channel-email = par e-mail
tutorial-mail-subject = Le tutoriel : { $title }
tutorial-mail-body = Bonjour, voici le tutoriel dont nous avons parlé au téléphone : { $title }
    { $url }

    Besoin d'aide ? Appelez le { $phone } ({ $hours }).

    L'équipe de la ligne d'aide

# Coordination : édition
nav-tutorial-editor = Tutoriels
editor-title = Tutoriels
editor-stale-count = { $n ->
    [0] Tous les tutoriels ont été vérifiés depuis moins de 6 mois.
    [one] 1 version n'a pas été vérifiée depuis 6 mois.
   *[other] { $n } versions n'ont pas été vérifiées depuis 6 mois.
}
editor-col-tutorial = Tutoriel
editor-col-versions = Versions
editor-col-checked = Vérifié le
editor-col-feedback = Aidé / pas aidé
editor-stale = à revérifier
editor-edit = Modifier
editor-edit-title = Modifier « { $title } » ({ $variant })
editor-new-title = Nouvelle version { $variant } de « { $slug } »
editor-source-label = Texte du tutoriel (Markdown avec son en-tête)
editor-source-hint = L'en-tête est entre les lignes +++. Les étapes sont une liste numérotée.
editor-preview = Aperçu
editor-publish = Publier
editor-published = Publié. La recherche est à jour.
editor-errors = Le texte a des erreurs. Rien n'a été publié.
editor-error-line = Ligne { $line } : 
editor-history = Historique
editor-restore = Republier cette version
editor-restored = Version republiée.
editor-shipped = fichier livré avec Relais
editor-current = publiée
editor-not-published = non publiée
editor-create-variant = Créer une version
editor-variant-label = Version
variant-fr = français
variant-fr-falc = français facile à lire
variant-en = anglais
variant-ar = arabe
editor-right-label = Peut modifier les tutoriels
editor-right-save = Enregistrer
conflict-feedback-answer = Choisissez « Cela m'a aidé » ou « Cela ne m'a pas aidé ».

# Erreurs du texte d'un tutoriel (éditeur), par code de relais-library
content-error-missing-front-matter = Le texte doit commencer par une ligne +++.
content-error-unclosed-front-matter = L'en-tête n'est pas fermé par une ligne +++.
content-error-front-matter-syntax = L'en-tête n'est pas écrit correctement (format TOML).
content-error-missing-field = Un champ obligatoire manque dans l'en-tête.
content-error-bad-field = Un champ de l'en-tête n'a pas la bonne forme.
content-error-unknown-field = Ce champ de l'en-tête n'existe pas.
content-error-bad-section = Une section manque, a un mauvais titre ou n'est pas à sa place.
content-error-unexpected-content = Ce texte est en dehors des listes des deux sections.
content-error-empty-item = Une étape ou une note est vide.
content-error-bad-pictogram-marker = Un pictogramme doit s'écrire [picto:nom].
content-error-missing-separator = Une note doit s'écrire « situation : que faire ».
content-rule-title-not-first-person = Le titre doit dire le but à la première personne (« Je … »).
content-rule-unknown-topic = Ce sujet n'est pas dans le catalogue.
content-rule-official-site-not-domain = Le site officiel doit être un nom de domaine seul (caf.fr).
content-rule-bad-link = Un lien doit mener à une adresse https:// valide.
content-rule-unknown-related = Un tutoriel lié n'existe pas.
content-rule-unknown-pictogram = Ce pictogramme n'existe pas.
content-rule-step-without-action = Une étape doit commencer par une action.
content-rule-falc-sentence-too-long = Une phrase est trop longue pour le français facile à lire.
content-rule-falc-capitals = Pas de sigle ni d'abréviation en français facile à lire.
content-rule-falc-step-too-long = Une étape est trop longue pour le français facile à lire.
content-rule-no-french-original = Il faut d'abord la version française de ce tutoriel.
content-rule-differs-from-original = Cette version ne correspond pas à l'original français.
content-rule-other = Le texte ne respecte pas une règle des tutoriels.
conflict-editor-coordinators-only = Ce droit se donne à un coordinateur ou une coordinatrice.
