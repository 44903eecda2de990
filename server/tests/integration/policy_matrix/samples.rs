//! Valid arguments for every server function, for the role × function matrix (and the
//! fuzzing and forum-access tests that start from them).

/// Valid arguments for each function, so that an allowed caller gets past argument
/// parsing and the answer tells the policy. `{tag}` is replaced by a per-caller word.
pub(crate) fn sample_arguments(endpoint: &str, target_user: i32) -> Option<Vec<(String, String)>> {
    let pairs = |items: &[(&str, &str)]| {
        Some(
            items
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    };
    match endpoint {
        "auth/sign_in" => pairs(&[
            ("email", "nobody@anello.test"),
            ("password", "not this one"),
        ]),
        "auth/sign_out" | "auth/current_user" | "home/overview" | "admin/organisations" => {
            pairs(&[])
        }
        "auth/set_language" => pairs(&[("language", "it")]),
        "auth/keep_alive" | "account/page" => pairs(&[]),
        // A wrong current password: refused with 422 after the policy let the caller in.
        "account/password" => pairs(&[
            ("form[current]", "not the current one"),
            ("form[new]", "una frase lunga e segreta"),
            ("form[repeat]", "una frase lunga e segreta"),
        ]),
        "account/session/end" => pairs(&[("handle", "no-such-session")]),
        "auth/password/forgot" => pairs(&[("email", "nobody@anello.test")]),
        "auth/password/reset" => pairs(&[
            ("token", "no-such-link"),
            ("form[new]", "una frase lunga e segreta"),
            ("form[repeat]", "una frase lunga e segreta"),
        ]),
        "auth/password/by_mail" => pairs(&[]),
        "admin/organisations/save" => pairs(&[
            ("form[id]", ""),
            ("form[name]", "Organizzazione {tag}"),
            ("form[kind]", "partner"),
            ("form[province]", "TO"),
            ("form[active]", "on"),
        ]),
        "admin/users" => pairs(&[("filter[search]", ""), ("filter[organisation_id]", "")]),
        "admin/users/save" => pairs(&[
            ("form[id]", ""),
            ("form[email]", "nuova.{tag}@anello.test"),
            ("form[display_name]", "Nuova utente"),
            ("form[organisation_id]", "1"),
            ("form[language]", "it"),
            ("form[password]", "una password lunga abbastanza"),
            ("form[role_trainer]", "on"),
        ]),
        "admin/users/set_active" => Some(vec![
            ("id".into(), target_user.to_string()),
            ("active".into(), "true".into()),
        ]),
        "audit/entries" => pairs(&[("filter[page]", "0")]),
        "reports/funder" => pairs(&[("request[from]", "2026-01-01")]),
        "reports/dashboards" => pairs(&[("request[from]", "2026-01-01")]),
        "reports/figure" => pairs(&[
            ("request[report][from]", "2026-01-01"),
            ("request[table]", "take_ins_by_sex"),
            ("request[row]", "0"),
            ("request[column]", "0"),
        ]),
        "people/contacts" => pairs(&[]),
        "people/contacts/log" => Some(vec![
            (
                "form[occurred_on]".into(),
                app::kernel::clock::today().to_string(),
            ),
            ("form[channel]".into(), "street_unit".into()),
            ("form[province]".into(), "TO".into()),
            ("form[gender]".into(), "female".into()),
            ("form[age_band]".into(), "18_24".into()),
        ]),
        "people/list" => pairs(&[("filter[search]", ""), ("filter[page]", "1")]),
        "people/register" => pairs(&[
            ("form[given_names]", "Persona"),
            ("form[family_name]", "Di prova {tag}"),
            ("form[gender]", "female"),
            ("form[province]", "TO"),
        ]),
        // Record-scoped functions: a code that does not exist. A caller the policy lets
        // through gets 404; the record-level decisions are tested in people.rs.
        "people/person" => pairs(&[("code", NO_SUCH_PERSON)]),
        "people/identity/save" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[given_names]", "Persona"),
            ("form[family_name]", "Di prova"),
            ("form[gender]", "female"),
            ("form[province]", "TO"),
        ]),
        "people/path/save" => pairs(&[("code", NO_SUCH_PERSON), ("form[status]", "screening")]),
        "people/organisations/add" => {
            pairs(&[("code", NO_SUCH_PERSON), ("form[organisation_id]", "2")])
        }
        "people/organisations/remove" => {
            pairs(&[("code", NO_SUCH_PERSON), ("organisation_id", "2")])
        }
        "people/organisations/reference" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("reference_user_id", "2"),
            ("handover_note", ""),
        ]),
        "people/consents/record" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[kind]", "processing"),
            ("form[given_on]", "2026-01-01"),
        ]),
        "people/consents/withdraw" => pairs(&[("code", NO_SUCH_PERSON), ("consent_id", "1")]),
        "people/screenings/start" => pairs(&[("code", NO_SUCH_PERSON)]),
        "people/anonymise" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("reason", "request"),
            ("confirm", "on"),
        ]),
        "people/waiting_list" | "people/duplicates" => pairs(&[]),
        "beds/board" => pairs(&[("filter[province]", "")]),
        "beds/address/reveal" => pairs(&[
            ("structure_id", NO_SUCH_ID),
            ("reason", "Consegna documenti"),
        ]),
        "beds/hold" => pairs(&[("bed_id", NO_SUCH_ID), ("hours", "4")]),
        "beds/structures" => pairs(&[]),
        "beds/timeline" => pairs(&[("structure_id", NO_SUCH_ID), ("month", "2026-10")]),
        "beds/structures/save" => pairs(&[
            ("form[id]", ""),
            ("form[name]", "Casa di prova {tag}"),
            ("form[kind]", "second_reception"),
            ("form[province]", "TO"),
            ("form[organisation_id]", "2"),
            ("form[targets][women]", "on"),
        ]),
        "beds/beds/add" => pairs(&[
            ("structure_id", NO_SUCH_ID),
            ("label", "Letto 9"),
            ("room", ""),
        ]),
        "beds/beds/remove" => pairs(&[("bed_id", NO_SUCH_ID)]),
        "beds/beds/room" => pairs(&[("bed_id", NO_SUCH_ID), ("room", "")]),
        "beds/rooms/save" => pairs(&[
            ("form[structure_id]", NO_SUCH_ID),
            ("form[name]", "Azzurra"),
        ]),
        "beds/rooms/remove" => pairs(&[("room_id", NO_SUCH_ID)]),
        "beds/safeguards" => pairs(&[("code", NO_SUCH_PERSON)]),
        "beds/safeguards/authorise" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("kind", "juvenile_court"),
            ("reference", "Decreto 12/2026"),
            ("granted_on", "2026-01-01"),
        ]),
        "beds/safeguards/authorisation/withdraw" => {
            pairs(&[("code", NO_SUCH_PERSON), ("authorisation_id", "1")])
        }
        "beds/safeguards/apart/add" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("other_code", NO_SUCH_PERSON),
            ("reason", "recruiter"),
        ]),
        "beds/safeguards/apart/remove" => pairs(&[("code", NO_SUCH_PERSON), ("pair_id", "1")]),
        "beds/undo" => pairs(&[]),
        "beds/service" => pairs(&[("bed_id", NO_SUCH_ID), ("reason", "Muffa")]),
        "beds/place" | "beds/move" => pairs(&[("code", NO_SUCH_PERSON), ("bed_id", "1")]),
        "beds/discharge" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("reason", "end_of_stay"),
            ("ended_on", "2026-01-01"),
        ]),
        "people/duplicates/link" => pairs(&[("code", NO_SUCH_PERSON), ("earlier", NO_SUCH_PERSON)]),
        "people/waiting_list/add" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[urgency]", "high"),
            ("form[target_group]", "women"),
            ("form[wanted_from]", "2026-01-01"),
        ]),
        "people/waiting_list/withdraw" => pairs(&[("code", NO_SUCH_PERSON)]),
        "people/screenings/save" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[checklist_id]", "1"),
            ("form[held_on]", "2026-01-01"),
            ("form[outcome]", "open"),
        ]),
        "people/checklists" | "people/checklists/draft" | "people/checklists/publish" => pairs(&[]),
        "people/checklists/draft/save" => pairs(&[("form[changes]", "Prova del ruolo {tag}")]),
        "planner/plan" | "planner/diary" => pairs(&[("code", NO_SUCH_PERSON)]),
        "planner/open" => pairs(&[("code", NO_SUCH_PERSON), ("review_every_days", "90")]),
        "planner/phase" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[phase]", "protection"),
            ("form[started_on]", "2026-01-01"),
        ]),
        "planner/team/add" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[user_id]", "2"),
            ("form[role]", "educator"),
        ]),
        "planner/team/remove" => pairs(&[("code", NO_SUCH_PERSON), ("member_id", "1")]),
        "planner/assessment" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[area]", "legal"),
            ("form[need]", "high"),
        ]),
        "planner/goals/add" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[area]", "work"),
            ("form[description]", "Trovare un tirocinio"),
        ]),
        "planner/goals/status" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("goal_id", "1"),
            ("status", "achieved"),
        ]),
        "planner/actions/add" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[goal_id]", "1"),
            ("form[service_id]", "1"),
            ("form[responsible_user_id]", "2"),
            ("form[planned_start]", "2026-01-01"),
            ("form[planned_end]", "2026-02-01"),
        ]),
        "planner/actions/update" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("action_id", "1"),
            ("form[status]", "in_progress"),
            ("form[planned_start]", "2026-01-01"),
            ("form[planned_end]", "2026-02-01"),
        ]),
        "planner/diary/add" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[level]", "team"),
            ("form[written_on]", "2026-01-01"),
            ("form[body]", "Colloquio di verifica"),
        ]),
        "planner/reviews/schedule" => {
            pairs(&[("code", NO_SUCH_PERSON), ("scheduled_on", "2026-01-01")])
        }
        "planner/reviews/record" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("review_id", "1"),
            ("form[held_on]", "2026-01-01"),
            ("form[minutes]", "Verifica del progetto"),
        ]),
        "planner/permits/save" => pairs(&[("code", NO_SUCH_PERSON), ("form[kind]", "art18")]),
        "planner/permits/convert" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("permit_id", "1"),
            ("form[converted_to]", "work"),
            ("form[converted_on]", "2026-01-01"),
        ]),
        "planner/work/add" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[kind]", "internship"),
            ("form[host_company]", "Trattoria"),
            ("form[starts_on]", "2026-01-01"),
            ("form[ends_on]", "2026-05-01"),
            ("form[hours_per_week]", "20"),
        ]),
        "planner/work/update" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("work_id", "1"),
            ("form[outcome]", "hired"),
        ]),
        "planner/exit" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[outcome]", "autonomy"),
            ("form[closed_on]", "2026-01-01"),
            ("form[summary]", "Percorso concluso"),
            ("confirm", "on"),
        ]),
        "planner/my_work" | "planner/services" => pairs(&[]),
        "planner/services/add" => pairs(&[
            ("form[area]", "health"),
            ("form[name_it]", "Servizio di prova {tag}"),
            ("form[name_en]", "Test service {tag}"),
        ]),
        "planner/services/active" => pairs(&[("service_id", NO_SUCH_ID), ("active", "false")]),
        "planner/versions" => pairs(&[("code", NO_SUCH_PERSON), ("from", ""), ("to", "")]),
        "planner/versions/agree" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[agreed_on]", "2026-01-01"),
            ("form[language]", "italiano"),
            ("form[approver_id]", "1"),
        ]),
        "planner/versions/approve" => {
            pairs(&[("code", NO_SUCH_PERSON), ("number", "1"), ("note", "")])
        }
        "planner/print" => pairs(&[("code", NO_SUCH_PERSON), ("version", "")]),
        "planner/family" => pairs(&[("code", NO_SUCH_PERSON)]),
        "planner/family/need" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[child]", "TO-1999-9998"),
            ("form[area]", "health"),
            ("form[need]", "low"),
        ]),
        "planner/family/joint_work" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[held_on]", "2026-01-01"),
            ("form[service]", "Servizio sociale"),
            ("form[kind]", "meeting"),
            ("form[summary]", "Incontro"),
        ]),
        "forum/overview" | "forum/moderation" => pairs(&[]),
        "forum/search" => pairs(&[("form[q]", "sfruttamento")]),
        "forum/category" => pairs(&[("code", "indicatori"), ("tag", ""), ("page", "")]),
        "forum/threads/new" => pairs(&[
            ("form[category]", "indicatori"),
            ("form[title]", "Domanda di prova {tag}"),
            ("form[body]", "Un testo di prova."),
        ]),
        // Record-scoped in the forum too: a thread or post that does not exist.
        "forum/thread" => pairs(&[("id", NO_SUCH_ID), ("quote", "")]),
        "forum/replies/new" => pairs(&[("thread", NO_SUCH_ID), ("body", "Risposta")]),
        "forum/posts/edit" => pairs(&[("post", NO_SUCH_ID), ("body", "Testo")]),
        "forum/drafts" | "forum/drafts/discard" => pairs(&[("post", NO_SUCH_ID)]),
        "forum/drafts/publish" => {
            pairs(&[("post", NO_SUCH_ID), ("body", "Testo"), ("confirm", "")])
        }
        "forum/accept" => pairs(&[("thread", NO_SUCH_ID), ("post", "")]),
        "forum/watch" => pairs(&[("thread", NO_SUCH_ID), ("watch", "on")]),
        "forum/flag" => pairs(&[("post", NO_SUCH_ID), ("reason", "Dati personali")]),
        "forum/moderate/post" => pairs(&[
            ("post", NO_SUCH_ID),
            ("action", "hide"),
            ("note", ""),
            ("back", ""),
        ]),
        "forum/moderate/thread" => pairs(&[
            ("thread", NO_SUCH_ID),
            ("action", "lock"),
            ("category", ""),
            ("note", ""),
        ]),
        "admin/forum" => pairs(&[]),
        // Rewrites a rule as it is, and takes back a role nobody holds: no change.
        "admin/forum/rule" => pairs(&[
            ("category", "indicatori"),
            ("audience", "all"),
            ("level", "post"),
        ]),
        "admin/forum/moderator" => pairs(&[
            ("category", "formazione"),
            ("user", &target_user.to_string()),
            ("on", "0"),
        ]),
        "forum/materials" => pairs(&[("category", "")]),
        "forum/material" | "forum/materials/draft" => pairs(&[("id", NO_SUCH_ID)]),
        // A category that does not exist: every caller gets 404 (the rules of an
        // existing one would let only its moderators through).
        "forum/materials/new" => pairs(&[
            ("form[category]", NO_SUCH_ID),
            ("form[title]", "Materiale di prova"),
            ("form[body]", "Descrizione"),
        ]),
        "forum/materials/versions/new" => pairs(&[("material", NO_SUCH_ID)]),
        "forum/materials/draft/save" => {
            pairs(&[("version", NO_SUCH_ID), ("body", "Testo"), ("changes", "")])
        }
        "forum/materials/draft/discard" => pairs(&[("version", NO_SUCH_ID)]),
        "forum/materials/attachments/remove" => pairs(&[("attachment", NO_SUCH_ID)]),
        "forum/materials/watch" => pairs(&[("material", NO_SUCH_ID), ("on", "1")]),
        "forum/categories/watch" => pairs(&[("category", NO_SUCH_ID), ("on", "1")]),
        "path/commission" | "path/judicial" | "path/minors" | "path/documents"
        | "path/spending" | "path/transfers" => pairs(&[("code", NO_SUCH_PERSON)]),
        "path/documents/remove" => pairs(&[("code", NO_SUCH_PERSON), ("form[record]", NO_SUCH_ID)]),
        "path/commission/request" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[commission]", "Torino"),
            ("form[received_on]", "2026-01-01"),
            ("form[status]", "received"),
        ]),
        "path/commission/referral" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[commission]", "Torino"),
            ("form[referred_on]", "2026-01-01"),
        ]),
        "path/judicial/proceedings" => pairs(&[
            ("code", NO_SUCH_PERSON),
            (
                "form[prosecutor_office]",
                "Procura della Repubblica di Torino",
            ),
        ]),
        "path/judicial/hearing" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[proceedings]", NO_SUCH_ID),
            ("form[hearing_on]", "2026-01-01"),
            ("form[kind]", "trial"),
        ]),
        "path/minors/procedures" => {
            pairs(&[("code", NO_SUCH_PERSON), ("form[community]", "Comunità")])
        }
        "path/minors/communication" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[sent_on]", "2026-01-01"),
            ("form[recipient]", "guarantor"),
        ]),
        "path/spending/expense" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[category]", "papers"),
            ("form[amount]", "16,00"),
            ("form[spent_on]", "2026-01-01"),
        ]),
        "path/spending/approve" | "path/spending/remove" => {
            pairs(&[("code", NO_SUCH_PERSON), ("expense", NO_SUCH_ID)])
        }
        "spending/budgets" => pairs(&[]),
        "path/transfers/outgoing" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[transfer_on]", "2026-01-01"),
            ("form[project]", "Progetto"),
            ("form[region]", "Lombardia"),
        ]),
        "path/transfers/incoming" => pairs(&[
            ("code", NO_SUCH_PERSON),
            ("form[transfer_on]", "2026-01-01"),
            ("form[project]", "Progetto"),
            ("form[region]", "Lombardia"),
            ("form[source]", "toll_free"),
        ]),
        // Far from the demo's budget: each reception manager sets her body's own.
        "spending/budgets/save" => pairs(&[
            ("form[project]", "Progetto {tag}"),
            ("form[starts_on]", "2040-01-01"),
            ("form[ends_on]", "2040-12-31"),
            ("form[amount]", "1000"),
        ]),
        "spending/budgets/remove" => pairs(&[("budget", NO_SUCH_ID)]),
        "network/events" => pairs(&[]),
        "network/event" => pairs(&[("id", NO_SUCH_ID)]),
        "network/register" => pairs(&[("id", NO_SUCH_ID), ("registering", "true")]),
        "network/events/save" => pairs(&[
            ("form[kind]", "training"),
            ("form[title]", "Formazione {tag}"),
            ("form[audience]", "cas_sai"),
            ("form[held_on]", "2040-01-01"),
            ("form[place]", "Torino"),
            ("form[trainers]", "Laura Ferrero"),
        ]),
        "network/events/minutes" => pairs(&[("id", NO_SUCH_ID), ("minutes", "Verbale")]),
        "network/events/material" => pairs(&[
            ("id", NO_SUCH_ID),
            ("material", NO_SUCH_ID),
            ("linked", "true"),
        ]),
        "network/participants/add" => pairs(&[
            ("id", NO_SUCH_ID),
            ("form[full_name]", "Anna Rossi"),
            ("form[organisation]", "ASL"),
        ]),
        "network/participants/remove" => pairs(&[("id", NO_SUCH_ID), ("participant", NO_SUCH_ID)]),
        "network/attendance" => pairs(&[
            ("id", NO_SUCH_ID),
            ("participant", NO_SUCH_ID),
            ("attended", "true"),
        ]),
        "network/decisions/add" => pairs(&[
            ("id", NO_SUCH_ID),
            ("form[body]", "Decisione"),
            ("form[owner]", NO_SUCH_ID),
            ("form[due_on]", "2040-01-01"),
        ]),
        "network/decisions/done" => pairs(&[
            ("id", NO_SUCH_ID),
            ("decision", NO_SUCH_ID),
            ("done", "true"),
        ]),
        "notifications/list" => pairs(&[]),
        "notifications/read" => pairs(&[("id", "")]),
        "notifications/email" => pairs(&[]),
        "notifications/email/save" => pairs(&[("mode", "off")]),
        "notifications/unsubscribe" => pairs(&[("token", "0")]),
        _ => None,
    }
}

pub(crate) const NO_SUCH_PERSON: &str = "TO-1999-9999";
pub(crate) const NO_SUCH_ID: &str = "999999";
