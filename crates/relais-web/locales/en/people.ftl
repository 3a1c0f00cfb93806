# Volunteer network: sign-up, charter, invitations, profile, training.

coordination-nav-invitations = Invite volunteers
coordination-nav-charter = Charter and badges

signup-link-intro = Not a volunteer yet?
signup-link = Become a volunteer
signup-title = Become a volunteer
signup-intro = Would you like to help people with their online procedures, by phone, from home? Sign up here. It takes 3 minutes.
signup-required-note = Phone and topics are optional. Everything else is required.
signup-name-label = Your full name
signup-email-label = Your e-mail address
signup-phone-label = Your personal phone number
signup-phone-hint = Optional. It is never given to the people we help. You choose who may see it.
signup-network-label = Your network
signup-network-hint = The association or organisation you come with. If you come on your own, choose "I come on my own".
signup-network-choose = Choose from the list
signup-independent = I come on my own (independent volunteer)
signup-independent-mail = the line
signup-privacy = We keep this information to organise the help. Only your network's coordinators see it.
signup-submit = Send my sign-up
signup-done-title = Sign-up received
signup-done-text = Thank you! We have received your sign-up.
signup-done-mail = You will receive an e-mail. A coordinator must approve your account. Then you can sign in.

people-languages-legend = Languages you speak
people-topics-legend = Topics you know well
people-topics-hint = Optional. Tick what you can explain.
people-hours-label = Hours per week, at most
people-hours-hint = A number from 1 to 60. Leave empty if you do not know.
people-password-label = Your password
people-password-hint = At least 10 characters.
people-charter-accept = I have read the volunteer charter and I commit to follow it.
people-charter-read = Read the volunteer charter

people-error-name-missing = Write your name.
people-error-name-invalid = This name is too long (120 characters at most).
people-error-email-invalid = Write a complete e-mail address, for example name@example.org.
people-error-phone-invalid = This number is not valid. Write it like this: 06 12 34 56 78.
people-error-network-missing = Choose your network, or "I come on my own".
people-error-languages-missing = Tick at least one language.
people-error-language-unknown = This language is not in the list.
people-error-topic-unknown = This topic is not in the list.
people-error-hours-invalid = Write a number of hours from 1 to 60, or leave it empty.
people-error-password-short = The password must have at least 10 characters.
people-error-password-long = The password is too long (200 characters at most).
people-error-charter-missing = To become a volunteer, you must accept the charter.
people-error-charter-changed = The charter has changed. Read it again, then tick the box again.
people-error-charter-length = Write the charter (20,000 characters at most).
people-error-badge-label = Write the badge's name (80 characters at most).
conflict-charter-changed = The charter changed meanwhile. Read it again, then accept it again.

charter-title = Volunteer charter
charter-version = Version { $version }
charter-to-signup = Become a volunteer
charter-edit-title = Edit the charter
charter-edit-label = Text of the charter (current version: { $version })
charter-edit-hint = One line per paragraph. "## " at the start of a line makes a heading, "- " a list item. Saving creates a new version, which volunteers accept again.
charter-edit-save = Save a new version
charter-saved = The new version of the charter is saved.
badges-catalogue = Badges coordinators can give
badges-new = New badge
badges-add = Add the badge

invitation-title = Your invitation
invitation-hello = Hello { $name }!
invitation-intro = The network { $network } invites you to join the volunteers. Choose a password, check your languages and topics, then accept the charter.
invitation-submit = Activate my account
invitation-used = This link has already been used. Sign in with your e-mail address and password.
invitation-expired = This link is no longer valid. Ask your coordinator for a new invitation.
invitation-sign-in = Sign in

profile-title = My profile
profile-saved = Your profile is saved.
profile-badges = Badges
profile-no-badge = No badge yet. Your network's coordinators give them after a training.
profile-notifications = E-mails I want to receive
profile-email-reminders = Reminders before my shifts
profile-email-appeals = Calls for help when a shift lacks volunteers
profile-phone-visible = Who may see my number
profile-visible-coordinators = My network's coordinators
profile-visible-nobody = Nobody
profile-save = Save

