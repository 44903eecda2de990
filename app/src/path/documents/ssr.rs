//! Database work of a person's documents: the team's list, an upload sealed in its
//! transaction, the audited download, removal, expiries for "Il mio lavoro", her export
//! and anonymisation. Restricted documents follow the judicial route's rule: only her
//! reference operator and the legal advisor on her plan open, file or remove them.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::model::*;
use super::sealing::{open, seal, Binding, Sealed};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::{people, person_documents, support_expenses};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Problem};
use crate::kernel::files::FileKind;
use crate::kernel::names::user_names;
use crate::path::judicial::ssr::may_read_judicial;
use crate::path::model::{PathDate, PathDateKind};
use crate::path::ssr::{change_for_team, own_record, read_detailed_for_team, read_for_team};
use crate::state::DocumentsKey;

/// The columns read to list documents: never the sealed bytes.
#[derive(Debug, sea_orm::FromQueryResult)]
struct Listed {
    id: i32,
    kind: String,
    dated_on: NaiveDate,
    expires_on: Option<NaiveDate>,
    confidentiality: String,
    description: Option<String>,
    file_name: String,
    content_type: String,
    size_bytes: i64,
    uploaded_by: i32,
    uploaded_at: chrono::DateTime<Utc>,
}

async fn listed<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<Vec<Listed>, AppError> {
    use person_documents::Column as C;
    Ok(person_documents::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::Kind,
            C::DatedOn,
            C::ExpiresOn,
            C::Confidentiality,
            C::Description,
            C::FileName,
            C::ContentType,
            C::SizeBytes,
            C::UploadedBy,
            C::UploadedAt,
        ])
        .filter(C::PersonId.eq(person_id))
        .order_by_desc(C::DatedOn)
        .order_by_desc(C::Id)
        .into_model::<Listed>()
        .all(conn)
        .await?)
}

fn confidentiality_of(code: &str) -> Confidentiality {
    // An unknown level is kept to the few, never opened to the many.
    Confidentiality::from_stored(code, Confidentiality::Restricted)
}

fn row_of(row: Listed, names: &HashMap<i32, String>) -> DocumentRow {
    DocumentRow {
        id: row.id,
        kind: DocumentKind::from_stored(&row.kind, DocumentKind::Other),
        dated_on: row.dated_on,
        expires_on: row.expires_on,
        confidentiality: confidentiality_of(&row.confidentiality),
        description: row.description,
        file_name: row.file_name,
        file_kind: FileKind::from_content_type(&row.content_type).unwrap_or(FileKind::Pdf),
        size_bytes: row.size_bytes,
        uploaded_by: names.get(&row.uploaded_by).cloned().unwrap_or_default(),
        uploaded_at: row.uploaded_at,
    }
}

pub async fn documents_page(ctx: &Ctx, code: &str) -> Result<DocumentsPage, AppError> {
    let user = ctx.user()?.clone();
    read_for_team(ctx, code, "path.documents.view", move |txn, person| {
        Box::pin(async move {
            let reads_restricted = may_read_judicial(txn, &user, person).await?;
            let (shown, withheld): (Vec<Listed>, Vec<Listed>) =
                listed(txn, person.id).await?.into_iter().partition(|row| {
                    reads_restricted
                        || confidentiality_of(&row.confidentiality) == Confidentiality::Team
                });
            let names = user_names(txn, shown.iter().map(|row| row.uploaded_by)).await?;
            Ok(DocumentsPage {
                code: person.code.clone(),
                today: today(),
                editable: person.anonymised_at.is_none(),
                reads_restricted,
                documents: shown.into_iter().map(|row| row_of(row, &names)).collect(),
                withheld: withheld.len(),
            })
        })
    })
    .await
}

