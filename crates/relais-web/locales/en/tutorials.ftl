# Tutorials (issue 3). English.

nav-tutorials = Tutorials
home-tutorials-title = Do it yourself, step by step
home-tutorials-text = Our guides explain online procedures, one step at a time.
home-tutorials-link = See the tutorials

tutorials-title = Tutorials: online procedures step by step
tutorials-intro = Write what you want to do, in your own words.
tutorials-search-label = What do you want to do?
tutorials-search-hint = For example: "declare my income" or "video call my grandchildren".
tutorials-search-submit = Search
tutorials-browse-title = Choose a topic
tutorials-all-title = All tutorials
tutorials-results-title = Results for "{ $q }"
tutorials-results-none = We found no tutorial. Try other words, or call us.
tutorials-results-count = { $n ->
    [one] 1 tutorial found.
   *[other] { $n } tutorials found.
}
tutorials-topic-title = Topic: { $topic }
tutorials-topic-none = No tutorial on this topic yet.
tutorials-back = Back to the tutorials
tutorials-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}

tutorial-summary = In short
tutorial-needs = What you need
tutorial-time = Time
tutorial-steps = The steps
tutorial-step = Step { $n }
tutorial-trouble = If it goes wrong
tutorial-site = Official site
tutorial-checked = Checked on { $date }
tutorial-related = See also
tutorial-help-title = Need help?
tutorial-help-text = A volunteer can guide you on the phone.
tutorial-help-call = Call
tutorial-falc-link = Read the easy-to-read version
tutorial-standard-link = Read the full version
tutorial-versions = Other versions
tutorial-fallback-note = This tutorial is not in your language yet. Here is the French version.
tutorial-print = To print this guide, use your browser's print command.

feedback-title = Did this tutorial help you?
feedback-helped = It helped me
feedback-not-helped = It did not help me
feedback-thanks-title = Thank you
feedback-thanks-text = Thank you for your answer. It helps us improve the tutorials.
feedback-thanks-call = Stuck? A volunteer can help you.
conflict-feedback-answer = Choose "It helped me" or "It did not help me".

console-tutorials-title = Tutorials
console-tutorials-search-label = Search a tutorial
console-tutorials-none = No tutorial found for these words.
console-tutorials-email-label = The person's e-mail address
console-tutorials-email-hint = The address is used for this message only. It is not saved in the request.
console-tutorials-send = Send the link by e-mail
console-tutorials-sent = The tutorial's link is on its way by e-mail.
console-tutorials-holder-only = Only the person who took the request can send a tutorial.
error-email-invalid = Write a complete e-mail address, for example name@example.org.
conflict-tutorial-unknown = This tutorial does not exist.
event-tutorial-sent = Tutorial sent
tutorial-channel-email = by e-mail
tutorial-mail-subject = The tutorial: { $title }
tutorial-mail-body = Hello, here is the tutorial we talked about on the phone: { $title }
    { $url }

    Need help? Call { $phone } ({ $hours }).

    The help line team

nav-tutorial-editor = Tutorials
editor-title = Tutorials
editor-stale-count = { $n ->
    [0] Every tutorial was checked less than 6 months ago.
    [one] 1 version was not checked for 6 months.
   *[other] { $n } versions were not checked for 6 months.
}
editor-col-tutorial = Tutorial
editor-col-versions = Versions
editor-col-checked = Checked on
editor-col-feedback = Helped / did not
editor-stale = check again
editor-edit = Edit
editor-edit-title = Edit "{ $title }" ({ $variant })
editor-new-title = New { $variant } version of "{ $slug }"
editor-source-label = Text of the tutorial (Markdown with its header)
editor-source-hint = The header is between the +++ lines. The steps are a numbered list.
editor-preview = Preview
editor-publish = Publish
editor-published = Published. The search is up to date.
editor-errors = The text has errors. Nothing was published.
editor-error-line = Line { $line }: 
editor-history = History
editor-restore = Publish this version again
editor-restored = Version published again.
editor-shipped = file shipped with Relais
editor-current = published
editor-not-published = not published
editor-create-variant = Create a version
editor-variant-label = Version
variant-fr = French
variant-fr-falc = easy-to-read French
variant-en = English
variant-ar = Arabic
editor-right-label = May edit tutorials
editor-right-save = Save

content-error-missing-front-matter = The text must start with a +++ line.
content-error-unclosed-front-matter = The header is not closed by a +++ line.
content-error-front-matter-syntax = The header is not written correctly (TOML format).
content-error-missing-field = A required field is missing from the header.
content-error-bad-field = A header field does not have the right form.
content-error-unknown-field = This header field does not exist.
content-error-bad-section = A section is missing, misnamed or out of place.
content-error-unexpected-content = This text is outside the lists of the two sections.
content-error-empty-item = A step or a note is empty.
content-error-bad-pictogram-marker = A pictogram is written [picto:name].
content-error-missing-separator = A note is written "situation : what to do".
content-rule-title-not-first-person = The title must state the goal in the first person ("I …").
content-rule-unknown-topic = This topic is not in the catalogue.
content-rule-official-site-not-domain = The official site must be a bare domain name (caf.fr).
content-rule-bad-link = A link must lead to a valid https:// address.
content-rule-unknown-related = A related tutorial does not exist.
content-rule-unknown-pictogram = This pictogram does not exist.
content-rule-step-without-action = A step must start with an action.
content-rule-falc-sentence-too-long = A sentence is too long for easy-to-read French.
content-rule-falc-capitals = No acronym or abbreviation in easy-to-read French.
content-rule-falc-step-too-long = A step is too long for easy-to-read French.
content-rule-no-french-original = The French version of this tutorial must exist first.
content-rule-differs-from-original = This version does not match the French original.
content-rule-other = The text breaks a rule of the tutorials.
conflict-editor-coordinators-only = This right is given to coordinators.
