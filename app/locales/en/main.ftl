# Anello — interface texts in English (second language).

brand-tagline = Anti-trafficking network of Piemonte and Valle d'Aosta
skip-to-content = Skip to content
footer-text = Anello — the working tool of the anti-trafficking network. The data of people in our care are confidential: every access is recorded.
loading = Loading…
language-label = Language
language-apply = Apply
nav-label = Main navigation
nav-menu = Menu
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
form-busy = Sending…
saved = Changes saved.
cancel = Cancel
choose = Choose…
filter-search = Search by name or e-mail
filter-apply = Filter

audit-intro = Who did what, and when. The log cannot be changed or deleted.
audit-caption = { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }
audit-when = When
audit-who = Who
audit-action = Action
audit-object = Object
audit-outcome = Outcome
audit-from = From
audit-to = To
audit-outcome-success = Succeeded
audit-outcome-denied = Denied
audit-outcome-failure = Failed
audit-outcome-conflict = Refused by a conflict
action-sign-in = Sign-in
action-sign-out = Sign-out
action-password-change = Own password changed
action-session-end = Own session ended
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
action-contact-resend = Contact sent again from a phone (already recorded)
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
error-must-change-password = Choose a password of your own before going on: the current one was given by the administration.
error-not-found = The page you are looking for does not exist.
error-cross-origin = Request refused: it comes from another site.
error-too-many-attempts = Too many failed sign-in attempts. Try again in { $minutes } minutes.
error-too-many-requests = Too many requests in a short time. Try again in { $minutes } minutes.
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
problem-common-password = This password is too easy to guess: it is among the most used, or made of names, dates or keyboard sequences. Try a phrase of four unusual words.
problem-wrong-password = This is not your current password.
problem-passwords-differ = The two passwords are not the same.

# Contacts (street unit, help desk, toll-free line, referrals)
nav-contacts = Contacts
contacts-intro = Log a contact in a few taps. Contacts are anonymous: do not write names, addresses or anything else that identifies the person.
contact-logged = Contact logged.
contact-new = New contact
contact-submit = Log contact
outbox-title = Without a connection
outbox-privacy = If the phone has no signal, the contact stays on this phone until the connection returns and is then sent by itself. Only this form's fields stay on the phone, never a person's name or data; signing out deletes them.
outbox-ready = This page also opens without a connection.
outbox-waiting = { $count ->
    [one] One contact waiting to be sent
   *[other] { $count } contacts waiting to be sent
}
outbox-entry = { $day } · { $channel } · people: { $people }
outbox-refused = Not accepted by Anello:
outbox-discard = Delete from the phone
outbox-kept = Saved on the phone: it will be sent as soon as the connection returns.
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
problem-date-out-of-range = Enter a date between 2000 and 2100.
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

## Registry of people: errors
problem-invalid-phone = This does not look like a phone number: digits, spaces and + ( ) - / . only.
problem-file-too-large = The file is too large: the limit is 10 MB.
problem-upload-too-slow = The file was arriving too slowly and the upload was stopped: try again with a better connection.
problem-file-type-not-allowed = This type of file is not accepted: you can attach PDF, DOCX, ODT and PNG, JPEG or WebP images.
problem-file-type-mismatch = The file's name does not match its content (an image called ".pdf", say). Rename it with the right extension.
error-no-sharing-consent = The person has not consented to sharing her data with this organisation. Record the consent first; only the coordination may go ahead without it, giving the reason.
error-last-organisation-in-charge = At least one organisation must remain in charge of the person.
error-already-in-charge = This organisation is already in charge of the person.
error-already-waiting = The person is already on the waiting list.
error-reset-link-invalid = This link is no longer valid: it expired (it lasts 30 minutes) or was used already. Ask for a new one.
error-mail-not-configured = This network sends no e-mail: ask the administration to reset your password.
error-anonymised = This person's data has been anonymised: it can no longer be changed.
error-checklist-published = A published version never changes: work on the draft.
error-already-linked = The two records are already linked, or are the same one.

## Registry of people
nav-people = People
people-intro = The people your organisation has taken in charge and follows. The list shows only the network code: names and personal data are visible only to the team in charge of the person.
people-register = Register a person
people-found = { $count ->
        [one] 1 person
       *[other] { $count } people
    }
people-none = Nobody matches these criteria.
people-who = Person
people-registered-on = Registered on
filters = Filters
filter-any = All
filter-minors = Minors
filter-adults = Adults
field-network-code = Network code
field-age = Age
field-organisation-in-charge = Organisation in charge
field-province-in-charge = Province of the take-in
person-title = Person { $code }
person-age = { $age } years old
person-minor = minor
back-to-people = ← All people
status-contact = First contact
status-screening = Screening interview
status-proposal = Proposed for the programme
status-taken-in-charge = Taken in charge
status-placed = In shelter
status-inclusion = In social inclusion
status-exited = Left the programme
exit-autonomy = Autonomy reached
exit-voluntary-return = Assisted voluntary return
exit-transfer = Transferred to another project
exit-drop-out = Dropped out
exit-other = Other outcome
field-exit-outcome = Outcome of the exit
register-intro = The network code is given at registration and reveals nothing about the person. Personal details stay visible only to your organisation's team and to whom the person authorises.
register-submit = Register the person
field-given-names = Given names
field-family-name = Family name
field-aliases = Other names used
aliases-hint = Nicknames or names the person is known by, separated by commas.
field-date-of-birth = Date of birth
date-of-birth-hint = Declared is fine. Age and minor status come from it; the team is warned before the 18th birthday.
field-declared-minor = Minor, date of birth unknown
field-unaccompanied = Unaccompanied foreign minor
field-guardian = Guardian
guardian-hint = For unaccompanied minors: the guardian's name and the authority that appointed them.
field-languages = Languages spoken
field-documents = Documents
documents-hint = Kind and number of any documents.
field-phone = Phone
field-family-head = Mother or father (network code)
family-head-hint = For children: the code of the parent they form a family unit with, e.g. TO-2026-0042.
field-consent-processing-today = The person consented today to the processing of her data
person-anonymised = This person's personal data has been anonymised: only what the figures need remains.
person-coming-of-age = Turns 18 in { $days ->
        [one] 1 day
       *[other] { $days } days
    }: review the project and the documents.
person-possible-duplicate = A record of this person may already exist in another organisation: the coordination has been told and can link the records.
person-linked-to = This record is linked to record { $code }.
person-identity = Personal details
person-identity-hidden = You see the network code only: personal details are visible only to the team in charge of the person, and to the coordination if the person consented.
person-identity-logged = Every opening of these details is recorded and visible to the team.
person-identity-edit = Edit personal details
person-path = Path
person-path-edit = Update the path
person-children = Children in the family unit
person-team = Organisations in charge of the person
person-reference = Reference operator: { $name }
person-no-reference = No reference operator named
person-since = since
person-remove-organisation = Remove from the take-in
person-add-organisation = Add an organisation (joint take-in)
person-add-organisation-hint = The person's consent to sharing with that organisation is needed.
field-override-reason = Reason to go ahead without consent
override-reason-hint = Coordination only: the reason is recorded.
field-reference-operator = Reference operator of your organisation
person-consents = Consents
consents-none = No consent recorded.
consent-processing = Processing of data
consent-sharing = Sharing with
consent-active = In force
consent-withdraw = Record withdrawal
consent-record = Record a consent
field-consent-kind = Consent
field-consent-organisation = Organisation (for sharing)
field-given-on = Given on
field-withdrawn-on = Withdrawn on
person-access-log = Who opened or changed this record
person-access-log-hint = The last 50 openings and changes, with their outcome.
object-person = Person
action-people-list = People list consulted
action-people-search = People searched (by name, date or code)
action-person-create = Person registered
action-person-view = Record opened (code only)
action-person-identity-view = Personal details opened
action-person-identity-update = Personal details changed
action-person-path-update = Path updated
action-person-organisation-add = Organisation added to the take-in
action-person-organisation-add-override = Shared without consent (coordination)
action-person-organisation-remove = Organisation removed from the take-in
action-person-reference-update = Reference operator changed
action-person-consent-record = Consent recorded
action-person-consent-withdraw = Consent withdrawn

## Screening interviews and the indicator checklist
nav-checklists = Indicators
checklists-intro = The checklist of trafficking indicators used in screening interviews. A published version never changes: a screening keeps the version it was made with. Trainers prepare the next version and publish it.
checklist-version = Version { $version } of { $date }
checklist-draft = Draft of version { $version }
checklist-no-draft = No draft in progress. A new draft starts from the newest published version.
checklist-start-draft = Prepare a new version
checklist-text-it = Italian text
checklist-text-en = English text
checklist-remove = Leave this indicator out of the new version
checklist-new-indicator = New indicator
checklist-group = Group
checklist-changes = What changes in this version
checklist-changes-hint = Needed to publish: shown to everyone who uses the checklist.
checklist-save-draft = Save the draft
checklist-publish = Publish version { $version }
indicator-group-general = General indicators
indicator-group-sexual = Sexual exploitation
indicator-group-labour = Labour exploitation
indicator-group-begging-illegal = Forced begging and illegal activities
screening-title = Screening interview { $code }
screening-heading = Screening interview
screening-intro = Tick the indicators that came up in the interview (indicator checklist, version { $version }). Indicators are not proof: they help decide the proposal.
screening-submit = Save the interview
screening-new = New screening interview
screenings-none = No interview recorded.
screening-summary = { $count ->
        [one] 1 indicator
       *[other] { $count } indicators
    } · checklist version { $version } · { $organisation }
