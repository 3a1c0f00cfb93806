# Relais, textes de l'interface en français : la langue de référence.
# Pages publiques en FALC (facile à lire et à comprendre) : phrases courtes, une idée par phrase, mots de tous les jours.
# Chaque clé existe aussi dans en/main.ftl et ar/main.ftl (un test le vérifie).

## Site frame (base.html)
site-name = Relais
skip-to-content = Aller au contenu
phone-banner-call = Pour de l'aide, appelez le
nav-languages = Langues
nav-account = Mon compte
nav-console = Ma console
nav-coordination = Coordination
sign-out = Se déconnecter
cta-callback = Être rappelé
nav-follow = Suivre ma demande
nav-volunteers = Espace bénévoles
back-home = Retour à l'accueil
refresh = Actualiser
title-error-prefix = Erreur :
value-none = Non renseigné
value-empty = —
value-yes = Oui
value-no = Non

## Error pages (error.html, PageError)
error-page-title = Désolé, il y a un problème
error-page-not-found = Cette page n'existe pas. Vérifiez l'adresse.
error-page-csrf = Le formulaire a expiré. Rechargez la page et recommencez.
error-page-sign-in = Connectez-vous pour voir cette page.
error-page-forbidden = Vous n'avez pas le droit de voir cette page.
error-page-too-many = Trop d'essais en peu de temps. Attendez quelques minutes. Ensuite, recommencez.
error-page-internal = Nous avons un problème technique. Rien n'a été changé. Réessayez dans un moment.
error-page-conflict = Cette action n'est pas possible pour le moment.

## Conflicts: conflict-<code>, codes from src/error.rs (underscores become dashes)
conflict-open-request-exists = Une demande pour ce numéro attend déjà. Un bénévole va vous rappeler. Pour la suivre ou l'annuler, allez sur la page « Suivre ma demande ».
conflict-not-on-duty = Vous n'êtes pas en service. Commencez votre service pour prendre une demande.
conflict-not-holder = Cette demande n'est plus à vous. Un autre bénévole ou la coordination s'en occupe.
conflict-request-closed = Cette demande est déjà close.
conflict-request-not-waiting = Cette demande n'est plus dans la file.
conflict-request-not-due = Il n'est pas encore l'heure de rappeler pour cette demande.
conflict-concurrent-change = Quelqu'un a changé cette demande en même temps que vous. Rechargez la page et recommencez.
conflict-lease-not-expired = Le délai de cette demande n'est pas encore passé.
conflict-error-follow-up-time = Pour un suivi, choisissez une date et une heure à venir.
conflict-error-too-long = Le texte est trop long.
conflict-error-unknown = Ce choix n'existe pas.
conflict-error-volunteer-inactive = Le compte de ce bénévole n'est pas actif.
conflict-error-volunteer-missing = Choisissez un bénévole dans la liste.
conflict-error-account-status = Ce statut de compte n'existe pas.

## Field errors: the codes of FieldError (intake.rs, error.rs) and of the page forms
error-summary-title = Il y a un problème
error-generic = Cette information ne va pas. Vérifiez-la.
error-phone-missing = Écrivez votre numéro de téléphone.
error-phone-invalid = Ce numéro de téléphone ne marche pas. Écrivez-le comme ceci : 06 12 34 56 78.
error-topic-missing = Choisissez le sujet de votre demande.
error-topic-unknown = Ce sujet n'existe pas. Choisissez un sujet dans la liste.
error-language = Choisissez une langue dans la liste.
error-postcode = Le code postal a 5 chiffres. Par exemple : 75011.
error-too-long = Ce texte est trop long. Écrivez moins de mots.
error-window = Choisissez un moment dans la liste.
error-channel = Ce canal n'existe pas.
error-follow-up-time = Pour un suivi, choisissez une date et une heure à venir.
error-follow-up-format = Écrivez une date et une heure valables.
error-unknown = Ce choix n'existe pas.
error-volunteer-inactive = Le compte de ce bénévole n'est pas actif.
error-email-taken = Cette adresse e-mail a déjà un compte.
error-range = La fin doit être après le début.
error-invalid = Cette information ne va pas. Vérifiez-la.
error-volunteer-missing = Choisissez un bénévole dans la liste.
error-account-status = Ce statut de compte n'existe pas.
error-attempt-result = Choisissez le résultat de l'appel.
error-outcome = Choisissez comment la demande se termine.
error-topic-id = Écrivez un identifiant avec des lettres minuscules sans accents, des chiffres et des tirets. 40 caractères au plus.
error-topic-taken = Ce sujet existe déjà. Changez-le dans le tableau.
error-label = Écrivez un libellé de 1 à 120 caractères.
error-pictogram = Choisissez un pictogramme dans la liste.
error-position = Écrivez un nombre entier entre 0 et 100000.
error-request-number = Écrivez un numéro de demande avec seulement des chiffres.

