//! Data-subject rights: export one person's data (JSON and CSV) and anonymise a person.
//! Both are logged; both leave the pseudonymous record (code, gender, month of birth,
//! path, screenings, placements) so that aggregate counts stay what they were.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::CurrentUser;
use crate::entity::{
    audit_log, consents, organisations, people, person_identities, person_organisations,
    screenings, waiting_list,
};
use crate::kernel::db::WriteTransaction;
use crate::kernel::error::{AppError, Conflict, Problem};
use crate::people::access::{access_to, find_person, may_manage};
use crate::people::registry::model::{Identity, PersonAccess};

/// Everything Anello holds about one person, as handed to her on request.
#[derive(Debug, Serialize)]
pub struct PersonExport {
    pub exported_at: chrono::DateTime<Utc>,
    pub code: String,
    pub province: String,
    pub gender: String,
    pub status: String,
    pub exit_outcome: Option<String>,
    pub exploitation: Vec<String>,
    pub unaccompanied_minor: bool,
    pub registered_at: chrono::DateTime<Utc>,
    pub identity: Option<Identity>,
    pub organisations_in_charge: Vec<ExportedInCharge>,
    pub consents: Vec<ExportedConsent>,
    pub screenings: Vec<ExportedScreening>,
    pub waiting_list: Vec<ExportedWaiting>,
    pub commission_requests: Vec<serde_json::Value>,
    pub commission_referrals: Vec<serde_json::Value>,
    /// Her complaint and proceedings, for an export by her reference operator or legal
    /// advisor; anyone else's export says they are withheld.
    pub judicial_route: serde_json::Value,
    /// Her age assessment, guardian, community and the communications about her.
    pub minor_procedures: Vec<serde_json::Value>,
    /// Her documents, each with its file (base64) in the JSON; the CSV lists them.
    pub documents: Vec<serde_json::Value>,
    /// What the network spent for her (support spending), by category and day.
    pub support_spending: Vec<serde_json::Value>,
    /// Her transfers to and from other projects.
    pub transfers: Vec<serde_json::Value>,
    /// Who opened or changed the record: the person has a right to know.
    pub access_log: Vec<ExportedAccess>,
}

#[derive(Debug, Serialize)]
pub struct ExportedInCharge {
    pub organisation: String,
    pub since: chrono::NaiveDate,
}

#[derive(Debug, Serialize)]
pub struct ExportedConsent {
    pub kind: String,
    pub organisation: Option<String>,
    pub given_on: chrono::NaiveDate,
    pub withdrawn_on: Option<chrono::NaiveDate>,
}

#[derive(Debug, Serialize)]
pub struct ExportedScreening {
    pub held_on: chrono::NaiveDate,
    pub outcome: String,
    pub checklist_id: i32,
}

