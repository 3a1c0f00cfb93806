# Relais, interface strings in English (French is the reference).
# Public pages in plain English: short sentences, one idea per sentence, everyday words.
# Every key also exists in fr/main.ftl and ar/main.ftl (a test checks it).

## Site frame (base.html)
site-name = Relais
skip-to-content = Skip to content
phone-banner-call = For help, call
nav-languages = Languages
nav-account = My account
nav-console = My console
nav-coordination = Coordination
sign-out = Sign out
cta-callback = Get a call back
nav-follow = Follow my request
nav-volunteers = Volunteers
back-home = Back to the home page
refresh = Refresh
title-error-prefix = Error:
value-none = Not given
value-empty = —
value-yes = Yes
value-no = No

## Error pages (error.html, PageError)
error-page-title = Sorry, there is a problem
error-page-not-found = This page does not exist. Check the address.
error-page-csrf = The form has expired. Reload the page and try again.
error-page-sign-in = Sign in to see this page.
error-page-forbidden = You are not allowed to see this page.
error-page-too-many = Too many tries in a short time. Wait a few minutes, then try again.
error-page-internal = Something went wrong on our side. Nothing was changed. Try again in a moment.
error-page-conflict = This cannot be done right now.

## Conflicts: conflict-<code>, codes from src/error.rs (underscores become dashes)
conflict-open-request-exists = A request for this number is already waiting. A volunteer will call you back. To follow or cancel it, go to the page “Follow my request”.
conflict-not-on-duty = You are not on duty. Go on duty to take a request.
conflict-not-holder = This request is no longer yours. Another volunteer or the coordination is handling it.
conflict-request-closed = This request is already closed.
conflict-request-not-waiting = This request is no longer in the queue.
conflict-request-not-due = It is not yet time to call back for this request.
conflict-concurrent-change = Someone changed this request at the same time as you. Reload the page and try again.
conflict-lease-not-expired = The time given for this request has not run out yet.
conflict-error-follow-up-time = For a follow-up, choose a date and time in the future.
conflict-error-too-long = The text is too long.
conflict-error-unknown = This choice does not exist.
conflict-error-volunteer-inactive = This volunteer's account is not active.
conflict-error-volunteer-missing = Choose a volunteer from the list.
conflict-error-account-status = This account status does not exist.

## Field errors: the codes of FieldError (intake.rs, error.rs) and of the page forms
error-summary-title = There is a problem
error-generic = This information is not right. Check it.
error-phone-missing = Write your phone number.
error-phone-invalid = This phone number does not work. Write it like this: 06 12 34 56 78.
error-topic-missing = Choose what you need help with.
error-topic-unknown = This topic does not exist. Choose a topic from the list.
error-language = Choose a language from the list.
error-postcode = A postcode has 5 digits. For example: 75011.
error-too-long = This text is too long. Use fewer words.
error-window = Choose a time of day from the list.
error-channel = This channel does not exist.
error-follow-up-time = For a follow-up, choose a date and time in the future.
error-follow-up-format = Write a valid date and time.
error-unknown = This choice does not exist.
error-volunteer-inactive = This volunteer's account is not active.
error-email-taken = This e-mail address already has an account.
error-range = The end must be after the start.
error-invalid = This information is not right. Check it.
error-volunteer-missing = Choose a volunteer from the list.
error-account-status = This account status does not exist.
error-attempt-result = Choose how the call went.
error-outcome = Choose how the request ends.
error-topic-id = Write an id with lowercase letters without accents, digits and dashes. At most 40 characters.
error-topic-taken = This topic already exists. Change it in the table.
error-label = Write a label of 1 to 120 characters.
error-pictogram = Choose a pictogram from the list.
error-position = Write a whole number from 0 to 100000.
error-request-number = Write a request number with digits only.

## Home page (FALC)
home-title = Help with the Internet, by phone
home-intro-1 = Do you find the Internet hard?
home-intro-2 = A volunteer helps you by phone, step by step.
home-intro-3 = The help is free.
home-call-title = Call us
home-call-text = Our number:
home-call-free = Nobody answers? Ask for a call back.
home-callback-title = Get a call back
home-callback-text = Leave your number. A volunteer calls you.
home-follow-title = Have you already made a request?
home-follow-text = You can follow it. You can also cancel it.