## Home page (FALC)
home-title = De l'aide pour Internet, par téléphone
home-intro-1 = Vous avez du mal avec Internet ?
home-intro-2 = Un bénévole vous aide par téléphone, pas à pas.
home-intro-3 = L'aide est gratuite.
home-call-title = Appelez-nous
home-call-text = Notre numéro :
home-call-free = Personne ne répond ? Demandez à être rappelé.
home-callback-title = Être rappelé
home-callback-text = Laissez votre numéro. Un bénévole vous appelle.
home-follow-title = Vous avez déjà fait une demande ?
home-follow-text = Vous pouvez la suivre. Vous pouvez aussi l'annuler.

## Callback form (FALC)
request-title = Être rappelé
request-intro = Remplissez ce formulaire. Un bénévole vous appelle.
request-required-note = Seuls votre numéro et le sujet sont obligatoires.
request-phone-label = Votre numéro de téléphone
request-phone-hint = Par exemple : 06 12 34 56 78
request-topic-legend = Pour quoi avez-vous besoin d'aide ?
request-first-name-label = Votre prénom (si vous voulez)
request-language-label = Dans quelle langue voulez-vous parler ?
request-windows-legend = Quand pouvons-nous vous appeler ? (si vous voulez)
request-windows-hint = Vous pouvez cocher plusieurs cases.
request-postcode-label = Votre code postal (si vous voulez)
request-postcode-hint = 5 chiffres. Par exemple : 75011. Il sert à trouver un lieu d'aide près de chez vous.
request-urgent-label = C'est urgent
request-urgent-hint = Par exemple : une démarche à faire avant demain.
request-need-label = Votre besoin, avec vos mots (si vous voulez)
request-need-hint = { $max } caractères au plus.
request-sms-label = Je veux bien recevoir un SMS
request-sms-hint = Par exemple : un lien vers un guide. Jamais de publicité.
request-privacy = Nous gardons vos informations seulement pour vous aider. Ensuite, nous les effaçons.
request-submit = Envoyer ma demande

## Callback windows: window-<code>
window-morning = Le matin
window-midday = À midi
window-afternoon = L'après-midi
window-evening = En fin de journée

## Confirmation and wait (FALC)
confirmation-title = Votre demande est bien envoyée
confirmation-received = Merci. Nous avons bien reçu votre demande.
confirmation-reference-intro = Le numéro de votre demande :
confirmation-keep-1 = Gardez ce numéro. Écrivez-le sur un papier.
confirmation-keep-2 = Il sert à suivre votre demande. Il sert aussi à l'annuler.
confirmation-next-title = Et maintenant ?
confirmation-hidden-number = Le bénévole appelle peut-être avec un numéro masqué.
confirmation-answer = Répondez quand même. C'est sûrement nous.
confirmation-change-title = Vous changez d'avis ?
confirmation-change-text = Vous n'avez plus besoin d'aide ? Vous pouvez annuler votre demande.
wait-minutes = Un bénévole vous appelle dans { $low } à { $high } minutes environ.
wait-under = Un bénévole vous appelle dans moins de { $high } minutes environ.
wait-unknown = Nous ne pouvons pas encore estimer l'attente. Un bénévole vous appelle dès que possible.
wait-planned = Nous vous appelons vers le { $when }.

