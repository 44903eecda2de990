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

home-greeting = Good morning, { $name }
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
org-table-caption = { $count } organisations
org-new = New organisation
org-edit = Edit: { $name }
province-none = None (regional level)

user-table-caption = { $count } users
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
audit-caption = { $count } entries
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