person-screenings = Screening interviews
back-to-person = ← Back to the record
field-held-on = Date of the interview
field-screening-outcome = Outcome of the evaluation
screening-outcome-indicators-found = Trafficking indicators found
screening-outcome-no-indicators = No indicator found
screening-outcome-proposal = Proposal of insertion into the programme
screening-outcome-commission-request = Request from the Territorial Commission
screening-outcome-commission-referral = Referral to the Territorial Commission
screening-outcome-open = Evaluation still open
object-checklist = Indicator checklist
action-person-screening-start = Screening interview opened
action-person-screening-create = Screening interview recorded
action-checklist-draft = New draft of the indicator checklist
action-checklist-edit = Draft of the indicator checklist edited
action-checklist-publish = Indicator checklist published

## Waiting list for shelter
nav-waiting-list = Waiting list
waiting-intro = People proposed for shelter, most urgent first. Only the network code is shown, with the needs one must know to offer a bed.
waiting-count = { $count ->
        [0] Nobody is waiting.
        [one] 1 person waiting
       *[other] { $count } people waiting
    }
urgency-immediate = Immediate (emergency reception)
urgency-high = High
urgency-normal = Ordinary
target-women = Women
target-men = Men
target-transgender = Transgender people
target-mothers-with-children = Mothers with children
target-girls-16-18 = Girls aged 16–18 (regional directive)
waiting-children = { $count ->
        [one] 1 child
       *[other] { $count } children
    }
waiting-disability = disability
waiting-language = language: { $language }
waiting-needs = Needs
waiting-proposed-by = Proposed by
waiting-days = { $days ->
        [0] proposed today
        [one] waiting for 1 day
       *[other] waiting for { $days } days
    }
waiting-since = A bed is wanted from { $date } ({ $days ->
        [one] waiting for 1 day
       *[other] waiting for { $days } days
    }).
waiting-not-waiting = The person is not on the waiting list.
waiting-propose = Propose for shelter
waiting-withdraw = Take off the waiting list
waiting-any-province = Any province
person-waiting = Waiting list for shelter
field-urgency = Urgency
field-target-group = Kind of reception
field-children = Children coming along
field-waiting-language = Language for mediation
field-preferred-province = Preferred province
field-wanted-from = Bed wanted from

## The person's rights over her data
person-rights = The person's data: export and anonymisation
person-rights-hint = At the person's request, or when the retention period is over. Every export and every anonymisation is recorded.
person-export-json = Download the data (JSON)
person-export-csv = Download the data (CSV)
person-anonymise = Anonymise the person
field-anonymise-reason = Reason
anonymise-request = The person's request
anonymise-retention = Retention period over
field-anonymise-confirm = I understand: names, date of birth, documents and contacts are deleted for ever; only what the figures need remains.
action-person-export = Person's data exported
action-person-anonymise = Anonymised
action-person-waiting-add = Proposed for shelter (waiting list)
action-person-waiting-withdraw = Taken off the waiting list
action-waiting-list = Waiting list consulted
field-contact-person = The person's code, if already registered
contact-person-hint = For example TO-2026-0042. Leave empty for an anonymous contact. Only people your organisation has in charge.
action-person-contact-link = Contact linked to the person
duplicates-title = Possible duplicates
duplicates-intro = Records registered by different organisations with the same names and date of birth (compared through a keyed hash, never in clear). Link the newer record to the first one: both stay with their teams.
duplicates-none = No possible duplicate to review.
duplicates-link = Link to { $code }
action-person-duplicate-link = Records linked as the same person
action-people-duplicates = Possible duplicates consulted

## Bed board
nav-board = Beds
board-counts = { $free ->
        [one] 1 free bed
       *[other] { $free } free beds
    } out of { $total } with these filters.
board-free-only = Only structures with free beds
board-search = Find a structure or a code
board-search-hint = Part of the structure's name or of a guest's code, for example Ginestra or TO-2026.
board-search-none = No structure matches the search.
board-structure-summary = { $free } of { $total ->
        [one] 1 bed
       *[other] { $total } beds
    } free
board-house-show = Show the beds of { $name }
board-houses-folded = With more than { $count } structures the board shows only each one's free beds: open a structure to see its beds.
board-houses-folded-drag = While dragging a person, rest on a closed structure to open it.
board-houses-open-all = Open all structures
board-houses-close-all = Close all structures
board-place-in = Place in bed
board-place = Place
board-place-for = Choose a bed for { $code }
board-move-to = Move to bed
board-move = Move
board-exit-reason = Reason for leaving
board-exit-date = Date of leaving
board-exit = Record the exit
board-actions-for = Move { $code } or record her exit
field-structure-kind = Kind of structure
structure-emergency = Emergency reception
structure-safe-house = Safe house (address withheld)
structure-second-reception = Second-stage reception
structure-supported-flat = Supported flat
bed-free = Free
bed-occupied = Occupied
bed-held = Held
bed-out-of-service = Out of service
bed-days = { $days ->
        [0] arrived today
        [one] for 1 day
       *[other] for { $days } days
    }
bed-planned-exit = planned exit { $date }
bed-exit-overdue = exit overdue
bed-held-until = until { $time }
stay-end-end-of-stay = End of reception (the project goes on)
stay-end-autonomy = Autonomy reached
stay-end-voluntary-return = Assisted voluntary return
stay-end-transfer-out = Transferred out of the network
stay-end-drop-out = Dropped out
stay-end-other = Other
error-bed-taken = Meanwhile this bed was given to someone else. The board has been refreshed: choose another bed.
error-bed-held = This bed is held for another incoming person.
error-bed-out-of-service = This bed is out of service.
error-already-placed = The person already has a bed: move her instead of placing her.
error-not-placed = The person has no bed.
object-board = Bed board
action-board-view = Bed board consulted
action-bed-place = Placed in a bed
action-bed-move = Moved to another bed
action-bed-discharge = Left the bed
address-withheld = Address withheld.
address-reveal = Show the address
address-reason = Why you need the address
address-reveal-submit = Show for 5 minutes
address-visible-until = Visible until { $time }; this is recorded.
bed-menu = Hold or take out of service
bed-menu-for = Hold or take out of service: { $bed }
bed-hold-for = Held for (code, optional)
bed-hold-hours = For how many hours
bed-hold = Hold the bed
bed-release = Release the hold
bed-out-reason = Why it is out of service
bed-take-out = Take out of service
bed-back-in-service = Put back in service
object-bed = Bed
object-structure = Structure
action-bed-hold = Bed held
action-bed-release = Hold released
action-bed-out-of-service = Bed out of service
action-bed-in-service = Bed back in service
action-structure-address-reveal = Withheld address shown
nav-structures = Structures
structures-intro = Your organisation's structures and beds (for the coordination: the whole network's). Addresses are never shown here: they can only be entered or replaced.
structure-new = New structure
structure-edit = Edit the structure
structure-inactive = Not active
field-structure-name = Name of the structure
field-target-groups = Who it takes in
field-address = Address
address-kept-hint = The current address is saved and not shown. Type one only to replace it.
address-new-hint = Withheld: only the organisation's staff will see it, giving a reason.
field-structure-active = Active structure (shown on the board)
field-bed-label = Name of the bed
field-bed-room = Room (optional)
bed-add = Add the bed
bed-remove = Remove
error-nothing-to-undo = There is nothing to undo: only your own last change can be undone, within a minute.
error-bed-has-history = This bed has had guests and stays in the history: take it out of service instead.
action-bed-create = New bed
action-bed-delete = Bed removed
action-structure-create = New structure
action-structure-update = Structure changed
timeline-title = Presence in the structure
timeline-heading = Presence: { $structure }, { $month }
timeline-link = Presence and occupancy
timeline-previous = ← Previous month
timeline-next = Next month →
timeline-caption = Who was in which bed, day by day
timeline-legend = Each bar is a stay with the person's code; an exclamation mark and a red border flag a planned exit already past; the vertical line is today.
timeline-stays = Stays of the month
timeline-from = From
timeline-to = To
timeline-ongoing = ongoing
timeline-presence = Days of presence and occupancy, last 12 months
timeline-month = Month
timeline-days = Days of presence
timeline-bed-days = Bed-days available
timeline-occupancy = Occupancy
back-to-board = ← Bed board
action-structure-timeline = Structure presence consulted
code-example = For example TO-2026-0042.
people-search = Find a person
people-search-hint = The name, an alias or the date of birth (dd/mm/yyyy) of the people you follow, or the whole network code or a part of it, for example 2026-0042.

