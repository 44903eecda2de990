# Anello — testi dell'interfaccia in italiano (lingua principale).

brand-tagline = Rete antitratta Piemonte e Valle d'Aosta
skip-to-content = Vai al contenuto
footer-text = Anello — strumento di lavoro della rete antitratta. I dati delle persone accolte sono riservati: ogni accesso viene registrato.
loading = Caricamento in corso…
language-label = Lingua
language-apply = Applica
nav-label = Navigazione principale
nav-menu = Menu
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
form-busy = Invio in corso…
saved = Modifiche salvate.
cancel = Annulla
choose = Scegli…
filter-search = Cerca per nome o e-mail
filter-apply = Filtra

audit-intro = Chi ha fatto cosa e quando. Il registro non si può modificare né cancellare.
audit-caption = { $count ->
        [one] 1 voce
       *[other] { $count } voci
    }
audit-when = Quando
audit-who = Chi
audit-action = Azione
audit-object = Oggetto
audit-outcome = Esito
audit-from = Dal
audit-to = Al
audit-outcome-success = Riuscita
audit-outcome-denied = Negata
audit-outcome-failure = Non riuscita
audit-outcome-conflict = Rifiutata per conflitto
action-sign-in = Accesso
action-sign-out = Uscita
action-password-change = Cambio della propria password
action-session-end = Chiusura di una propria sessione
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
action-contact-resend = Contatto inviato di nuovo da un telefono (già registrato)
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
error-must-change-password = Scegli una tua password prima di continuare: quella attuale te l'ha data l'amministrazione.
error-not-found = La pagina cercata non esiste.
error-cross-origin = Richiesta rifiutata: proviene da un altro sito.
error-too-many-attempts = Troppi tentativi di accesso non riusciti. Riprova tra { $minutes } minuti.
error-too-many-requests = Troppe richieste in poco tempo. Riprova tra { $minutes } minuti.
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
problem-common-password = Questa password è troppo facile da indovinare: è tra le più usate, o è fatta di nomi, date o sequenze di tasti. Prova una frase di quattro parole insolite.
problem-wrong-password = Non è la tua password attuale.
problem-passwords-differ = Le due password non sono uguali.

# Contatti (unità di strada, sportello, Numero Verde, segnalazioni)
nav-contacts = Contatti
contacts-intro = Registra un contatto in pochi tocchi. I contatti sono anonimi: non scrivere nomi, indirizzi né altri dati che identificano la persona.
contact-logged = Contatto registrato.
contact-new = Nuovo contatto
contact-submit = Registra contatto
outbox-title = Senza connessione
outbox-privacy = Se il telefono non ha campo, il contatto resta su questo telefono finché la connessione torna e viene inviato da solo. Sul telefono restano solo i campi di questo modulo, mai nomi o dati di una persona; uscendo da Anello vengono cancellati.
outbox-ready = Questa pagina si apre anche senza connessione.
outbox-waiting = { $count ->
    [one] Un contatto in attesa di invio
   *[other] { $count } contatti in attesa di invio
}
outbox-entry = { $day } · { $channel } · persone: { $people }
outbox-refused = Non accettato da Anello:
outbox-discard = Elimina dal telefono
outbox-kept = Salvato sul telefono: sarà inviato appena torna la connessione.
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
problem-date-out-of-range = Scrivi una data tra il 2000 e il 2100.
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

## Registro delle persone: errori
problem-invalid-phone = Non sembra un numero di telefono: solo cifre, spazi e + ( ) - / .
problem-file-too-large = Il file è troppo grande: il limite è di 10 MB.
problem-upload-too-slow = Il file arrivava troppo lentamente e l'invio è stato interrotto: riprova quando la connessione è migliore.
problem-file-type-not-allowed = Questo tipo di file non è accettato: si possono allegare PDF, DOCX, ODT e immagini PNG, JPEG o WebP.
problem-file-type-mismatch = Il nome del file non corrisponde al suo contenuto (per esempio un'immagine chiamata «.pdf»). Rinominalo con l'estensione giusta.
error-no-sharing-consent = La persona non ha dato il consenso a condividere i suoi dati con questa organizzazione. Registra prima il consenso; solo il coordinamento può procedere senza, indicando il motivo.
error-last-organisation-in-charge = Serve almeno un'organizzazione che abbia in carico la persona.
error-already-in-charge = Questa organizzazione ha già in carico la persona.
error-already-waiting = La persona è già in lista d'attesa.
error-reset-link-invalid = Questo link non è più valido: è scaduto (vale 30 minuti) o è già stato usato. Chiedine uno nuovo.
error-mail-not-configured = Questa rete non invia e-mail: chiedi all'amministrazione di reimpostare la tua password.
error-anonymised = I dati di questa persona sono stati anonimizzati: non si possono più modificare.
error-checklist-published = Una versione pubblicata non si modifica: lavora sulla bozza.
error-already-linked = Le due schede sono già collegate, o sono la stessa.

## Registro delle persone
nav-people = Persone
people-intro = Le persone accolte e seguite dalla tua organizzazione. Nell'elenco compare solo il codice di rete: nomi e dati personali sono visibili solo all'équipe che ha in carico la persona.
people-register = Registra una persona
people-found = { $count ->
        [one] 1 persona
       *[other] { $count } persone
    }
people-none = Nessuna persona con questi criteri.
people-who = Persona
people-registered-on = Registrata il
filters = Filtri
filter-any = Tutti
filter-minors = Minorenni
filter-adults = Maggiorenni
field-network-code = Codice di rete
field-age = Età
field-organisation-in-charge = Organizzazione che ha in carico
field-province-in-charge = Provincia della presa in carico
person-title = Persona { $code }
person-age = { $age } anni
person-minor = minorenne
back-to-people = ← Tutte le persone
status-contact = Primo contatto
status-screening = Colloquio di valutazione
status-proposal = Proposta di inserimento
status-taken-in-charge = Presa in carico
status-placed = In accoglienza
status-inclusion = In inclusione sociale
status-exited = Uscita dal programma
exit-autonomy = Autonomia raggiunta
exit-voluntary-return = Rimpatrio volontario assistito
exit-transfer = Trasferimento ad altro progetto
exit-drop-out = Abbandono
exit-other = Altro esito
field-exit-outcome = Esito dell'uscita
register-intro = Il codice di rete viene assegnato alla registrazione e non rivela nulla della persona. I dati anagrafici restano visibili solo all'équipe della tua organizzazione e a chi la persona autorizza.
register-submit = Registra la persona
field-given-names = Nome
field-family-name = Cognome
field-aliases = Altri nomi usati
aliases-hint = Soprannomi o nomi con cui la persona è conosciuta, separati da virgole.
field-date-of-birth = Data di nascita
date-of-birth-hint = Anche dichiarata. Da qui si calcolano età e minore età; l'équipe viene avvisata prima dei 18 anni.
field-declared-minor = Minorenne, data di nascita non nota
field-unaccompanied = Minore straniero non accompagnato (MSNA)
field-guardian = Tutore
guardian-hint = Per i minori non accompagnati: nome del tutore e autorità che lo ha nominato.
field-languages = Lingue parlate
field-documents = Documenti
documents-hint = Tipo e numero dei documenti, se presenti.
field-phone = Telefono
field-family-head = Madre o padre (codice di rete)
family-head-hint = Per i figli: il codice del genitore con cui formano un nucleo, per esempio TO-2026-0042.
field-consent-processing-today = La persona ha dato oggi il consenso al trattamento dei dati
person-anonymised = I dati personali di questa persona sono stati anonimizzati: restano solo i dati che servono ai conteggi.
person-coming-of-age = Compie 18 anni tra { $days ->
        [one] 1 giorno
       *[other] { $days } giorni
    }: rivedi il progetto e i documenti.
person-possible-duplicate = Potrebbe esistere già una scheda di questa persona in un altro ente: il coordinamento è stato avvisato e può collegare le schede.
person-linked-to = Questa scheda è collegata alla scheda { $code }.
person-identity = Dati anagrafici
person-identity-hidden = Vedi solo il codice di rete: i dati anagrafici sono visibili solo all'équipe che ha in carico la persona, e al coordinamento se la persona ha dato il consenso.
person-identity-logged = Ogni apertura di questi dati è registrata ed è visibile all'équipe.
person-identity-edit = Modifica i dati anagrafici
person-path = Percorso
person-path-edit = Aggiorna il percorso
person-children = Figli nel nucleo
person-team = Organizzazioni che hanno in carico la persona
person-reference = Operatrice o operatore di riferimento: { $name }
person-no-reference = Nessun operatore di riferimento indicato
person-since = dal
person-remove-organisation = Togli dalla presa in carico
person-add-organisation = Aggiungi un'organizzazione (presa in carico congiunta)
person-add-organisation-hint = Serve il consenso della persona alla condivisione con quell'organizzazione.
field-override-reason = Motivo per procedere senza consenso
override-reason-hint = Solo per il coordinamento: il motivo viene registrato.
field-reference-operator = Operatore di riferimento della tua organizzazione
person-consents = Consensi
consents-none = Nessun consenso registrato.
consent-processing = Trattamento dei dati
consent-sharing = Condivisione con
consent-active = In vigore
consent-withdraw = Registra la revoca
consent-record = Registra un consenso
field-consent-kind = Consenso
field-consent-organisation = Organizzazione (per la condivisione)
field-given-on = Dato il
field-withdrawn-on = Revocato il
person-access-log = Chi ha consultato o modificato la scheda
person-access-log-hint = Le ultime 50 aperture e modifiche, con l'esito.
object-person = Persona
action-people-list = Consultazione elenco persone
action-people-search = Ricerca di persone (per nome, data o codice)
action-person-create = Registrazione persona
action-person-view = Apertura scheda (solo codice)
action-person-identity-view = Apertura dati anagrafici
action-person-identity-update = Modifica dati anagrafici
action-person-path-update = Aggiornamento percorso
action-person-organisation-add = Aggiunta organizzazione alla presa in carico
action-person-organisation-add-override = Condivisione senza consenso (coordinamento)
action-person-organisation-remove = Rimozione organizzazione dalla presa in carico
action-person-reference-update = Cambio operatore di riferimento
action-person-consent-record = Registrazione consenso
action-person-consent-withdraw = Revoca consenso

## Colloqui di valutazione e lista degli indicatori
nav-checklists = Indicatori
checklists-intro = La lista degli indicatori di tratta usata nei colloqui di valutazione. Ogni versione pubblicata resta com'è: un colloquio conserva la versione con cui è stato fatto. Formatrici e formatori preparano la versione successiva e la pubblicano.
checklist-version = Versione { $version } del { $date }
checklist-draft = Bozza della versione { $version }
checklist-no-draft = Nessuna bozza in corso. Una nuova bozza parte dalla versione pubblicata più recente.
checklist-start-draft = Prepara una nuova versione
checklist-text-it = Testo in italiano
checklist-text-en = Testo in inglese
checklist-remove = Togli questo indicatore dalla nuova versione
checklist-new-indicator = Nuovo indicatore
checklist-group = Gruppo
checklist-changes = Che cosa cambia in questa versione
checklist-changes-hint = Obbligatorio per pubblicare: sarà mostrato a chi usa la lista.
checklist-save-draft = Salva la bozza
checklist-publish = Pubblica la versione { $version }
indicator-group-general = Indicatori generali
indicator-group-sexual = Sfruttamento sessuale
indicator-group-labour = Sfruttamento lavorativo
indicator-group-begging-illegal = Accattonaggio e attività illegali forzate
screening-title = Colloquio di valutazione { $code }
screening-heading = Colloquio di valutazione
screening-intro = Segna gli indicatori emersi nel colloquio (lista degli indicatori, versione { $version }). Gli indicatori non sono una prova: aiutano a decidere la proposta.
screening-submit = Salva il colloquio
screening-new = Nuovo colloquio di valutazione
screenings-none = Nessun colloquio registrato.
screening-summary = { $count ->
        [one] 1 indicatore
       *[other] { $count } indicatori
    } · lista versione { $version } · { $organisation }
person-screenings = Colloqui di valutazione
back-to-person = ← Torna alla scheda
field-held-on = Data del colloquio
field-screening-outcome = Esito della valutazione
screening-outcome-indicators-found = Indicatori di tratta riscontrati
screening-outcome-no-indicators = Nessun indicatore riscontrato
screening-outcome-proposal = Proposta di inserimento nel programma
screening-outcome-commission-request = Richiesta della Commissione Territoriale
screening-outcome-commission-referral = Segnalazione alla Commissione Territoriale
screening-outcome-open = Valutazione ancora aperta
object-checklist = Lista degli indicatori
action-person-screening-start = Apertura colloquio di valutazione
action-person-screening-create = Colloquio di valutazione registrato
action-checklist-draft = Nuova bozza della lista indicatori
action-checklist-edit = Modifica della bozza della lista indicatori
action-checklist-publish = Pubblicazione della lista indicatori

## Lista d'attesa per l'accoglienza
nav-waiting-list = Lista d'attesa
waiting-intro = Le persone proposte per l'accoglienza, dalla più urgente. Compare solo il codice di rete con i bisogni che servono per offrire un posto letto.
waiting-count = { $count ->
        [0] Nessuna persona in attesa.
        [one] 1 persona in attesa
       *[other] { $count } persone in attesa
    }
urgency-immediate = Immediata (pronta accoglienza)
urgency-high = Alta
urgency-normal = Ordinaria
target-women = Donne
target-men = Uomini
target-transgender = Persone transgender
target-mothers-with-children = Madri con figli
target-girls-16-18 = Ragazze 16–18 anni (direttiva regionale)
waiting-children = { $count ->
        [one] 1 figlio
       *[other] { $count } figli
    }
waiting-disability = disabilità
waiting-language = lingua: { $language }
waiting-needs = Bisogni
waiting-proposed-by = Proposta da
waiting-days = { $days ->
        [0] proposta oggi
        [one] in attesa da 1 giorno
       *[other] in attesa da { $days } giorni
    }
waiting-since = Posto richiesto dal { $date } ({ $days ->
        [one] in attesa da 1 giorno
       *[other] in attesa da { $days } giorni
    }).
waiting-not-waiting = La persona non è in lista d'attesa.
waiting-propose = Proponi per l'accoglienza
waiting-withdraw = Togli dalla lista d'attesa
waiting-any-province = Qualsiasi provincia
person-waiting = Lista d'attesa per l'accoglienza
field-urgency = Urgenza
field-target-group = Tipo di accoglienza
field-children = Figli al seguito
field-waiting-language = Lingua per la mediazione
field-preferred-province = Provincia preferita
field-wanted-from = Posto richiesto dal

## Diritti della persona sui suoi dati
person-rights = Dati della persona: esportazione e anonimizzazione
person-rights-hint = Su richiesta della persona, o alla scadenza del periodo di conservazione. Ogni esportazione e ogni anonimizzazione viene registrata.
person-export-json = Scarica i dati (JSON)
person-export-csv = Scarica i dati (CSV)
person-anonymise = Anonimizza la persona
field-anonymise-reason = Motivo
anonymise-request = Richiesta della persona
anonymise-retention = Periodo di conservazione scaduto
field-anonymise-confirm = Ho capito: nomi, data di nascita, documenti e recapiti vengono cancellati per sempre; restano solo i dati che servono ai conteggi.
action-person-export = Esportazione dei dati della persona
action-person-anonymise = Anonimizzazione
action-person-waiting-add = Proposta per l'accoglienza (lista d'attesa)
action-person-waiting-withdraw = Uscita dalla lista d'attesa
action-waiting-list = Consultazione lista d'attesa
field-contact-person = Codice della persona, se già registrata
contact-person-hint = Per esempio TO-2026-0042. Lascia vuoto per un contatto anonimo. Solo persone che la tua organizzazione ha in carico.
action-person-contact-link = Contatto collegato alla persona
duplicates-title = Possibili doppioni
duplicates-intro = Schede registrate da organizzazioni diverse con gli stessi nomi e la stessa data di nascita (confrontati con un codice cifrato, mai in chiaro). Collega la scheda più recente alla prima: entrambe restano alle loro équipe.
duplicates-none = Nessun possibile doppione da esaminare.
duplicates-link = Collega a { $code }
action-person-duplicate-link = Schede collegate come stessa persona
action-people-duplicates = Consultazione possibili doppioni

