## Orientation (referral) of a person to a place, and partner structures (issue 6).

referral-orient-here = Refer here
referral-form-title = Refer the person to { $place }
referral-back = Back
referral-place-title = The place
referral-place-email = Place's e-mail
referral-place-no-email = This place has no e-mail: it will have to be called.
referral-place-phone = Place's phone
referral-place-call-first = This place will not get an e-mail. The referral will be recorded: call the place to present it, then record its answer here.
referral-topic-label = Topic
referral-topic-choose = Choose a topic
referral-first-name-label = The person's first name
referral-first-name-hint = Optional. The place will see it to welcome the person.
referral-need-label = What the place should know
referral-need-hint = Optional, at most { $max } characters. No number, nothing sensitive.
referral-notify-sms-label = Send the person the place's address and today's hours by SMS
referral-person-email-label = The person's e-mail (optional)
referral-person-email-hint = If they wish, they will get the place's address and today's hours.
referral-consent-label = The person agrees that their first name and request are passed on to this place
referral-consent-hint = Required. Ask for their agreement before sending.
referral-submit = Send the referral
referral-error-consent = Tick this box: the person's agreement is required to refer them.
referral-error-topic = Choose a topic from the list.
referral-error-first-name = The first name is too long (at most { $max } characters).
referral-error-need-too-long = The text is too long (at most { $max } characters).
referral-notice-sent = Referral sent: the place got an e-mail to accept or refuse it.
referral-notice-call = Referral recorded. This place has no e-mail: call it, then record its answer.
referral-notice-sms-opted-out = Referral sent. The person refused SMS (STOP): no SMS was sent to them.
referral-notice-step = Recorded.
referral-section-title = Referrals
referral-find-place = Find a place to refer the person to
referral-none = No referral yet.
referral-col-place = Place
referral-col-state = State
referral-col-sent = Sent
referral-col-answered = Answer
referral-col-finished = End
referral-col-actions = Record
referral-by-phone = to call
referral-place-closed = This place is closed until { $date } inclusive: tell the person, or orient them to another place.
referral-place-closed-because = This place is closed until { $date } inclusive ({ $reason }): tell the person, or orient them to another place.
referral-place-archived = This place is no longer in the directory: orient the person to another place.
referral-place-closed-subject = Referral to { $place }: the place is closed until { $date }
referral-place-closed-body =
    Hello { $name },

    You referred a person to { $place } on { $sent }. This place is closed until { $date } inclusive (reason: { $reason }).

    Tell the person, or orient them to another place:
    { $url }

    Relais
referral-place-archived-subject = Referral to { $place }: the place is no longer in the directory
referral-place-archived-body =
    Hello { $name },

    You referred a person to { $place } on { $sent }. This place is no longer in the directory.

    Orient the person to another place:
    { $url }

    Relais
referral-state-sent = Sent, waiting for an answer
referral-state-accepted = Accepted
referral-state-refused = Refused
referral-state-expired = Expired without an answer
referral-state-done = The person came
referral-state-no-show = The person did not come
referral-step-accept = The place accepts
referral-step-refuse = The place refuses
referral-step-done = The person came
referral-step-no-show = The person did not come
referral-link-title = Referral to { $place }
referral-link-state = State
referral-sent-label = Sent on
referral-expires-label = Answer expected before
referral-link-intro = Please tell us your answer. This link works only once.
referral-link-questions = A question? Call the line:
referral-link-unknown = This link does not exist.
referral-link-used = This link has already been used. Your answer is recorded; it cannot be used a second time.
referral-link-expired = This link is no longer valid: the time to answer has passed.
referral-link-wrong-step = This link is not for that.
referral-link-already-answered = This referral has already been answered.
referral-link-thanks-accepted = Thank you: you accept to welcome the person. You will get another e-mail to tell us whether they came.
referral-link-thanks-refused = Thank you: your refusal is recorded. We will look for another place with the person.
referral-link-thanks-done = Thank you: we record that the person came.
referral-link-thanks-no-show = Thank you: we record that the person did not come.
referral-mail-subject = Referral of a person to { $place }
referral-mail-body =
    Hello,

    The Relais help line refers to { $place } a person who needs support, with their agreement.

    First name: { $first_name }
    Topic: { $topic }
    What you should know: { $need }

    Can you welcome them? Answer before { $until } with this link (it works once):
    { $url }

    A question: { $phone }.
    Relais