## Following and cancelling one's request (FALC)
follow-title = Suivre ma demande
follow-intro = Écrivez la référence de votre demande. Écrivez aussi votre numéro de téléphone.
follow-reference-label = Référence
follow-reference-hint = Par exemple : K7M-4QX. Vous l'avez reçue après votre demande.
follow-phone-label = Numéro de téléphone
follow-phone-hint = Le numéro écrit dans votre demande.
follow-submit = Voir ma demande
follow-lost = Vous avez perdu votre référence ? Appelez-nous.
follow-not-found = Nous ne trouvons pas de demande avec cette référence et ce numéro. Vérifiez les deux.
follow-result-title = Votre demande
follow-result-reference = La référence de votre demande :
follow-status-waiting = Votre demande attend un bénévole.
follow-status-assigned = Un bénévole s'occupe de votre demande. Il va vous appeler.
follow-status-closed = Votre demande est terminée.
follow-status-cancelled = Vous avez annulé cette demande.
follow-cancel-title = Annuler ma demande
follow-cancel-text = Vous n'avez plus besoin d'aide ? Annulez votre demande. Nous ne vous appellerons pas.
follow-cancel-button = Annuler ma demande
follow-new-request = Faire une nouvelle demande
cancelled-title = Votre demande est annulée
cancelled-text = Nous avons bien annulé votre demande.
cancelled-no-call = Nous ne vous appellerons pas.
cancelled-again = Vous avez encore besoin d'aide ? Faites une nouvelle demande.

## Request statuses: status-<code> (staff) and follow-status-<code> (public, above)
status-waiting = En attente
status-assigned = En cours
status-closed = Close

## Sign-in
sign-in-title = Espace bénévoles
sign-in-intro = Connectez-vous pour aider les personnes qui attendent.
sign-in-email = Adresse e-mail
sign-in-password = Mot de passe
sign-in-submit = Se connecter
sign-in-failed = L'adresse e-mail ou le mot de passe ne va pas. Vérifiez et recommencez.

## Volunteer console
console-title = Ma console
console-duty-title = Mon service
console-on-duty = En service
console-off-duty = Hors service
console-go-on-duty = Commencer mon service
console-go-off-duty = Terminer mon service
console-held-title = Mes demandes en cours
console-held-none = Vous n'avez aucune demande en cours.
console-held-until = Réservée pour vous jusqu'au
console-queue-title = La file d'attente
console-take-next = Prendre la demande suivante
console-take-next-off-duty = Commencez votre service pour prendre une demande.
console-history-link = Voir mon historique
console-nobody-waiting = Personne n'attend pour vous. Réessayez dans quelques minutes.
console-duty-changed = Votre service est à jour.
console-closed = La demande est close. Merci !
console-released = La demande est remise dans la file.
console-rescheduled = L'appel est noté. La demande reviendra dans la file plus tard.
console-not-yours = Cette demande n'est plus à vous.
stat-waiting = personnes attendent un appel
stat-oldest-wait = minutes d'attente pour la plus ancienne demande
stat-assigned = demandes en cours
stat-on-duty = bénévoles en service
live-changed = La file a changé. Actualisez la page pour voir la liste à jour.

## Request page (volunteer)
back-console = Retour à ma console
request-page-title = Demande { $reference }
request-about-title = La demande
request-topic = Sujet
request-phone = Téléphone
request-phone-hide-caller-id = Masquez votre numéro avant d'appeler : tapez #31# devant le numéro.
request-urgency = Urgence
request-language = Langue
request-first-name = Prénom
request-postcode = Code postal
request-windows = Moments pour appeler
request-windows-any = Pas de préférence
request-sms = Accepte les SMS
request-channel = Arrivée par
request-created = Reçue le
request-failed-attempts = Appels sans réponse
request-holder = Traitée par
request-lease-until = Réservée jusqu'au
request-due-at = À rappeler à partir du
request-outcome = Résultat
request-need = Besoin
request-note = Note
attempt-title = Noter un appel
attempt-legend = Résultat de l'appel
attempt-submit = Enregistrer l'appel
close-title = Clore la demande
close-outcome-label = Comment la demande se termine
close-outcome-choose = Choisir
close-follow-up-label = Date du prochain appel (pour un suivi)
close-follow-up-hint = Seulement pour « Suivi à prévoir ». Heure de Paris.
close-note-label = Note (si besoin)
close-note-hint = 1000 caractères au plus. Pas de données sensibles. La note sera effacée plus tard.
close-submit = Clore la demande
release-title = Rendre la demande
release-text = Vous ne pouvez pas vous en occuper ? Remettez-la dans la file pour un autre bénévole.
release-submit = Remettre dans la file
timeline-title = Ce qui s'est passé
extend-title = Garder la demande plus longtemps
extend-until = Cette demande est réservée pour vous jusqu'au
extend-text = L'appel dure longtemps ? Dites-le ici. Sinon, la demande retourne dans la file à cette heure-là.
extend-submit = Je suis encore en ligne avec la personne
extend-done = C'est noté. La demande reste à vous plus longtemps.