## Tabellone dei posti letto
nav-board = Posti letto
board-counts = { $free ->
        [one] 1 posto libero
       *[other] { $free } posti liberi
    } su { $total } con questi filtri.
board-free-only = Solo strutture con posti liberi
board-search = Cerca una struttura o un codice
board-search-hint = Parte del nome della struttura o del codice di una persona accolta, ad esempio Ginestra o TO-2026.
board-search-none = Nessuna struttura corrisponde alla ricerca.
board-structure-summary = { $free ->
        [0] Nessun posto libero
        [one] 1 posto libero
       *[other] { $free } posti liberi
    } su { $total }
board-house-show = Mostra i letti di { $name }
board-houses-folded = Con più di { $count } strutture il tabellone mostra di ciascuna solo i posti liberi: aprila per vederne i letti.
board-houses-folded-drag = Mentre trascini una persona, fermati su una struttura chiusa per aprirla.
board-houses-open-all = Apri tutte le strutture
board-houses-close-all = Chiudi tutte le strutture
board-place-in = Inserisci nel posto
board-place = Inserisci
board-place-for = Scegli il posto per { $code }
board-move-to = Sposta nel posto
board-move = Sposta
board-exit-reason = Motivo dell'uscita
board-exit-date = Data dell'uscita
board-exit = Registra l'uscita
board-actions-for = Sposta o fai uscire { $code }
field-structure-kind = Tipo di struttura
structure-emergency = Pronta accoglienza
structure-safe-house = Casa di fuga (indirizzo riservato)
structure-second-reception = Seconda accoglienza
structure-supported-flat = Alloggio in semi-autonomia
bed-free = Libero
bed-occupied = Occupato
bed-held = Riservato
bed-out-of-service = Fuori servizio
bed-days = { $days ->
        [0] arrivata oggi
        [one] da 1 giorno
       *[other] da { $days } giorni
    }
bed-planned-exit = uscita prevista { $date }
bed-exit-overdue = uscita scaduta
bed-held-until = fino al { $time }
stay-end-end-of-stay = Fine dell'accoglienza (prosegue il progetto)
stay-end-autonomy = Autonomia raggiunta
stay-end-voluntary-return = Rimpatrio volontario assistito
stay-end-transfer-out = Trasferimento fuori dalla rete
stay-end-drop-out = Abbandono
stay-end-other = Altro
error-bed-taken = Nel frattempo questo posto è stato assegnato a un'altra persona. Il tabellone è stato aggiornato: scegli un altro posto.
error-bed-held = Questo posto è riservato a un'altra persona in arrivo.
error-bed-out-of-service = Questo posto è fuori servizio.
error-already-placed = La persona ha già un posto letto: spostala invece di inserirla.
error-not-placed = La persona non ha un posto letto.
object-board = Tabellone posti letto
action-board-view = Consultazione tabellone
action-bed-place = Inserimento in un posto letto
action-bed-move = Spostamento di posto letto
action-bed-discharge = Uscita dal posto letto
address-withheld = Indirizzo riservato.
address-reveal = Mostra l'indirizzo
address-reason = Perché ti serve l'indirizzo
address-reveal-submit = Mostra per 5 minuti
address-visible-until = Visibile fino alle { $time }; la consultazione è registrata.
bed-menu = Riserva o metti fuori servizio
bed-menu-for = Riserva o metti fuori servizio: { $bed }
bed-hold-for = Riservato a (codice, facoltativo)
bed-hold-hours = Per quante ore
bed-hold = Riserva il posto
bed-release = Togli la riserva
bed-out-reason = Motivo del fuori servizio
bed-take-out = Metti fuori servizio
bed-back-in-service = Rimetti in servizio
object-bed = Posto letto
object-structure = Struttura
action-bed-hold = Posto riservato
action-bed-release = Riserva tolta
action-bed-out-of-service = Posto fuori servizio
action-bed-in-service = Posto rimesso in servizio
action-structure-address-reveal = Indirizzo riservato mostrato
nav-structures = Strutture
structures-intro = Le strutture e i posti letto della tua organizzazione (per il coordinamento: di tutta la rete). Gli indirizzi non vengono mai mostrati qui: si possono solo inserire o sostituire.
structure-new = Nuova struttura
structure-edit = Modifica la struttura
structure-inactive = Non attiva
field-structure-name = Nome della struttura
field-target-groups = Chi accoglie
field-address = Indirizzo
address-kept-hint = L'indirizzo attuale è salvato e non viene mostrato. Scrivine uno solo per sostituirlo.
address-new-hint = Riservato: lo vedrà solo il personale dell'organizzazione, con un motivo.
field-structure-active = Struttura attiva (compare nel tabellone)
field-bed-label = Nome del posto letto
field-bed-room = Stanza (facoltativa)
bed-add = Aggiungi il posto letto
bed-remove = Togli
error-nothing-to-undo = Non c'è nulla da annullare: si può annullare solo il proprio ultimo spostamento, entro un minuto.
error-bed-has-history = Questo posto letto ha già accolto persone e resta nello storico: mettilo fuori servizio.
action-bed-create = Nuovo posto letto
action-bed-delete = Posto letto tolto
action-structure-create = Nuova struttura
action-structure-update = Struttura modificata
timeline-title = Presenze della struttura
timeline-heading = Presenze: { $structure }, { $month }
timeline-link = Presenze e occupazione
timeline-previous = ← Mese precedente
timeline-next = Mese successivo →
timeline-caption = Chi era in quale posto letto, giorno per giorno
timeline-legend = Ogni barra è una permanenza con il codice della persona; il punto esclamativo e il bordo rosso segnalano un'uscita prevista già passata; la linea verticale è oggi.
timeline-stays = Permanenze del mese
timeline-from = Dal
timeline-to = Al
timeline-ongoing = in corso
timeline-presence = Giornate di presenza e occupazione, ultimi 12 mesi
timeline-month = Mese
timeline-days = Giornate di presenza
timeline-bed-days = Giornate letto disponibili
timeline-occupancy = Occupazione
back-to-board = ← Tabellone dei posti letto
action-structure-timeline = Consultazione presenze della struttura
code-example = Per esempio TO-2026-0042.
people-search = Cerca una persona
people-search-hint = Il nome, un alias o la data di nascita (gg/mm/aaaa) delle persone che segui, o il codice di rete intero o una sua parte, per esempio 2026-0042.