/// Keeps a file on her record, sealed, after its bytes were checked
/// (`kernel::files::check_upload`). Returns the document's id.
pub async fn add_document(
    ctx: &Ctx,
    code: &str,
    (file_name, kind): (String, FileKind),
    bytes: Vec<u8>,
    form: ValidDocument,
) -> Result<i32, AppError> {
    let user = ctx.user()?.clone();
    let key = ctx.settings.documents_key.clone();
    let created = std::sync::Arc::new(std::sync::Mutex::new(None));
    let created_id = created.clone();
    change_for_team(ctx, code, "path.documents.add", move |txn, person| {
        Box::pin(async move {
            if form.confidentiality == Confidentiality::Restricted
                && !may_read_judicial(txn, &user, person).await?
            {
                return Err(AppError::Forbidden);
            }
            let kept = person_documents::Entity::find()
                .filter(person_documents::Column::PersonId.eq(person.id))
                .count(txn)
                .await?;
            if kept >= MAX_DOCUMENTS {
                return Err(AppError::invalid("file", Problem::OutOfRange));
            }
            let binding = Binding {
                person_id: person.id,
                kind: form.kind.code(),
                confidentiality: form.confidentiality.code(),
            };
            let sealed = seal(&key, binding, &bytes)?;
            let row = person_documents::ActiveModel {
                person_id: Set(person.id),
                kind: Set(form.kind.code().to_string()),
                dated_on: Set(form.dated_on),
                expires_on: Set(form.expires_on),
                confidentiality: Set(form.confidentiality.code().to_string()),
                description: Set(form.description),
                file_name: Set(file_name),
                content_type: Set(kind.content_type().to_string()),
                size_bytes: Set(bytes.len() as i64),
                key_id: Set(sealed.key_id),
                nonce: Set(sealed.nonce),
                sealed: Set(sealed.bytes),
                uploaded_by: Set(user.id),
                uploaded_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            if let Ok(mut slot) = created_id.lock() {
                *slot = Some(row.id);
            }
            // Codes only: the name of the file and its description stay out of the trail.
            Ok(format!(
                "document={} kind={} confidentiality={}",
                row.id,
                form.kind.code(),
                form.confidentiality.code()
            ))
        })
    })
    .await?;
    let id = created.lock().ok().and_then(|slot| *slot);
    id.ok_or(AppError::Internal)
}

/// A document to download.
pub struct Download {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// One of her documents, opened for the team (a restricted one for who reads the
/// judicial route); audited with the document's id, refusals too.
pub async fn download(ctx: &Ctx, code: &str, id: i32) -> Result<Download, AppError> {
    let user = ctx.user()?.clone();
    let key = ctx.settings.documents_key.clone();
    read_detailed_for_team(ctx, code, "path.documents.download", move |txn, person| {
        Box::pin(async move {
            let found = person_documents::Entity::find_by_id(id).one(txn).await?;
            let row = own_record(found, |row| row.person_id, person)?;
            if confidentiality_of(&row.confidentiality) == Confidentiality::Restricted
                && !may_read_judicial(txn, &user, person).await?
            {
                return Err(AppError::Forbidden);
            }
            let bytes = open_row(&key, &row)?;
            let kind = FileKind::from_content_type(&row.content_type).unwrap_or(FileKind::Pdf);
            Ok((
                Download {
                    file_name: row.file_name,
                    content_type: kind.content_type(),
                    bytes,
                },
                Some(format!("document={} kind={}", row.id, row.kind)),
            ))
        })
    })
    .await
}

fn open_row(key: &DocumentsKey, row: &person_documents::Model) -> Result<Vec<u8>, AppError> {
    let sealed = Sealed {
        key_id: row.key_id.clone(),
        nonce: row.nonce.clone(),
        bytes: row.sealed.clone(),
    };
    let binding = Binding {
        person_id: row.person_id,
        kind: &row.kind,
        confidentiality: &row.confidentiality,
    };
    open(key, binding, &sealed)
}

/// Takes a document off her record (filed by mistake, on the wrong person).
pub async fn remove_document(ctx: &Ctx, code: &str, id: i32) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    change_for_team(ctx, code, "path.documents.remove", move |txn, person| {
        Box::pin(async move {
            let found = person_documents::Entity::find_by_id(id).one(txn).await?;
            let row = own_record(found, |row| row.person_id, person)?;
            if confidentiality_of(&row.confidentiality) == Confidentiality::Restricted
                && !may_read_judicial(txn, &user, person).await?
            {
                return Err(AppError::Forbidden);
            }
            forget_receipts(txn, |column| column.eq(row.id)).await?;
            person_documents::Entity::delete_by_id(row.id)
                .exec(txn)
                .await?;
            Ok(format!("document={} kind={}", row.id, row.kind))
        })
    })
    .await
}

/// Documents that expire by `horizon` (or have expired) and that no later document of
/// the same kind replaces: a permit to renew, a passport run out. Restricted ones only
/// for who may open them.
pub async fn due_dates<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    people_found: &HashMap<i32, String>,
    horizon: NaiveDate,
) -> Result<Vec<PathDate>, AppError> {
    use person_documents::Column as C;
    let rows: Vec<(i32, String, String, NaiveDate)> = person_documents::Entity::find()
        .select_only()
        .columns([C::PersonId, C::Kind, C::Confidentiality, C::ExpiresOn])
        .filter(C::PersonId.is_in(people_found.keys().copied()))
        .filter(C::ExpiresOn.is_not_null())
        .into_tuple()
        .all(conn)
        .await?;
    // The latest expiry of each kind of each person's documents: the one that counts.
    let mut latest: HashMap<(i32, String), (NaiveDate, bool)> = HashMap::new();
    for (person_id, kind, confidentiality, expires_on) in rows {
        let restricted = confidentiality_of(&confidentiality) == Confidentiality::Restricted;
        let slot = latest
            .entry((person_id, kind))
            .or_insert((expires_on, restricted));
        if expires_on > slot.0 {
            *slot = (expires_on, restricted);
        }
    }
    let mut entitled: HashMap<i32, bool> = HashMap::new();
    let mut dates = Vec::new();
    for ((person_id, _), (expires_on, restricted)) in latest {
        let Some(code) = people_found.get(&person_id) else {
            continue;
        };
        if expires_on > horizon {
            continue;
        }
        if restricted {
            let may_open = match entitled.get(&person_id) {
                Some(known) => *known,
                None => {
                    let person = people::Entity::find_by_id(person_id)
                        .one(conn)
                        .await?
                        .ok_or(AppError::NotFound)?;
                    let known = may_read_judicial(conn, user, &person).await?;
                    entitled.insert(person_id, known);
                    known
                }
            };
            if !may_open {
                continue;
            }
        }
        dates.push(PathDate {
            code: code.clone(),
            kind: PathDateKind::DocumentExpiry,
            on: expires_on,
            link: documents_path(code),
        });
    }
    Ok(dates)
}

