# Anello — interface texts in English (second language).

brand-tagline = Anti-trafficking network of Piemonte and Valle d'Aosta
skip-to-content = Skip to content
footer-text = Anello — the working tool of the anti-trafficking network. The data of people in our care are confidential: every access is recorded.
loading = Loading…
language-label = Language
language-apply = Apply
nav-label = Main navigation
nav-home = Home
nav-organisations = Organisations
nav-users = Users
nav-audit = Activity log
sign-out = Sign out

sign-in-title = Sign in
sign-in-intro = Enter the e-mail address and password of your account. If you do not remember them, ask the network coordination.
sign-in-submit = Sign in
sign-in-pending = Signing in…
sign-in-already = You are already signed in as { $name }.

field-email = E-mail address
field-password = Password
field-name = Name
field-display-name = Full name
field-org-kind = Kind of organisation
field-province = Province
field-users = Users
field-status = Status
field-organisation = Organisation
field-roles = Roles
field-language = Preferred language
language-browser = Browser language
password-hint-new = At least 12 characters. Give it to the person face to face, not by e-mail.
password-hint-existing = Leave empty to keep it. A new password ends all of the person's open sessions.

home-greeting = Welcome, { $name }
home-you-are = You work for { $organisation }.
home-roles = Your roles:
home-shortcuts = What you can do
home-capacity-network = Beds of the network
home-capacity-organisation = Beds of your organisation
home-emergency = Emergency reception and safe houses
home-reception = Reception houses and supported flats
home-structures-beds = { $structures } structures, { $beds } beds
home-partner-note = As a network partner you have access to the exchange and training section. The data of the people in care are not visible to your organisation.

role-administrator = Administration
role-coordinator = Network coordination
role-reception-manager = Reception manager
role-case-worker = Reference case worker
role-outreach-worker = Street and outreach unit
role-trainer = Training
role-partner = Network partner

org-kind-coordination = Network coordination
org-kind-implementing-body = Implementing body
org-kind-partner = Network partner
org-table-caption = { $count ->
        [one] 1 organisation
       *[other] { $count } organisations
    }
org-new = New organisation
org-edit = Edit: { $name }
province-none = None (regional level)

user-table-caption = { $count ->
        [one] 1 user
       *[other] { $count } users
    }
user-new = New user
user-edit = Edit: { $name }
user-disable = Disable
user-enable = Enable again

status-active = Active
status-inactive = Disabled
actions = Actions
edit = Edit
save = Save
saved = Changes saved.
cancel = Cancel
choose = Choose…
filter-search = Search by name or e-mail
filter-all = All
filter-apply = Filter

audit-intro = Who did what, and when. The log cannot be changed or deleted.
audit-caption = { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }
audit-when = When (UTC)
audit-who = Who
audit-action = Action
audit-object = Object
audit-outcome = Outcome
audit-from = From
audit-to = To
audit-outcome-success = Succeeded
audit-outcome-denied = Denied
audit-outcome-failure = Failed
action-sign-in = Sign-in
action-sign-out = Sign-out
action-access-denied = Access to a function denied
action-organisation-create = Organisation created
action-organisation-update = Organisation changed
action-user-create = User created
action-user-update = User changed
action-user-disable = User disabled
action-user-enable = User enabled again
action-user-language = Language changed
action-demo-load = Demo data loaded
object-user = user
object-organisation = organisation
object-function = function
object-account = account
object-network = network
detail-wrong-password = wrong password
detail-unknown-account = unknown account
detail-inactive = disabled account
detail-throttled = too many attempts

action-contact-create = Contact logged
object-contact = contact
detail-organisation-inactive = organisation disabled
pager-label = Pages
pager-previous = ← Previous
pager-next = Next →
pager-position = Page { $page } of { $pages }

error-title = This could not be done
error-back-home = Back to the home page
error-not-signed-in = You need to sign in to see this page.
error-wrong-credentials = E-mail address or password not recognised.
error-forbidden = You do not have access to this function. If you think this is a mistake, ask the network coordination.
error-not-found = The page you are looking for does not exist.
error-cross-origin = Request refused: it comes from another site.
error-too-many-attempts = Too many failed sign-in attempts. Try again in { $minutes } minutes.
error-invalid = Some fields need correcting: they are marked below.
error-conflict-stale = Someone else changed this data in the meantime. Reload the page and try again.
error-cannot-disable-self = You cannot disable your own account.
error-bad-request = The request could not be read. Reload the page and try again.
error-internal = A system error occurred. No data was lost; try again shortly.
error-network = The server does not answer. Check the connection and try again.