## Regole del tabellone
error-placement-rules = L'inserimento non rispetta le regole dell'accoglienza.
breach-target-group = La struttura non accoglie persone di questo gruppo.
breach-minor-not-allowed-here = La struttura non accoglie minori senza un genitore.
breach-below-age-floor = Ha meno di 16 anni: i posti per ragazze accolgono dai 16 ai 18 anni. Va accolta in una comunità per minori, con il tutore e il tribunale per i minorenni.
breach-minor-without-authorisation = Per una minore senza genitore serve l'autorizzazione del tutore o del Tribunale per i minorenni: registrala nella scheda della persona.
breach-no-room-for-family = Non ci sono abbastanza posti liberi vicini per tutta la famiglia.
breach-family-split = Una parte della famiglia resterebbe in un'altra struttura.
breach-kept-apart = Nella struttura c'è una persona da cui deve restare separata.
board-override = Deroga motivata (solo chi gestisce l'accoglienza)
board-override-reason = Motivo della deroga
board-override-hint = Scrivi perché le regole possono essere superate: resta nel registro degli accessi.
safeguards-title = Autorizzazioni e separazioni
safeguards-intro = Quello che il tabellone dei posti letto controlla prima di un inserimento.
authorisation-title = Autorizzazione all'accoglienza di una minore
authorisation-none = Nessuna autorizzazione registrata.
authorisation-adult = Non serve: la persona risulta maggiorenne.
authorisation-guardian = Tutore
authorisation-juvenile-court = Tribunale per i minorenni
authorisation-withdrawn = revocata
authorisation-withdraw = Revoca
authorisation-kind = Chi autorizza
authorisation-reference = Atto di riferimento
authorisation-reference-hint = Per esempio il numero del decreto o la data dell'atto del tutore.
authorisation-granted-on = Data dell'autorizzazione
authorisation-record = Registra l'autorizzazione
kept-apart-title = Da tenere separata da
kept-apart-none = Nessuna persona indicata.
kept-apart-recruiter = reclutatore o reclutatrice conosciuta
kept-apart-witness-accused = testimone e persona accusata
kept-apart-other = altro motivo di sicurezza
kept-apart-remove = Togli
kept-apart-other-team = una persona seguita da un altro ente
kept-apart-recorded-elsewhere = Registrata da un altro ente: può toglierla solo quell'ente o il coordinamento.
kept-apart-other-code = Codice dell'altra persona
kept-apart-reason = Motivo
kept-apart-add = Aggiungi la separazione
board-undo-place = Hai inserito { $code } in un posto letto.
board-undo-move = Hai spostato { $code } in un altro posto letto.
board-undo-exit = Hai registrato l'uscita di { $code }.
board-undo-hint = Se è stato un errore puoi annullarlo entro un minuto.
board-undo = Annulla
board-undone = Annullato: { $code } è tornata dov'era.
board-drag = Trascina { $code }
board-live-on = Aggiornamento in diretta attivo: i cambiamenti fatti da altri compaiono da soli.
board-live-off = Aggiornamento in diretta interrotto: nuovo tentativo in corso.
board-done-place = { $code } è stata inserita.
board-done-move = { $code } è stata spostata.
board-done-exit = L'uscita di { $code } è registrata.
board-exit-zone = Trascina qui una persona per registrarne l'uscita
board-exit-of = Uscita di { $code }
board-override-confirm = Inserisci con la deroga

# Progetto personalizzato
nav-my-work = Il mio lavoro
nav-services = Servizi
person-plan-link = Progetto personalizzato
person-diary-link = Diario
error-plan-already-open = Questa persona ha già un progetto personalizzato.
error-already-on-team = Questa persona fa già parte dell'équipe con questo ruolo.
plan-title = Progetto personalizzato di { $code }
plan-heading = Progetto personalizzato
plan-back-to-person = ← Torna alla scheda della persona
plan-none-title = Nessun progetto ancora
plan-none-intro = Il progetto personalizzato si costruisce insieme alla persona: valutazione iniziale per area, obiettivi e azioni con date e responsabili. Aprilo quando la persona è presa in carico.
plan-open = Apri il progetto personalizzato
plan-field-review-every = Verifiche ogni (giorni)
plan-review-every-hint = Ogni quanti giorni l'équipe si riunisce per verificare il progetto (da 7 a 365).
plan-opened-on = Aperto il { $date }
plan-review-every = verifica ogni { $days } giorni
plan-minor = La persona è minorenne: il progetto è integrato con i servizi sociali e condiviso con il tutore.
plan-overdue = { $count ->
    [one] Un'azione è in ritardo.
   *[other] { $count } azioni sono in ritardo.
}
plan-open-diary = Apri il diario
plan-see-timeline = Vai al cronoprogramma
plan-phase = Fase del percorso
phase-first-contact = Primo contatto
phase-protection = Protezione e prima assistenza
phase-reception = Accoglienza residenziale
phase-non-residential = Accompagnamento non residenziale
phase-inclusion = Inclusione attiva
phase-exit = Autonomia / uscita
phase-state-done = completata
phase-state-current = fase attuale
phase-state-next = da fare
plan-phase-current = Fase attuale: { $phase }, dal { $date }.
plan-phase-history = Storico delle fasi
plan-phase-change = Registra un cambio di fase
plan-phase-record = Registra la fase
plan-field-phase = Fase
plan-field-started-on = Data di inizio
plan-field-note = Nota
plan-team = Équipe
plan-reference-operators = Operatrici e operatori di riferimento
plan-no-reference-operator = Nessun operatore di riferimento indicato: sceglilo nella scheda della persona.
plan-team-members = Équipe multidisciplinare e servizi coinvolti
plan-team-empty = Nessun componente aggiunto.
plan-team-remove = Togli
plan-team-add = Aggiungi all'équipe
plan-team-add-submit = Aggiungi
plan-team-restricted-hint = I ruoli di psicologa e di consulente legale aprono le note riservate del diario: li assegna l'operatrice di riferimento della persona, o chi ha già quel ruolo, e mai a sé stessa.
plan-team-external-choice = — Servizio esterno —
plan-team-external-hint = Solo per un servizio esterno (per esempio «Consultorio familiare»): scegli «Servizio esterno» sopra e come ruolo.
plan-field-colleague = Collega
plan-field-external = Servizio esterno
plan-field-role = Ruolo
team-role-social-worker = Assistente sociale
team-role-educator = Educatrice / educatore
team-role-cultural-mediator = Mediatrice / mediatore culturale
team-role-psychologist = Psicologa / psicologo
team-role-legal-advisor = Consulente legale
team-role-tutor = Tutor
team-role-external-service = Servizio esterno
plan-timeline = Cronoprogramma
plan-timeline-empty = Ancora nessuna azione: aggiungile dagli obiettivi delle aree qui sotto.
plan-timeline-caption = Azioni del progetto per area, dalla data prevista di inizio a quella di fine; la linea tratteggiata è oggi.
plan-timeline-legend = Barra: periodo previsto. Linea sottile: periodo effettivo. In rosso e con «!»: azioni in ritardo. Le stesse azioni sono elencate per area qui sotto.
plan-areas = Bisogni, obiettivi e azioni per area
plan-areas-intro = Per ogni area: la valutazione iniziale del bisogno, gli obiettivi concordati con la persona e le azioni per raggiungerli.
area-legal = Legale
area-health = Salute
area-housing = Abitare
area-language = Lingua
area-training = Formazione
area-work = Lavoro
area-relations = Relazioni e sostegno psicologico
area-parenting = Genitorialità
area-schooling = Scuola (minori)
need-none = Nessun bisogno
need-low = Bisogno basso
need-medium = Bisogno medio
need-high = Bisogno alto
plan-assessed-on = valutato il { $date }
plan-not-assessed = Area non ancora valutata.
plan-assess = Valuta il bisogno
plan-field-need = Bisogno
plan-field-notes = Osservazioni
plan-no-goals = Nessun obiettivo in quest'area.
plan-goal-add = Aggiungi un obiettivo
plan-goal-add-submit = Aggiungi l'obiettivo
plan-field-description = Obiettivo
plan-field-expected-on = Da raggiungere entro
plan-goal-expected = entro il { $date }
goal-open = In corso
goal-achieved = Raggiunto
goal-dropped = Abbandonato
plan-goal-status-change = Cambia lo stato dell'obiettivo
plan-field-area = Area
plan-field-goal = Obiettivo
plan-no-actions = Nessuna azione per questo obiettivo.
plan-action-add = Aggiungi un'azione
plan-action-add-submit = Aggiungi l'azione
plan-field-service = Servizio
plan-other-services = Altri servizi
plan-field-responsible = Responsabile
plan-responsible-external-choice = — Servizio esterno —
plan-responsible-external-hint = Se la responsabilità è di un servizio esterno, scegli «Servizio esterno» sopra e scrivine il nome.
plan-field-planned-start = Inizio previsto
plan-field-planned-end = Fine prevista
plan-field-actual-start = Inizio effettivo
plan-field-actual-end = Fine effettiva
plan-field-status = Stato
plan-field-outcome = Esito
action-planned = Prevista
action-in-progress = In corso
action-done = Fatta
action-cancelled = Annullata
plan-action-overdue = In ritardo
plan-action-planned = Periodo previsto
plan-action-actual = Periodo effettivo
plan-action-mark-done = Segna come fatta
plan-action-update = Aggiorna date, stato ed esito
diary-title = Diario di { $code }
diary-heading = Diario
diary-back-to-plan = ← Torna al progetto personalizzato
diary-intro = Note datate dell'équipe. Ogni nota è visibile solo al livello di riservatezza scelto (e a chi l'ha scritta).
diary-new = Nuova nota
diary-add = Salva la nota
diary-level-hint = «Tutta l'équipe»: chi è nell'équipe della persona. «Solo legale»: solo chi ha il ruolo di consulente legale nell'équipe. «Solo psicologa/o»: solo chi ha il ruolo di psicologa o psicologo.
diary-level-team = Tutta l'équipe
diary-level-legal = Solo legale
diary-level-psychologist = Solo psicologa/o
diary-hidden = { $count ->
    [one] Una nota è riservata ad altri professionisti dell'équipe.
   *[other] { $count } note sono riservate ad altri professionisti dell'équipe.
}
diary-empty = Il diario è ancora vuoto.
plan-field-level = Riservatezza
plan-field-written-on = Data
plan-field-body = Testo della nota
my-work-title = Il mio lavoro
my-work-intro = Le azioni in ritardo e in scadenza dei progetti di cui fai parte, e le persone che stanno per compiere 18 anni.
my-work-nothing = Niente in ritardo né in scadenza. Buon lavoro!
my-work-overdue = Azioni in ritardo ({ $count })
my-work-upcoming = In scadenza nei prossimi { $days } giorni
my-work-coming-of-age = Persone che compiono 18 anni a breve
my-work-none = Nessuna.
my-work-turns-18 = compie 18 anni fra { $days } giorni
my-work-yours = tua responsabilità
services-title = Catalogo dei servizi
services-intro = I servizi da cui si scelgono le azioni dei progetti personalizzati. Il coordinamento della rete può aggiungerne e disattivarli; un servizio disattivato resta nei progetti che già lo usano.
services-add = Aggiungi un servizio
services-add-submit = Aggiungi il servizio
services-change = Modifica
services-active = Attivo
services-inactive = Disattivato
services-activate = Riattiva
services-deactivate = Disattiva
plan-field-name-it = Nome in italiano
plan-field-name-en = Nome in inglese
error-plan-closed = Il progetto è chiuso: si può consultare, non modificare.
plan-closed-title = Progetto chiuso il { $date }
plan-closed-read-only = Il progetto è in sola lettura.
plan-field-exit-outcome = Esito dell'uscita
plan-exit = Uscita dal progetto
plan-exit-open = Chiudi il progetto
plan-exit-intro = Alla chiusura il progetto diventa di sola lettura e il percorso della persona risulta concluso con questo esito. Le verifiche non ancora tenute non compaiono più nel tuo lavoro.
plan-exit-autonomy = Autonomia
plan-exit-permit-converted = Permesso convertito
plan-exit-voluntary-return = Rimpatrio volontario assistito
plan-exit-transfer = Trasferimento ad altro progetto
plan-exit-drop-out = Abbandono del percorso
plan-exit-submit = Chiudi il progetto
plan-field-closed-on = Data di chiusura
plan-field-summary = Sintesi conclusiva
plan-field-confirm = Confermo: il progetto diventa di sola lettura
plan-reviews = Verifiche periodiche
plan-review-none = Nessuna verifica in programma.
plan-review-next = Prossima verifica: { $date }
plan-review-late = In ritardo
plan-review-record = Registra la verifica
plan-review-record-submit = Salva il verbale
plan-review-move = Sposta la data
plan-reviews-held = Verifiche tenute
plan-field-scheduled-on = Data prevista
plan-field-held-on = Data della riunione
plan-field-minutes = Verbale
plan-field-decisions = Decisioni prese
plan-field-kind = Tipo
plan-permits = Permesso di soggiorno
plan-permits-none = Nessun permesso registrato.
plan-permit-add = Registra un permesso
permit-art18 = Art. 18 (protezione sociale)
permit-labour-exploitation = Art. 22 c. 12-quater (sfruttamento lavorativo)
permit-international-protection = Protezione internazionale
permit-special-protection = Protezione speciale
permit-minor-age = Minore età
permit-work = Lavoro
permit-study = Studio
permit-family = Motivi familiari
permit-other = Altro
permit-route-hint = Il percorso: domanda, pareri (Procura, servizi sociali), Questura, rilascio e scadenza. Compila le date man mano che arrivano.
permit-applied-on = Domanda presentata il
permit-opinion-on = Parere ricevuto il
permit-questura-on = Pratica in Questura dal
permit-issued-on = Rilasciato il
permit-expires-on = Scade il
permit-renewal-of = Rinnovo di
permit-not-a-renewal = — Non è un rinnovo —
permit-renewed = Rinnovato
permit-is-renewal = Rinnovo di un permesso precedente.
permit-expires-in = Scade fra { $days } giorni: avvia il rinnovo o la conversione.
permit-expired = Scaduto da { $days } giorni.
permit-update = Aggiorna le date
permit-convert = Registra la conversione
permit-convert-submit = Registra la conversione
permit-converted = Convertito in permesso per { $to } il { $date }
permit-converted-to = Convertito in permesso per
permit-converted-on = Data della conversione
conversion-work = lavoro
conversion-study = studio
plan-work = Tirocini e borse lavoro
plan-work-none = Nessun tirocinio o borsa lavoro.
work-internship = Tirocinio
work-grant = Borsa lavoro
work-host-company = Azienda ospitante
work-starts-on = Inizio
work-ends-on = Fine
work-ends-on-hint = Un tirocinio dura di solito circa quattro mesi.
work-hours-per-week = Ore a settimana
work-grant-amount = Indennità mensile
work-grant-hint = In euro, per esempio 450 o 450,50. Vuoto se non c'è.
work-tutor = Tutor
work-attendance = Frequenza (% delle ore previste)
work-period = Periodo
work-ongoing = — In corso —
work-hired = Assunta
work-not-hired = Non assunta
work-interrupted = Interrotto
work-update = Aggiorna frequenza ed esito
work-add = Aggiungi un tirocinio o una borsa lavoro
work-add-submit = Aggiungi
my-work-reviews = Verifiche in scadenza
my-work-review-on = verifica prevista il { $date }
my-work-permits = Permessi in scadenza
my-work-permit-expires = scade il { $date }
plan-timeline-keys = Per spostare un'azione trascina la sua barra, o trascina la maniglia alla fine per cambiarne la durata. Da tastiera: seleziona una barra con Tab, le frecce la spostano di un giorno (con Maiusc cambiano la fine), Invio salva, Esc annulla. Puoi anche cambiare le date dal modulo di ogni azione qui sotto.
plan-timeline-pending = { $service }: nuove date { $from } – { $to }. Rilascia o premi Invio per salvare, Esc per annullare.
plan-bar-label = { $service }, dal { $from } al { $to }

