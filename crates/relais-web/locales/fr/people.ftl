# Réseau de bénévoles : inscription, charte, invitations, profil, formation.

coordination-nav-invitations = Inviter des bénévoles
coordination-nav-charter = Charte et badges

signup-link-intro = Pas encore bénévole ?
signup-link = Devenir bénévole
signup-title = Devenir bénévole
signup-intro = Vous voulez aider des personnes à faire leurs démarches en ligne, par téléphone, depuis chez vous ? Inscrivez-vous ici. Cela prend 3 minutes.
signup-required-note = Le téléphone et les sujets sont facultatifs. Tout le reste est obligatoire.
signup-name-label = Votre nom et prénom
signup-email-label = Votre adresse e-mail
signup-phone-label = Votre numéro de téléphone personnel
signup-phone-hint = Facultatif. Il n'est jamais donné aux personnes aidées. Vous choisissez qui peut le voir.
signup-network-label = Votre réseau
signup-network-hint = L'association ou la structure avec qui vous venez. Si vous venez seul·e, choisissez « Je viens seul·e ».
signup-network-choose = Choisissez dans la liste
signup-independent = Je viens seul·e (bénévole indépendant·e)
signup-independent-mail = la ligne
signup-privacy = Nous gardons ces informations pour organiser l'aide. Seuls les coordinateurs de votre réseau les voient.
signup-submit = Envoyer mon inscription
signup-done-title = Inscription reçue
signup-done-text = Merci ! Nous avons bien reçu votre inscription.
signup-done-mail = Vous allez recevoir un e-mail. Un coordinateur doit valider votre compte. Ensuite, vous pourrez vous connecter.

people-languages-legend = Les langues que vous parlez
people-topics-legend = Les sujets que vous connaissez bien
people-topics-hint = Facultatif. Cochez ce que vous savez expliquer.
people-hours-label = Heures par semaine, au plus
people-hours-hint = Un nombre de 1 à 60. Laissez vide si vous ne savez pas.
people-password-label = Votre mot de passe
people-password-hint = Au moins 10 caractères.
people-charter-accept = J'ai lu la charte des bénévoles et je m'engage à la respecter.
people-charter-read = Lire la charte des bénévoles

people-error-name-missing = Écrivez votre nom.
people-error-name-invalid = Ce nom est trop long (120 caractères au plus).
people-error-email-invalid = Écrivez une adresse e-mail complète, par exemple nom@exemple.fr.
people-error-phone-invalid = Ce numéro ne va pas. Écrivez-le comme ceci : 06 12 34 56 78.
people-error-network-missing = Choisissez votre réseau, ou « Je viens seul·e ».
people-error-languages-missing = Cochez au moins une langue.
people-error-language-unknown = Cette langue n'est pas dans la liste.
people-error-topic-unknown = Ce sujet n'est pas dans la liste.
people-error-hours-invalid = Écrivez un nombre d'heures de 1 à 60, ou laissez vide.
people-error-password-short = Le mot de passe doit avoir au moins 10 caractères.
people-error-password-long = Le mot de passe est trop long (200 caractères au plus).
people-error-charter-missing = Pour devenir bénévole, il faut accepter la charte.
people-error-charter-changed = La charte a changé. Relisez-la, puis cochez la case à nouveau.
people-error-charter-length = Écrivez la charte (20 000 caractères au plus).
people-error-badge-label = Écrivez le nom du badge (80 caractères au plus).
conflict-charter-changed = La charte a changé entre-temps. Relisez-la puis acceptez-la à nouveau.

charter-title = Charte des bénévoles
charter-version = Version { $version }
charter-to-signup = Devenir bénévole
charter-edit-title = Modifier la charte
charter-edit-label = Texte de la charte (version actuelle : { $version })
charter-edit-hint = Une ligne par paragraphe. « ## » au début d'une ligne fait un titre, « - » un point de liste. Enregistrer crée une nouvelle version : les bénévoles l'acceptent à nouveau.
charter-edit-save = Enregistrer une nouvelle version
charter-saved = La nouvelle version de la charte est enregistrée.
badges-catalogue = Badges que les coordinateurs peuvent donner
badges-new = Nouveau badge
badges-add = Ajouter le badge