## Callback form (FALC)
request-title = Get a call back
request-intro = Fill in this form. A volunteer calls you.
request-required-note = Only your number and the topic are required.
request-phone-label = Your phone number
request-phone-hint = For example: 06 12 34 56 78
request-topic-legend = What do you need help with?
request-first-name-label = Your first name (if you want)
request-language-label = Which language do you want to speak?
request-windows-legend = When can we call you? (if you want)
request-windows-hint = You can tick several boxes.
request-postcode-label = Your postcode (if you want)
request-postcode-hint = 5 digits. For example: 75011. It helps us find a place near you where you can get help.
request-urgent-label = It is urgent
request-urgent-hint = For example: something to do before tomorrow.
request-need-label = What you need, in your own words (if you want)
request-need-hint = { $max } characters at most.
request-sms-label = I agree to get a text message
request-sms-hint = For example: a link to a guide. Never any advertising.
request-privacy = We keep your information only to help you. Then we delete it.
request-submit = Send my request

## Callback windows: window-<code>
window-morning = In the morning
window-midday = At midday
window-afternoon = In the afternoon
window-evening = At the end of the day

## Confirmation and wait (FALC)
confirmation-title = Your request has been sent
confirmation-received = Thank you. We have received your request.
confirmation-reference-intro = Your request number:
confirmation-keep-1 = Keep this number. Write it down on paper.
confirmation-keep-2 = You need it to follow your request. You also need it to cancel it.
confirmation-next-title = What happens now?
confirmation-hidden-number = The volunteer may call from a hidden number.
confirmation-answer = Answer anyway. It is probably us.
confirmation-change-title = Changed your mind?
confirmation-change-text = No longer need help? You can cancel your request.
wait-minutes = A volunteer will call you in about { $low } to { $high } minutes.
wait-under = A volunteer will call you in less than about { $high } minutes.
wait-unknown = We cannot estimate the wait yet. A volunteer will call you as soon as possible.
wait-planned = We will call you around { $when }.

## Following and cancelling one's request (FALC)
follow-title = Follow my request
follow-intro = Write the reference of your request. Also write your phone number.
follow-reference-label = Reference
follow-reference-hint = For example: K7M-4QX. You got it after making your request.
follow-phone-label = Phone number
follow-phone-hint = The number you gave in your request.
follow-submit = See my request
follow-lost = Lost your reference? Call us.
follow-not-found = We cannot find a request with this reference and this number. Check both.
follow-result-title = Your request
follow-result-reference = The reference of your request:
follow-status-waiting = Your request is waiting for a volunteer.
follow-status-assigned = A volunteer is taking care of your request. They will call you.
follow-status-closed = Your request is finished.
follow-status-cancelled = You cancelled this request.
follow-cancel-title = Cancel my request
follow-cancel-text = No longer need help? Cancel your request. We will not call you.
follow-cancel-button = Cancel my request
follow-new-request = Make a new request
cancelled-title = Your request is cancelled
cancelled-text = We have cancelled your request.
cancelled-no-call = We will not call you.
cancelled-again = Need help again? Make a new request.

## Request statuses: status-<code> (staff) and follow-status-<code> (public, above)
status-waiting = Waiting
status-assigned = In progress
status-closed = Closed

## Sign-in
sign-in-title = Volunteers' area
sign-in-intro = Sign in to help the people who are waiting.
sign-in-email = E-mail address
sign-in-password = Password
sign-in-submit = Sign in
sign-in-failed = The e-mail address or the password is not right. Check them and try again.

## Volunteer console
console-title = My console
console-duty-title = My shift
console-on-duty = On duty
console-off-duty = Off duty
console-go-on-duty = Go on duty
console-go-off-duty = Go off duty
console-held-title = Requests I am handling
console-held-none = You are not handling any request.
console-held-until = Kept for you until
console-queue-title = The queue
console-take-next = Take the next request
console-take-next-off-duty = Go on duty to take a request.
console-history-link = See my history
console-nobody-waiting = Nobody is waiting for you. Try again in a few minutes.
console-duty-changed = Your duty status is updated.
console-closed = The request is closed. Thank you!
console-released = The request is back in the queue.
console-rescheduled = The call is recorded. The request will come back to the queue later.
console-not-yours = This request is no longer yours.
stat-waiting = people waiting for a call
stat-oldest-wait = minutes waited by the oldest request
stat-assigned = requests in progress
stat-on-duty = volunteers on duty
live-changed = The queue has changed. Refresh the page to see the updated list.