## Versioni concordate, approvazione e stampa del progetto
back-to-plan = ← Torna al progetto
recorded-by = Registrato da { $name }
plan-assessment = Valutazione iniziale
plan-latest-version = Ultima versione concordata: n. { $number } del { $date }.
plan-not-agreed = Il progetto non è ancora stato concordato con la persona.
plan-open-versions = Versioni concordate
plan-open-family = Famiglia e figli ({ $count })
plan-open-print = Stampa da firmare
plan-handovers = { $count ->
    [one] Un passaggio di consegne
   *[other] { $count } passaggi di consegne
}
plan-handover-from-to = da { $from } a { $to }
plan-handover-to = a { $to }
plan-reference-change-hint = L'operatrice di riferimento si cambia dalla scheda della persona, con una nota di passaggio di consegne per chi subentra.
agreement-title = Versioni concordate del progetto { $code }
agreement-heading = Versioni concordate del progetto
agreement-intro = Ogni volta che il progetto è concordato con la persona, registra la versione: resta com'era, si può confrontare con le altre e va approvata da una responsabile.
agreement-record = Registra la versione concordata
agreement-record-open = Il progetto è stato concordato con la persona
agreement-record-hint = Si registra il progetto com'è adesso, con chi era presente. Chi approva riceve una notifica.
agreement-field-agreed-on = Concordato il
agreement-field-language = Lingua
agreement-language-hint = La lingua in cui il progetto è stato spiegato e concordato, per esempio inglese o edo.
agreement-field-mediator = Mediatrice o mediatore culturale presente
agreement-mediator-hint = Nome e cognome, se era presente.
agreement-field-guardian = Tutore presente
agreement-guardian-hint = Obbligatorio se la persona è minorenne.
agreement-field-approver = Chi approva
agreement-approver-hint = La coordinatrice della rete o una responsabile dell'accoglienza di un ente che ha in carico la persona; non chi registra.
agreement-record-submit = Registra e chiedi l'approvazione
agreement-versions = Versioni
agreement-no-versions = Nessuna versione concordata finora.
agreement-version = Versione { $number }
agreement-current-plan = Progetto attuale (non ancora concordato)
agreement-agreed-on = concordata il { $date }
agreement-recorded-by = Registrata da
agreement-approval = Approvazione
agreement-approved = Approvata
agreement-approved-by = Approvata da { $name } il { $date }.
agreement-pending = Da approvare
agreement-pending-with = in attesa di { $name }
agreement-approval-note = Nota di approvazione (facoltativa)
agreement-approve = Approva la versione { $number }
agreement-print = Stampa questa versione
agreement-print-latest = Stampa l'ultima versione
agreement-back-to-versions = ← Torna alle versioni
agreement-compare = Confronta due versioni
agreement-compare-from = Da
agreement-compare-to = A
agreement-compare-submit = Confronta
agreement-compare-result = Cosa è cambiato da «{ $from }» a «{ $to }»
agreement-no-differences = Nessuna differenza.
diff-item = Voce
diff-what = Cosa
diff-value = Valore
diff-responsible = Responsabile
diff-added = Aggiunta
diff-removed = Tolta
diff-present = presente
diff-whole-plan = Tutto il progetto
diff-days = { $days } giorni
diff-goal = Obiettivo: { $goal }
diff-action = { $service } (obiettivo: { $goal })
diff-child = Figlio/a { $code }
error-version-already-approved = Questa versione è già stata approvata.
error-thread-locked = Questa discussione è chiusa: si può leggere ma non più modificare.
error-checklist-material = Le versioni della checklist degli indicatori si pubblicano dalla pagina «Indicatori», non dalla biblioteca.
print-title = Progetto personalizzato { $code } da stampare
print-now = Stampa
print-hint = Il foglio è impaginato per A4. La stampa è nella lingua scelta in alto: scegli English per la versione in inglese.
print-network = Rete regionale antitratta · Progetto personalizzato
print-heading = Progetto personalizzato
print-version = Versione { $number }, concordata il { $date } in lingua { $language }.
print-draft = BOZZA: il progetto non è ancora stato concordato. Non firmare questa stampa.
print-reference = { $name }, operatrice di riferimento ({ $organisation })
print-expected = entro il { $date }
print-when = Quando
print-signatures = Firme
print-agreement-statement = Il progetto è stato letto, spiegato e concordato con la persona, che lo sottoscrive insieme all'équipe.
print-sign-person = La persona accolta
print-sign-operator = L'operatrice di riferimento
print-sign-mediator = La mediatrice o il mediatore culturale
print-sign-guardian = Il tutore
print-place-date = Luogo e data

## Famiglia
family-title = Famiglia e figli di { $code }
family-heading = Famiglia e figli
family-intro = I bisogni dei figli fanno parte del progetto della madre; qui si registra anche il lavoro fatto insieme ai servizi sociali.
family-no-plan = Il progetto personalizzato non è ancora stato aperto.
family-children = Figli
family-no-children = Nessun figlio o figlia registrato nella scheda della persona.
family-age = { $years ->
    [one] 1 anno
   *[other] { $years } anni
}
family-no-needs = Nessun bisogno valutato finora.
family-assessed-on = Valutato il
family-assess-need = Valuta un bisogno
family-save-need = Salva la valutazione
family-joint-work = Lavoro con i servizi sociali
family-joint-work-intro = Incontri, visite domiciliari, relazioni, riunioni d'équipe e comunicazioni al tribunale fatte insieme ai servizi sociali.
family-joint-work-add = Registra un lavoro con i servizi sociali
family-joint-work-save = Registra
family-joint-work-empty = Nessun lavoro con i servizi sociali registrato.
family-field-service = Servizio
family-service-hint = Per esempio: Servizio sociale minori, Comune di Torino.
family-field-child = Riguarda
family-whole-family = Tutta la famiglia
family-field-next-steps = Prossimi passi
family-about-child = riguarda { $code }
joint-meeting = Incontro
joint-home-visit = Visita domiciliare
joint-report = Relazione
joint-case-conference = Riunione d'équipe (UVM)
joint-court-communication = Comunicazione al tribunale

