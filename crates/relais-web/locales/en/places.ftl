# Directory of places (issue 6).

nav-places = Find a place
home-places-link = Find a place near you where someone can help

places-title = Find a place near you where someone can help
places-intro = Places where someone can help you in person: procedures, computers, the internet.
places-call = Would you rather we searched with you? Call us:
places-near-label = Postcode or town
places-near-hint = For example: 73000 or Chambéry. Never your address.
places-need-label = What do you need?
places-need-any = Any need
places-q-label = Keywords (optional)
places-q-hint = For example: CAF, town hall, print.
places-radius-label = Maximum distance
places-open-now-label = Only places open now
places-free-label = Only free places
places-submit = Search
places-results-title = Places found
places-results-near = Places near { $commune }
places-results-count = { $n ->
    [0] No place found.
    [one] 1 place found.
   *[other] { $n } places found.
}
places-results-none = Try a longer distance or another need, or call us:
places-distance = { $km } km
places-distance-label = Distance
places-address-label = Address
places-today-label = Today
places-today = { $hours }
places-today-closed = Closed today
places-today-unknown = Opening hours not known
places-open = Open now
places-closed = Closed now
places-hours-label = Published hours
places-contact-label = Contact
places-appointment = Book an appointment
places-accessibility-label = Accessibility
places-accessibility-sheet = Accessibility sheet (Acceslibre, in French)
places-fees-label = Fees
places-services-label = Services
places-osm-link = See on OpenStreetMap: { $name }
places-error-near-unknown = We do not know this town or postcode. Check the spelling or type the 5-digit postcode.
places-error-radius = Choose a distance between 1 and 200 km.
console-find-place = Find a place near the person

places-service-0 = Help with administrative procedures
places-service-1 = Everyday digital tools
places-service-2 = Finding work with digital tools
places-service-3 = Using digital tools safely
places-service-4 = Parenting and education with digital tools
places-service-5 = Digital leisure and creation
places-service-6 = Understanding the digital world
places-service-7 = Internet access and computers
places-service-8 = Low-cost computer equipment
places-fee-0 = Free
places-fee-1 = Free under conditions
places-fee-2 = Paid
places-specific-0 = Deafness
places-specific-1 = Physical disabilities
places-specific-2 = Mental disabilities
places-specific-3 = Illiteracy
places-specific-4 = Foreign languages (English)
places-specific-5 = Foreign languages (others)
places-specific-6 = Visual impairment
places-public-0 = Young people
places-public-1 = Students
places-public-2 = Families and/or children
places-public-3 = Older people
places-public-4 = Women
places-access-0 = Walk in
places-access-1 = Phone
places-access-2 = Contact by e-mail
places-access-3 = Book an appointment online
places-access-4 = This place does not receive the public
places-access-5 = Send an e-mail with a referral form
places-support-0 = On your own
places-support-1 = One-to-one support
places-support-2 = In a group workshop
places-support-3 = Remotely

# data·inclusion: categories of the social services' thematiques (relais_directory::social::CATEGORIES)
places-need-group-digital = Digital help
places-need-group-social = Social help and daily life
places-social-services-label = Social services
places-category-equipement-et-alimentation = Food, clothing, equipment
places-category-logement-hebergement = Housing and shelter
places-category-difficultes-financieres = Money, budget, debts
places-category-difficultes-administratives-ou-juridiques = Paperwork, rights, legal help
places-category-sante = Health
places-category-famille = Family, children
places-category-mobilite = Getting around
places-category-numerique = Digital
places-category-lecture-ecriture-calcul = Reading, writing, numbers
places-category-se-former = Training
places-category-trouver-un-emploi = Finding a job
places-category-choisir-un-metier = Choosing a job
places-category-preparer-sa-candidature = Preparing a job application
places-category-creer-une-entreprise = Starting a business
places-category-remobilisation = Regaining confidence, getting back on track
places-category-souvrir-a-linternational = Going or settling abroad
