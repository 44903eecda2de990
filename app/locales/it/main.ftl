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
org-table-caption = { $count ->
        [one] 1 organizzazione
       *[other] { $count } organizzazioni
    }
org-new = Nuova organizzazione
org-edit = Modifica: { $name }
province-none = Nessuna (livello regionale)

user-table-caption = { $count ->
        [one] 1 utente
       *[other] { $count } utenti
    }
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
audit-caption = { $count ->
        [one] 1 voce
       *[other] { $count } voci
    }
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
action-sign-in = Accesso
action-sign-out = Uscita
action-access-denied = Accesso negato a una funzione
action-organisation-create = Organizzazione creata
action-organisation-update = Organizzazione modificata
action-user-create = Utente creato
action-user-update = Utente modificato
action-user-disable = Utente disattivato
action-user-enable = Utente riattivato
action-user-language = Lingua cambiata
action-demo-load = Dati dimostrativi caricati
object-user = utente
object-organisation = organizzazione
object-function = funzione
object-account = account
object-network = rete
detail-wrong-password = password errata
detail-unknown-account = account inesistente
detail-inactive = account disattivato
detail-throttled = troppi tentativi

action-contact-create = Contatto registrato
object-contact = contatto
detail-organisation-inactive = organizzazione disattivata
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

# Contatti (unità di strada, sportello, Numero Verde, segnalazioni)
nav-contacts = Contatti
contacts-intro = Registra un contatto in pochi tocchi. I contatti sono anonimi: non scrivere nomi, indirizzi né altri dati che identificano la persona.
contact-logged = Contatto registrato.
contact-new = Nuovo contatto
contact-submit = Registra contatto
contact-more-details = Data, luogo, nazionalità, più persone
field-gender = Genere
field-age-band = Età stimata
field-minor-unknown-age = Minore (se l'età non è nota)
field-channel = Canale
field-exploitation = Sfruttamento sospettato
field-date = Data
field-people-count = Numero di persone
people-count-hint = Per un'uscita dell'unità di strada: quante persone con queste stesse caratteristiche hai incontrato.
field-area = Zona
area-hint = Una zona o una via, non un indirizzo preciso.
field-nationality = Nazionalità
contacts-recent = Contatti recenti
contacts-week = Ultimi 7 giorni, la tua organizzazione: { $contacts ->
        [one] 1 contatto
       *[other] { $contacts } contatti
    }, { $people ->
        [one] 1 persona
       *[other] { $people } persone
    }.
contacts-week-network = Ultimi 7 giorni, tutta la rete: { $contacts ->
        [one] 1 contatto
       *[other] { $contacts } contatti
    }, { $people ->
        [one] 1 persona
       *[other] { $people } persone
    }.
contacts-none = Nessun contatto registrato finora.
contacts-caption = { $count ->
        [one] L'ultimo contatto
       *[other] Gli ultimi { $count } contatti
    }
contacts-who = Chi
contacts-logged-by = Registrato da
contacts-minor = minore
contacts-group = { $count } persone: { $who }
channel-street-unit = Unità di strada
channel-indoor-unit = Unità indoor
channel-help-desk = Sportello
channel-toll-free = Numero Verde
channel-chat = Chat
channel-police = Forze dell'ordine
channel-social-services = Servizi sociali
channel-health-services = Servizi sanitari
channel-caritas = Caritas e bassa soglia
channel-cas-sai = Operatori CAS/SAI
channel-territorial-commission = Commissione Territoriale
gender-female = Donna
gender-male = Uomo
gender-transgender = Persona transgender
age-under-16 = Meno di 16
age-16-17 = 16–17
age-18-24 = 18–24
age-25-34 = 25–34
age-35-49 = 35–49
age-50-plus = 50 e oltre
age-unknown = Non nota
exploitation-sexual-street = Sessuale in strada
exploitation-sexual-indoor = Sessuale al chiuso
exploitation-labour-agriculture = Lavorativo in agricoltura
exploitation-labour-construction = Lavorativo in edilizia
exploitation-labour-catering = Lavorativo nella ristorazione
exploitation-labour-domestic-care = Lavoro domestico e di cura
exploitation-begging = Accattonaggio forzato
exploitation-illegal-activities = Economie illegali forzate
exploitation-forced-marriage = Matrimonio forzato
exploitation-domestic-servitude = Servitù domestica
problem-role-not-allowed = Ruolo non ammesso per questo tipo di organizzazione (gli aderenti alla rete hanno solo accesso al forum).
error-cannot-change-own-roles = Non puoi cambiare i tuoi stessi ruoli: chiedi a un'altra persona del coordinamento.
problem-date-in-future = La data non può essere nel futuro.
problem-invalid-date = Data non valida: usa il formato aaaa-mm-gg.
problem-out-of-range = Valore fuori dall'intervallo ammesso.
problem-contradiction = In contrasto con un'altra risposta: controlla l'età.
nationality-not-known = Non nota o non chiesta
nationality-ng = Nigeria
nationality-ro = Romania
nationality-al = Albania
nationality-ma = Marocco
nationality-cn = Cina
nationality-ci = Costa d'Avorio
nationality-gh = Ghana
nationality-sn = Senegal
nationality-gm = Gambia
nationality-gn = Guinea
nationality-ml = Mali
nationality-cm = Camerun
nationality-er = Eritrea
nationality-so = Somalia
nationality-eg = Egitto
nationality-tn = Tunisia
nationality-pk = Pakistan
nationality-bd = Bangladesh
nationality-in = India
nationality-lk = Sri Lanka
nationality-ph = Filippine
nationality-th = Thailandia
nationality-ua = Ucraina
nationality-md = Moldavia
nationality-bg = Bulgaria
nationality-br = Brasile
nationality-pe = Perù
nationality-co = Colombia
nationality-ve = Venezuela
nationality-it = Italia
nationality-other = Altro paese
