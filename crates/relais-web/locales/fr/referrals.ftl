## Orientation (referral) of a person to a place, and partner structures (issue 6).

referral-orient-here = Orienter ici
referral-form-title = Orienter la personne vers { $place }
referral-back = Retour
referral-place-title = Le lieu
referral-place-email = Courriel du lieu
referral-place-no-email = Ce lieu n'a pas de courriel : il faudra l'appeler.
referral-place-phone = Téléphone du lieu
referral-place-call-first = Ce lieu ne recevra pas de courriel. L'orientation sera enregistrée : appelez le lieu pour la présenter, puis notez sa réponse ici.
referral-topic-label = Sujet
referral-topic-choose = Choisissez un sujet
referral-first-name-label = Prénom de la personne
referral-first-name-hint = Facultatif. Le lieu le verra pour accueillir la personne.
referral-need-label = Ce que le lieu doit savoir
referral-need-hint = Facultatif, { $max } caractères au plus. Pas de numéro ni d'information sensible.
referral-notify-sms-label = Envoyer à la personne, par SMS, l'adresse du lieu et ses horaires du jour
referral-person-email-label = Courriel de la personne (facultatif)
referral-person-email-hint = Si elle le souhaite, elle recevra l'adresse du lieu et ses horaires du jour.
referral-consent-label = La personne est d'accord pour que son prénom et sa demande soient transmis à ce lieu
referral-consent-hint = Obligatoire. Demandez-lui son accord avant d'envoyer.
referral-submit = Envoyer l'orientation
referral-error-consent = Cochez cette case : l'accord de la personne est obligatoire pour l'orienter.
referral-error-topic = Choisissez un sujet dans la liste.
referral-error-first-name = Le prénom est trop long ({ $max } caractères au plus).
referral-error-need-too-long = Le texte est trop long ({ $max } caractères au plus).
referral-notice-sent = Orientation envoyée : le lieu a reçu un courriel pour l'accepter ou la refuser.
referral-notice-call = Orientation enregistrée. Ce lieu n'a pas de courriel : appelez-le, puis notez sa réponse.
referral-notice-sms-opted-out = Orientation envoyée. La personne a refusé les SMS (STOP) : aucun SMS ne lui a été envoyé.
referral-notice-step = C'est noté.
referral-section-title = Orientations
referral-find-place = Chercher un lieu pour orienter la personne
referral-none = Aucune orientation pour l'instant.
referral-col-place = Lieu
referral-col-state = État
referral-col-sent = Envoyée
referral-col-answered = Réponse
referral-col-finished = Fin
referral-col-actions = Noter
referral-by-phone = à appeler
referral-place-closed = Ce lieu est fermé jusqu'au { $date } inclus : prévenez la personne ou orientez-la vers un autre lieu.
referral-place-closed-because = Ce lieu est fermé jusqu'au { $date } inclus ({ $reason }) : prévenez la personne ou orientez-la vers un autre lieu.
referral-place-archived = Ce lieu n'est plus dans l'annuaire : orientez la personne vers un autre lieu.
referral-place-closed-subject = Orientation vers { $place } : le lieu est fermé jusqu'au { $date }
referral-place-closed-body =
    Bonjour { $name },

    Vous avez orienté une personne vers { $place } le { $sent }. Ce lieu est fermé jusqu'au { $date } inclus (motif : { $reason }).

    Prévenez la personne, ou orientez-la vers un autre lieu :
    { $url }

    Relais
referral-place-archived-subject = Orientation vers { $place } : le lieu n'est plus dans l'annuaire
referral-place-archived-body =
    Bonjour { $name },

    Vous avez orienté une personne vers { $place } le { $sent }. Ce lieu n'est plus dans l'annuaire.

    Orientez la personne vers un autre lieu :
    { $url }

    Relais
referral-state-sent = Envoyée, en attente de réponse
referral-state-accepted = Acceptée
referral-state-refused = Refusée
referral-state-expired = Expirée sans réponse
referral-state-done = La personne est venue
referral-state-no-show = La personne n'est pas venue
referral-step-accept = Le lieu accepte
referral-step-refuse = Le lieu refuse
referral-step-done = La personne est venue
referral-step-no-show = La personne n'est pas venue
referral-link-title = Orientation vers { $place }
referral-link-state = État
referral-sent-label = Envoyée le
referral-expires-label = Réponse attendue avant le
referral-link-intro = Merci de nous dire ce que vous en pensez. Ce lien ne sert qu'une fois.
referral-link-questions = Une question ? Appelez la ligne :
referral-link-unknown = Ce lien n'existe pas.
referral-link-used = Ce lien a déjà servi. Votre réponse est enregistrée ; il ne peut pas servir une deuxième fois.
referral-link-expired = Ce lien n'est plus valable : le délai de réponse est passé.
referral-link-wrong-step = Ce lien ne sert pas à cela.
referral-link-already-answered = Cette orientation a déjà reçu une réponse.
referral-link-thanks-accepted = Merci : vous acceptez d'accueillir la personne. Vous recevrez un autre courriel pour nous dire si elle est venue.
referral-link-thanks-refused = Merci : votre refus est enregistré. Nous chercherons un autre lieu avec la personne.
referral-link-thanks-done = Merci : nous notons que la personne est venue.
referral-link-thanks-no-show = Merci : nous notons que la personne n'est pas venue.
referral-mail-subject = Orientation d'une personne vers { $place }
referral-mail-body =
    Bonjour,

    La ligne d'aide Relais oriente vers { $place } une personne qui a besoin d'un accompagnement, avec son accord.

    Prénom : { $first_name }
    Sujet : { $topic }
    Ce que vous devez savoir : { $need }

    Pouvez-vous l'accueillir ? Répondez avant le { $until } avec ce lien (il ne sert qu'une fois) :
    { $url }

    Une question : { $phone }.
    Relais