invitation-title = Votre invitation
invitation-hello = Bonjour { $name } !
invitation-intro = Le réseau { $network } vous invite à rejoindre les bénévoles. Choisissez un mot de passe, vérifiez vos langues et vos sujets, puis acceptez la charte.
invitation-submit = Activer mon compte
invitation-used = Ce lien a déjà servi. Connectez-vous avec votre adresse e-mail et votre mot de passe.
invitation-expired = Ce lien n'est plus valable. Demandez une nouvelle invitation à votre coordinateur.
invitation-sign-in = Se connecter

profile-title = Mon profil
profile-saved = Votre profil est enregistré.
profile-badges = Badges
profile-no-badge = Pas encore de badge. Les coordinateurs de votre réseau les donnent après une formation.
profile-notifications = Les e-mails que je veux recevoir
profile-email-reminders = Les rappels avant mes créneaux
profile-email-appeals = Les appels à l'aide quand un créneau manque de bénévoles
profile-phone-visible = Qui peut voir mon numéro
profile-visible-coordinators = Les coordinateurs de mon réseau
profile-visible-nobody = Personne
profile-save = Enregistrer

training-title = Formation
training-intro = Tout ce qu'il faut savoir avant votre premier appel.
training-call-title = Comment se passe un appel
training-step-take = Passez « en service » et prenez la demande suivante. Lisez le sujet et la langue.
training-step-hide = Masquez votre numéro avant d'appeler : tapez #31# devant le numéro.
training-step-call = Rappelez la personne au numéro affiché.
training-step-identify = Présentez-vous : votre prénom, et le nom de la ligne. Dites pourquoi vous appelez.
training-step-listen = Écoutez la demande jusqu'au bout. Reformulez pour être sûr·e d'avoir compris.
training-step-passwords = Ne demandez jamais un mot de passe, un code bancaire ou un code reçu par SMS. La personne les tape elle-même.
training-step-tutorial = Aidez-vous d'un tutoriel du sujet : guidez la personne pas à pas, sans faire à sa place sans son accord.
training-step-orient = Si c'est trop difficile ou hors de vos compétences, orientez vers un lieu d'aide (France Services, mairie, association).
training-step-record = Notez le résultat de l'appel dans Relais : aidé·e, orienté·e, à rappeler, injoignable.
training-tutorials-title = Tutoriels par sujet
training-charter-accepted = Vous avez accepté cette version de la charte.
training-charter-accept = J'accepte cette version de la charte

invitations-title = Inviter des bénévoles
invitations-intro = Envoyez un fichier CSV. Chaque personne reçoit un e-mail avec un lien personnel, valable { $days } jours. Une personne déjà inscrite n'est pas invitée une deuxième fois.
invitations-format = Format : une ligne d'en-tête « nom;email;langues;sujets » (ou « name,email,languages,topics »). Séparateur « ; » ou « , ». Langues et sujets : des codes séparés par « | ». Langues et sujets sont facultatifs. Pour inviter des structures partenaires (CCAS, centres sociaux, France Services), une ligne d'en-tête « structure;nom;email » : chaque ligne reçoit un compte partenaire de sa structure.
invitations-network = Réseau des personnes invitées
invitations-file = Fichier CSV (UTF-8)
invitations-submit = Vérifier et inviter
invitations-done = { $count ->
    [one] 1 personne invitée.
   *[other] { $count } personnes invitées.
}
invitations-known = { $count ->
    [0] Aucune n'était déjà connue.
    [one] 1 personne avait déjà un compte : pas invitée à nouveau.
   *[other] { $count } personnes avaient déjà un compte : pas invitées à nouveau.
}
invitations-refused = { $count ->
    [one] Le fichier a 1 problème. Personne n'a été invité. Corrigez puis envoyez à nouveau.
   *[other] Le fichier a { $count } problèmes. Personne n'a été invité. Corrigez puis envoyez à nouveau.
}
invitations-problems = Problèmes du fichier
invitations-col-line = Ligne
invitations-col-column = Colonne
invitations-col-problem = Problème
error-upload = Le fichier n'a pas pu être lu. Envoyez-le à nouveau.
conflict-error-upload = Le fichier n'a pas pu être lu. Envoyez-le à nouveau.