## Bed board rules
error-placement-rules = This placement breaks the reception rules.
breach-target-group = The structure does not take in people of this group.
breach-minor-not-allowed-here = The structure does not take in minors without a parent.
breach-below-age-floor = She is younger than 16: places for girls take them from 16 to 18. She goes to a community for minors, with her guardian and the juvenile court.
breach-minor-without-authorisation = A minor without a parent needs the authorisation of her guardian or of the juvenile court: record it on the person's page.
breach-no-room-for-family = There are not enough adjacent free beds for the whole family.
breach-family-split = Part of the family would stay in another structure.
breach-kept-apart = Someone she must be kept apart from is in that structure.
board-override = Override with a reason (reception managers only)
board-override-reason = Reason for the override
board-override-hint = Write why the rules may be set aside: it stays in the access log.
safeguards-title = Authorisations and separations
safeguards-intro = What the bed board checks before a placement.
authorisation-title = Authorisation to shelter a minor
authorisation-none = No authorisation recorded.
authorisation-adult = Not needed: the person is an adult.
authorisation-guardian = Guardian
authorisation-juvenile-court = Juvenile court
authorisation-withdrawn = withdrawn
authorisation-withdraw = Withdraw
authorisation-kind = Authorised by
authorisation-reference = Reference
authorisation-reference-hint = For example the decree number or the date of the guardian's act.
authorisation-granted-on = Date of the authorisation
authorisation-record = Record the authorisation
kept-apart-title = To be kept apart from
kept-apart-none = Nobody recorded.
kept-apart-recruiter = known recruiter
kept-apart-witness-accused = witness and accused
kept-apart-other = another safety reason
kept-apart-remove = Remove
kept-apart-other-team = a person followed by another organisation
kept-apart-recorded-elsewhere = Recorded by another organisation: only that organisation or the coordination can remove it.
kept-apart-other-code = Code of the other person
kept-apart-reason = Reason
kept-apart-add = Add the separation
board-undo-place = You placed { $code } in a bed.
board-undo-move = You moved { $code } to another bed.
board-undo-exit = You recorded { $code } leaving.
board-undo-hint = If it was a mistake you can undo it within a minute.
board-undo = Undo
board-undone = Undone: { $code } is back where she was.
board-drag = Drag { $code }
board-live-on = Live updates on: changes made by others appear by themselves.
board-live-off = Live updates interrupted: trying again.
board-done-place = { $code } has been placed.
board-done-move = { $code } has been moved.
board-done-exit = The exit of { $code } is recorded.
board-exit-zone = Drag a person here to record her exit
board-exit-of = Exit of { $code }
board-override-confirm = Place with the override

# Personalised project
nav-my-work = My work
nav-services = Services
person-plan-link = Personalised project
person-diary-link = Case diary
error-plan-already-open = This person already has a personalised project.
error-already-on-team = This colleague is already on the team in that role.
plan-title = Personalised project of { $code }
plan-heading = Personalised project
plan-back-to-person = ← Back to the person's record
plan-none-title = No project yet
plan-none-intro = The personalised project is built together with the person: an initial assessment per area, goals and actions with dates and responsible people. Open it once she is taken in charge.
plan-open = Open the personalised project
plan-field-review-every = Reviews every (days)
plan-review-every-hint = How many days between the team's review meetings (7 to 365).
plan-opened-on = Opened on { $date }
plan-review-every = reviewed every { $days } days
plan-minor = This person is a minor: the project is integrated with social services and shared with her guardian.
plan-overdue = { $count ->
    [one] One action is late.
   *[other] { $count } actions are late.
}
plan-open-diary = Open the case diary
plan-see-timeline = Go to the timeline
plan-phase = Phase of the path
phase-first-contact = First contact
phase-protection = Protection and first assistance
phase-reception = Residential reception
phase-non-residential = Non-residential support
phase-inclusion = Active inclusion
phase-exit = Autonomy / exit
phase-state-done = done
phase-state-current = current phase
phase-state-next = to come
plan-phase-current = Current phase: { $phase }, since { $date }.
plan-phase-history = Phase history
plan-phase-change = Record a change of phase
plan-phase-record = Record the phase
plan-field-phase = Phase
plan-field-started-on = Start date
plan-field-note = Note
plan-team = Team
plan-reference-operators = Reference operators
plan-no-reference-operator = No reference operator named: choose one on the person's record.
plan-team-members = Multidisciplinary team and services involved
plan-team-empty = Nobody added yet.
plan-team-remove = Remove
plan-team-add = Add to the team
plan-team-add-submit = Add
plan-team-restricted-hint = The psychologist and legal advisor roles open the diary's restricted notes: the person's reference operator gives them, or someone who already holds that role, and never to herself.
plan-team-external-choice = — External service —
plan-team-external-hint = Only for an external service (for example "Family counselling centre"): choose "External service" above and as the role.
plan-field-colleague = Colleague
plan-field-external = External service
plan-field-role = Role
team-role-social-worker = Social worker
team-role-educator = Educator
team-role-cultural-mediator = Cultural mediator
team-role-psychologist = Psychologist
team-role-legal-advisor = Legal advisor
team-role-tutor = Tutor
team-role-external-service = External service
plan-timeline = Timeline
plan-timeline-empty = No actions yet: add them from the goals of the areas below.
plan-timeline-caption = The project's actions by area, from planned start to planned end; the dashed line is today.
plan-timeline-legend = Bar: planned period. Thin line: actual period. In red and with "!": late actions. The same actions are listed by area below.
plan-areas = Needs, goals and actions by area
plan-areas-intro = For each area: the initial assessment of the need, the goals agreed with the person and the actions to reach them.
area-legal = Legal
area-health = Health
area-housing = Housing
area-language = Language
area-training = Training
area-work = Work
area-relations = Relations and psychological support
area-parenting = Parenting
area-schooling = School (minors)
need-none = No need
need-low = Low need
need-medium = Medium need
need-high = High need
plan-assessed-on = assessed on { $date }
plan-not-assessed = Area not assessed yet.
plan-assess = Assess the need
plan-field-need = Need
plan-field-notes = Observations
plan-no-goals = No goals in this area.
plan-goal-add = Add a goal
plan-goal-add-submit = Add the goal
plan-field-description = Goal
plan-field-expected-on = To reach by
plan-goal-expected = by { $date }
goal-open = Ongoing
goal-achieved = Achieved
goal-dropped = Dropped
plan-goal-status-change = Change the goal's status
plan-field-area = Area
plan-field-goal = Goal
plan-no-actions = No actions for this goal.
plan-action-add = Add an action
plan-action-add-submit = Add the action
plan-field-service = Service
plan-other-services = Other services
plan-field-responsible = Responsible
plan-responsible-external-choice = — External service —
plan-responsible-external-hint = If an external service is responsible, choose "External service" above and write its name.
plan-field-planned-start = Planned start
plan-field-planned-end = Planned end
plan-field-actual-start = Actual start
plan-field-actual-end = Actual end
plan-field-status = Status
plan-field-outcome = Outcome
action-planned = Planned
action-in-progress = In progress
action-done = Done
action-cancelled = Cancelled
plan-action-overdue = Late
plan-action-planned = Planned period
plan-action-actual = Actual period
plan-action-mark-done = Mark as done
plan-action-update = Update dates, status and outcome
diary-title = Case diary of { $code }
diary-heading = Case diary
diary-back-to-plan = ← Back to the personalised project
diary-intro = Dated notes of the team. Each note is visible only at the confidentiality level chosen (and to whoever wrote it).
diary-new = New note
diary-add = Save the note
diary-level-hint = "Whole team": everyone on the person's team. "Legal only": only those with the legal advisor role on the team. "Psychologist only": only those with the psychologist role.
diary-level-team = Whole team
diary-level-legal = Legal only
diary-level-psychologist = Psychologist only
diary-hidden = { $count ->
    [one] One note is reserved for other professionals of the team.
   *[other] { $count } notes are reserved for other professionals of the team.
}
diary-empty = The diary is still empty.
plan-field-level = Confidentiality
plan-field-written-on = Date
plan-field-body = Text of the note
my-work-title = My work
my-work-intro = Late and upcoming actions of the projects you are part of, and people about to turn 18.
my-work-nothing = Nothing late or coming up. Good work!
my-work-overdue = Late actions ({ $count })
my-work-upcoming = Due in the next { $days } days
my-work-coming-of-age = People turning 18 soon
my-work-none = None.
my-work-turns-18 = turns 18 in { $days } days
my-work-yours = yours
services-title = Service catalogue
services-intro = The services that actions of personalised projects are chosen from. The network's coordination can add services and deactivate them; a deactivated service stays in the projects already using it.
services-add = Add a service
services-add-submit = Add the service
services-change = Change
services-active = Active
services-inactive = Deactivated
services-activate = Reactivate
services-deactivate = Deactivate
plan-field-name-it = Name in Italian
plan-field-name-en = Name in English
error-plan-closed = The project is closed: it can be read, not changed.
plan-closed-title = Project closed on { $date }
plan-closed-read-only = The project is read-only.
plan-field-exit-outcome = Exit outcome
plan-exit = Exit from the project
plan-exit-open = Close the project
plan-exit-intro = Once closed the project is read-only and the person's path is recorded as ended with this outcome. Reviews not yet held no longer appear in your work.
plan-exit-autonomy = Autonomy
plan-exit-permit-converted = Permit converted
plan-exit-voluntary-return = Assisted voluntary return
plan-exit-transfer = Transfer to another project
plan-exit-drop-out = Drop-out
plan-exit-submit = Close the project
plan-field-closed-on = Closing date
plan-field-summary = Closing summary
plan-field-confirm = I confirm: the project becomes read-only
plan-reviews = Periodic reviews
plan-review-none = No review scheduled.
plan-review-next = Next review: { $date }
plan-review-late = Late
plan-review-record = Record the review
plan-review-record-submit = Save the minutes
plan-review-move = Move the date
plan-reviews-held = Reviews held
plan-field-scheduled-on = Planned date
plan-field-held-on = Date of the meeting
plan-field-minutes = Minutes
plan-field-decisions = Decisions taken
plan-field-kind = Kind
plan-permits = Residence permit
plan-permits-none = No permit recorded.
plan-permit-add = Record a permit
permit-art18 = Art. 18 (social protection)
permit-labour-exploitation = Art. 22(12-quater) (labour exploitation)
permit-international-protection = International protection
permit-special-protection = Special protection
permit-minor-age = Minor age
permit-work = Work
permit-study = Study
permit-family = Family reasons
permit-other = Other
permit-route-hint = The route: application, opinions (prosecutor, social services), Questura, issue and expiry. Fill in the dates as they come.
permit-applied-on = Applied on
permit-opinion-on = Opinion received on
permit-questura-on = At the Questura since
permit-issued-on = Issued on
permit-expires-on = Expires on
permit-renewal-of = Renewal of
permit-not-a-renewal = — Not a renewal —
permit-renewed = Renewed
permit-is-renewal = Renewal of an earlier permit.
permit-expires-in = Expires in { $days } days: start the renewal or the conversion.
permit-expired = Expired { $days } days ago.
permit-update = Update the dates
permit-convert = Record the conversion
permit-convert-submit = Record the conversion
permit-converted = Converted into a { $to } permit on { $date }
permit-converted-to = Converted into a permit for
permit-converted-on = Date of the conversion
conversion-work = work
conversion-study = study
plan-work = Internships and work grants
plan-work-none = No internship or work grant.
work-internship = Internship
work-grant = Work grant
work-host-company = Host company
work-starts-on = Start
work-ends-on = End
work-ends-on-hint = An internship usually lasts about four months.
work-hours-per-week = Hours a week
work-grant-amount = Monthly allowance
work-grant-hint = In euro, for example 450 or 450,50. Empty if none.
work-tutor = Tutor
work-attendance = Attendance (% of the planned hours)
work-period = Period
work-ongoing = — Ongoing —
work-hired = Hired
work-not-hired = Not hired
work-interrupted = Interrupted
work-update = Update attendance and outcome
work-add = Add an internship or a work grant
work-add-submit = Add
my-work-reviews = Reviews due
my-work-review-on = review planned on { $date }
my-work-permits = Permits expiring
my-work-permit-expires = expires on { $date }
plan-timeline-keys = To move an action drag its bar, or drag the handle at its end to change how long it lasts. With the keyboard: reach a bar with Tab, the arrows move it by a day (with Shift they change the end), Enter saves, Escape cancels. You can also change the dates with each action's form below.
plan-timeline-pending = { $service }: new dates { $from } – { $to }. Release or press Enter to save, Escape to cancel.
plan-bar-label = { $service }, from { $from } to { $to }