#[derive(Debug, Serialize)]
pub struct ExportedWaiting {
    pub urgency: String,
    pub target_group: String,
    pub wanted_from: chrono::NaiveDate,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct ExportedAccess {
    pub occurred_at: chrono::DateTime<Utc>,
    pub organisation: Option<String>,
    pub action: String,
    pub outcome: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
}

impl ExportFormat {
    pub fn from_extension(extension: &str) -> Option<ExportFormat> {
        match extension {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            _ => None,
        }
    }
}

/// A file to download.
pub struct Download {
    pub content_type: &'static str,
    pub file_name: String,
    pub body: Vec<u8>,
}

/// Only who may see the identity may export it: the team in charge, or the coordinator
/// with the person's consent. The export and any refusal are audited. A CSV is split as
/// the spreadsheets of the reader's `language` expect (`kernel::csv_file`).
pub async fn export_person(
    (db, key): (&DatabaseConnection, &crate::state::DocumentsKey),
    user: &CurrentUser,
    request_id: Option<&str>,
    code: &str,
    (format, language): (ExportFormat, &str),
) -> Result<Download, AppError> {
    let txn = crate::kernel::db::begin_write(db).await?;
    let result = export_person_in(&txn, key, user, request_id, code, (format, language)).await;
    let refused =
        AuditEvent::new(Some(user), "person.export", "person").object(code.trim().to_uppercase());
    crate::audit::ssr::finish_write(db, txn, result, request_id, refused).await
}

async fn export_person_in(
    txn: &WriteTransaction,
    key: &crate::state::DocumentsKey,
    user: &CurrentUser,
    request_id: Option<&str>,
    code: &str,
    (format, language): (ExportFormat, &str),
) -> Result<Download, AppError> {
    let person = find_person(txn, code).await?;
    let format_code = match format {
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
    };
    let event = AuditEvent::new(Some(user), "person.export", "person")
        .object(&person.code)
        .detail(format!("format={format_code}"));
    if access_to(txn, user, &person).await? != Some(PersonAccess::Identity) {
        return Err(crate::audit::ssr::deny(txn, request_id, event).await);
    }
    let with_files = matches!(format, ExportFormat::Json);
    let export = gather_export(txn, (key, with_files), user, &person).await?;
    let download = download_of(&export, format, language)?;
    record(txn, request_id, event).await?;
    Ok(download)
}

/// Reads everything held about the person, in the order of the export's sections.
async fn gather_export<C: ConnectionTrait>(
    conn: &C,
    (key, with_files): (&crate::state::DocumentsKey, bool),
    user: &CurrentUser,
    person: &people::Model,
) -> Result<PersonExport, AppError> {
    let organisations_in_charge = exported_in_charge(conn, person.id).await?;
    let consent_rows = exported_consents(conn, person.id).await?;
    let screening_rows = screenings::Entity::find()
        .filter(screenings::Column::PersonId.eq(person.id))
        .order_by_asc(screenings::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|s| ExportedScreening {
            held_on: s.held_on,
            outcome: s.outcome,
            checklist_id: s.checklist_id,
        })
        .collect();
    let waiting_rows = waiting_list::Entity::find()
        .filter(waiting_list::Column::PersonId.eq(person.id))
        .order_by_asc(waiting_list::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|w| ExportedWaiting {
            urgency: w.urgency,
            target_group: w.target_group,
            wanted_from: w.wanted_from,
            status: w.status,
        })
        .collect();
    // The parts of her path are the team's: exported by the team in charge only (the
    // coordinator, who may export with her consent, gets them withheld).
    let team = may_manage(conn, user, person).await?;
    let (commission_requests, commission_referrals) = if team {
        crate::path::commission::ssr::exported(conn, person).await?
    } else {
        (Vec::new(), Vec::new())
    };
    let judicial_route = match crate::path::judicial::ssr::exported(conn, user, person).await? {
        Some(proceedings) => serde_json::Value::Array(proceedings),
        None => serde_json::Value::String(
            "withheld: only her reference operator or the plan's legal advisor exports it".into(),
        ),
    };
    let minor_procedures = if team {
        crate::path::minors::ssr::exported(conn, person).await?
    } else {
        Vec::new()
    };
    let documents = if team {
        crate::path::documents::ssr::exported(conn, (key, with_files), user, person).await?
    } else {
        Vec::new()
    };
    let support_spending = if team {
        crate::path::spending::ssr::exported(conn, person).await?
    } else {
        Vec::new()
    };
    let transfers = if team {
        crate::path::transfers::ssr::exported(conn, person).await?
    } else {
        Vec::new()
    };
    let reads_judicial = !judicial_route.is_string();
    let access_log = exported_access_log(conn, &person.code, reads_judicial).await?;
    let identity = person_identities::Entity::find_by_id(person.id)
        .one(conn)
        .await?
        .map(super::ssr::identity_from);
    Ok(PersonExport {
        exported_at: Utc::now(),
        code: person.code.clone(),
        province: person.province.clone(),
        gender: person.gender.clone(),
        status: person.status.clone(),
        exit_outcome: person.exit_outcome.clone(),
        exploitation: person
            .exploitation
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        unaccompanied_minor: person.unaccompanied,
        registered_at: person.created_at,
        identity,
        organisations_in_charge,
        consents: consent_rows,
        screenings: screening_rows,
        waiting_list: waiting_rows,
        commission_requests,
        commission_referrals,
        judicial_route,
        minor_procedures,
        documents,
        support_spending,
        transfers,
        access_log,
    })
}

/// An organisation's name, empty if it no longer exists.
async fn organisation_name<C: ConnectionTrait>(conn: &C, id: i32) -> Result<String, AppError> {
    Ok(organisations::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(|o| o.name)
        .unwrap_or_default())
}

/// The organisations in charge of the person, by name.
async fn exported_in_charge<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<ExportedInCharge>, AppError> {
    let mut organisations_in_charge = Vec::new();
    for row in person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person_id))
        .all(conn)
        .await?
    {
        organisations_in_charge.push(ExportedInCharge {
            organisation: organisation_name(conn, row.organisation_id).await?,
            since: row.since,
        });
    }
    Ok(organisations_in_charge)
}