## Request page (volunteer)
back-console = Back to my console
request-page-title = Request { $reference }
request-about-title = The request
request-topic = Topic
request-phone = Phone
request-phone-hide-caller-id = Hide your number before calling: dial #31# before the number.
request-urgency = Urgency
request-language = Language
request-first-name = First name
request-postcode = Postcode
request-windows = When to call
request-windows-any = No preference
request-sms = Agrees to text messages
request-channel = Came in by
request-created = Received on
request-failed-attempts = Calls without an answer
request-holder = Handled by
request-lease-until = Kept until
request-due-at = To call back from
request-outcome = Outcome
request-need = Need
request-note = Note
attempt-title = Record a call
attempt-legend = How did the call go?
attempt-submit = Save the call
close-title = Close the request
close-outcome-label = How the request ends
close-outcome-choose = Choose
close-follow-up-label = Date of the next call (for a follow-up)
close-follow-up-hint = Only for “Follow-up needed”. Paris time.
close-note-label = Note (if needed)
close-note-hint = 1000 characters at most. No sensitive data. The note will be deleted later.
close-submit = Close the request
release-title = Give the request back
release-text = You cannot handle it? Put it back in the queue for another volunteer.
release-submit = Put back in the queue
timeline-title = What happened
extend-title = Keep the request longer
extend-until = This request is kept for you until
extend-text = Is the call taking long? Say so here. Otherwise the request goes back to the queue at that time.
extend-submit = I am still on the line with the person
extend-done = Noted. The request stays yours for longer.

## Attempt results: attempt-<code>
attempt-reached = I spoke to the person
attempt-no-answer = No answer
attempt-voicemail = Voicemail
attempt-wrong-number = Wrong number

## Outcomes: outcome-<code>
outcome-resolved = Solved
outcome-oriented = Referred to a place or a service
outcome-follow-up = Follow-up needed
outcome-unreachable = Could not reach the person
outcome-cancelled = Cancelled
outcome-out-of-scope = Outside what the service does

## Timeline events: event-<code>
event-created = Request received
event-claimed = Taken by a volunteer
event-assigned = Assigned by the coordination
event-attempt = Call
event-released = Put back in the queue
event-lease-extended = More time: the volunteer is still on the line
event-lease-expired = Time ran out: back in the queue
event-rescheduled = Another call planned later
event-follow-up-scheduled = Follow-up planned
event-closed = Closed
event-cancelled-by-person = Cancelled by the person
event-purged = Personal data deleted

## Channels: channel-<code>
channel-web = Website
channel-phone = Phone
channel-sms = Text message
channel-referral = Referral by a partner

## Urgency: urgency-<code>
urgency-normal = Normal
urgency-urgent = Urgent

## History
history-title = My history
history-intro = The requests you acted on, without personal data.
history-empty = You have not acted on any request yet.
history-caption = My last 100 requests

## Table headings
col-reference = Reference
col-topic = Topic
col-status = Status
col-date = Date
col-language = Language
col-urgency = Urgency
col-volunteer = Volunteer
col-lease-until = Kept until
col-waiting-since = Received on
col-assign = Assign
col-name = Name
col-role = Role
col-account-status = Account
col-languages = Languages
col-networks = Networks
col-actions = Actions
col-label = Label
col-count = Count
col-share = Share

## Coordination
coordination-title = The live queue
coordination-nav = Coordination
coordination-nav-queue = Live queue
coordination-nav-volunteers = Volunteers
coordination-nav-figures = Today's figures
coordination-nav-topics = Topics
coordination-nav-journal = Access journal
coordination-now-title = Right now
coordination-waiting-later = { $count ->
    [0] No request is planned for later.
    [one] One request is planned for later (call back or follow-up).
   *[other] { $count } requests are planned for later (call backs or follow-ups).
    }