## Attempt results: attempt-<code>
attempt-reached = J'ai parlé à la personne
attempt-no-answer = Pas de réponse
attempt-voicemail = Messagerie
attempt-wrong-number = Mauvais numéro

## Outcomes: outcome-<code>
outcome-resolved = Résolue
outcome-oriented = Orientée vers un lieu ou un service
outcome-follow-up = Suivi à prévoir
outcome-unreachable = Personne injoignable
outcome-cancelled = Annulée
outcome-out-of-scope = Hors du champ du service

## Timeline events: event-<code>
event-created = Demande reçue
event-claimed = Prise par un bénévole
event-assigned = Attribuée par la coordination
event-attempt = Appel
event-released = Remise dans la file
event-lease-extended = Temps prolongé : le bénévole est encore en ligne
event-lease-expired = Délai dépassé : remise dans la file
event-rescheduled = Nouvel appel prévu plus tard
event-follow-up-scheduled = Suivi prévu
event-closed = Close
event-cancelled-by-person = Annulée par la personne
event-purged = Données personnelles effacées

## Channels: channel-<code>
channel-web = Site web
channel-phone = Téléphone
channel-sms = SMS
channel-referral = Orientation par un partenaire

## Urgency: urgency-<code>
urgency-normal = Normale
urgency-urgent = Urgent

## History
history-title = Mon historique
history-intro = Les demandes sur lesquelles vous avez agi, sans données personnelles.
history-empty = Vous n'avez encore agi sur aucune demande.
history-caption = Mes 100 dernières demandes

## Table headings
col-reference = Référence
col-topic = Sujet
col-status = État
col-date = Date
col-language = Langue
col-urgency = Urgence
col-volunteer = Bénévole
col-lease-until = Réservée jusqu'au
col-waiting-since = Reçue le
col-assign = Attribuer
col-name = Nom
col-role = Rôle
col-account-status = Compte
col-languages = Langues
col-networks = Réseaux
col-actions = Actions
col-label = Libellé
col-count = Nombre
col-share = Part

## Coordination
coordination-title = La file en direct
coordination-nav = Coordination
coordination-nav-queue = File en direct
coordination-nav-volunteers = Bénévoles
coordination-nav-figures = Chiffres du jour
coordination-nav-topics = Sujets
coordination-nav-journal = Journal des accès
coordination-now-title = En ce moment
coordination-waiting-later = { $count ->
    [0] Aucune demande n'est prévue plus tard.
    [one] Une demande est prévue plus tard (rappel ou suivi).
   *[other] { $count } demandes sont prévues plus tard (rappels ou suivis).
    }
coordination-queue-title = Demandes en attente et en cours
coordination-queue-caption = Demandes en cours, puis demandes à appeler maintenant, les plus urgentes d'abord
coordination-queue-empty = Aucune demande en attente ni en cours.
assign-label = Bénévole pour la demande { $reference }
assign-choose = Choisir un bénévole
assign-submit = Attribuer
assign-on-duty = en service
assign-off-duty = hors service
assign-nobody-speaks = Aucun bénévole actif ne parle cette langue.
volunteers-title = Bénévoles
volunteers-intro = Vous pouvez activer ou désactiver les comptes de vos réseaux. Un compte désactivé est déconnecté tout de suite.
volunteers-caption = Comptes
volunteers-empty = Aucun compte.
volunteers-activate = Activer
volunteers-deactivate = Désactiver
figures-title = Chiffres du jour
figures-intro = Chiffres du { $day }, heure de Paris, sans données personnelles.
figures-created = demandes reçues
figures-closed = demandes closes
figures-median-wait = minutes d'attente médiane avant le premier appel
figures-first-callbacks = premiers appels
figures-median-none = Pas encore de premier appel aujourd'hui : pas d'attente médiane.
figures-by-channel = Demandes reçues par canal
figures-by-topic = Demandes reçues par sujet
figures-by-outcome = Demandes closes par résultat
figures-empty = Rien pour l'instant.