## Passaggio di consegne e notifiche
field-handover-note = Nota di passaggio di consegne
handover-note-hint = Obbligatoria quando cambi l'operatrice di riferimento: cosa deve sapere chi subentra. La riceve con una notifica.
notifications-link = Notifiche
notifications-unread-suffix = da leggere
notifications-title = Notifiche
notifications-empty = Nessuna notifica.
notifications-unread = { $count ->
    [0] Nessuna notifica da leggere.
    [one] Una notifica da leggere.
   *[other] { $count } notifiche da leggere.
}
notifications-read-all = Segna tutte come lette
notifications-new = Nuova
notifications-open = Apri
notifications-mark-read = Segna come letta
notification-handover = Sei ora l'operatrice di riferimento della persona { $code }: leggi la nota di passaggio di consegne nel suo progetto.
notification-restricted-role-given = Nel progetto della persona { $code } un'altra collega ha ricevuto il tuo stesso ruolo riservato e ora legge le note riservate del diario: se non te lo aspettavi, parlane con l'operatrice di riferimento.
notification-password-set-by-other = Il coordinamento ha impostato una nuova password per l'account di { $name }. Se non l'avevate chiesto, avvisate subito l'amministrazione.
notification-case-account-opened = Il coordinamento ha aperto l'account di { $name } nel vostro ente, con accesso ai dati delle persone accolte. Se non lo conoscete, avvisate subito l'amministrazione.
notification-possible-duplicate = La scheda { $code } potrebbe essere della stessa persona di una scheda di un altro ente: verifica nella pagina dei possibili doppioni.
notification-planned-exit-overdue = L'uscita prevista di { $code } è passata e la persona è ancora nel suo posto letto: aggiorna la data prevista o registra l'uscita.
notification-hold-lapsing = Il posto letto tenuto per { $code } si libera tra meno di due ore: se l'ingresso è confermato, chiedi di accoglierla o di prolungare la prenotazione.
notification-coming-of-age = { $code } compie 18 anni entro due mesi: preparate con lei il permesso di soggiorno, la fine della tutela e il posto dove stare da adulta.
notification-bed-proposal = { $code } è in lista d'attesa per un posto letto in una provincia dove il tuo ente ha strutture: la trovi nella bacheca dei posti.
notification-approval-requested = Una versione concordata del progetto di { $code } aspetta la tua approvazione.
notification-version-approved = La versione concordata del progetto di { $code } è stata approvata.

## Forum
nav-forum = Forum
forum-title = Forum della rete
forum-intro = Domande, risposte e materiali sugli indicatori di tratta, tra gli enti e i partner della rete. Qui non si scrive mai di persone accolte: niente nomi, recapiti, indirizzi o nomi delle strutture.
forum-back = Torna al forum
forum-back-to-category = Torna alla categoria
forum-moderation-link = Coda di moderazione: { $count ->
    [0] nessun messaggio in attesa
    [one] un messaggio in attesa
   *[other] { $count } messaggi in attesa
}
forum-thread-count = { $count ->
    [0] Nessuna discussione
    [one] Una discussione
   *[other] { $count } discussioni
}
forum-unread-count = { $count ->
    [one] una da leggere
   *[other] { $count } da leggere
}
forum-reply-count = { $count ->
    [0] nessuna risposta
    [one] una risposta
   *[other] { $count } risposte
}
forum-last-activity = ultima attività il
forum-level-read = puoi leggere
forum-level-post = puoi leggere e scrivere
forum-level-moderate = sei moderatrice o moderatore
forum-new-thread = Nuova discussione
forum-filter-tag = Argomento o provincia
forum-all-tags = Tutti
forum-filter = Filtra
forum-no-threads = Non ci sono ancora discussioni qui.
forum-pages = Pagine
forum-previous-page = Pagina precedente
forum-next-page = Pagina successiva
forum-new = Nuovo
forum-pinned = In evidenza
forum-locked = Chiusa
forum-answered = Risolta
forum-tags = Etichette
forum-tags-hint = Tipi di sfruttamento e province di cui si parla (facoltative, al massimo sei).
forum-no-case-data = Prima di scrivere: il forum è letto da tutti gli enti e i partner della rete. Non inserire dati di persone accolte né nomi o indirizzi delle strutture.
forum-field-title = Titolo
forum-field-question = La tua domanda
forum-field-text = Testo
forum-markdown-hint = Puoi usare Markdown: **grassetto**, *corsivo*, elenchi con «-», citazioni con «>», link. Scrivi @nome.cognome per chiamare in causa una collega.
forum-publish = Pubblica
forum-go-to-answer = Vai alla risposta accettata
forum-watch = Segui la discussione
forum-unwatch = Non seguire più
forum-locked-notice = La discussione è chiusa: non si possono aggiungere risposte.
forum-moderation-tools = Strumenti di moderazione
forum-move-to = Sposta nella categoria
forum-mod-note = Nota
forum-edited = modificato il
forum-accepted-answer = Risposta accettata
forum-hidden = Nascosto
forum-hidden-notice = Questo messaggio è stato nascosto dalla moderazione.
forum-quote = Cita
forum-accept = Accetta come risposta
forum-unaccept = Annulla la risposta accettata
forum-edit = Modifica
forum-save-edit = Salva la modifica
forum-flag = Segnala alla moderazione
forum-flag-reason = Perché lo segnali?
forum-flag-send = Invia la segnalazione
forum-flagged = Hai segnalato questo messaggio alla moderazione.
forum-history = { $count ->
    [one] Una versione precedente
   *[other] { $count } versioni precedenti
}
forum-reply = Rispondi
forum-send-reply = Invia la risposta
forum-state-pending = In attesa di revisione
forum-state-rejected = Non approvato
forum-state-draft = Bozza
forum-draft-title = Controlla prima di pubblicare
forum-guard-heading = Forse ci sono dati personali
forum-guard-intro = Questi passaggi sembrano dati che permettono di riconoscere o trovare una persona. Toglili dal testo oppure conferma che si possono pubblicare.
forum-guard-clear = Non vediamo più dati personali nel testo: puoi pubblicarlo.
forum-guard-confirm = Ho controllato: il testo non contiene dati di persone accolte né di strutture riservate.
forum-discard = Elimina la bozza
forum-finding-phone = Numero di telefono
forum-finding-email = Indirizzo e-mail
forum-finding-address = Indirizzo
forum-finding-document = Numero di documento
forum-finding-tax-code = Codice fiscale
forum-finding-structure = Il testo può nominare un luogo della rete: controlla che non riveli dove si trova una struttura.
forum-moderation-title = Moderazione del forum
forum-queue-pending = Primi messaggi da approvare
forum-queue-flagged = Messaggi segnalati
forum-queue-empty = Niente da esaminare.
forum-moderation-log = Registro della moderazione
forum-log-empty = Nessuna azione registrata.
forum-log-date = Quando
forum-log-who = Chi
forum-log-what = Azione
forum-log-where = Dove
forum-mod-approve = Approva
forum-mod-reject = Non approvare
forum-mod-hide = Nascondi
forum-mod-unhide = Mostra di nuovo
forum-mod-dismiss-flags = Archivia le segnalazioni
forum-mod-pin = Metti in evidenza
forum-mod-unpin = Togli dall'evidenza
forum-mod-lock = Chiudi la discussione
forum-mod-unlock = Riapri la discussione
forum-mod-move = Sposta
notification-forum-reply = Nuova risposta nella discussione «{ $title }».
notification-forum-mention = Sei stata chiamata in causa nella discussione «{ $title }».
notification-forum-category-thread = Nuova discussione in una categoria che segui: «{ $title }».
notification-forum-material-version = Nuova versione di un materiale che segui: «{ $title }».
forum-search = Cerca
forum-search-title = Cerca nel forum
forum-search-label = Parole da cercare
forum-search-category = Categoria
forum-search-all-categories = Tutte le categorie
forum-search-author = Autrice o autore
forum-search-from = Dal
forum-search-to = Al
forum-search-hint = Scrivi una o più parole: troviamo anche le forme vicine («sfruttamento» trova «sfruttate»), con o senza accenti.
forum-search-none = Nessun messaggio trovato. Prova con meno parole o togli qualche filtro.
forum-search-count = { $count ->
    [one] Un messaggio trovato
   *[other] { $count } messaggi trovati, i più pertinenti per primi
}

# Forum: materials library
forum-library-title = Biblioteca dei materiali
forum-library-intro = Schede, guide e checklist che i formatori della rete pubblicano e tengono aggiornate. Ogni materiale conserva le sue versioni: cosa è cambiato, quando e chi l'ha cambiato.
forum-library-empty = Non ci sono ancora materiali pubblicati qui.
forum-library-of-category = Materiali della categoria
forum-new-material = Nuovo materiale
forum-material = Materiale
forum-material-version-number = versione { $number }
forum-material-file-count = { $count ->
    [0] nessun allegato
    [one] 1 allegato
   *[other] { $count } allegati
}
forum-material-checklist-note = Questa è la checklist usata nei colloqui di valutazione: si aggiorna dalla pagina degli indicatori e ogni versione pubblicata lì compare qui.
forum-material-checklist-link = Vai alla checklist degli indicatori
forum-material-current = Versione attuale
forum-material-versions = Versioni precedenti
forum-material-show-text = Mostra il testo di questa versione
forum-material-changes = Cosa è cambiato
forum-material-published-by = pubblicata da
forum-material-files = Allegati
forum-material-no-files = Nessun allegato.
forum-material-watch = Segui il materiale
forum-material-unwatch = Non seguire più il materiale
forum-material-new-version = Prepara una nuova versione
forum-material-continue-draft = Continua la tua bozza
forum-material-back = Torna alla biblioteca
forum-material-field-description = Descrizione
forum-material-new-hint = Dopo aver creato la bozza potrai allegare i file, controllare il testo e pubblicare la prima versione.
forum-material-create = Crea la bozza
forum-material-draft-title = Bozza di una versione
forum-material-draft-first = prima versione
forum-material-changes-hint = In poche righe, cosa cambia rispetto alla versione precedente: chi usa il materiale lo legge nell'elenco delle versioni. Obbligatorio dalla seconda versione.
forum-material-save = Salva la bozza
forum-material-publish = Pubblica la versione
forum-material-upload = Allega un file
forum-material-upload-hint = PDF, DOCX, ODT o immagini PNG, JPEG e WebP, al massimo 10 MB per file. Il tipo viene controllato sul contenuto del file, non sul nome.
forum-material-upload-send = Carica il file
forum-material-upload-failed = Il testo della bozza è salvato; scegli di nuovo il file e riprova.
upload-progress = Invio del file: { $percent }%
upload-failed = Il file non è stato inviato: la connessione si è interrotta.
forum-material-remove-file = Togli
forum-material-discard = Elimina la bozza
forum-watch-category = Segui la categoria
forum-unwatch-category = Non seguire più la categoria
forum-watch-category-hint = Chi segue una categoria riceve una notifica per ogni nuova discussione e per ogni nuova versione dei suoi materiali.
forum-search-attachments = Solo materiali con allegati
forum-search-materials = Materiali
forum-search-posts = Messaggi

# Forum: rules of the categories (administration)
nav-forum-rules = Regole del forum
forum-rules-intro = Per ogni categoria: chi legge, chi scrive e chi modera. Ogni modifica vale dalla richiesta successiva, per le pagine come per gli allegati, ed è registrata nel registro attività.
forum-rules-everyone = Tutti i membri della rete
forum-rules-kind = Enti di tipo
forum-rules-role = Ruolo
forum-rules-level-read = legge
forum-rules-level-post = legge e scrive
forum-rules-level-moderate = modera
forum-rules-who = Chi
forum-rules-may = Può
forum-rules-actions = Azioni
forum-rules-none = Nessuna regola: vedono questa categoria solo le moderatrici e i moderatori nominati.
forum-rules-remove = Togli
forum-rules-save = Salva la regola
forum-rules-moderators = Moderatrici e moderatori nominati
forum-rules-no-moderators = Nessuno: moderano i ruoli indicati nelle regole.
forum-rules-name-moderator = Nomina moderatrice o moderatore (solo membri degli enti della rete)
forum-rules-add-moderator = Nomina

