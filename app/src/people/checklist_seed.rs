//! The first indicator checklist shipped with Anello (version 1), written for Anello in
//! its own words from public indicator lists: ILO "Indicators of forced labour" (2012),
//! ILO/European Commission "Operational indicators of trafficking in human beings"
//! (Delphi survey, 2009), UNODC "Human trafficking indicators", and UNHCR–Commissione
//! Nazionale per il diritto di asilo "Linee guida per l'identificazione delle vittime di
//! tratta tra i richiedenti protezione internazionale e procedure di referral".
//! Trainers publish new versions from the app; this text is only the starting point.

/// One indicator of the initial checklist.
pub struct SeedIndicator {
    /// The group: "general", "sexual", "labour" or "begging_illegal".
    pub group: &'static str,
    /// Italian text (first language of the interface).
    pub it: &'static str,
    /// English text.
    pub en: &'static str,
}

pub const INITIAL_CHECKLIST: &[SeedIndicator] = &[
    // Indicators common to all forms of trafficking.
    SeedIndicator {
        group: "general",
        it: "La persona ha un debito verso chi l'ha fatta arrivare o verso chi la fa lavorare, e il debito continua a crescere.",
        en: "The person owes a debt to whoever brought them here or employs them, and the debt keeps growing.",
    },
    SeedIndicator {
        group: "general",
        it: "Il passaporto o i documenti d'identità della persona sono tenuti da qualcun altro, che non glieli restituisce.",
        en: "Someone else holds the person's passport or identity documents and will not give them back.",
    },
    SeedIndicator {
        group: "general",
        it: "La persona non è libera di uscire o di spostarsi, viene sorvegliata e ha pochi contatti con l'esterno.",
        en: "The person is not free to go out or move around, is watched and has little contact with the outside world.",
    },
    SeedIndicator {
        group: "general",
        it: "La persona riferisce minacce contro di sé o contro i familiari nel paese d'origine se non obbedisce o se prova ad andarsene.",
        en: "The person reports threats against them or their family back home if they disobey or try to leave.",
    },
    SeedIndicator {
        group: "general",
        it: "La persona è stata ingannata sul tipo di lavoro, sulla paga o sulle condizioni che l'aspettavano in Italia.",
        en: "The person was deceived about the kind of work, the pay or the conditions waiting for them in Italy.",
    },
    SeedIndicator {
        group: "general",
        it: "La persona non gestisce i propri guadagni: il denaro viene trattenuto o consegnato a qualcun altro.",
        en: "The person has no control over their earnings: the money is withheld or handed over to someone else.",
    },
    SeedIndicator {
        group: "general",
        it: "La persona non conosce l'indirizzo del posto in cui vive o lavora, a volte nemmeno la città in cui si trova.",
        en: "The person does not know the address where they live or work, sometimes not even which town they are in.",
    },
    SeedIndicator {
        group: "general",
        it: "La persona ha segni di violenza (lividi, ferite, cicatrici, bruciature) o racconta di essere stata picchiata.",
        en: "The person has signs of violence (bruises, wounds, scars, burns) or says they have been beaten.",
    },
    SeedIndicator {
        group: "general",
        it: "Il racconto della persona sembra imparato a memoria, è identico a quello di altri o cambia senza coerenza.",
        en: "The person's story sounds rehearsed, is identical to other people's or changes without making sense.",
    },
    SeedIndicator {
        group: "general",
        it: "La persona ha paura della polizia e delle autorità e teme di essere arrestata o rimpatriata.",
        en: "The person is afraid of the police and the authorities and fears being arrested or sent back.",
    },
    SeedIndicator {
        group: "general",
        it: "Un'altra persona risponde al suo posto, si offre come interprete o resta vicina per controllarla durante il colloquio.",
        en: "Someone else answers for the person, offers to interpret or stays close to keep an eye on them during the interview.",
    },
    // Sexual exploitation, on the street and indoors.
    SeedIndicator {
        group: "sexual",
        it: "La persona si prostituisce in strada o in appartamento e consegna ad altri tutto o quasi tutto il guadagno.",
        en: "The person sells sex on the street or in a flat and hands all or nearly all of the earnings to others.",
    },
    SeedIndicator {
        group: "sexual",
        it: "La persona deve portare ogni notte una cifra fissa e viene punita se non la raggiunge.",
        en: "The person has to bring in a set amount every night and is punished if they fall short.",
    },
    SeedIndicator {
        group: "sexual",
        it: "Una \"madame\" o un'altra figura di riferimento controlla la persona, la accompagna e ritira il denaro.",
        en: "A \"madam\" or another handler controls the person, takes them to and from work and collects the money.",
    },
    SeedIndicator {
        group: "sexual",
        it: "Prima di partire la persona ha fatto un giuramento o un rito (per esempio juju) e teme cosa succederà se lo rompe.",
        en: "Before leaving, the person swore an oath or went through a ritual (such as juju) and fears what will happen if they break it.",
    },
    SeedIndicator {
        group: "sexual",
        it: "La persona non può rifiutare clienti o prestazioni, compresi i rapporti senza preservativo.",
        en: "The person cannot turn down clients or sexual acts, including sex without a condom.",
    },
    SeedIndicator {
        group: "sexual",
        it: "La persona vive nello stesso appartamento o locale in cui riceve i clienti.",
        en: "The person lives in the same flat or venue where they see clients.",
    },
    SeedIndicator {
        group: "sexual",
        it: "La persona viene spostata spesso da una città all'altra o da un appartamento all'altro.",
        en: "The person is often moved from one city to another or from one flat to another.",
    },
    SeedIndicator {
        group: "sexual",
        it: "Gli annunci online e gli appuntamenti con i clienti sono gestiti da altri, che tengono anche il telefono della persona.",
        en: "Others run the online ads and book the clients, and they also keep the person's phone.",
    },
    SeedIndicator {
        group: "sexual",
        it: "La persona lavora tutte le notti, anche quando è malata, incinta o dopo un'interruzione di gravidanza.",
        en: "The person works every night, even when ill, pregnant or after a termination of pregnancy.",
    },
    SeedIndicator {
        group: "sexual",
        it: "In italiano la persona conosce quasi solo le parole legate ai clienti e alle prestazioni sessuali.",
        en: "In Italian, the person knows little beyond the words to do with clients and sexual services.",
    },
    SeedIndicator {
        group: "sexual",
        it: "La persona sembra minorenne o dichiara un'età che non corrisponde al suo aspetto.",
        en: "The person looks underage or gives an age that does not match their appearance.",
    },
    // Labour exploitation: agriculture, construction, catering, domestic and care work.
    SeedIndicator {
        group: "labour",
        it: "La persona lavora molte più ore di quelle concordate, senza giorni di riposo né pause adeguate.",
        en: "The person works far more hours than agreed, with no days off or proper breaks.",
    },
    SeedIndicator {
        group: "labour",
        it: "La paga viene trattenuta, arriva in ritardo o è molto più bassa di quella promessa.",
        en: "Wages are withheld, paid late or far lower than promised.",
    },
    SeedIndicator {
        group: "labour",
        it: "Dalla paga vengono tolti vitto, alloggio, trasporto o attrezzi, a prezzi decisi dal datore di lavoro.",
        en: "Food, housing, transport or tools are taken out of the pay, at prices set by the employer.",
    },
    SeedIndicator {
        group: "labour",
        it: "La persona ha pagato somme alte per il viaggio, i documenti o il posto di lavoro e deve ancora restituirle.",
        en: "The person paid large sums for the journey, the papers or the job itself and still has to pay them back.",
    },
    SeedIndicator {
        group: "labour",
        it: "La persona dorme sul luogo di lavoro o in un alloggio del datore di lavoro (retro del ristorante, cantiere, azienda agricola).",
        en: "The person sleeps at the workplace or in housing provided by the employer (back of a restaurant, building site, farm).",
    },
    SeedIndicator {
        group: "labour",
        it: "L'alloggio è sovraffollato o degradato: mancano acqua corrente, servizi igienici o riscaldamento.",
        en: "The housing is overcrowded or run-down: there is no running water, toilet or heating.",
    },
    SeedIndicator {
        group: "labour",
        it: "Un intermediario (\"caporale\") porta i lavoratori nei campi o nei cantieri e si tiene una parte della paga.",
        en: "A middleman (a \"caporale\") drives the workers to the fields or building sites and keeps part of their pay.",
    },
    SeedIndicator {
        group: "labour",
        it: "La persona lavora in condizioni pericolose, senza protezioni né formazione, e gli infortuni non vengono curati.",
        en: "The person works in dangerous conditions without protective gear or training, and injuries go untreated.",
    },
    SeedIndicator {
        group: "labour",
        it: "La persona lavora senza contratto, oppure ha firmato un contratto in una lingua che non capisce.",
        en: "The person works without a contract, or signed one in a language they do not understand.",
    },
    SeedIndicator {
        group: "labour",
        it: "Nel lavoro domestico o di cura la persona vive in casa del datore di lavoro, è sempre reperibile e non esce mai da sola.",
        en: "In domestic or care work, the person lives in the employer's home, is on call at all times and never goes out alone.",
    },
    SeedIndicator {
        group: "labour",
        it: "Il datore di lavoro minaccia di licenziare la persona o di denunciarla alle autorità se si lamenta.",
        en: "The employer threatens to fire the person or report them to the authorities if they complain.",
    },
    // Forced begging and forced illegal activities.
    SeedIndicator {
        group: "begging_illegal",
        it: "La persona deve consegnare ogni giorno una quota fissa di denaro o di merce a chi la controlla.",
        en: "The person has to hand over a fixed daily amount of money or goods to whoever controls them.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "La persona chiede l'elemosina o vende piccoli oggetti e viene accompagnata e ripresa a orari fissi.",
        en: "The person begs or sells small items and is dropped off and picked up at set times.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "Bambini, anziani o persone con disabilità chiedono l'elemosina mentre alcuni adulti li sorvegliano da vicino.",
        en: "Children, elderly or disabled people beg while adults nearby keep watch over them.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "Ferite, disabilità o malattie della persona vengono messe in mostra o lasciate senza cure per suscitare pietà.",
        en: "The person's injuries, disabilities or illnesses are put on show or left untreated to attract pity.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "La persona viene spostata spesso tra città diverse, a seconda di dove si guadagna di più o ci sono meno controlli.",
        en: "The person is often moved between cities, depending on where earnings are higher or checks are fewer.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "La persona fa parte di un gruppo che vive e si sposta insieme ed è gestito dalle stesse persone.",
        en: "The person belongs to a group that lives and travels together and is run by the same people.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "Il minore viene presentato come figlio o parente di adulti che non sembrano esserlo, e non va a scuola.",
        en: "The child is introduced as the son, daughter or relative of adults who do not seem to be, and does not go to school.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "La persona spaccia per conto di altri senza tenere i guadagni, e la droga sequestrata o persa diventa un suo debito.",
        en: "The person deals drugs for others without keeping the profits, and any drugs seized or lost become their debt.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "La persona commette furti o borseggi su ordine di altri e viene punita se torna con poco.",
        en: "The person steals or picks pockets on someone else's orders and is punished for coming back with too little.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "La persona è stata fermata più volte per gli stessi reati in luoghi diversi e non dice chi la manda.",
        en: "The person has been stopped several times for the same offences in different places and will not say who sends them.",
    },
    SeedIndicator {
        group: "begging_illegal",
        it: "La persona teme una denuncia per i reati commessi e chi la sfrutta usa questa paura per controllarla.",
        en: "The person fears being prosecuted for the offences committed, and the exploiters use this fear to control them.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const GROUPS: [&str; 4] = ["general", "sexual", "labour", "begging_illegal"];

    #[test]
    fn initial_checklist_is_well_formed() {
        for group in GROUPS {
            let count = INITIAL_CHECKLIST
                .iter()
                .filter(|indicator| indicator.group == group)
                .count();
            assert!(count >= 8, "group {group} has only {count} indicators");
        }

        // Every indicator belongs to a known group, and groups appear in order.
        let mut last_group = 0;
        for indicator in INITIAL_CHECKLIST {
            let position = GROUPS
                .iter()
                .position(|group| *group == indicator.group)
                .unwrap_or_else(|| panic!("unknown group {}", indicator.group));
            assert!(
                position >= last_group,
                "group {} out of order",
                indicator.group
            );
            last_group = position;
        }

        let mut seen_it = HashSet::new();
        for indicator in INITIAL_CHECKLIST {
            for text in [indicator.it, indicator.en] {
                assert!(!text.trim().is_empty(), "empty text in {}", indicator.group);
                assert!(text.chars().count() < 200, "text too long: {text}");
            }
            assert!(
                seen_it.insert(indicator.it),
                "duplicate Italian text: {}",
                indicator.it
            );
        }
    }
}