## Agreed versions, approval and print of the plan
back-to-plan = ← Back to the plan
recorded-by = Recorded by { $name }
plan-assessment = Initial assessment
plan-latest-version = Latest agreed version: no. { $number } of { $date }.
plan-not-agreed = The plan has not been agreed with the person yet.
plan-open-versions = Agreed versions
plan-open-family = Family and children ({ $count })
plan-open-print = Print to sign
plan-handovers = { $count ->
    [one] One hand-over
   *[other] { $count } hand-overs
}
plan-handover-from-to = from { $from } to { $to }
plan-handover-to = to { $to }
plan-reference-change-hint = The reference operator is changed from the person's record, with a hand-over note for the one taking over.
agreement-title = Agreed versions of the plan { $code }
agreement-heading = Agreed versions of the plan
agreement-intro = Each time the plan is agreed with the person, record the version: it is kept as it was, can be compared with the others, and is approved by a supervisor.
agreement-record = Record the agreed version
agreement-record-open = The plan was agreed with the person
agreement-record-hint = The plan is recorded as it is now, with who was present. The supervisor who approves it is notified.
agreement-field-agreed-on = Agreed on
agreement-field-language = Language
agreement-language-hint = The language the plan was explained and agreed in, for example English or Edo.
agreement-field-mediator = Cultural mediator present
agreement-mediator-hint = Full name, if one was present.
agreement-field-guardian = Guardian present
agreement-guardian-hint = Required if the person is a minor.
agreement-field-approver = Who approves
agreement-approver-hint = The network coordinator or a reception manager of an organisation in charge of the person; not the one who records it.
agreement-record-submit = Record and ask for approval
agreement-versions = Versions
agreement-no-versions = No version agreed so far.
agreement-version = Version { $number }
agreement-current-plan = Current plan (not agreed yet)
agreement-agreed-on = agreed on { $date }
agreement-recorded-by = Recorded by
agreement-approval = Approval
agreement-approved = Approved
agreement-approved-by = Approved by { $name } on { $date }.
agreement-pending = To be approved
agreement-pending-with = waiting for { $name }
agreement-approval-note = Approval note (optional)
agreement-approve = Approve version { $number }
agreement-print = Print this version
agreement-print-latest = Print the latest version
agreement-back-to-versions = ← Back to the versions
agreement-compare = Compare two versions
agreement-compare-from = From
agreement-compare-to = To
agreement-compare-submit = Compare
agreement-compare-result = What changed from “{ $from }” to “{ $to }”
agreement-no-differences = No differences.
diff-item = Item
diff-what = What
diff-value = Value
diff-responsible = Responsible
diff-added = Added
diff-removed = Removed
diff-present = present
diff-whole-plan = Whole plan
diff-days = { $days } days
diff-goal = Goal: { $goal }
diff-action = { $service } (goal: { $goal })
diff-child = Child { $code }
error-version-already-approved = This version has already been approved.
error-thread-locked = This discussion is closed: it can be read but no longer changed.
error-checklist-material = Versions of the indicator checklist are published from the "Indicators" page, not from the library.
print-title = Personalised plan { $code } to print
print-now = Print
print-hint = The sheet is laid out for A4. It prints in the language chosen at the top: choose Italiano for the Italian version.
print-network = Regional anti-trafficking network · Personalised plan
print-heading = Personalised plan
print-version = Version { $number }, agreed on { $date } in { $language }.
print-draft = DRAFT: the plan has not been agreed yet. Do not sign this print.
print-reference = { $name }, reference operator ({ $organisation })
print-expected = by { $date }
print-when = When
print-signatures = Signatures
print-agreement-statement = The plan was read, explained and agreed with the person, who signs it together with the team.
print-sign-person = The person
print-sign-operator = The reference operator
print-sign-mediator = The cultural mediator
print-sign-guardian = The guardian
print-place-date = Place and date

## Family
family-title = Family and children of { $code }
family-heading = Family and children
family-intro = The children's needs are part of their mother's plan; the work done together with the social services is recorded here too.
family-no-plan = The personalised plan has not been opened yet.
family-children = Children
family-no-children = No child recorded on the person's record.
family-age = { $years ->
    [one] 1 year old
   *[other] { $years } years old
}
family-no-needs = No need assessed so far.
family-assessed-on = Assessed on
family-assess-need = Assess a need
family-save-need = Save the assessment
family-joint-work = Work with the social services
family-joint-work-intro = Meetings, home visits, reports, case conferences and communications to the court done together with the social services.
family-joint-work-add = Record work with the social services
family-joint-work-save = Record
family-joint-work-empty = No work with the social services recorded.
family-field-service = Service
family-service-hint = For example: Children's social services, City of Turin.
family-field-child = About
family-whole-family = The whole family
family-field-next-steps = Next steps
family-about-child = about { $code }
joint-meeting = Meeting
joint-home-visit = Home visit
joint-report = Report
joint-case-conference = Case conference
joint-court-communication = Communication to the court

## Hand-over and notifications
field-handover-note = Hand-over note
handover-note-hint = Required when you change the reference operator: what the one taking over needs to know. She is notified.
notifications-link = Notifications
notifications-unread-suffix = unread
notifications-title = Notifications
notifications-empty = No notifications.
notifications-unread = { $count ->
    [0] No unread notifications.
    [one] One unread notification.
   *[other] { $count } unread notifications.
}
notifications-read-all = Mark all as read
notifications-new = New
notifications-open = Open
notifications-mark-read = Mark as read
notification-handover = You are now the reference operator of the person { $code }: read the hand-over note in her plan.
notification-restricted-role-given = In the plan of the person { $code } another colleague was given your restricted role and now reads the diary's restricted notes: if you did not expect it, talk to her reference operator.
notification-password-set-by-other = The coordination set a new password for the account of { $name }. If nobody asked for it, tell the administration at once.
notification-case-account-opened = The coordination opened an account for { $name } in your organisation, with access to the data of the people you support. If you do not know of it, tell the administration at once.
notification-possible-duplicate = The record { $code } may be of the same person as a record of another organisation: check the page of possible duplicates.
notification-planned-exit-overdue = The planned exit of { $code } has passed and she is still in her bed: update the planned day or record the exit.
notification-hold-lapsing = The bed held for { $code } is released in less than two hours: if her arrival is confirmed, ask for her to be placed or for the hold to be extended.
notification-coming-of-age = { $code } turns 18 within two months: prepare with her the residence permit, the end of guardianship and where she will live as an adult.
notification-bed-proposal = { $code } is waiting for a bed in a province where your organisation has structures: you will find her on the bed board's waiting list.
notification-approval-requested = An agreed version of the plan of { $code } is waiting for your approval.
notification-version-approved = The agreed version of the plan of { $code } was approved.