# Notifications by e-mail
notifications-settings-link = Notifiche per e-mail
notifications-settings-title = Notifiche per e-mail
notifications-settings-intro = Le notifiche restano sempre qui in Anello. Se vuoi, ricevi anche un'e-mail che ti avvisa: non dice mai di cosa si tratta, solo quante notifiche ti aspettano.
notifications-settings-disabled = Su questo server l'invio di e-mail non è configurato: per ora le notifiche restano solo in Anello. La tua scelta viene comunque salvata.
notifications-settings-question = Quando vuoi ricevere un'e-mail?
notifications-mode-immediate = A ogni nuova notifica
notifications-mode-daily = Un riepilogo al giorno, alle 7
notifications-mode-off = Mai: le leggo solo in Anello
notifications-settings-save = Salva la scelta
notifications-settings-saved = Scelta salvata.
notifications-settings-address = Le e-mail arrivano all'indirizzo { $address }.
notifications-settings-preview = Cosa dice l'e-mail
email-subject = { $count ->
    [one] Anello: 1 nuova notifica
   *[other] Anello: { $count } nuove notifiche
}
email-greeting = Buongiorno { $name },
email-intro = { $count ->
    [one] su Anello c'è una nuova notifica per te.
   *[other] su Anello ci sono { $count } nuove notifiche per te.
}
email-intro-daily = { $count ->
    [one] ecco il riepilogo di oggi: su Anello c'è una notifica da leggere.
   *[other] ecco il riepilogo di oggi: su Anello ci sono { $count } notifiche da leggere.
}
email-read = Per leggerle accedi ad Anello:
email-privacy = Per riservatezza questa e-mail non dice di cosa si tratta: lo trovi solo in Anello, dopo l'accesso.
email-stop = Per non ricevere più queste e-mail:
unsubscribe-title = Non ricevere più e-mail da Anello
unsubscribe-question = Vuoi smettere di ricevere e-mail sulle notifiche di Anello? Le notifiche resteranno visibili in Anello.
unsubscribe-confirm = Sì, non inviarmi più e-mail
unsubscribe-done = Fatto: non riceverai più e-mail sulle notifiche. Puoi riattivarle dalle impostazioni delle notifiche.
unsubscribe-unknown = Questo link non è valido. Puoi scegliere se ricevere e-mail dalle impostazioni delle notifiche, dopo l'accesso.

## Rapporto per il finanziatore (scheda riassuntiva, seed 002)
nav-reports = Rapporti
report-title = Rapporto per il finanziatore
report-intro = La scheda riassuntiva degli esiti del progetto, calcolata dai dati registrati per il periodo che scegli. Ogni numero porta all'elenco delle persone o dei contatti che conta.
report-from = Dal giorno
report-to = Al giorno (compreso)
report-organisations = Enti attuatori
report-organisations-hint = Nessuna scelta: tutta la rete.
report-provinces = Province
report-show = Mostra il rapporto
report-period = Periodo: dal { $from } al { $to }
report-scope-own = Solo la tua organizzazione
report-scope-network = Tutta la rete
report-scope-provinces = province { $provinces }
report-suppressed-notice = Per proteggere le persone, i numeri inferiori a { $threshold } sono mostrati come «<{ $threshold }» e «n.d.» nasconde un numero che permetterebbe di ricavarli per sottrazione dai totali.
report-exact-notice = Sul tuo schermo i numeri sono esatti. La versione da stampare e i file CSV nascondono i numeri piccoli: sono quelli da condividere.
report-print-view = Versione da stampare (A4)
report-xlsx-download = Scarica il rapporto (Excel)
report-back = Torna al rapporto
report-print-heading = Scheda riassuntiva esiti progetto
report-download-csv = Scarica questa tabella (CSV)
report-row-heading = Voce
report-below-title = Meno di { $threshold } persone: numero nascosto
report-withheld = n.d.
report-withheld-title = Numero non mostrato: permetterebbe di ricavare un numero piccolo
report-invalid = Il periodo o la scelta non vanno bene
report-start-again = Ricomincia con l'anno in corso
report-label-continuing = Accoglienze in continuità dai periodi precedenti
report-label-new = Nuove prese in carico
report-label-total = Totale
report-label-minors = Minori
report-label-adults = Adulti
report-label-evaluations = Valutazioni effettuate
report-label-still-open = di cui ancora aperte
report-label-proximity = Persone seguite in prossimità (unità di strada e indoor)
report-label-identified = Persone trafficate individuate
report-label-proposals = Proposte di inserimento in progetto antitratta
report-label-commission-requests = Richieste di valutazione dalla Commissione territoriale
report-label-commission-referrals = di cui persone segnalate dal progetto alle Commissioni
report-label-hearing-accompaniments = Persone accompagnate all'audizione presso la Commissione territoriale
report-label-permits-converted = Permessi di soggiorno convertiti
report-label-contacts = Persone contattate
report-label-all = Tutte le persone
report-label-internships = Tirocini attivati
report-label-work-grants = Borse lavoro attivate
report-label-single-mothers = di cui per mamme sole con figli
report-label-beds = Posti letto
report-label-presence-days = Giornate di presenza
report-label-available-days = Giornate disponibili
report-label-identifications = Persone individuate nel periodo
report-label-taken-in-charge = Persone in carico nel periodo
report-label-occupancy = Occupazione
report-table-take-ins-by-sex = Accoglienze per sesso
report-table-take-ins-by-age = Accoglienze per età
report-table-dependent-children = Minori a carico delle persone accolte
report-table-evaluations = Contatti, valutazioni e individuazioni
report-table-exploitation = Tipologie di sfruttamento
report-table-work-inclusion = Tirocini e borse lavoro
report-table-contact-channels = Modalità di contatto
report-table-presence = Giornate di presenza per struttura
report-note-take-ins = Presa in carico: il primo giorno in cui il percorso è arrivato a «presa in carico», «in accoglienza» o «inclusione». In continuità: presa in carico prima del periodo e non uscita prima del suo inizio.
report-note-age = Età al primo giorno del periodo per chi è in continuità, al giorno della presa in carico per le nuove.
report-note-children = Figli minorenni registrati con la madre come capofamiglia; non contano come prese in carico a sé.
report-note-evaluations = Contatti: persone incontrate (una riga del registro può contarne più di una). Individuate: colloqui con indicatori riscontrati, proposta o segnalazione alla Commissione; ogni persona una volta sola.
report-note-exploitation = Una persona può avere più tipologie: le colonne non si sommano.
report-note-work = Tirocini e borse lavoro iniziati nel periodo, dai progetti personalizzati.
report-note-channels = Persone incontrate per canale di contatto.
report-note-presence = Una notte per giorno di permanenza: conta il giorno di arrivo, non quello di uscita. Giornate disponibili: posti letto per giorni del periodo.
report-figure-title = Chi conta questo numero
report-figure-total = Totale { $total } · { $lines } righe
report-figure-day = Data
report-figure-detail = Dettaglio
report-figure-amount = Conta
report-figure-anonymous = Contatto anonimo
report-label-occupied = Occupati
report-label-held = Riservati
report-label-out-of-service = Fuori servizio
report-label-free = Liberi
report-label-people = Persone
report-table-occupancy-by-province = Posti letto oggi per provincia
report-table-occupancy-by-organisation = Posti letto oggi per ente
report-table-occupancy-by-month = Occupazione mese per mese
report-table-path-flow = Il percorso delle persone nel periodo
report-table-exits-by-outcome = Uscite dal percorso per esito
report-table-flow-by-province = Il percorso per provincia
report-table-flow-by-organisation = Il percorso per ente
report-note-beds-today = Lo stato di ogni posto letto oggi, come sulla bacheca: occupato, riservato per una persona in arrivo, fuori servizio o libero. Province ed enti delle strutture.
report-note-occupancy-by-month = Giornate di presenza sulle giornate disponibili di ogni mese (i posti letto contati come sono oggi). Il primo e l'ultimo mese contano solo i giorni del periodo.
report-note-path-flow = Persone che nel periodo sono arrivate a ogni tappa del percorso, ognuna una volta per tappa. Le tappe non si sottraggono: chi è stata accolta nel periodo può essere stata contattata prima.
report-note-exits = Persone uscite dal percorso nel periodo, per esito (la prima uscita del periodo).
report-note-flow-by-province = Le stesse tappe per provincia della persona.
report-note-flow-by-organisation = Le stesse tappe per ente che ha in carico la persona: chi è seguita da due enti conta per entrambi, quindi le righe non si sommano.
dashboards-title = Cruscotto: posti letto e percorsi
dashboards-intro = Come sono occupati i posti letto oggi e mese per mese, e quante persone hanno fatto ogni passo del percorso nel periodo, per provincia e per ente. Ogni grafico ha accanto la sua tabella con i numeri.
dashboards-link = Cruscotto con i grafici
dashboards-to-report = Rapporto per il finanziatore
dashboards-today = I posti letto sono quelli di oggi, { $today }; il resto riguarda il periodo scelto.
chart-description = Grafico senza colori: ogni serie ha il suo motivo, indicato nella legenda. Tutti i numeri sono nella tabella accanto.
chart-hidden-parts = Le parti nascoste («<3», «n.d.») non sono disegnate: sono nella tabella.
action-report-view = Consultazione del rapporto
action-report-print = Stampa del rapporto
action-report-export = Esportazione di una tabella del rapporto
action-report-figure = Elenco dietro un numero del rapporto
action-report-dashboards = Consultazione del cruscotto
object-report = Rapporto

## Il mio account
account-title = Il mio account
account-link = Il mio account
account-password-title = Cambia la password
account-password-intro = Per sicurezza ti chiediamo prima la password attuale. Dopo il cambio, le tue sessioni su altri dispositivi si chiudono.
account-password-current = Password attuale
account-password-new = Nuova password
account-password-repeat = Ripeti la nuova password
account-password-hint = Almeno { $length } caratteri. Una frase di quattro parole insolite è facile da ricordare e difficile da indovinare.
account-password-submit = Cambia la password
account-password-pending = Salvataggio…
account-password-changed = Password cambiata. Le sessioni sugli altri dispositivi sono state chiuse.
account-sessions-title = Dove hai effettuato l'accesso
account-sessions-intro = Le sessioni aperte con il tuo account. Se non ne riconosci una, chiudila e cambia la password. Gli indirizzi di rete non vengono conservati.
account-session-this = Questa sessione
account-session-unknown-device = Browser sconosciuto
account-session-since = Accesso il
account-session-last-used = ultimo uso il
account-session-end = Chiudi questa sessione
account-session-ended = Sessione chiusa.
idle-warning-title = La sessione sta per chiudersi
idle-warning-text = Tra { $minutes } minuti la sessione si chiude per inattività. Quello che hai scritto resta su questa pagina.
idle-warning-stay = Rimani nella sessione
idle-expired-title = La sessione si è chiusa per inattività
idle-expired-text = Quello che hai scritto è ancora su questa pagina: accedi di nuovo in un'altra scheda, poi torna qui e salva.
idle-expired-sign-in = Accedi in un'altra scheda
sign-in-return = Accedi per aprire la pagina richiesta.