referral-reminder-subject = Rappel : orientation d'une personne vers { $place }
referral-reminder-body =
    Bonjour,

    Nous n'avons pas encore votre réponse pour cette orientation.

    Prénom : { $first_name }
    Sujet : { $topic }
    Ce que vous devez savoir : { $need }

    Sans réponse avant le { $until }, l'orientation expirera. Pour répondre (lien à usage unique) :
    { $url }

    Une question : { $phone }.
    Relais
referral-outcome-mail-subject = La personne orientée vers { $place } est-elle venue ?
referral-outcome-mail-body =
    Bonjour,

    Merci d'avoir accepté d'accueillir { $first_name }. Quand vous le saurez, dites-nous si la personne est venue (lien à usage unique) :
    { $url }

    Relais
referral-person-subject = Le lieu où aller : { $place }
referral-person-body =
    Relais : vous êtes attendu·e à { $place }, { $address }. { $hours }. Téléphone du lieu : { $place_phone }. Une question : { $phone }.
conflict-referral-wrong-state = Cette orientation a déjà changé d'état : rechargez la page.
conflict-referral-not-allowed = Vous ne pouvez pas noter cette étape : c'est le lieu qui répond par son lien.
conflict-referral-not-yet-expired = Le délai de cette orientation n'est pas encore passé.
conflict-referral-already-expired = Le délai de réponse de cette orientation est passé.
conflict-referral-step-unknown = Cette étape n'existe pas.
stats-referrals-title = Orientations vers un lieu
event-referral-sent = Orientation envoyée à un lieu
event-referral-accepted = Orientation acceptée par le lieu
event-referral-refused = Orientation refusée par le lieu
event-referral-expired = Orientation expirée sans réponse
event-referral-done = La personne est venue au lieu
event-referral-no-show = La personne n'est pas venue au lieu

## Partners
role-partner = Partenaire
nav-partner = Mon espace partenaire
coordination-nav-partners = Partenaires
coordination-nav-referrals = Orientations
partner-home-title = Espace partenaire
partner-send-request = Envoyer une demande à la ligne pour une personne
partner-find-place = Chercher un lieu pour orienter une personne
partner-requests-title = Demandes envoyées à la ligne
partner-requests-none = Aucune demande envoyée.
partner-referrals-title = Orientations vers un lieu
partner-col-reference = Référence
partner-col-topic = Sujet
partner-col-status = État
partner-col-sent = Envoyée
partner-col-closed = Close
partner-notice-request-sent = Demande envoyée : un bénévole rappellera la personne.
partner-request-consent-label = La personne est d'accord pour que j'envoie sa demande à la ligne
partner-request-consent-hint = Obligatoire. Demandez-lui son accord avant d'envoyer.
partner-error-consent = Cochez cette case : l'accord de la personne est obligatoire.
partners-title = Structures partenaires
partners-list-title = Comptes partenaires
partners-none = Aucun compte partenaire.
partners-structure-label = Structure
partners-structure-hint = Par exemple : CCAS de Chambéry, centre social, France Services.
partners-name-label = Nom de la personne
partners-email-label = Courriel
partners-col-status = Compte
partners-col-actions = Actions
partners-invite-title = Inviter un partenaire
partners-batch-hint = Plusieurs structures à la fois : un fichier CSV avec l'en-tête « structure;nom;email ».
partners-batch-link = Envoyer un fichier d'invitations
partners-invite-submit = Envoyer l'invitation
partners-invited = Invitation envoyée.
partners-error-name = Écrivez le nom de la personne (100 caractères au plus).
partners-error-structure = Écrivez le nom de la structure (200 caractères au plus).
partners-mail-subject = Votre accès partenaire à Relais ({ $structure })
partners-mail-body =
    Bonjour { $name },

    Vous êtes invité·e à utiliser Relais pour { $structure } : envoyer des demandes à la ligne d'aide et orienter des personnes vers un lieu.

    Choisissez votre mot de passe avec ce lien, valable { $days } jours et une seule fois :
    { $url }

    Relais
partner-invitation-title = Votre accès partenaire
partner-invitation-intro = Bonjour { $name }, choisissez votre mot de passe.
partner-invitation-password = Mot de passe
partner-invitation-password-hint = 10 caractères au moins.
partner-invitation-submit = Activer mon accès
referral-list-title = Orientations
referral-list-intro = Les orientations envoyées par les bénévoles et partenaires de vos réseaux, les plus récentes d'abord : celles qui attendent la réponse du lieu, celles qui vont expirer, celles vers un lieu fermé depuis.
referral-list-filter = État
referral-list-submit = Afficher
referral-list-all = Tous les états
referral-list-count = { $count ->
    [0] Aucune orientation.
    [one] 1 orientation.
   *[other] { $count } orientations.
}
referral-list-caption = Orientations, les plus récentes d'abord
referral-list-col-topic = Sujet
referral-list-col-sender = Envoyée par
referral-list-col-request = Demande
referral-list-open-request = Voir la demande
referral-list-no-request = (partenaire, sans demande)