/// The person's consents, oldest first, with the organisation each one names.
async fn exported_consents<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<ExportedConsent>, AppError> {
    let mut consent_rows = Vec::new();
    for row in consents::Entity::find()
        .filter(consents::Column::PersonId.eq(person_id))
        .order_by_asc(consents::Column::Id)
        .all(conn)
        .await?
    {
        consent_rows.push(ExportedConsent {
            kind: row.kind,
            organisation: match row.organisation_id {
                Some(id) => Some(organisation_name(conn, id).await?),
                None => None,
            },
            given_on: row.given_on,
            withdrawn_on: row.withdrawn_on,
        });
    }
    Ok(consent_rows)
}

/// Who opened or changed the record, oldest first, by organisation.
async fn exported_access_log<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    reads_judicial: bool,
) -> Result<Vec<ExportedAccess>, AppError> {
    let mut access_log = Vec::new();
    let mut query = audit_log::Entity::find()
        .filter(audit_log::Column::ObjectType.eq("person"))
        .filter(audit_log::Column::ObjectId.eq(code));
    if !reads_judicial {
        let prefix = crate::path::judicial::model::AUDIT_PREFIX;
        query = query.filter(audit_log::Column::Action.not_like(format!("{prefix}%")));
    }
    for row in query.order_by_asc(audit_log::Column::Id).all(conn).await? {
        access_log.push(ExportedAccess {
            occurred_at: row.occurred_at,
            organisation: match row.actor_organisation_id {
                Some(id) => Some(organisation_name(conn, id).await?),
                None => None,
            },
            action: row.action,
            outcome: row.outcome,
        });
    }
    Ok(access_log)
}

/// The export as a file in the asked format, named after the person's code.
fn download_of(
    export: &PersonExport,
    format: ExportFormat,
    language: &str,
) -> Result<Download, AppError> {
    Ok(match format {
        ExportFormat::Json => Download {
            content_type: "application/json; charset=utf-8",
            file_name: format!("{}.json", export.code),
            body: serde_json::to_vec_pretty(export).map_err(|_| AppError::Internal)?,
        },
        ExportFormat::Csv => Download {
            content_type: "text/csv; charset=utf-8",
            file_name: format!("{}.csv", export.code),
            body: export_csv(export, language)?,
        },
    })
}