## Avvisi del piè di pagina
footer-privacy = Informativa privacy
footer-accessibility = Dichiarazione di accessibilità
privacy-title = Informativa sul trattamento dei dati personali di chi usa Anello
privacy-lead = Questa informativa (artt. 13 e 14 del Regolamento UE 2016/679) riguarda le persone che lavorano con Anello: operatrici e operatori, responsabili dell'accoglienza, coordinamento, formatrici, enti aderenti. Le persone accolte dalla rete ricevono la propria informativa dalle operatrici che le seguono, e il loro consenso è registrato nella loro scheda.
privacy-controller-title = Chi tratta i dati
privacy-controller = Titolare del trattamento è l'ente capofila della rete antitratta che gestisce questa installazione di Anello (il coordinamento di rete); gli enti attuatori che ti hanno dato l'account trattano i dati come contitolari per il proprio personale. Per ogni domanda puoi rivolgerti all'amministrazione della rete o al responsabile della protezione dei dati dell'ente capofila.
privacy-data-title = Quali dati
privacy-data = Il tuo nome e cognome, l'indirizzo e-mail, l'organizzazione, i ruoli e la lingua dell'interfaccia; la password, conservata solo come impronta argon2id; le sessioni aperte (browser e sistema, ora di accesso e di ultimo uso), cancellate alla chiusura della sessione; le tue azioni sui dati delle persone accolte (chi, cosa, quando, con quale esito) nel registro delle attività; i tentativi di accesso, conservati come impronte con chiave per un giorno; le tue preferenze per gli avvisi via e-mail e, se scrivi nel forum, i tuoi messaggi.
privacy-data-not = Anello non conserva il tuo indirizzo di rete insieme alle tue azioni, non usa strumenti di analisi o profilazione e non registra nei log dati personali.
privacy-purposes-title = Perché e su quale base
privacy-purposes = Per darti accesso agli strumenti del tuo ruolo, proteggere gli account e dimostrare chi ha consultato o modificato i dati delle persone accolte, come richiede la loro tutela (artt. 5 e 32 del Regolamento).
privacy-basis = La base giuridica è l'esecuzione dei compiti di interesse pubblico del progetto antitratta e della convenzione con il finanziatore (art. 6, par. 1, lett. e) e gli obblighi di sicurezza del titolare (art. 6, par. 1, lett. c); il forum si fonda sulla partecipazione alla rete.
privacy-keeping-title = Per quanto tempo
privacy-keeping = L'account resta finché lavori nella rete; quando viene disattivato non si può più usare. Il registro delle attività non si può modificare né cancellare ed è conservato per la durata del progetto e per i tempi di rendicontazione e controllo previsti dalla convenzione. Sessioni e tentativi di accesso si cancellano da soli.
privacy-recipients-title = Chi li vede
privacy-recipients = L'amministrazione e il coordinamento della rete, per gestire gli account e per controllare il registro delle attività; le colleghe e i colleghi vedono il tuo nome accanto al lavoro che fai. I dati restano sul server della rete e non sono trasferiti fuori dall'Unione europea.
privacy-rights-title = I tuoi diritti
privacy-rights = Puoi chiedere l'accesso ai tuoi dati, la rettifica, la limitazione o, quando possibile, la cancellazione, e opporti al trattamento (artt. 15–22), scrivendo all'amministrazione della rete. Nome, lingua e password li puoi cambiare tu, dalla pagina «Il mio account».
privacy-complaint = Puoi proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).
privacy-cookies-title = Cookie
privacy-cookies = Anello usa solo due cookie tecnici: quello della sessione, che ti tiene collegata o collegato, e quello della lingua scelta. Non servono consensi perché non tracciano nulla. Se apri la pagina dei contatti, il browser conserva anche una copia della pagina (il solo modulo) per usarla senza connessione e, finché non tornano a essere inviati, i contatti registrati senza campo, con i soli campi del modulo: uscendo da Anello vengono cancellati.
accessibility-title = Dichiarazione di accessibilità
accessibility-lead = L'ente capofila della rete si impegna a rendere Anello accessibile, come prevede la legge 9 gennaio 2004, n. 4, secondo le linee guida AgID e la norma UNI CEI EN 301549 (WCAG 2.1, livello AA).
accessibility-status-title = Stato di conformità
accessibility-status = Anello è parzialmente conforme: le pagine sono progettate per il livello AA (etichette visibili legate ai campi, errori annunciati, contrasto di almeno 4,5:1, navigazione da tastiera anche per il trascinamento sul tabellone dei posti letto e sul piano personalizzato, pagine che funzionano senza JavaScript, niente scorrimento orizzontale su un telefono di 360 pixel, movimenti ridotti per chi li ha disattivati).
accessibility-checks = A dicembre 2026 un controllo automatico con axe-core su 136 pagine di 7 ruoli, a larghezza di telefono e di computer, non ha trovato violazioni WCAG 2.1 AA. Una verifica manuale con lettori di schermo non è ancora stata fatta.
accessibility-limits-title = Contenuti non accessibili
accessibility-limits = I documenti caricati nella biblioteca del forum (PDF, documenti di testo) sono accessibili quanto lo sono i file originali. I grafici dei rapporti hanno accanto una tabella con gli stessi numeri.
accessibility-feedback-title = Segnalazioni
accessibility-feedback = Se trovi una barriera, scrivi all'amministrazione della rete dicendo quale pagina e che cosa non funziona: ti risponderà entro 30 giorni.
accessibility-enforcement = Se la risposta non arriva o non ti soddisfa, puoi rivolgerti al Difensore civico per il digitale dell'AgID (www.agid.gov.it).
accessibility-prepared-title = Redazione
accessibility-prepared = Dichiarazione redatta il 6 dicembre 2026 con un'autovalutazione del gruppo che sviluppa Anello; è rivista a ogni nuova versione.
sign-in-forgot = Hai dimenticato la password?
sign-in-password-reset = Password reimpostata. Ora puoi accedere con la nuova password.
forgot-title = Password dimenticata
forgot-intro = Scrivi l'indirizzo e-mail del tuo account: ti mandiamo un link per sceglierne una nuova, valido 30 minuti.
forgot-submit = Mandami il link
forgot-sent = Se l'indirizzo corrisponde a un account della rete, riceverai tra pochi minuti un'e-mail con il link. Controlla anche la posta indesiderata.
forgot-ask-administration = Questa rete non invia e-mail. Chiedi all'amministrazione della rete di reimpostare la tua password: al primo accesso ne sceglierai una tua.
forgot-back = Torna all'accesso
reset-title = Scegli una nuova password
reset-intro = Il link vale una volta sola. Dopo il cambio, tutte le sessioni aperte con il tuo account si chiudono.
reset-submit = Salva la nuova password
reset-ask-again = Chiedi un nuovo link
reset-mail-subject = Anello: scegli una nuova password
reset-mail-text = Buongiorno { $name },

    qualcuno, forse tu, ha chiesto di reimpostare la password del tuo account Anello. Per sceglierne una nuova apri questo link entro { $minutes } minuti (vale una volta sola):

    { $link }

    Se non l'hai chiesto tu, ignora questa e-mail: la tua password resta quella di prima.
account-must-change = L'amministrazione ti ha dato una password provvisoria: scegline una tua per continuare a usare Anello.
forgot-what-mail = Come riconoscere l'e-mail

# Breadcrumbs on nested pages
crumb-label = Percorso di navigazione
crumb-duplicates = Possibili doppioni
crumb-new-person = Nuova persona
crumb-interview = Colloquio
crumb-project = Progetto personalizzato
crumb-versions = Versioni
crumb-print = Stampa
crumb-family = Famiglia
crumb-diary = Diario
crumb-notification-settings = Impostazioni
crumb-attendance = Presenze
crumb-category = Categoria
crumb-new-thread = Nuova discussione
crumb-thread = Discussione
crumb-draft = Bozza
crumb-forum-search = Ricerca
crumb-materials = Materiali
crumb-new-material = Nuovo materiale
crumb-material = Materiale
crumb-moderation = Moderazione
crumb-report-list = Elenco
crumb-report-print = Stampa del rapporto
crumb-dashboard = Cruscotto

## The rest of the path: the Territorial Commission
crumb-commission = Commissione territoriale
person-path-records = Il percorso
person-commission-link = Commissione territoriale
commission-title = Commissione territoriale · { $code }
commission-heading = Commissione territoriale:
commission-intro = Le richieste di colloquio che una Commissione territoriale manda alla rete e gli invii della rete a una Commissione, con l'audizione, l'accompagnamento e l'esito. Li vede solo l'équipe che ha in carico la persona.
commission-anonymised = I dati della persona sono stati anonimizzati: non si aggiunge nulla.
commission-requests = Richieste di colloquio dalla Commissione
commission-requests-intro = La Commissione chiede alla rete un colloquio di valutazione antitratta; la rete risponde con la sua valutazione.
commission-requests-empty = Nessuna richiesta registrata.
commission-request-add = Registra una richiesta ricevuta
commission-request-heading = Richiesta della Commissione di { $commission }
commission-request-update = Aggiorna la richiesta
commission-request-save = Salva la richiesta
commission-referrals = Invii alla Commissione
commission-referrals-intro = La rete segnala la persona a una Commissione; chi la segue la accompagna all'audizione, se lei lo desidera.
commission-referrals-empty = Nessun invio registrato.
commission-referral-add = Registra un invio
commission-referral-heading = Invio alla Commissione di { $commission }
commission-referral-update = Aggiorna l'invio
commission-referral-save = Salva l'invio
commission-answered-hint = Quando la rete ha mandato la sua valutazione alla Commissione.
commission-accompanied = Accompagnata all'audizione
commission-status-received = Ricevuta
commission-status-interview-scheduled = Colloquio fissato
commission-status-interview-held = Colloquio svolto
commission-status-evaluation-sent = Valutazione inviata
commission-status-withdrawn = Ritirata
commission-outcome-pending = In attesa di esito
commission-outcome-international = Protezione internazionale (status di rifugiata)
commission-outcome-subsidiary = Protezione sussidiaria
commission-outcome-special-case = Permesso per casi speciali
commission-outcome-anti-trafficking = Invio al sistema antitratta
commission-outcome-rejected = Diniego
commission-field-commission = Commissione
commission-field-received-on = Ricevuta il
commission-field-status = Stato
commission-field-interview-on = Data del colloquio
commission-field-answered-on = Valutazione inviata il
commission-field-notes = Note
commission-field-referred-on = Inviata il
commission-field-reason = Motivo dell'invio
commission-field-operator = Operatrice o operatore della rete che segue l'invio
commission-field-accompanied = Accompagnata all'audizione da qualcuno della rete
commission-field-hearing-on = Data dell'audizione
commission-field-outcome = Esito
commission-field-outcome-on = Data dell'esito
commission-field-record = Registrazione
my-work-path-dates = Scadenze del percorso
path-date-commission-interview = colloquio chiesto dalla Commissione
path-date-commission-hearing = audizione in Commissione
path-date-commission-outcome = esito dell'audizione da registrare
path-date-late = in ritardo

