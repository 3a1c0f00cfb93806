# Places: coordinators' management, web import, map (issue 6).

coordination-nav-places = Places
places-closed-until = Temporarily closed until { $date }

places-admin-title = Places in the directory
places-admin-add = Add a place
places-admin-import-link = Import a file
places-admin-stale-count = { $n ->
    [0] Every place was checked less than a year ago.
    [one] 1 place has not been checked for more than a year.
   *[other] { $n } places have not been checked for more than a year.
}
places-admin-filter-q = Name, commune or postcode
places-admin-filter-flag = Show
places-admin-flag-active = Active places
places-admin-flag-stale = To check (over a year)
places-admin-flag-closed = Temporarily closed
places-admin-flag-archived = Archived
places-admin-flag-all = All, archived included
places-admin-filter-submit = Filter
places-admin-count = { $n ->
    [0] No place.
    [one] 1 place.
   *[other] { $n } places.
}
places-admin-caption = Places, by name
places-admin-col-name = Name
places-admin-col-commune = Commune
places-admin-col-status = Status
places-admin-col-checked = Last checked
places-admin-status-open = Active
places-admin-status-archived = Archived
places-admin-stale = To check
places-admin-pages = Pages
places-admin-page = Page { $page } of { $pages }
places-admin-prev = Previous page
places-admin-next = Next page

places-admin-new-title = New place
places-admin-edit-title = Place: { $name }
places-admin-back = Back to the list of places
places-admin-public-link = See it on the public page
places-admin-status-title = Status of the place
places-admin-checked-on = Checked on { $date }.
places-admin-checked-by = Checked on { $date } by { $who }.
places-admin-check-today = Checked today
places-admin-archived-note = This place is archived: it is neither in the search nor in the export.
places-admin-restore = Restore the place
places-admin-reopen = Reopen now
places-admin-close-title = Close temporarily
places-admin-close = Close until this date
places-admin-archive = Archive the place
places-admin-fields-title = About the place
places-admin-required-note = Fields marked * are required.
places-admin-save = Save
places-admin-notice-cree = Place created.
places-admin-notice-enregistre = Changes saved.
places-admin-notice-ferme = Place temporarily closed.
places-admin-notice-rouvert = Place reopened.
places-admin-notice-archive = Place archived.
places-admin-notice-restaure = Place restored.
places-admin-notice-verifie = Place marked as checked today.

places-admin-field-nom = Name
places-admin-field-pivot = SIRET, RNA or RIDET
places-admin-field-adresse = Address
places-admin-field-complement-adresse = Address, more
places-admin-field-code-postal = Postcode
places-admin-field-commune = Commune
places-admin-field-code-insee = INSEE code of the commune
places-admin-field-latitude = Latitude
places-admin-field-longitude = Longitude
places-admin-field-horaires = Opening hours
places-admin-field-telephone = Phone
places-admin-field-courriels = E-mail addresses
places-admin-field-site-web = Web sites
places-admin-field-prise-rdv = Appointment link
places-admin-field-presentation-resume = Short presentation
places-admin-field-presentation-detail = Detailed presentation
places-admin-field-fiche-acces-libre = Accessibility sheet (Acceslibre)
places-admin-field-services = Services offered
places-admin-field-publics-specifiquement-adresses = Publics especially welcome
places-admin-field-prise-en-charge-specifique = Specific support
places-admin-field-frais-a-charge = Fees
places-admin-field-modalites-acces = How to get help there
places-admin-field-modalites-accompagnement = Ways of helping
places-admin-field-date-maj = Date of update
places-admin-field-id = Identifier
places-admin-field-closed-until = Closed until (included)
places-admin-field-closure-reason = Reason for the closure