referral-reminder-subject = Reminder: referral of a person to { $place }
referral-reminder-body =
    Hello,

    We do not have your answer to this referral yet.

    First name: { $first_name }
    Topic: { $topic }
    What you should know: { $need }

    Without an answer before { $until }, the referral will expire. To answer (one-time link):
    { $url }

    A question: { $phone }.
    Relais
referral-outcome-mail-subject = Did the person referred to { $place } come?
referral-outcome-mail-body =
    Hello,

    Thank you for accepting to welcome { $first_name }. When you know, tell us whether the person came (one-time link):
    { $url }

    Relais
referral-person-subject = Where to go: { $place }
referral-person-body =
    Relais: you are expected at { $place }, { $address }. { $hours }. Place's phone: { $place_phone }. A question: { $phone }.
conflict-referral-wrong-state = This referral has already changed: reload the page.
conflict-referral-not-allowed = You cannot record this step: the place answers through its link.
conflict-referral-not-yet-expired = This referral's delay has not passed yet.
conflict-referral-already-expired = The time to answer this referral has passed.
conflict-referral-step-unknown = This step does not exist.
stats-referrals-title = Referrals to a place
event-referral-sent = Referral sent to a place
event-referral-accepted = Referral accepted by the place
event-referral-refused = Referral refused by the place
event-referral-expired = Referral expired without an answer
event-referral-done = The person came to the place
event-referral-no-show = The person did not come to the place

## Partners
role-partner = Partner
nav-partner = My partner area
coordination-nav-partners = Partners
coordination-nav-referrals = Referrals
partner-home-title = Partner area
partner-send-request = Send a request to the line for a person
partner-find-place = Find a place to refer a person to
partner-requests-title = Requests sent to the line
partner-requests-none = No request sent.
partner-referrals-title = Referrals to a place
partner-col-reference = Reference
partner-col-topic = Topic
partner-col-status = State
partner-col-sent = Sent
partner-col-closed = Closed
partner-notice-request-sent = Request sent: a volunteer will call the person back.
partner-request-consent-label = The person agrees that I send their request to the line
partner-request-consent-hint = Required. Ask for their agreement before sending.
partner-error-consent = Tick this box: the person's agreement is required.
partners-title = Partner structures
partners-list-title = Partner accounts
partners-none = No partner account.
partners-structure-label = Structure
partners-structure-hint = For example: CCAS de Chambéry, a social centre, France Services.
partners-name-label = Person's name
partners-email-label = E-mail
partners-col-status = Account
partners-col-actions = Actions
partners-invite-title = Invite a partner
partners-batch-hint = Several structures at once: a CSV file with the header “structure,name,email”.
partners-batch-link = Send an invitation file
partners-invite-submit = Send the invitation
partners-invited = Invitation sent.
partners-error-name = Write the person's name (at most 100 characters).
partners-error-structure = Write the structure's name (at most 200 characters).
partners-mail-subject = Your partner access to Relais ({ $structure })
partners-mail-body =
    Hello { $name },

    You are invited to use Relais for { $structure }: send requests to the help line and refer people to a place.

    Choose your password with this link, valid { $days } days and only once:
    { $url }

    Relais
partner-invitation-title = Your partner access
partner-invitation-intro = Hello { $name }, choose your password.
partner-invitation-password = Password
partner-invitation-password-hint = At least 10 characters.
partner-invitation-submit = Activate my access
referral-list-title = Referrals
referral-list-intro = The referrals sent by the volunteers and partners of your networks, newest first: those waiting for the place's answer, those about to expire, those to a place closed since.
referral-list-filter = State
referral-list-submit = Show
referral-list-all = All states
referral-list-count = { $count ->
    [0] No referral.
    [one] 1 referral.
   *[other] { $count } referrals.
}
referral-list-caption = Referrals, newest first
referral-list-col-topic = Topic
referral-list-col-sender = Sent by
referral-list-col-request = Request
referral-list-open-request = See the request
referral-list-no-request = (partner, no request)