## The rest of the path: the judicial route
crumb-judicial = Percorso giudiziario
person-judicial-link = Percorso giudiziario
judicial-title = Percorso giudiziario · { $code }
judicial-heading = Percorso giudiziario:
judicial-restricted = Dati riservati: li vedono solo l'operatrice o l'operatore di riferimento della persona e chi ha il ruolo di consulente legale nel suo progetto. Non compaiono in nessun'altra pagina né in nessuna esportazione, tranne quella dei dati della persona fatta da loro.
judicial-proceedings = Denuncia e procedimento
judicial-proceedings-empty = Nessuna denuncia o procedimento registrato.
judicial-proceedings-add = Registra una denuncia o un procedimento
judicial-proceedings-update = Aggiorna
judicial-proceedings-save = Salva
judicial-hearings = Udienze
judicial-hearings-empty = Nessuna udienza registrata.
judicial-hearing-add = Registra un'udienza
judicial-hearing-save = Salva l'udienza
judicial-accompanied = Accompagnata
judicial-complaint-of = Denuncia del { $date }
judicial-police-state = Polizia di Stato
judicial-police-carabinieri = Carabinieri
judicial-police-finance = Guardia di Finanza
judicial-police-local = Polizia locale
judicial-police-labour = Ispettorato del lavoro
judicial-police-other = Altro
judicial-opinion-not-requested = Parere non richiesto
judicial-opinion-requested = Parere richiesto
judicial-opinion-favourable = Parere favorevole
judicial-opinion-unfavourable = Parere contrario
judicial-hearing-testimony = Testimonianza
judicial-hearing-evidentiary = Incidente probatorio
judicial-hearing-preliminary = Udienza preliminare
judicial-hearing-trial = Dibattimento
judicial-hearing-other = Altra udienza
judicial-field-filed-on = Data della denuncia
judicial-field-police-body = Presentata a
judicial-field-complaint-place = Luogo della denuncia
judicial-field-prosecutor-office = Procura della Repubblica
judicial-field-number = Numero del procedimento
judicial-field-opinion = Parere del pubblico ministero per il permesso art. 18
judicial-field-opinion-on = Data del parere
judicial-field-witness = Testimone nel procedimento
judicial-field-lawyer = Avvocata o avvocato
judicial-field-notes = Note
judicial-field-proceedings = Procedimento
judicial-field-hearing-on = Data dell'udienza
judicial-field-kind = Tipo
judicial-field-court = Tribunale
judicial-field-accompanied = Accompagnata da qualcuno della rete
answer-yes = Sì
answer-no = No
path-date-judicial-hearing = udienza del procedimento
permit-route = Percorso del permesso art. 18
permit-route-choice-hint = Giudiziario: dopo la denuncia, con il parere del pubblico ministero. Sociale: sulla valutazione dei servizi, senza denuncia.
permit-route-judicial = Percorso giudiziario
permit-route-social = Percorso sociale
permit-judicial-link = Apri il percorso giudiziario

## The rest of the path: minors' procedures
crumb-minors = Procedure per minori
person-minors-link = Procedure per minori
minors-title = Procedure per minori · { $code }
minors-heading = Procedure per minori:
minors-intro = L'accertamento dell'età, la nomina del tutore, la comunità che la accoglie, il coinvolgimento del Garante regionale e le comunicazioni al Tribunale per i minorenni e alla Procura minorile. Le vede solo l'équipe che ha in carico la persona.
minors-not-a-minor = Secondo la scheda non è minorenne: le procedure restano come storia del percorso.
minors-unaccompanied = Minore straniera non accompagnata.
minors-procedures = Le procedure
minors-update = Aggiorna le procedure
minors-save = Salva le procedure
minors-age-assessment = Accertamento dell'età
minors-guardian = Tutore
minors-since = dal { $date }
minors-outcome-pending = In attesa di esito
minors-outcome-minor = Minorenne
minors-outcome-adult = Maggiorenne
minors-outcome-undetermined = Non determinabile
minors-method-multidisciplinary = Procedura multidisciplinare (legge 47/2017)
minors-method-documents = Documenti
minors-method-medical = Esame medico
minors-method-interview = Colloquio
minors-method-other = Altro
minors-communications = Comunicazioni
minors-communications-empty = Nessuna comunicazione registrata.
minors-communication-add = Registra una comunicazione
minors-communication-save = Salva la comunicazione
minors-to-juvenile-court = Tribunale per i minorenni
minors-to-prosecutor = Procura presso il Tribunale per i minorenni
minors-to-guarantor = Garante regionale per l'infanzia e l'adolescenza
minors-to-guardian = Tutore
minors-to-social-services = Servizi sociali
minors-field-age-requested-on = Accertamento dell'età chiesto il
minors-field-age-method = Metodo
minors-field-age-outcome = Esito dell'accertamento
minors-field-age-assessed-on = Data dell'esito
minors-field-guardian-court = Tribunale che ha nominato il tutore
minors-field-guardian-appointed-on = Data della nomina
minors-field-guardian-name = Nome del tutore
minors-field-guarantor-on = Garante regionale coinvolto il
minors-field-community = Comunità che la accoglie
minors-field-community-since = Nella comunità dal
minors-field-sent-on = Inviata il
minors-field-recipient = Destinatario
minors-field-subject = Oggetto
path-date-age-assessment = esito dell'accertamento dell'età atteso
action-path-commission-view = Pagina della Commissione territoriale aperta
action-path-commission-request = Richiesta della Commissione registrata
action-path-commission-referral = Invio alla Commissione registrato
action-path-judicial-view = Percorso giudiziario aperto
action-path-judicial-proceedings = Denuncia o procedimento registrato
action-path-judicial-hearing = Udienza registrata
action-path-minors-view = Procedure per minori aperte
action-path-minors-procedures = Procedure per minori aggiornate
action-path-minors-communication = Comunicazione sulla minore registrata

# A person's documents (issue 24, part 4)
crumb-documents = Documenti
person-documents-link = Documenti
documents-title = Documenti · { $code }
documents-heading = Documenti della persona
documents-intro = Consenso firmato, permesso di soggiorno, carte mediche e legali. I file sono conservati cifrati e li scarica solo l'équipe che ha in carico la persona; ogni apertura resta nel registro degli accessi.
documents-anonymised = La persona è stata anonimizzata: i suoi documenti sono stati eliminati e non se ne possono aggiungere.
documents-list = Documenti conservati
documents-empty = Nessun documento conservato.
documents-withheld = { $count ->
    [one] C'è un documento riservato alla referente e alla consulente legale.
   *[other] Ci sono { $count } documenti riservati alla referente e alla consulente legale.
}
documents-kind-consent = Consenso firmato
documents-kind-permit = Permesso di soggiorno
documents-kind-identity = Documento d'identità o passaporto
documents-kind-medical = Documentazione sanitaria
documents-kind-legal = Atto legale
documents-kind-school = Scuola e formazione
documents-kind-other = Altro documento
documents-confidentiality-team = Tutta l'équipe
documents-confidentiality-restricted = Riservato (referente e consulente legale)
documents-field-kind = Tipo di documento
documents-field-dated-on = Data del documento
documents-field-expires-on = Scadenza
documents-field-confidentiality = Chi può aprirlo
documents-field-description = Descrizione breve
documents-field-file = File
documents-expired = scaduto
documents-uploaded-by = Caricato da { $name } il { $date }
documents-remove = Togli questo documento
documents-remove-hint = Il file viene eliminato dalla scheda della persona. Usalo per un documento caricato per errore.
documents-remove-confirm = Sì, togli il documento
documents-add = Aggiungi un documento
documents-expires-hint = Facoltativa. Una scadenza entro 60 giorni compare in «Il mio lavoro».
documents-restricted-hint = Solo la referente della persona e la consulente legale del progetto possono caricare documenti riservati.
documents-file-hint = PDF, DOCX, ODT o immagine (PNG, JPEG, WebP), fino a { $mb } MB. Il tipo è riconosciuto dal contenuto del file.
documents-upload-failed = Scegli di nuovo il file e riprova.
documents-send = Carica il documento
path-date-document-expiry = documento in scadenza
action-path-documents-view = Documenti aperti
action-path-documents-add = Documento caricato
action-path-documents-download = Documento scaricato
action-path-documents-remove = Documento tolto

# Rooms as places (issue 24, part 9)
room-title = Stanza { $room }
room-title-floor = Stanza { $room } · { $floor ->
    [0] piano terra
   *[other] piano { $floor }
}
room-none = Senza stanza
room-add = Aggiungi una stanza
room-edit = Rinomina la stanza
room-save = Salva la stanza
room-remove = Togli la stanza (non ha posti letto)
field-room-name = Nome della stanza
field-room-floor = Piano (facoltativo)
field-room-floor-hint = 0 per il piano terra, -1 per il seminterrato.
bed-room-of = Stanza del posto { $bed }
bed-room-set = Sposta nella stanza
error-room-has-beds = La stanza ha ancora posti letto: spostali in un'altra stanza prima di toglierla.
action-room-create = Stanza aggiunta
action-room-update = Stanza rinominata
action-room-delete = Stanza tolta
action-bed-room = Posto letto spostato di stanza

# The audit trail's remaining actions, in words
action-auth-password-reset = Password reimpostata con il link
action-auth-password-reset-request = Link per reimpostare la password chiesto
action-bed-undo = Ultima modifica al tabellone annullata
action-notifications-email = Preferenze e-mail delle notifiche cambiate
action-notifications-unsubscribe = Disiscrizione dalle e-mail
action-organisation-save = Organizzazione salvata
action-person-authorisation-record = Autorizzazione per minore registrata
action-person-authorisation-withdraw = Autorizzazione per minore ritirata
action-person-bed-hold = Posto letto tenuto per la persona
action-person-contact-list = Contatti della persona consultati
action-person-kept-apart-add = Persona da tenere separata registrata
action-person-kept-apart-remove = Persona da tenere separata tolta
action-person-safeguards-view = Tutele sul posto letto consultate
action-person-timeline-view = Storia delle accoglienze consultata
action-plan-action-add = Azione del progetto aggiunta
action-plan-action-update = Azione del progetto aggiornata
action-plan-assessment-save = Valutazione dei bisogni salvata
action-plan-diary-add = Nota di diario scritta
action-plan-diary-view = Diario consultato
action-plan-exit = Uscita dal progetto registrata
action-plan-family-joint-work = Lavoro comune con la famiglia registrato
action-plan-family-need = Bisogno di un familiare registrato
action-plan-family-view = Progetto della famiglia consultato
action-plan-goal-add = Obiettivo aggiunto
action-plan-goal-status = Stato di un obiettivo cambiato
action-plan-my-work-view = Compare in «Il mio lavoro»
action-plan-open = Progetto personalizzato aperto
action-plan-permit-convert = Conversione del permesso registrata
action-plan-permit-save = Permesso di soggiorno aggiornato
action-plan-phase = Fase del progetto cambiata
action-plan-print = Progetto stampato
action-plan-review-record = Verifica del progetto registrata
action-plan-review-schedule = Verifica del progetto fissata
action-plan-service-active = Servizio attivato o sospeso
action-plan-service-add = Servizio aggiunto al progetto
action-plan-team-add = Persona aggiunta all'équipe
action-plan-team-remove = Persona tolta dall'équipe
action-plan-version-agree = Versione del progetto condivisa con la persona
action-plan-version-approve = Versione del progetto approvata
action-plan-versions-view = Versioni del progetto consultate
action-plan-view = Progetto personalizzato consultato
action-plan-work-add = Attività di lavoro o formazione aggiunta
action-plan-work-update = Attività di lavoro o formazione aggiornata
action-forum-answer-accept = Risposta segnata come utile
action-forum-attachment-add = Allegato aggiunto a una bozza
action-forum-attachment-remove = Allegato tolto da una bozza
action-forum-denied = Accesso al forum negato
action-forum-draft-discard = Bozza scartata
action-forum-draft-publish = Bozza pubblicata
action-forum-material-create = Materiale creato
action-forum-material-publish = Materiale pubblicato
action-forum-material-version-discard = Nuova versione scartata
action-forum-material-version-publish = Nuova versione pubblicata
action-forum-material-version-save = Nuova versione salvata
action-forum-material-version-start = Nuova versione iniziata
action-forum-moderator-add = Moderatrice nominata
action-forum-moderator-remove = Moderatrice tolta
action-forum-moderator-set = Moderatrici della categoria cambiate
action-forum-post-edit = Messaggio modificato
action-forum-post-flag = Messaggio segnalato
action-forum-post-moderate = Messaggio moderato
action-forum-reply = Risposta scritta
action-forum-rule-set = Regola di accesso alla categoria cambiata
action-forum-thread-create = Discussione aperta
action-forum-thread-moderate = Discussione moderata