training-title = Training
training-intro = Everything to know before your first call.
training-call-title = How a call goes
training-step-take = Go on duty and take the next request. Read its topic and language.
training-step-hide = Hide your number before calling: dial #31# before the number.
training-step-call = Call the person back on the number shown.
training-step-identify = Introduce yourself: your first name and the line's name. Say why you are calling.
training-step-listen = Listen to the whole request. Say it back to be sure you understood.
training-step-passwords = Never ask for a password, a bank code or a code received by text message. The person types them.
training-step-tutorial = Use a tutorial of the topic: guide the person step by step, never doing it in their place without their consent.
training-step-orient = If it is too hard or beyond your competence, direct the person to a place that helps (France Services, town hall, association).
training-step-record = Record the outcome of the call in Relais: helped, directed elsewhere, call back, unreachable.
training-tutorials-title = Tutorials by topic
training-charter-accepted = You have accepted this version of the charter.
training-charter-accept = I accept this version of the charter

invitations-title = Invite volunteers
invitations-intro = Send a CSV file. Each person receives an e-mail with a personal link, valid for { $days } days. Someone who already has an account is not invited again.
invitations-format = Format: a header line "name,email,languages,topics" (or "nom;email;langues;sujets"). Separator ";" or ",". Languages and topics: codes separated by "|". Languages and topics are optional. To invite partner structures (CCAS, social centres, France Services), a header line “structure,name,email”: each line gets a partner account of its structure.
invitations-network = Network of the invited people
invitations-file = CSV file (UTF-8)
invitations-submit = Check and invite
invitations-done = { $count ->
    [one] 1 person invited.
   *[other] { $count } people invited.
}
invitations-known = { $count ->
    [0] Nobody was already known.
    [one] 1 person already had an account: not invited again.
   *[other] { $count } people already had an account: not invited again.
}
invitations-refused = { $count ->
    [one] The file has 1 problem. Nobody was invited. Fix it and send it again.
   *[other] The file has { $count } problems. Nobody was invited. Fix them and send it again.
}
invitations-problems = Problems in the file
invitations-col-line = Line
invitations-col-column = Column
invitations-col-problem = Problem
error-upload = The file could not be read. Send it again.
conflict-error-upload = The file could not be read. Send it again.

csv-error-not-utf8 = The file is not UTF-8. Save it as "CSV UTF-8".
csv-error-unreadable = This line cannot be read (unclosed quotes?).
csv-error-empty = The file is empty.
csv-error-no-rows = The file has nobody after the header.
csv-error-unknown-column = Unknown column. Possible columns: name, email, languages, topics (volunteers) or structure, name, email (partners).
csv-error-repeated-column = This column appears twice.
csv-error-missing-column = This required column is missing.
csv-error-too-many-cells = This line has more cells than the header.
csv-error-too-many-rows = The file has too many lines (5,000 at most).
csv-error-name-missing = The name is empty.
csv-error-name-invalid = The name is too long (120 characters at most).
csv-error-email-missing = The e-mail address is empty.
csv-error-email-invalid = This e-mail address is not valid.
csv-error-email-repeated = This e-mail address is already higher up in the file.
csv-error-language-unknown = Unknown language code (examples: fr, ar, en).
csv-error-languages-missing = No language.
csv-error-topic-unknown = Unknown topic code (see the topic list).
csv-error-structure-missing = The partner structure's name is empty.
csv-error-structure-too-long = The structure's name is too long (200 characters at most).
csv-error-partner-column = A partners' file (with the “structure” column) has no languages or topics: remove this column.

person-skills = Topics
person-charter-version = Charter accepted: version { $version }
person-charter-none = Charter not accepted yet
person-show-phone = Show the number
person-phone-journaled = Each view is written in the journal.
person-phone-hidden = Not shared
person-badge-give = Give
person-badge-remove = Remove
person-journal = Views of their personal data

mail-signup-subject = Your volunteer sign-up
mail-signup-body = Hello { $name },

    We have received your volunteer sign-up. Thank you!

    A coordinator of { $network } will approve it. You will receive another e-mail then.

    The line's team
mail-taken-subject = A sign-up with your address
mail-taken-body = Hello,

    Someone (maybe you) tried to sign up as a volunteer with your e-mail address. You already have an account: nothing was changed.

    To sign in: { $url }
    If it was not you, you can ignore this e-mail.

    The line's team
mail-approved-subject = Your volunteer account is approved
mail-approved-body = Hello { $name },

    A coordinator approved your account. You can now sign in: { $url }

    Before your first call, read the "Training" page.

    Thank you for your help!
    The line's team
mail-invitation-subject = Invitation to join the volunteers
mail-invitation-body = Hello { $name },

    The network { $network } invites you to join the volunteers of the help line for online procedures.

    To activate your account, open this personal link (valid { $days } days, once):
    { $url }

    You will choose your password and read the volunteer charter.

    The line's team