/// The same data as the JSON, flattened to `section,field,value` rows: one file that a
/// spreadsheet opens, whatever the number of consents or screenings.
fn export_csv(export: &PersonExport, language: &str) -> Result<Vec<u8>, AppError> {
    let value = serde_json::to_value(export).map_err(|_| AppError::Internal)?;
    let mut writer = crate::kernel::csv_file::CsvFile::for_language(language);
    let write = |writer: &mut crate::kernel::csv_file::CsvFile, row: [&str; 3]| writer.row(row);
    write(&mut writer, ["section", "field", "value"])?;
    fn text(value: &serde_json::Value) -> String {
        match value {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
    if let serde_json::Value::Object(map) = value {
        for (key, item) in map {
            match item {
                serde_json::Value::Array(items) => {
                    for (index, element) in items.iter().enumerate() {
                        match element {
                            serde_json::Value::Object(fields) => {
                                for (field, v) in fields {
                                    write(
                                        &mut writer,
                                        [&format!("{key}[{}]", index + 1), field, &text(v)],
                                    )?;
                                }
                            }
                            other => {
                                write(&mut writer, [&key, &format!("{}", index + 1), &text(other)])?
                            }
                        }
                    }
                }
                serde_json::Value::Object(fields) => {
                    for (field, v) in fields {
                        write(&mut writer, [&key, &field, &text(&v)])?;
                    }
                }
                other => write(&mut writer, ["record", &key, &text(&other)])?,
            }
        }
    }
    writer.finish()
}

/// Why a record is anonymised.
pub const ANONYMISATION_REASONS: [&str; 2] = ["request", "retention"];

/// Removes who the person is and keeps what the figures need. Irreversible; the team in
/// charge or the coordinator may do it, after ticking a confirmation.
pub async fn anonymise_person(
    db: &DatabaseConnection,
    user: &CurrentUser,
    request_id: Option<&str>,
    code: &str,
    reason: &str,
    confirmed: bool,
) -> Result<(), AppError> {
    if !ANONYMISATION_REASONS.contains(&reason) {
        return Err(AppError::invalid("reason", Problem::UnknownChoice));
    }
    if !confirmed {
        return Err(AppError::invalid("confirm", Problem::Required));
    }
    let txn = crate::kernel::db::begin_write(db).await?;
    let result = anonymise_person_in(&txn, user, request_id, code, reason).await;
    let refused = AuditEvent::new(Some(user), "person.anonymise", "person")
        .object(code.trim().to_uppercase());
    crate::audit::ssr::finish_write(db, txn, result, request_id, refused).await
}

async fn anonymise_person_in(
    txn: &WriteTransaction,
    user: &CurrentUser,
    request_id: Option<&str>,
    code: &str,
    reason: &str,
) -> Result<(), AppError> {
    let person = find_person(txn, code).await?;
    if !may_manage(txn, user, &person).await? && !user.is_network_wide() {
        let event = AuditEvent::new(Some(user), "person.anonymise", "person").object(&person.code);
        return Err(crate::audit::ssr::deny(txn, request_id, event).await);
    }
    if person.anonymised_at.is_some() {
        return Err(AppError::Conflict {
            conflict: Conflict::Anonymised,
        });
    }
    person_identities::Entity::delete_by_id(person.id)
        .exec(txn)
        .await?;
    // Free-text needs on the waiting list could describe her; the urgency and dates stay.
    waiting_list::Entity::update_many()
        .col_expr(
            waiting_list::Column::Language,
            sea_orm::sea_query::Expr::value(Option::<String>::None),
        )
        .filter(waiting_list::Column::PersonId.eq(person.id))
        .exec(txn)
        .await?;
    crate::path::commission::ssr::anonymise(txn, person.id).await?;
    crate::path::judicial::ssr::anonymise(txn, person.id).await?;
    crate::path::minors::ssr::anonymise(txn, person.id).await?;
    crate::path::spending::ssr::anonymise(txn, person.id).await?;
    crate::path::transfers::ssr::anonymise(txn, person.id).await?;
    crate::path::documents::ssr::anonymise(txn, person.id).await?;
    let code = person.code.clone();
    let mut update: crate::entity::people::ActiveModel = person.into();
    update.identity_hash = Set(None);
    update.anonymised_at = Set(Some(Utc::now()));
    update.updated_at = Set(Utc::now());
    update.update(txn).await?;
    record(
        txn,
        request_id,
        AuditEvent::new(Some(user), "person.anonymise", "person")
            .object(&code)
            .detail(format!("reason={reason}")),
    )
    .await?;
    Ok(())
}