csv-error-not-utf8 = Le fichier n'est pas en UTF-8. Enregistrez-le en « CSV UTF-8 ».
csv-error-unreadable = Cette ligne ne peut pas être lue (guillemets mal fermés ?).
csv-error-empty = Le fichier est vide.
csv-error-no-rows = Le fichier n'a aucune personne après l'en-tête.
csv-error-unknown-column = Colonne inconnue. Colonnes possibles : nom, email, langues, sujets (bénévoles) ou structure, nom, email (partenaires).
csv-error-repeated-column = Cette colonne est en double.
csv-error-missing-column = Cette colonne obligatoire manque.
csv-error-too-many-cells = Cette ligne a plus de cases que l'en-tête.
csv-error-too-many-rows = Le fichier a trop de lignes (5 000 au plus).
csv-error-name-missing = Le nom est vide.
csv-error-name-invalid = Le nom est trop long (120 caractères au plus).
csv-error-email-missing = L'adresse e-mail est vide.
csv-error-email-invalid = Cette adresse e-mail n'est pas valable.
csv-error-email-repeated = Cette adresse e-mail est déjà plus haut dans le fichier.
csv-error-language-unknown = Code de langue inconnu (exemples : fr, ar, en).
csv-error-languages-missing = Aucune langue.
csv-error-topic-unknown = Code de sujet inconnu (voir la liste des sujets).
csv-error-structure-missing = Le nom de la structure partenaire est vide.
csv-error-structure-too-long = Le nom de la structure est trop long (200 caractères au plus).
csv-error-partner-column = Un fichier de partenaires (avec la colonne « structure ») n'a ni langues ni sujets : retirez cette colonne.

person-skills = Sujets
person-charter-version = Charte acceptée : version { $version }
person-charter-none = Charte pas encore acceptée
person-show-phone = Voir le numéro
person-phone-journaled = Chaque consultation est inscrite au journal.
person-phone-hidden = Non communiqué
person-badge-give = Donner
person-badge-remove = Retirer
person-journal = Consultations de ses données personnelles

mail-signup-subject = Votre inscription comme bénévole
mail-signup-body = Bonjour { $name },

    Nous avons bien reçu votre inscription comme bénévole. Merci !

    Un coordinateur de { $network } va la valider. Vous recevrez un autre e-mail à ce moment-là.

    L'équipe de la ligne
mail-taken-subject = Une inscription avec votre adresse
mail-taken-body = Bonjour,

    Quelqu'un (peut-être vous) a voulu s'inscrire comme bénévole avec votre adresse e-mail. Vous avez déjà un compte : rien n'a été changé.

    Pour vous connecter : { $url }
    Si ce n'était pas vous, vous pouvez ignorer cet e-mail.

    L'équipe de la ligne
mail-approved-subject = Votre compte de bénévole est validé
mail-approved-body = Bonjour { $name },

    Un coordinateur a validé votre compte. Vous pouvez maintenant vous connecter : { $url }

    Avant votre premier appel, lisez la page « Formation ».

    Merci pour votre aide !
    L'équipe de la ligne
mail-invitation-subject = Invitation à rejoindre les bénévoles
mail-invitation-body = Bonjour { $name },

    Le réseau { $network } vous invite à rejoindre les bénévoles de la ligne d'aide aux démarches en ligne.

    Pour activer votre compte, ouvrez ce lien personnel (valable { $days } jours, une seule fois) :
    { $url }

    Vous choisirez votre mot de passe et lirez la charte des bénévoles.

    L'équipe de la ligne