## Forum
nav-forum = Forum
forum-title = Network forum
forum-intro = Questions, answers and materials on trafficking indicators, among the network's bodies and partners. Never write here about the people sheltered: no names, contacts, addresses or names of structures.
forum-back = Back to the forum
forum-back-to-category = Back to the category
forum-moderation-link = Moderation queue: { $count ->
    [0] no post waiting
    [one] one post waiting
   *[other] { $count } posts waiting
}
forum-thread-count = { $count ->
    [0] No discussions
    [one] One discussion
   *[other] { $count } discussions
}
forum-unread-count = { $count ->
    [one] one to read
   *[other] { $count } to read
}
forum-reply-count = { $count ->
    [0] no replies
    [one] one reply
   *[other] { $count } replies
}
forum-last-activity = last activity on
forum-level-read = you can read
forum-level-post = you can read and write
forum-level-moderate = you moderate it
forum-new-thread = New discussion
forum-filter-tag = Topic or province
forum-all-tags = All
forum-filter = Filter
forum-no-threads = There are no discussions here yet.
forum-pages = Pages
forum-previous-page = Previous page
forum-next-page = Next page
forum-new = New
forum-pinned = Pinned
forum-locked = Closed
forum-answered = Solved
forum-tags = Tags
forum-tags-hint = Types of exploitation and provinces it is about (optional, at most six).
forum-no-case-data = Before writing: the forum is read by every body and partner of the network. Do not enter data of the people sheltered, nor names or addresses of structures.
forum-field-title = Title
forum-field-question = Your question
forum-field-text = Text
forum-markdown-hint = You can use Markdown: **bold**, *italics*, lists with "-", quotes with ">", links. Write @firstname.lastname to call a colleague in.
forum-publish = Publish
forum-go-to-answer = Go to the accepted answer
forum-watch = Follow the discussion
forum-unwatch = Stop following
forum-locked-notice = The discussion is closed: no more replies can be added.
forum-moderation-tools = Moderation tools
forum-move-to = Move to the category
forum-mod-note = Note
forum-edited = edited on
forum-accepted-answer = Accepted answer
forum-hidden = Hidden
forum-hidden-notice = This post was hidden by the moderators.
forum-quote = Quote
forum-accept = Accept as the answer
forum-unaccept = Withdraw the accepted answer
forum-edit = Edit
forum-save-edit = Save the change
forum-flag = Report to the moderators
forum-flag-reason = Why are you reporting it?
forum-flag-send = Send the report
forum-flagged = You reported this post to the moderators.
forum-history = { $count ->
    [one] One earlier version
   *[other] { $count } earlier versions
}
forum-reply = Reply
forum-send-reply = Send the reply
forum-state-pending = Waiting for review
forum-state-rejected = Not approved
forum-state-draft = Draft
forum-draft-title = Check before publishing
forum-guard-heading = There may be personal data
forum-guard-intro = These passages look like data that identify or locate a person. Remove them from the text or confirm that they can be published.
forum-guard-clear = We no longer see personal data in the text: you can publish it.
forum-guard-confirm = I have checked: the text contains no data of people sheltered nor of confidential structures.
forum-discard = Delete the draft
forum-finding-phone = Phone number
forum-finding-email = E-mail address
forum-finding-address = Address
forum-finding-document = Document number
forum-finding-tax-code = Tax code
forum-finding-structure = The text may name a place of the network: check that it does not reveal where a structure is.
forum-moderation-title = Forum moderation
forum-queue-pending = First posts to approve
forum-queue-flagged = Reported posts
forum-queue-empty = Nothing to review.
forum-moderation-log = Moderation log
forum-log-empty = No action recorded.
forum-log-date = When
forum-log-who = Who
forum-log-what = Action
forum-log-where = Where
forum-mod-approve = Approve
forum-mod-reject = Do not approve
forum-mod-hide = Hide
forum-mod-unhide = Show again
forum-mod-dismiss-flags = Archive the reports
forum-mod-pin = Pin
forum-mod-unpin = Unpin
forum-mod-lock = Close the discussion
forum-mod-unlock = Reopen the discussion
forum-mod-move = Move
notification-forum-reply = New reply in the discussion "{ $title }".
notification-forum-mention = You were called into the discussion "{ $title }".
notification-forum-category-thread = New discussion in a category you follow: "{ $title }".
notification-forum-material-version = New version of a material you follow: "{ $title }".
forum-search = Search
forum-search-title = Search the forum
forum-search-label = Words to search for
forum-search-category = Category
forum-search-all-categories = All categories
forum-search-author = Author
forum-search-from = From
forum-search-to = To
forum-search-hint = Write one or more words, in Italian: related forms are found too ("sfruttamento" finds "sfruttate"), with or without accents.
forum-search-none = No post found. Try fewer words or remove a filter.
forum-search-count = { $count ->
    [one] One post found
   *[other] { $count } posts found, the most relevant first
}

# Forum: materials library
forum-library-title = Materials library
forum-library-intro = Sheets, guides and checklists that the network's trainers publish and keep up to date. Every material keeps its versions: what changed, when and who changed it.
forum-library-empty = No materials have been published here yet.
forum-library-of-category = Materials of this category
forum-new-material = New material
forum-material = Material
forum-material-version-number = version { $number }
forum-material-file-count = { $count ->
    [0] no attachments
    [one] 1 attachment
   *[other] { $count } attachments
}
forum-material-checklist-note = This is the checklist used in screening interviews: it is updated from the indicators page, and every version published there appears here.
forum-material-checklist-link = Go to the indicator checklist
forum-material-current = Current version
forum-material-versions = Earlier versions
forum-material-show-text = Show the text of this version
forum-material-changes = What changed
forum-material-published-by = published by
forum-material-files = Attachments
forum-material-no-files = No attachments.
forum-material-watch = Follow this material
forum-material-unwatch = Stop following this material
forum-material-new-version = Prepare a new version
forum-material-continue-draft = Continue your draft
forum-material-back = Back to the library
forum-material-field-description = Description
forum-material-new-hint = Once the draft is created you can attach files, check the text and publish the first version.
forum-material-create = Create the draft
forum-material-draft-title = Draft of a version
forum-material-draft-first = first version
forum-material-changes-hint = In a few lines, what changes from the previous version: people who use the material read it in the list of versions. Required from the second version on.
forum-material-save = Save the draft
forum-material-publish = Publish the version
forum-material-upload = Attach a file
forum-material-upload-hint = PDF, DOCX, ODT or PNG, JPEG and WebP images, 10 MB at most per file. The type is checked on the file's content, not its name.
forum-material-upload-send = Upload the file
forum-material-upload-failed = The draft's text is saved; choose the file again and retry.
upload-progress = Sending the file: { $percent }%
upload-failed = The file was not sent: the connection dropped.
forum-material-remove-file = Remove
forum-material-discard = Delete the draft
forum-watch-category = Follow this category
forum-unwatch-category = Stop following this category
forum-watch-category-hint = Whoever follows a category is notified of every new discussion and every new version of its materials.
forum-search-attachments = Only materials with attachments
forum-search-materials = Materials
forum-search-posts = Posts