coordination-queue-title = Requests waiting and in progress
coordination-queue-caption = Requests in progress, then requests to call now, most urgent first
coordination-queue-empty = No request is waiting or in progress.
assign-label = Volunteer for request { $reference }
assign-choose = Choose a volunteer
assign-submit = Assign
assign-on-duty = on duty
assign-off-duty = off duty
assign-nobody-speaks = No active volunteer speaks this language.
volunteers-title = Volunteers
volunteers-intro = You can activate or deactivate the accounts of your networks. A deactivated account is signed out at once.
volunteers-caption = Accounts
volunteers-empty = No account.
volunteers-activate = Activate
volunteers-deactivate = Deactivate
figures-title = Today's figures
figures-intro = Figures for { $day }, Paris time, without personal data.
figures-created = requests received
figures-closed = requests closed
figures-median-wait = median minutes of waiting before the first call
figures-first-callbacks = first calls
figures-median-none = No first call yet today: no median wait.
figures-by-channel = Requests received by channel
figures-by-topic = Requests received by topic
figures-by-outcome = Requests closed by outcome
figures-empty = Nothing yet.

## Topic catalogue (administrators, topics.html)
topics-title = Topics
topics-intro = These topics are offered to people on the request form. A topic is never deleted: to hide it, untick “Offered”.
topics-labels-note = Pages in French and English show the labels below. Other languages show their translation when there is one, otherwise the French label.
topics-list-title = All topics
topics-caption = Topics, in the order of the form
topics-empty = No topics.
topics-id = Id
topics-id-hint = Lowercase letters without accents, digits and dashes. For example: online-banking. The id cannot change later.
topics-label-fr = Label in French
topics-label-en = Label in English
topics-pictogram = Pictogram
topics-pictogram-choose = Choose a pictogram
topics-position = Order
topics-position-hint = Small numbers are shown first.
topics-priority = Priority
topics-priority-hint = A frequent need: it is shown at the top of the form.
topics-active = Offered
topics-active-hint = Untick to stop offering this topic. Past requests keep it.
topics-save = Save
topics-add-title = Add a topic
topics-add-submit = Add the topic
topics-saved = The topic is saved.

## Access journal (administrators, journal.html)
journal-title = Access journal
journal-intro = Who saw the personal data of a request, and when. Paris time.
journal-request-label = Request number
journal-request-hint = The number is at the end of the address of the request page. Leave empty to see the latest entries.
journal-filter = Search
journal-show-all = See the whole journal
journal-list-title = Entries
journal-empty = No entries found.
journal-caption-latest = The latest { $count } entries, newest first
journal-caption-request = Entries for request number { $id }, newest first
journal-col-when = When
journal-col-who = Who
journal-col-request = Request
journal-col-action = Action
journal-action-claim = Took the request
journal-action-view = Opened the request

## Roles and account statuses: role-<code>, account-status-<code>
role-volunteer = Volunteer
role-coordinator = Coordinator
role-admin = Administrator
account-status-pending = Waiting for approval
account-status-active = Active
account-status-deactivated = Deactivated

## Topics: topic-<id> (ids from relais_domain::topics::SEED)
topic-famille-visio = Keep in touch with my family (video call)
topic-declaration-en-ligne = File an online declaration (CAF, France Travail, taxes)
topic-info-verifiee = Find verified information
topic-sante-ameli = Health and Ameli
topic-famille-caf = Family and CAF
topic-travail-emploi = Work and unemployment
topic-impots = Taxes
topic-papiers-ants = ID papers, driving licence, car registration (ANTS)
topic-logement = Housing
topic-ecole-ent = School and its online platform (ENT)
topic-courriel-comptes = E-mail and online accounts
topic-achats-en-ligne = Online shopping
topic-securite-arnaques = Security and scams
topic-equipement-connexion = Equipment and connection
topic-autre = Something else

## Languages a request can be served in: language-<code> (relais_domain::request::LANGUAGES)
language-fr = French
language-en = English
language-ar = Arabic
language-es = Spanish
language-pt = Portuguese
language-it = Italian
language-de = German
language-ro = Romanian
language-tr = Turkish
language-ru = Russian
language-uk = Ukrainian
language-zh = Chinese
language-vi = Vietnamese
language-ff = Fula
language-wo = Wolof
language-ber = Berber (Tamazight)