problem-required = Required field.
problem-too-long = Text too long.
problem-too-short = Too short: at least 12 characters are needed.
problem-invalid-email = This does not look like a valid e-mail address.
problem-unknown-choice = Not a valid choice.
problem-already-taken = Already in use.
problem-demo-password = The demo password is not allowed in production.

# Contacts (street unit, help desk, toll-free line, referrals)
nav-contacts = Contacts
contacts-intro = Log a contact in a few taps. Contacts are anonymous: do not write names, addresses or anything else that identifies the person.
contact-logged = Contact logged.
contact-new = New contact
contact-submit = Log contact
contact-more-details = Date, place, nationality, several people
field-gender = Gender
field-age-band = Estimated age
field-minor-unknown-age = Minor (if the age is not known)
field-channel = Channel
field-exploitation = Suspected exploitation
field-date = Date
field-people-count = Number of people
people-count-hint = For a street-unit outing: how many people with these same characteristics you met.
field-area = Area
area-hint = An area or a street, not a precise address.
field-nationality = Nationality
contacts-recent = Recent contacts
contacts-week = Last 7 days, your organisation: { $contacts ->
        [one] 1 contact
       *[other] { $contacts } contacts
    }, { $people ->
        [one] 1 person
       *[other] { $people } people
    }.
contacts-week-network = Last 7 days, the whole network: { $contacts ->
        [one] 1 contact
       *[other] { $contacts } contacts
    }, { $people ->
        [one] 1 person
       *[other] { $people } people
    }.
contacts-none = No contacts logged yet.
contacts-caption = { $count ->
        [one] The last contact
       *[other] The last { $count } contacts
    }
contacts-who = Who
contacts-logged-by = Logged by
contacts-minor = minor
contacts-group = { $count } people: { $who }
channel-street-unit = Street unit
channel-indoor-unit = Indoor unit
channel-help-desk = Help desk
channel-toll-free = Toll-free line
channel-chat = Chat
channel-police = Police
channel-social-services = Social services
channel-health-services = Health services
channel-caritas = Caritas and low-threshold services
channel-cas-sai = CAS/SAI staff
channel-territorial-commission = Territorial Commission
gender-female = Woman
gender-male = Man
gender-transgender = Transgender person
age-under-16 = Under 16
age-16-17 = 16–17
age-18-24 = 18–24
age-25-34 = 25–34
age-35-49 = 35–49
age-50-plus = 50 and over
age-unknown = Not known
exploitation-sexual-street = Sexual, on the street
exploitation-sexual-indoor = Sexual, indoors
exploitation-labour-agriculture = Labour in agriculture
exploitation-labour-construction = Labour in construction
exploitation-labour-catering = Labour in catering
exploitation-labour-domestic-care = Domestic and care work
exploitation-begging = Forced begging
exploitation-illegal-activities = Forced illegal activities
exploitation-forced-marriage = Forced marriage
exploitation-domestic-servitude = Domestic servitude
problem-role-not-allowed = Role not allowed for this kind of organisation (network partners only have access to the forum).
error-cannot-change-own-roles = You cannot change your own roles: ask another person of the coordination.
problem-date-in-future = The date cannot be in the future.
problem-invalid-date = Not a valid date: use the yyyy-mm-dd format.
problem-out-of-range = Value outside the allowed range.
problem-contradiction = Contradicts another answer: check the age.
nationality-not-known = Not known or not asked
nationality-ng = Nigeria
nationality-ro = Romania
nationality-al = Albania
nationality-ma = Morocco
nationality-cn = China
nationality-ci = Côte d'Ivoire
nationality-gh = Ghana
nationality-sn = Senegal
nationality-gm = The Gambia
nationality-gn = Guinea
nationality-ml = Mali
nationality-cm = Cameroon
nationality-er = Eritrea
nationality-so = Somalia
nationality-eg = Egypt
nationality-tn = Tunisia
nationality-pk = Pakistan
nationality-bd = Bangladesh
nationality-in = India
nationality-lk = Sri Lanka
nationality-ph = Philippines
nationality-th = Thailand
nationality-ua = Ukraine
nationality-md = Moldova
nationality-bg = Bulgaria
nationality-br = Brazil
nationality-pe = Peru
nationality-co = Colombia
nationality-ve = Venezuela
nationality-it = Italy
nationality-other = Another country
