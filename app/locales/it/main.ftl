# Anello — testi dell'interfaccia in italiano (lingua principale).

brand-tagline = Rete antitratta Piemonte e Valle d'Aosta
skip-to-content = Vai al contenuto
footer-text = Anello — strumento di lavoro della rete antitratta. I dati delle persone accolte sono riservati: ogni accesso viene registrato.
loading = Caricamento in corso…
language-label = Lingua
language-apply = Applica
nav-label = Navigazione principale
nav-home = Inizio
nav-organisations = Organizzazioni
nav-users = Utenti
nav-audit = Registro attività
sign-out = Esci

sign-in-title = Accedi
sign-in-intro = Inserisci l'indirizzo e-mail e la password del tuo account. Se non li ricordi, rivolgiti al coordinamento della rete.
sign-in-submit = Accedi
sign-in-pending = Accesso in corso…
sign-in-already = Hai già effettuato l'accesso come { $name }.

field-email = Indirizzo e-mail
field-password = Password
field-name = Nome
field-display-name = Nome e cognome
field-org-kind = Tipo di organizzazione
field-province = Provincia
field-users = Utenti
field-status = Stato
field-organisation = Organizzazione
field-roles = Ruoli
field-language = Lingua preferita
language-browser = Lingua del browser
password-hint-new = Almeno 12 caratteri. Comunicala alla persona di persona, non via e-mail.
password-hint-existing = Lascia vuoto per non cambiarla. Una nuova password chiude tutte le sessioni aperte della persona.

home-greeting = Buongiorno, { $name }
home-you-are = Lavori per { $organisation }.
home-roles = I tuoi ruoli:
home-shortcuts = Cosa puoi fare
home-capacity-network = Posti letto della rete
home-capacity-organisation = Posti letto della tua organizzazione
home-emergency = Pronta accoglienza e case di fuga
home-reception = Case di accoglienza e semi-autonomia
home-structures-beds = { $structures } strutture, { $beds } posti letto
home-partner-note = Come aderente alla rete hai accesso alla sezione di confronto e formazione. I dati delle persone accolte non sono visibili alla tua organizzazione.

role-administrator = Amministrazione
role-coordinator = Coordinamento di rete
role-reception-manager = Responsabile accoglienza
role-case-worker = Operatrice/operatore di riferimento
role-outreach-worker = Unità di strada e contatto
role-trainer = Formazione
role-partner = Aderente alla rete

org-kind-coordination = Coordinamento di rete
org-kind-implementing-body = Soggetto attuatore
org-kind-partner = Aderente alla rete
org-table-caption = { $count } organizzazioni
org-new = Nuova organizzazione
org-edit = Modifica: { $name }
province-none = Nessuna (livello regionale)

user-table-caption = { $count } utenti
user-new = Nuovo utente
user-edit = Modifica: { $name }
user-disable = Disattiva
user-enable = Riattiva

status-active = Attivo
status-inactive = Disattivato
actions = Azioni
edit = Modifica
save = Salva
saved = Modifiche salvate.
cancel = Annulla
choose = Scegli…
filter-search = Cerca per nome o e-mail
filter-all = Tutti
filter-apply = Filtra

audit-intro = Chi ha fatto cosa e quando. Il registro non si può modificare né cancellare.
audit-caption = { $count } voci
audit-when = Quando (UTC)
audit-who = Chi
audit-action = Azione
audit-object = Oggetto
audit-outcome = Esito
audit-from = Dal
audit-to = Al
audit-outcome-success = Riuscita
audit-outcome-denied = Negata
audit-outcome-failure = Non riuscita
pager-label = Pagine
pager-previous = ← Precedente
pager-next = Successiva →
pager-position = Pagina { $page } di { $pages }

error-title = Non è stato possibile procedere
error-back-home = Torna all'inizio
error-not-signed-in = Devi accedere per vedere questa pagina.
error-wrong-credentials = Indirizzo e-mail o password non riconosciuti.
error-forbidden = Non hai accesso a questa funzione. Se pensi che sia un errore, rivolgiti al coordinamento della rete.
error-not-found = La pagina cercata non esiste.
error-cross-origin = Richiesta rifiutata: proviene da un altro sito.
error-too-many-attempts = Troppi tentativi di accesso non riusciti. Riprova tra { $minutes } minuti.
error-invalid = Alcuni campi vanno corretti: li trovi segnalati qui sotto.
error-conflict-stale = Nel frattempo qualcun altro ha modificato questi dati. Ricarica la pagina e riprova.
error-cannot-disable-self = Non puoi disattivare il tuo stesso account.
error-bad-request = La richiesta non è leggibile. Ricarica la pagina e riprova.
error-internal = Si è verificato un errore del sistema. Nessun dato è stato perso; riprova tra poco.
error-network = Il server non risponde. Controlla la connessione e riprova.

problem-required = Campo obbligatorio.
problem-too-long = Testo troppo lungo.
problem-too-short = Troppo corta: servono almeno 12 caratteri.
problem-invalid-email = Non sembra un indirizzo e-mail valido.
problem-unknown-choice = Scelta non valida.
problem-already-taken = Già in uso.
problem-demo-password = La password dimostrativa non è ammessa in produzione.