## Topic catalogue (administrators, topics.html)
topics-title = Les sujets
topics-intro = Ces sujets sont proposés aux personnes sur le formulaire de demande. On ne supprime jamais un sujet : pour le cacher, décochez « Proposé ».
topics-labels-note = Les pages en français et en anglais montrent les libellés ci-dessous. Les autres langues montrent leur traduction, quand elle existe, sinon le libellé en français.
topics-list-title = Tous les sujets
topics-caption = Les sujets, dans l'ordre du formulaire
topics-empty = Aucun sujet.
topics-id = Identifiant
topics-id-hint = Lettres minuscules sans accents, chiffres et tirets. Par exemple : banque-en-ligne. L'identifiant ne change plus ensuite.
topics-label-fr = Libellé en français
topics-label-en = Libellé en anglais
topics-pictogram = Pictogramme
topics-pictogram-choose = Choisir un pictogramme
topics-position = Ordre
topics-position-hint = Les petits nombres sont montrés en premier.
topics-priority = Prioritaire
topics-priority-hint = Un besoin fréquent : il est montré en haut du formulaire.
topics-active = Proposé
topics-active-hint = Décochez pour ne plus proposer ce sujet. Les anciennes demandes le gardent.
topics-save = Enregistrer
topics-add-title = Ajouter un sujet
topics-add-submit = Ajouter le sujet
topics-saved = Le sujet est enregistré.

## Access journal (administrators, journal.html)
journal-title = Journal des accès
journal-intro = Qui a vu les données personnelles d'une demande, et quand. Heure de Paris.
journal-request-label = Numéro de la demande
journal-request-hint = Le numéro est à la fin de l'adresse de la page de la demande. Laissez vide pour voir les dernières consultations.
journal-filter = Chercher
journal-show-all = Voir tout le journal
journal-list-title = Consultations
journal-empty = Aucune consultation trouvée.
journal-caption-latest = Les { $count } dernières consultations, les plus récentes d'abord
journal-caption-request = Consultations de la demande numéro { $id }, les plus récentes d'abord
journal-col-when = Quand
journal-col-who = Qui
journal-col-request = Demande
journal-col-action = Action
journal-action-claim = A pris la demande
journal-action-view = A ouvert la demande

## Roles and account statuses: role-<code>, account-status-<code>
role-volunteer = Bénévole
role-coordinator = Coordination
role-admin = Administration
account-status-pending = En attente de validation
account-status-active = Actif
account-status-deactivated = Désactivé

## Topics: topic-<id> (ids from relais_domain::topics::SEED)
topic-famille-visio = Garder le contact avec ma famille (appel vidéo)
topic-declaration-en-ligne = Faire une déclaration en ligne (CAF, France Travail, impôts)
topic-info-verifiee = Trouver une information vérifiée
topic-sante-ameli = Santé et Ameli
topic-famille-caf = Famille et CAF
topic-travail-emploi = Travail et chômage
topic-impots = Impôts
topic-papiers-ants = Papiers d'identité, permis, carte grise (ANTS)
topic-logement = Logement
topic-ecole-ent = École et ENT
topic-courriel-comptes = E-mail et comptes en ligne
topic-achats-en-ligne = Achats en ligne
topic-securite-arnaques = Sécurité et arnaques
topic-equipement-connexion = Matériel et connexion
topic-autre = Autre chose

## Languages a request can be served in: language-<code> (relais_domain::request::LANGUAGES)
language-fr = Français
language-en = Anglais
language-ar = Arabe
language-es = Espagnol
language-pt = Portugais
language-it = Italien
language-de = Allemand
language-ro = Roumain
language-tr = Turc
language-ru = Russe
language-uk = Ukrainien
language-zh = Chinois
language-vi = Vietnamien
language-ff = Peul
language-wo = Wolof
language-ber = Berbère (tamazight)
