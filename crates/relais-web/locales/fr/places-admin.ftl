# Lieux : gestion par les coordinateurs, import par le web, carte (issue 6). Français : la référence.

coordination-nav-places = Lieux
places-closed-until = Fermé temporairement jusqu'au { $date }

places-admin-title = Lieux de l'annuaire
places-admin-add = Ajouter un lieu
places-admin-import-link = Importer un fichier
places-admin-stale-count = { $n ->
    [0] Tous les lieux ont été vérifiés depuis moins d'un an.
    [one] 1 lieu n'a pas été vérifié depuis plus d'un an.
   *[other] { $n } lieux n'ont pas été vérifiés depuis plus d'un an.
}
places-admin-filter-q = Nom, commune ou code postal
places-admin-filter-flag = Afficher
places-admin-flag-active = Lieux actifs
places-admin-flag-stale = À vérifier (plus d'un an)
places-admin-flag-closed = Fermés temporairement
places-admin-flag-archived = Archivés
places-admin-flag-all = Tous, archivés compris
places-admin-filter-submit = Filtrer
places-admin-count = { $n ->
    [0] Aucun lieu.
    [one] 1 lieu.
   *[other] { $n } lieux.
}
places-admin-caption = Lieux, par nom
places-admin-col-name = Nom
places-admin-col-commune = Commune
places-admin-col-status = État
places-admin-col-checked = Dernière vérification
places-admin-status-open = Actif
places-admin-status-archived = Archivé
places-admin-stale = À vérifier
places-admin-pages = Pages
places-admin-page = Page { $page } sur { $pages }
places-admin-prev = Page précédente
places-admin-next = Page suivante

places-admin-new-title = Nouveau lieu
places-admin-edit-title = Lieu : { $name }
places-admin-back = Retour à la liste des lieux
places-admin-public-link = Voir sur la page publique
places-admin-status-title = État du lieu
places-admin-checked-on = Vérifié le { $date }.
places-admin-checked-by = Vérifié le { $date } par { $who }.
places-admin-check-today = Vérifié aujourd'hui
places-admin-archived-note = Ce lieu est archivé : il n'apparaît ni dans la recherche ni dans l'export.
places-admin-restore = Restaurer le lieu
places-admin-reopen = Rouvrir maintenant
places-admin-close-title = Fermer temporairement
places-admin-close = Fermer jusqu'à cette date
places-admin-archive = Archiver le lieu
places-admin-fields-title = Informations du lieu
places-admin-required-note = Les champs marqués * sont obligatoires.
places-admin-save = Enregistrer
places-admin-notice-cree = Lieu créé.
places-admin-notice-enregistre = Modifications enregistrées.
places-admin-notice-ferme = Lieu fermé temporairement.
places-admin-notice-rouvert = Lieu rouvert.
places-admin-notice-archive = Lieu archivé.
places-admin-notice-restaure = Lieu restauré.
places-admin-notice-verifie = Lieu marqué comme vérifié aujourd'hui.

places-admin-field-nom = Nom
places-admin-field-pivot = SIRET, RNA ou RIDET
places-admin-field-adresse = Adresse
places-admin-field-complement-adresse = Complément d'adresse
places-admin-field-code-postal = Code postal
places-admin-field-commune = Commune
places-admin-field-code-insee = Code INSEE de la commune
places-admin-field-latitude = Latitude
places-admin-field-longitude = Longitude
places-admin-field-horaires = Horaires
places-admin-field-telephone = Téléphone
places-admin-field-courriels = Courriels
places-admin-field-site-web = Sites web
places-admin-field-prise-rdv = Lien de prise de rendez-vous
places-admin-field-presentation-resume = Présentation courte
places-admin-field-presentation-detail = Présentation détaillée
places-admin-field-fiche-acces-libre = Fiche accessibilité (Acceslibre)
places-admin-field-services = Services proposés
places-admin-field-publics-specifiquement-adresses = Publics accueillis en particulier
places-admin-field-prise-en-charge-specifique = Accompagnements spécifiques
places-admin-field-frais-a-charge = Frais
places-admin-field-modalites-acces = Comment y accéder
places-admin-field-modalites-accompagnement = Façons d'accompagner
places-admin-field-date-maj = Date de mise à jour
places-admin-field-id = Identifiant
places-admin-field-closed-until = Fermé jusqu'au (inclus)
places-admin-field-closure-reason = Motif de la fermeture

places-admin-hint-pivot = 9 à 14 chiffres ou lettres ; 00000000000000 si vous ne le connaissez pas.
places-admin-hint-code-insee = 5 caractères, par exemple 73065 (facultatif).
places-admin-hint-latitude = En degrés décimaux avec un point, par exemple 45.5646.
places-admin-hint-longitude = En degrés décimaux avec un point, par exemple 5.9178.
places-admin-hint-horaires = Format OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00
places-admin-hint-telephone = Au format international, par exemple +33479000000.
places-admin-hint-courriels = Un courriel par ligne.
places-admin-hint-site-web = Une adresse par ligne, commençant par https://.
places-admin-hint-presentation-resume = 280 caractères au plus.

places-admin-error-required = { $field } : ce champ est obligatoire.
places-admin-error-invalid = { $field } : la valeur « { $detail } » n'est pas valide.
places-admin-error-invalid-pivot = { $field } : « { $detail } » n'est pas un SIRET, RNA ou RIDET (9 à 14 chiffres ou lettres).
places-admin-error-invalid-code-postal = { $field } : « { $detail } » n'est pas un code postal à 5 chiffres.
places-admin-error-invalid-code-insee = { $field } : « { $detail } » n'est pas un code de commune (5 caractères, par exemple 73065).
places-admin-error-invalid-latitude = { $field } : donnez un nombre entre -90 et 90 avec un point (45.56), et la longitude avec.
places-admin-error-invalid-longitude = { $field } : donnez un nombre entre -180 et 180 avec un point (5.91), et la latitude avec.
places-admin-error-invalid-telephone = { $field } : « { $detail } » n'est pas au format international (+33479000000).
places-admin-error-hours = { $field } : horaires illisibles à partir de « { $detail } ». Utilisez le format OpenStreetMap, par exemple Mo-Fr 09:00-12:00.
places-admin-error-email = { $field } : « { $detail } » n'est pas une adresse de courriel.
places-admin-error-url = { $field } : « { $detail } » n'est pas une adresse web commençant par https://.
places-admin-error-too-long = { $field } : le texte est trop long.
places-admin-error-vocabulary = { $field } : « { $detail } » n'est pas dans la liste du schéma national.
places-admin-error-past = { $field } : la date est déjà passée.
places-admin-error-too-far = { $field } : une fermeture de plus de deux ans est un archivage.
places-admin-error-invalid-closed-until = { $field } : donnez une date (jj/mm/aaaa).

places-import-title = Importer des lieux
places-import-upload-title = Envoyer un fichier
places-import-intro = Un fichier CSV ou JSON au schéma national des lieux de médiation numérique (comme pour « relais import places »). Chaque ligne est vérifiée ; les lignes valides sont enregistrées toutes ensemble ou pas du tout.
places-import-file = Fichier
places-import-file-hint = { $mib } Mio au plus.
places-import-format = Format
places-import-format-auto = Reconnu automatiquement
places-import-mode = Que faire ?
places-import-mode-preview = Vérifier seulement (rien n'est enregistré ; vous confirmerez ensuite)
places-import-mode-import = Vérifier et enregistrer les lignes valides
places-import-submit = Envoyer
places-import-report-title = Rapport pour { $file }
places-import-summary = { $valid } ligne(s) valide(s), { $rejected } ligne(s) refusée(s).
places-import-preview-note = Rien n'a encore été enregistré.
places-import-stored = Enregistré : { $inserted } ajouté(s), { $updated } modifié(s), { $unchanged } inchangé(s).
places-import-rejected-caption = Lignes refusées
places-import-col-line = Ligne
places-import-col-id = Identifiant
places-import-col-field = Champ
places-import-col-reason = Raison
places-import-more = … et { $n } autre(s) problème(s).
places-import-confirm = Enregistrer les lignes valides
places-import-nothing-stored = Rien n'a été enregistré.
places-import-error-no-file = Choisissez un fichier.
places-import-error-body = L'envoi est incomplet ; réessayez.
places-import-error-too-large = Le fichier dépasse { $mib } Mio ; découpez-le ou utilisez « relais import places ». Rien n'a été enregistré.
places-import-error-encoding = Ligne { $line } : le fichier n'est pas en UTF-8 (enregistrez-le en UTF-8).
places-import-error-csv = Ligne { $line } : CSV illisible ({ $reason }).
places-import-error-json = JSON illisible ({ $reason }).
places-import-error-json-shape = Le JSON doit être une liste d'objets, un par lieu.
places-import-error-di-shape = Fichier data·inclusion : le JSON doit être un objet avec les listes « structures » et « services », ou une liste de structures.
places-import-error-columns = Colonne(s) obligatoire(s) absente(s) : { $columns }.
places-import-error-draft-gone = Ce fichier n'est plus disponible ; envoyez-le à nouveau.

places-map-title = Carte des lieux
places-map-note = La liste ci-dessous donne les mêmes lieux, avec toutes leurs informations.
places-map-attribution = © les contributeurs d'OpenStreetMap
places-map-zoom-in = Zoomer
places-map-zoom-out = Dézoomer
