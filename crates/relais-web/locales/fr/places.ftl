# Annuaire des lieux (issue 6). Français : la référence.

nav-places = Trouver un lieu
home-places-link = Trouver un lieu d'aide près de chez vous

places-title = Trouver un lieu d'aide près de chez vous
places-intro = Des lieux où quelqu'un peut vous aider sur place : démarches, ordinateur, internet.
places-call = Vous préférez qu'on cherche avec vous ? Appelez-nous :
places-near-label = Code postal ou commune
places-near-hint = Par exemple : 73000 ou Chambéry. Jamais votre adresse.
places-need-label = De quoi avez-vous besoin ?
places-need-any = Tous les besoins
places-q-label = Mots-clés (facultatif)
places-q-hint = Par exemple : CAF, mairie, imprimer.
places-radius-label = Distance maximale
places-open-now-label = Seulement les lieux ouverts maintenant
places-free-label = Seulement les lieux gratuits
places-submit = Chercher
places-results-title = Lieux trouvés
places-results-near = Lieux près de { $commune }
places-results-count = { $n ->
    [0] Aucun lieu trouvé.
    [one] 1 lieu trouvé.
   *[other] { $n } lieux trouvés.
}
places-results-none = Essayez une distance plus grande ou un autre besoin, ou appelez-nous :
places-distance = { $km } km
places-distance-label = Distance
places-address-label = Adresse
places-today-label = Aujourd'hui
places-today = { $hours }
places-today-closed = Fermé aujourd'hui
places-today-unknown = Horaires non connus
places-open = Ouvert maintenant
places-closed = Fermé maintenant
places-hours-label = Horaires publiés
places-contact-label = Contact
places-appointment = Prendre rendez-vous
places-accessibility-label = Accessibilité
places-accessibility-sheet = Fiche d'accessibilité (Acceslibre)
places-fees-label = Frais
places-services-label = Services
places-osm-link = Voir sur OpenStreetMap : { $name }
places-error-near-unknown = Nous ne connaissons pas cette commune ni ce code postal. Vérifiez l'orthographe ou écrivez le code postal à 5 chiffres.
places-error-radius = Choisissez une distance entre 1 et 200 km.
console-find-place = Trouver un lieu près de la personne

places-service-0 = Aide aux démarches administratives
places-service-1 = Maîtrise des outils numériques du quotidien
places-service-2 = Insertion professionnelle via le numérique
places-service-3 = Utilisation sécurisée du numérique
places-service-4 = Parentalité et éducation avec le numérique
places-service-5 = Loisirs et créations numériques
places-service-6 = Compréhension du monde numérique
places-service-7 = Accès internet et matériel informatique
places-service-8 = Acquisition de matériel informatique à prix solidaire
places-fee-0 = Gratuit
places-fee-1 = Gratuit sous condition
places-fee-2 = Payant
places-specific-0 = Surdité
places-specific-1 = Handicaps moteurs
places-specific-2 = Handicaps mentaux
places-specific-3 = Illettrisme
places-specific-4 = Langues étrangères (anglais)
places-specific-5 = Langues étrangères (autres)
places-specific-6 = Déficience visuelle
places-public-0 = Jeunes
places-public-1 = Étudiants
places-public-2 = Familles et/ou enfants
places-public-3 = Seniors
places-public-4 = Femmes
places-access-0 = Se présenter
places-access-1 = Téléphoner
places-access-2 = Contacter par mail
places-access-3 = Prendre un RDV en ligne
places-access-4 = Ce lieu n'accueille pas de public
places-access-5 = Envoyer un mail avec une fiche de prescription
places-support-0 = En autonomie
places-support-1 = Accompagnement individuel
places-support-2 = Dans un atelier collectif
places-support-3 = À distance

# data·inclusion: categories of the social services' thematiques (relais_directory::social::CATEGORIES)
places-need-group-digital = Aide au numérique
places-need-group-social = Aide sociale et vie quotidienne
places-social-services-label = Services sociaux
places-category-equipement-et-alimentation = Alimentation, vêtements, équipement
places-category-logement-hebergement = Logement et hébergement
places-category-difficultes-financieres = Argent, budget, dettes
places-category-difficultes-administratives-ou-juridiques = Démarches administratives, droits, justice
places-category-sante = Santé
places-category-famille = Famille, enfants
places-category-mobilite = Se déplacer
places-category-numerique = Numérique
places-category-lecture-ecriture-calcul = Lire, écrire, compter
places-category-se-former = Se former
places-category-trouver-un-emploi = Trouver un emploi
places-category-choisir-un-metier = Choisir un métier
places-category-preparer-sa-candidature = Préparer sa candidature
places-category-creer-une-entreprise = Créer une entreprise
places-category-remobilisation = Reprendre confiance, se remettre en route
places-category-souvrir-a-linternational = Partir ou s'installer à l'étranger