places-admin-hint-pivot = 9 to 14 digits or letters; 00000000000000 if you do not know it.
places-admin-hint-code-insee = 5 characters, e.g. 73065 (optional).
places-admin-hint-latitude = Decimal degrees with a dot, e.g. 45.5646.
places-admin-hint-longitude = Decimal degrees with a dot, e.g. 5.9178.
places-admin-hint-horaires = OpenStreetMap format, e.g.: Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00
places-admin-hint-telephone = International format, e.g. +33479000000.
places-admin-hint-courriels = One address per line.
places-admin-hint-site-web = One address per line, starting with https://.
places-admin-hint-presentation-resume = 280 characters at most.

places-admin-error-required = { $field }: this field is required.
places-admin-error-invalid = { $field }: the value “{ $detail }” is not valid.
places-admin-error-invalid-pivot = { $field }: “{ $detail }” is not a SIRET, RNA or RIDET (9 to 14 digits or letters).
places-admin-error-invalid-code-postal = { $field }: “{ $detail }” is not a 5-digit postcode.
places-admin-error-invalid-code-insee = { $field }: “{ $detail }” is not a commune code (5 characters, e.g. 73065).
places-admin-error-invalid-latitude = { $field }: give a number from -90 to 90 with a dot (45.56), and the longitude too.
places-admin-error-invalid-longitude = { $field }: give a number from -180 to 180 with a dot (5.91), and the latitude too.
places-admin-error-invalid-telephone = { $field }: “{ $detail }” is not in international format (+33479000000).
places-admin-error-hours = { $field }: cannot read the hours from “{ $detail }”. Use the OpenStreetMap format, e.g. Mo-Fr 09:00-12:00.
places-admin-error-email = { $field }: “{ $detail }” is not an e-mail address.
places-admin-error-url = { $field }: “{ $detail }” is not a web address starting with https://.
places-admin-error-too-long = { $field }: the text is too long.
places-admin-error-vocabulary = { $field }: “{ $detail }” is not in the national schema's list.
places-admin-error-past = { $field }: this date has passed.
places-admin-error-too-far = { $field }: a closure of more than two years is an archive.
places-admin-error-invalid-closed-until = { $field }: give a date (dd/mm/yyyy).

places-import-title = Import places
places-import-upload-title = Send a file
places-import-intro = A CSV or JSON file in the national schema of digital mediation places (as for “relais import places”). Every row is checked; valid rows are stored all together or not at all.
places-import-file = File
places-import-file-hint = { $mib } MiB at most.
places-import-format = Format
places-import-format-auto = Recognised automatically
places-import-mode = What to do?
places-import-mode-preview = Only check (nothing is stored; you confirm afterwards)
places-import-mode-import = Check and store the valid rows
places-import-submit = Send
places-import-report-title = Report for { $file }
places-import-summary = { $valid } valid row(s), { $rejected } rejected row(s).
places-import-preview-note = Nothing has been stored yet.
places-import-stored = Stored: { $inserted } added, { $updated } changed, { $unchanged } unchanged.
places-import-rejected-caption = Rejected rows
places-import-col-line = Line
places-import-col-id = Identifier
places-import-col-field = Field
places-import-col-reason = Reason
places-import-more = … and { $n } more problem(s).
places-import-confirm = Store the valid rows
places-import-nothing-stored = Nothing was stored.
places-import-error-no-file = Choose a file.
places-import-error-body = The upload is incomplete; try again.
places-import-error-too-large = The file is over { $mib } MiB; split it or use “relais import places”. Nothing was stored.
places-import-error-encoding = Line { $line }: the file is not UTF-8 (save it as UTF-8).
places-import-error-csv = Line { $line }: unreadable CSV ({ $reason }).
places-import-error-json = Unreadable JSON ({ $reason }).
places-import-error-json-shape = The JSON must be a list of objects, one per place.
places-import-error-di-shape = data·inclusion file: the JSON must be an object with the lists “structures” and “services”, or a list of structures.
places-import-error-columns = Required column(s) missing: { $columns }.
places-import-error-draft-gone = This file is no longer available; send it again.

places-map-title = Map of the places
places-map-note = The list below gives the same places, with all their details.
places-map-attribution = © OpenStreetMap contributors
places-map-zoom-in = Zoom in
places-map-zoom-out = Zoom out