# Forum: rules of the categories (administration)
nav-forum-rules = Forum rules
forum-rules-intro = For each category: who reads, who writes and who moderates. Every change applies from the next request, to pages and attachments alike, and is written to the activity log.
forum-rules-everyone = Every member of the network
forum-rules-kind = Organisations of kind
forum-rules-role = Role
forum-rules-level-read = reads
forum-rules-level-post = reads and writes
forum-rules-level-moderate = moderates
forum-rules-who = Who
forum-rules-may = May
forum-rules-actions = Actions
forum-rules-none = No rules: only the named moderators see this category.
forum-rules-remove = Remove
forum-rules-save = Save the rule
forum-rules-moderators = Named moderators
forum-rules-no-moderators = Nobody: the roles in the rules moderate.
forum-rules-name-moderator = Name a moderator (members of the network's bodies only)
forum-rules-add-moderator = Name

# Notifications by e-mail
notifications-settings-link = Notifications by e-mail
notifications-settings-title = Notifications by e-mail
notifications-settings-intro = Notifications always stay here in Anello. If you like, you also get an e-mail that tells you about them: it never says what they are about, only how many are waiting.
notifications-settings-disabled = This server has no e-mail set up: for now notifications stay in Anello only. Your choice is saved all the same.
notifications-settings-question = When do you want an e-mail?
notifications-mode-immediate = For every new notification
notifications-mode-daily = One summary a day, at 7
notifications-mode-off = Never: I read them in Anello
notifications-settings-save = Save my choice
notifications-settings-saved = Choice saved.
notifications-settings-address = E-mails go to { $address }.
notifications-settings-preview = What the e-mail says
email-subject = { $count ->
    [one] Anello: 1 new notification
   *[other] Anello: { $count } new notifications
}
email-greeting = Hello { $name },
email-intro = { $count ->
    [one] there is a new notification for you in Anello.
   *[other] there are { $count } new notifications for you in Anello.
}
email-intro-daily = { $count ->
    [one] here is today's summary: one notification waits for you in Anello.
   *[other] here is today's summary: { $count } notifications wait for you in Anello.
}
email-read = Sign in to Anello to read them:
email-privacy = For confidentiality this e-mail does not say what they are about: you find that in Anello only, once signed in.
email-stop = To stop these e-mails:
unsubscribe-title = Stop e-mails from Anello
unsubscribe-question = Do you want to stop receiving e-mails about your Anello notifications? The notifications stay visible in Anello.
unsubscribe-confirm = Yes, stop sending me e-mails
unsubscribe-done = Done: you will not receive e-mails about notifications any more. You can turn them back on in the notification settings.
unsubscribe-unknown = This link is not valid. You can choose whether to receive e-mails in the notification settings, once signed in.

## Funder report (project summary sheet, seed 002)
nav-reports = Reports
report-title = Funder report
report-intro = The project's summary sheet, computed from the records for the period you choose. Each figure leads to the list of people or contacts it counts.
report-from = From
report-to = To (included)
report-organisations = Implementing bodies
report-organisations-hint = None chosen: the whole network.
report-provinces = Provinces
report-show = Show the report
report-period = Period: { $from } to { $to }
report-scope-own = Your organisation only
report-scope-network = The whole network
report-scope-provinces = provinces { $provinces }
report-suppressed-notice = To protect people, counts below { $threshold } are shown as "<{ $threshold }", and "n/a" hides a count that would let them be worked out from the totals.
report-exact-notice = On your screen the counts are exact. The print version and the CSV files hide small counts: share those.
report-print-view = Print version (A4)
report-xlsx-download = Download the report (Excel)
report-back = Back to the report
report-print-heading = Project summary sheet
report-download-csv = Download this table (CSV)
report-row-heading = Item
report-below-title = Fewer than { $threshold } people: count hidden
report-withheld = n/a
report-withheld-title = Count not shown: it would give a small count away
report-invalid = The period or the choice is not right
report-start-again = Start again with this year
report-label-continuing = Continuing take-ins from earlier periods
report-label-new = New take-ins
report-label-total = Total
report-label-minors = Minors
report-label-adults = Adults
report-label-evaluations = Evaluations done
report-label-still-open = of which still open
report-label-proximity = People followed in proximity (street and indoor units)
report-label-identified = Trafficked people identified
report-label-proposals = Proposals of insertion into the anti-trafficking programme
report-label-commission-requests = Evaluation requests from the Territorial Commission
report-label-commission-referrals = of which people referred by the project to the Commissions
report-label-hearing-accompaniments = People accompanied to their Territorial Commission hearing
report-label-permits-converted = Residence permits converted
report-label-contacts = People contacted
report-label-all = All people
report-label-internships = Internships started
report-label-work-grants = Work grants started
report-label-single-mothers = of which for single mothers
report-label-beds = Beds
report-label-presence-days = Days of presence
report-label-available-days = Available days
report-label-identifications = People identified in the period
report-label-taken-in-charge = People in charge in the period
report-label-occupancy = Occupancy
report-table-take-ins-by-sex = Take-ins by sex
report-table-take-ins-by-age = Take-ins by age
report-table-dependent-children = Dependent children of the people taken in
report-table-evaluations = Contacts, evaluations and identifications
report-table-exploitation = Types of exploitation
report-table-work-inclusion = Internships and work grants
report-table-contact-channels = Contact channels
report-table-presence = Days of presence per structure
report-note-take-ins = Take-in: the first day the path reached "taken in charge", "in shelter" or "inclusion". Continuing: taken in charge before the period and not exited before it began.
report-note-age = Age on the first day of the period for continuing people, on the day of the take-in for new ones.
report-note-children = Under-age children registered with their mother as family head; they do not count as take-ins of their own.
report-note-evaluations = Contacts: people met (one line of the log may count several). Identified: interviews with indicators found, a proposal or a referral to the Commission; each person once.
report-note-exploitation = A person may have several types: the columns do not add up.
report-note-work = Internships and work grants started in the period, from the personalised projects.
report-note-channels = People met, by contact channel.
report-note-presence = One night per day of stay: the day of arrival counts, the day of leaving does not. Available days: beds times the days of the period.
report-figure-title = Who this figure counts
report-figure-total = Total { $total } · { $lines } lines
report-figure-day = Date
report-figure-detail = Detail
report-figure-amount = Counts
report-figure-anonymous = Anonymous contact
report-label-occupied = Occupied
report-label-held = Held
report-label-out-of-service = Out of service
report-label-free = Free
report-label-people = People
report-table-occupancy-by-province = Beds today by province
report-table-occupancy-by-organisation = Beds today by organisation
report-table-occupancy-by-month = Occupancy month by month
report-table-path-flow = People along the path in the period
report-table-exits-by-outcome = Exits from the path by outcome
report-table-flow-by-province = The path by province
report-table-flow-by-organisation = The path by organisation
report-note-beds-today = Each bed as it is today, as on the board: occupied, held for an incoming person, out of service or free. Provinces and organisations of the structures.
report-note-occupancy-by-month = Days of presence over the available days of each month (beds counted as they are today). The first and last month count only the days of the period.
report-note-path-flow = People who reached each step of the path in the period, each once per step. Steps do not subtract: a person taken in during the period may have been contacted before it.
report-note-exits = People who left the path in the period, by outcome (their first exit in the period).
report-note-flow-by-province = The same steps by the person's province.
report-note-flow-by-organisation = The same steps by the organisation in charge of the person: someone followed by two organisations counts for both, so the rows do not add up.
dashboards-title = Dashboards: beds and paths
dashboards-intro = How beds are occupied today and month by month, and how many people took each step of the path in the period, by province and by organisation. Each chart has its table of figures beside it.
dashboards-link = Dashboards with charts
dashboards-to-report = Funder report
dashboards-today = Beds are as they are today, { $today }; the rest is about the chosen period.
chart-description = A chart without colours: each series has its own pattern, named in the legend. Every figure is in the table beside it.
chart-hidden-parts = Hidden parts ("<3", "n.d.") are not drawn: they are in the table.
action-report-view = Report viewed
action-report-print = Report printed
action-report-export = Report table exported
action-report-figure = List behind a report figure
action-report-dashboards = Dashboards viewed
object-report = Report

## My account
account-title = My account
account-link = My account
account-password-title = Change your password
account-password-intro = For safety, your current password comes first. After the change, your sessions on other devices end.
account-password-current = Current password
account-password-new = New password
account-password-repeat = Repeat the new password
account-password-hint = At least { $length } characters. A phrase of four unusual words is easy to remember and hard to guess.
account-password-submit = Change the password
account-password-pending = Saving…
account-password-changed = Password changed. The sessions on other devices have ended.
account-sessions-title = Where you are signed in
account-sessions-intro = The sessions open with your account. If you do not recognise one, end it and change your password. Network addresses are not kept.
account-session-this = This session
account-session-unknown-device = Unknown browser
account-session-since = Signed in on
account-session-last-used = last used on
account-session-end = End this session
account-session-ended = Session ended.
idle-warning-title = Your session is about to end
idle-warning-text = In { $minutes } minutes the session ends for inactivity. What you have typed stays on this page.
idle-warning-stay = Stay signed in
idle-expired-title = Your session ended for inactivity
idle-expired-text = What you typed is still on this page: sign in again in another tab, then come back here and save.
idle-expired-sign-in = Sign in in another tab
sign-in-return = Sign in to open the page you asked for.

## Footer notices
footer-privacy = Privacy notice
footer-accessibility = Accessibility statement
privacy-title = How the personal data of Anello's users are processed
privacy-lead = This notice (articles 13 and 14 of Regulation (EU) 2016/679) concerns the people who work with Anello: case and outreach workers, reception managers, the coordination, trainers, partner organisations. The people in the network's care receive their own notice from the workers who follow them, and their consent is recorded in their file.
privacy-controller-title = Who processes the data
privacy-controller = The controller is the lead body of the anti-trafficking network that runs this installation of Anello (the network's coordination); the implementing bodies that gave you your account are joint controllers for their own staff. For any question, write to the network's administration or to the lead body's data protection officer.
privacy-data-title = Which data
privacy-data = Your name, e-mail address, organisation, roles and interface language; your password, kept only as an argon2id hash; your open sessions (browser and system, time of sign-in and of last use), deleted when the session ends; what you do with the data of the people in care (who, what, when, with which outcome) in the activity log; sign-in attempts, kept as keyed hashes for a day; your e-mail notification preferences and, if you write in the forum, your posts.
privacy-data-not = Anello does not keep your network address with what you do, uses no analytics or profiling tools and writes no personal data to its logs.
privacy-purposes-title = Why, and on what basis
privacy-purposes = To give you the tools of your role, to protect accounts, and to show who read or changed the data of the people in care, as their protection requires (articles 5 and 32 of the Regulation).
privacy-basis = The legal basis is the public-interest task of the anti-trafficking project and its agreement with the funder (article 6(1)(e)) and the controller's security obligations (article 6(1)(c)); the forum rests on taking part in the network.
privacy-keeping-title = For how long
privacy-keeping = Your account lasts as long as you work in the network; once disabled it can no longer be used. The activity log cannot be changed or deleted and is kept for the duration of the project and the reporting and audit periods of the agreement. Sessions and sign-in attempts delete themselves.
privacy-recipients-title = Who sees them
privacy-recipients = The network's administration and coordination, to manage accounts and review the activity log; your colleagues see your name beside the work you do. The data stay on the network's server and are not transferred outside the European Union.
privacy-rights-title = Your rights
privacy-rights = You may ask for access to your data, their correction, restriction or, where possible, erasure, and object to the processing (articles 15–22), by writing to the network's administration. Your name, language and password you can change yourself, on "My account".
privacy-complaint = You may lodge a complaint with the Italian data protection authority, the Garante per la protezione dei dati personali (www.garanteprivacy.it).
privacy-cookies-title = Cookies
privacy-cookies = Anello uses only two technical cookies: the session's, which keeps you signed in, and the one of the language you chose. No consent is needed since they track nothing. If you open the contacts page, the browser also keeps a copy of the page (the form alone) to use without a connection and, until they are sent, the contacts logged without signal, with the form's fields only: signing out deletes them.
accessibility-title = Accessibility statement
accessibility-lead = The network's lead body is committed to making Anello accessible, as Italian Law no. 4 of 9 January 2004 requires, following AgID's guidelines and the standard UNI CEI EN 301549 (WCAG 2.1, level AA).
accessibility-status-title = Compliance status
accessibility-status = Anello is partially compliant: its pages are designed for level AA (visible labels tied to their fields, announced errors, contrast of at least 4.5:1, keyboard use even for dragging on the bed board and the personalised plan, pages that work without JavaScript, no sideways scrolling on a 360-pixel phone, reduced motion for those who turned it off).
accessibility-checks = In December 2026 an automated check with axe-core over 136 pages of 7 roles, at phone and desktop width, found no WCAG 2.1 AA violations. A manual review with screen readers has not been done yet.
accessibility-limits-title = Content that is not accessible
accessibility-limits = Documents uploaded to the forum's library (PDFs, text documents) are as accessible as their original files. The report's charts have a table with the same figures beside them.
accessibility-feedback-title = Feedback
accessibility-feedback = If you meet a barrier, write to the network's administration saying which page and what does not work: you will have an answer within 30 days.
accessibility-enforcement = If no answer comes or it does not satisfy you, you may turn to AgID's Digital Ombudsman (Difensore civico per il digitale, www.agid.gov.it).
accessibility-prepared-title = How this statement was prepared
accessibility-prepared = Written on 6 December 2026 from a self-assessment by the team that builds Anello; reviewed with every new version.
sign-in-forgot = Forgot your password?
sign-in-password-reset = Password reset. You can now sign in with the new password.
forgot-title = Forgotten password
forgot-intro = Write your account's e-mail address: we send you a link to choose a new one, valid for 30 minutes.
forgot-submit = Send me the link
forgot-sent = If the address belongs to an account of the network, an e-mail with the link arrives in a few minutes. Look in the spam folder too.
forgot-ask-administration = This network sends no e-mail. Ask the network's administration to reset your password: at your next sign-in you will choose your own.
forgot-back = Back to sign-in
reset-title = Choose a new password
reset-intro = The link works once. After the change, every session open with your account ends.
reset-submit = Save the new password
reset-ask-again = Ask for a new link
reset-mail-subject = Anello: choose a new password
reset-mail-text = Hello { $name },

    someone, perhaps you, asked to reset the password of your Anello account. To choose a new one, open this link within { $minutes } minutes (it works once):

    { $link }

    If you did not ask, ignore this e-mail: your password stays as it was.
account-must-change = The administration gave you a temporary password: choose your own to go on using Anello.
forgot-what-mail = How to recognise the e-mail

# Breadcrumbs on nested pages
crumb-label = Breadcrumb
crumb-duplicates = Possible duplicates
crumb-new-person = New person
crumb-interview = Interview
crumb-project = Personalised project
crumb-versions = Versions
crumb-print = Print
crumb-family = Family
crumb-diary = Diary
crumb-notification-settings = Settings
crumb-attendance = Attendance
crumb-category = Category
crumb-new-thread = New thread
crumb-thread = Thread
crumb-draft = Draft
crumb-forum-search = Search
crumb-materials = Materials
crumb-new-material = New material
crumb-material = Material
crumb-moderation = Moderation
crumb-report-list = List
crumb-report-print = Report print
crumb-dashboard = Dashboard

## The rest of the path: the Territorial Commission
crumb-commission = Territorial Commission
person-path-records = The path
person-commission-link = Territorial Commission
commission-title = Territorial Commission · { $code }
commission-heading = Territorial Commission:
commission-intro = The interview requests a Territorial Commission sends to the network and the network's referrals to a Commission, with the hearing, the accompaniment and the outcome. Only the team in charge of the person sees them.
commission-anonymised = The person's data have been anonymised: nothing more is added.
commission-requests = Interview requests from the Commission
commission-requests-intro = The Commission asks the network for an anti-trafficking assessment interview; the network answers with its evaluation.
commission-requests-empty = No request recorded.
commission-request-add = Record a request received
commission-request-heading = Request from the { $commission } Commission
commission-request-update = Update the request
commission-request-save = Save the request
commission-referrals = Referrals to the Commission
commission-referrals-intro = The network refers the person to a Commission; whoever follows her goes with her to the hearing, if she wishes.
commission-referrals-empty = No referral recorded.
commission-referral-add = Record a referral
commission-referral-heading = Referral to the { $commission } Commission
commission-referral-update = Update the referral
commission-referral-save = Save the referral
commission-answered-hint = When the network sent its evaluation to the Commission.
commission-accompanied = Accompanied to the hearing
commission-status-received = Received
commission-status-interview-scheduled = Interview scheduled
commission-status-interview-held = Interview held
commission-status-evaluation-sent = Evaluation sent
commission-status-withdrawn = Withdrawn
commission-outcome-pending = Awaiting the outcome
commission-outcome-international = International protection (refugee status)
commission-outcome-subsidiary = Subsidiary protection
commission-outcome-special-case = Special-case permit
commission-outcome-anti-trafficking = Referral to the anti-trafficking system
commission-outcome-rejected = Rejected
commission-field-commission = Commission
commission-field-received-on = Received on
commission-field-status = Status
commission-field-interview-on = Interview date
commission-field-answered-on = Evaluation sent on
commission-field-notes = Notes
commission-field-referred-on = Referred on
commission-field-reason = Reason for the referral
commission-field-operator = Network worker following the referral
commission-field-accompanied = Accompanied to the hearing by someone of the network
commission-field-hearing-on = Hearing date
commission-field-outcome = Outcome
commission-field-outcome-on = Outcome date
commission-field-record = Record
my-work-path-dates = Dates of the path
path-date-commission-interview = interview asked by the Commission
path-date-commission-hearing = hearing before the Commission
path-date-commission-outcome = outcome of the hearing to record
path-date-late = late

## The rest of the path: the judicial route
crumb-judicial = Judicial route
person-judicial-link = Judicial route
judicial-title = Judicial route · { $code }
judicial-heading = Judicial route:
judicial-restricted = Restricted data: only the person's reference worker and whoever is legal advisor on her plan see them. They appear on no other page and in no export, except the person's own data export made by one of them.
judicial-proceedings = Complaint and proceedings
judicial-proceedings-empty = No complaint or proceedings recorded.
judicial-proceedings-add = Record a complaint or proceedings
judicial-proceedings-update = Update
judicial-proceedings-save = Save
judicial-hearings = Hearings
judicial-hearings-empty = No hearing recorded.
judicial-hearing-add = Record a hearing
judicial-hearing-save = Save the hearing
judicial-accompanied = Accompanied
judicial-complaint-of = Complaint of { $date }
judicial-police-state = State Police
judicial-police-carabinieri = Carabinieri
judicial-police-finance = Guardia di Finanza
judicial-police-local = Local police
judicial-police-labour = Labour inspectorate
judicial-police-other = Other
judicial-opinion-not-requested = Opinion not requested
judicial-opinion-requested = Opinion requested
judicial-opinion-favourable = Favourable opinion
judicial-opinion-unfavourable = Unfavourable opinion
judicial-hearing-testimony = Testimony
judicial-hearing-evidentiary = Pre-trial evidentiary hearing
judicial-hearing-preliminary = Preliminary hearing
judicial-hearing-trial = Trial
judicial-hearing-other = Other hearing
judicial-field-filed-on = Date of the complaint
judicial-field-police-body = Filed with
judicial-field-complaint-place = Place of the complaint
judicial-field-prosecutor-office = Prosecutor's office
judicial-field-number = Proceedings number
judicial-field-opinion = Prosecutor's opinion for the art. 18 permit
judicial-field-opinion-on = Date of the opinion
judicial-field-witness = Witness in the proceedings
judicial-field-lawyer = Lawyer
judicial-field-notes = Notes
judicial-field-proceedings = Proceedings
judicial-field-hearing-on = Hearing date
judicial-field-kind = Kind
judicial-field-court = Court
judicial-field-accompanied = Accompanied by someone of the network
answer-yes = Yes
answer-no = No
path-date-judicial-hearing = hearing of the proceedings
permit-route = Route of the art. 18 permit
permit-route-choice-hint = Judicial: after the complaint, with the prosecutor's opinion. Social: on the services' evaluation, without a complaint.
permit-route-judicial = Judicial route
permit-route-social = Social route
permit-judicial-link = Open the judicial route

## The rest of the path: minors' procedures
crumb-minors = Minors' procedures
person-minors-link = Minors' procedures
minors-title = Minors' procedures · { $code }
minors-heading = Minors' procedures:
minors-intro = The age assessment, the guardian's appointment, the community hosting her, the regional Guarantor's involvement and the communications to the juvenile court and the minors' prosecutor. Only the team in charge of the person sees them.
minors-not-a-minor = By her record she is not a minor: the procedures stay as the history of her path.
minors-unaccompanied = Unaccompanied foreign minor.
minors-procedures = The procedures
minors-update = Update the procedures
minors-save = Save the procedures
minors-age-assessment = Age assessment
minors-guardian = Guardian
minors-since = since { $date }
minors-outcome-pending = Awaiting the outcome
minors-outcome-minor = Minor
minors-outcome-adult = Adult
minors-outcome-undetermined = Cannot be determined
minors-method-multidisciplinary = Multidisciplinary procedure (law 47/2017)
minors-method-documents = Documents
minors-method-medical = Medical examination
minors-method-interview = Interview
minors-method-other = Other
minors-communications = Communications
minors-communications-empty = No communication recorded.
minors-communication-add = Record a communication
minors-communication-save = Save the communication
minors-to-juvenile-court = Juvenile court
minors-to-prosecutor = Prosecutor at the juvenile court
minors-to-guarantor = Regional Guarantor for children and adolescents
minors-to-guardian = Guardian
minors-to-social-services = Social services
minors-field-age-requested-on = Age assessment requested on
minors-field-age-method = Method
minors-field-age-outcome = Outcome of the assessment
minors-field-age-assessed-on = Date of the outcome
minors-field-guardian-court = Court that appointed the guardian
minors-field-guardian-appointed-on = Date of appointment
minors-field-guardian-name = Guardian's name
minors-field-guarantor-on = Regional Guarantor involved on
minors-field-community = Community hosting her
minors-field-community-since = In the community since
minors-field-sent-on = Sent on
minors-field-recipient = Recipient
minors-field-subject = Subject
path-date-age-assessment = outcome of the age assessment awaited
action-path-commission-view = Territorial Commission page opened
action-path-commission-request = Commission request recorded
action-path-commission-referral = Referral to the Commission recorded
action-path-judicial-view = Judicial route opened
action-path-judicial-proceedings = Complaint or proceedings recorded
action-path-judicial-hearing = Hearing recorded
action-path-minors-view = Minors' procedures opened
action-path-minors-procedures = Minors' procedures updated
action-path-minors-communication = Communication about the minor recorded

# A person's documents (issue 24, part 4)
crumb-documents = Documents
person-documents-link = Documents
documents-title = Documents · { $code }
documents-heading = The person's documents
documents-intro = Signed consent, residence permit, medical and legal papers. The files are kept encrypted and only the team in charge of the person downloads them; every opening stays in the access log.
documents-anonymised = The person has been anonymised: her documents were deleted and none can be added.
documents-list = Documents kept
documents-empty = No documents kept.
documents-withheld = { $count ->
    [one] There is one document restricted to the reference operator and the legal advisor.
   *[other] There are { $count } documents restricted to the reference operator and the legal advisor.
}
documents-kind-consent = Signed consent
documents-kind-permit = Residence permit
documents-kind-identity = Identity document or passport
documents-kind-medical = Medical papers
documents-kind-legal = Legal paper
documents-kind-school = School and training
documents-kind-other = Other document
documents-confidentiality-team = The whole team
documents-confidentiality-restricted = Restricted (reference operator and legal advisor)
documents-field-kind = Kind of document
documents-field-dated-on = Date of the document
documents-field-expires-on = Expiry
documents-field-confidentiality = Who may open it
documents-field-description = Short description
documents-field-file = File
documents-expired = expired
documents-uploaded-by = Uploaded by { $name } on { $date }
documents-remove = Remove this document
documents-remove-hint = The file is deleted from the person's record. Use it for a document uploaded by mistake.
documents-remove-confirm = Yes, remove the document
documents-add = Add a document
documents-expires-hint = Optional. An expiry within 60 days shows in "My work".
documents-restricted-hint = Only the person's reference operator and the plan's legal advisor may upload restricted documents.
documents-file-hint = PDF, DOCX, ODT or an image (PNG, JPEG, WebP), up to { $mb } MB. The type is recognised from the file's content.
documents-upload-failed = Choose the file again and retry.
documents-send = Upload the document
path-date-document-expiry = document expiring
action-path-documents-view = Documents opened
action-path-documents-add = Document uploaded
action-path-documents-download = Document downloaded
action-path-documents-remove = Document removed

# Rooms as places (issue 24, part 9)
room-title = Room { $room }
room-title-floor = Room { $room } · { $floor ->
    [0] ground floor
   *[other] floor { $floor }
}
room-none = No room
room-add = Add a room
room-edit = Rename the room
room-save = Save the room
room-remove = Remove the room (it has no beds)
field-room-name = Name of the room
field-room-floor = Floor (optional)
field-room-floor-hint = 0 for the ground floor, -1 for the basement.
bed-room-of = Room of bed { $bed }
bed-room-set = Move to the room
error-room-has-beds = The room still has beds: move them to another room before removing it.
action-room-create = Room added
action-room-update = Room renamed
action-room-delete = Room removed
action-bed-room = Bed moved to another room

# The audit trail's remaining actions, in words
action-auth-password-reset = Password reset with the link
action-auth-password-reset-request = Password reset link requested
action-bed-undo = Last board change undone
action-notifications-email = Notification e-mail preferences changed
action-notifications-unsubscribe = Unsubscribed from e-mails
action-organisation-save = Organisation saved
action-person-authorisation-record = Authorisation for a minor recorded
action-person-authorisation-withdraw = Authorisation for a minor withdrawn
action-person-bed-hold = Bed held for the person
action-person-contact-list = The person's contacts read
action-person-kept-apart-add = Person to keep apart recorded
action-person-kept-apart-remove = Person to keep apart removed
action-person-safeguards-view = Placement safeguards read
action-person-timeline-view = Stay history read
action-plan-action-add = Project action added
action-plan-action-update = Project action updated
action-plan-assessment-save = Needs assessment saved
action-plan-diary-add = Diary note written
action-plan-diary-view = Diary read
action-plan-exit = Exit from the project recorded
action-plan-family-joint-work = Joint work with the family recorded
action-plan-family-need = A family member's need recorded
action-plan-family-view = Family plan read
action-plan-goal-add = Goal added
action-plan-goal-status = A goal's status changed
action-plan-my-work-view = Listed in "My work"
action-plan-open = Personalised project opened
action-plan-permit-convert = Permit conversion recorded
action-plan-permit-save = Residence permit updated
action-plan-phase = Project phase changed
action-plan-print = Project printed
action-plan-review-record = Project review recorded
action-plan-review-schedule = Project review scheduled
action-plan-service-active = Service started or paused
action-plan-service-add = Service added to the project
action-plan-team-add = Member added to the team
action-plan-team-remove = Member removed from the team
action-plan-version-agree = Project version agreed with the person
action-plan-version-approve = Project version approved
action-plan-versions-view = Project versions read
action-plan-view = Personalised project read
action-plan-work-add = Work or training activity added
action-plan-work-update = Work or training activity updated
action-forum-answer-accept = Answer marked as helpful
action-forum-attachment-add = Attachment added to a draft
action-forum-attachment-remove = Attachment removed from a draft
action-forum-denied = Forum access denied
action-forum-draft-discard = Draft discarded
action-forum-draft-publish = Draft published
action-forum-material-create = Material created
action-forum-material-publish = Material published
action-forum-material-version-discard = New version discarded
action-forum-material-version-publish = New version published
action-forum-material-version-save = New version saved
action-forum-material-version-start = New version started
action-forum-moderator-add = Moderator named
action-forum-moderator-remove = Moderator removed
action-forum-moderator-set = Category moderators changed
action-forum-post-edit = Post edited
action-forum-post-flag = Post flagged
action-forum-post-moderate = Post moderated
action-forum-reply = Reply written
action-forum-rule-set = Category access rule changed
action-forum-thread-create = Thread started
action-forum-thread-moderate = Thread moderated