/// The expiry horizon of documents: further ahead than the other dates of the path,
/// since renewing a permit takes weeks.
pub fn expiry_horizon(today: NaiveDate) -> NaiveDate {
    today + Duration::days(EXPIRY_NOTICE_DAYS)
}

/// Her documents in her own export, each with its file (base64) for an export by the
/// team; restricted ones only in an export by who may open them.
pub async fn exported<C: ConnectionTrait>(
    conn: &C,
    (key, with_files): (&DocumentsKey, bool),
    user: &CurrentUser,
    person: &people::Model,
) -> Result<Vec<serde_json::Value>, AppError> {
    use base64::Engine;
    let reads_restricted = may_read_judicial(conn, user, person).await?;
    let mut documents = Vec::new();
    for row in person_documents::Entity::find()
        .filter(person_documents::Column::PersonId.eq(person.id))
        .order_by_asc(person_documents::Column::Id)
        .all(conn)
        .await?
    {
        let restricted = confidentiality_of(&row.confidentiality) == Confidentiality::Restricted;
        if restricted && !reads_restricted {
            // Not even what kind of paper it is, nor its date: only that there is one.
            documents.push(serde_json::json!({
                "confidentiality": row.confidentiality,
                "file": "withheld: only her reference operator or the plan's legal advisor exports it",
            }));
            continue;
        }
        let mut document = serde_json::json!({
            "kind": row.kind,
            "dated_on": row.dated_on,
            "expires_on": row.expires_on,
            "confidentiality": row.confidentiality,
            "description": row.description,
            "file_name": row.file_name,
            "content_type": row.content_type,
            "size_bytes": row.size_bytes,
        });
        // A spreadsheet lists the documents; only the JSON carries their files.
        if with_files {
            let bytes = open_row(key, &row)?;
            document["content_base64"] = base64::engine::general_purpose::STANDARD
                .encode(bytes)
                .into();
        }
        documents.push(document);
    }
    Ok(documents)
}

/// The expenses of her ledger whose receipt is going away keep their amount and lose
/// the link (the foreign key says so too, where the database enforces it).
async fn forget_receipts<C: ConnectionTrait>(
    conn: &C,
    which: impl FnOnce(support_expenses::Column) -> sea_orm::sea_query::SimpleExpr,
) -> Result<(), AppError> {
    support_expenses::Entity::update_many()
        .col_expr(
            support_expenses::Column::ReceiptDocumentId,
            sea_orm::sea_query::Expr::value(Option::<i32>::None),
        )
        .filter(which(support_expenses::Column::ReceiptDocumentId))
        .exec(conn)
        .await?;
    Ok(())
}

/// Anonymisation removes her documents, files and all: a scan is an identity.
pub async fn anonymise<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<(), AppError> {
    forget_receipts(conn, |column| {
        column.in_subquery(
            sea_orm::sea_query::Query::select()
                .column(person_documents::Column::Id)
                .from(person_documents::Entity)
                .and_where(person_documents::Column::PersonId.eq(person_id))
                .to_owned(),
        )
    })
    .await?;
    person_documents::Entity::delete_many()
        .filter(person_documents::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    Ok(())
}
