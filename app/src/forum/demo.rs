//! A few discussions for the demo network, so that the forum is not empty on first
//! start: a partner's question answered by a trainer, a pinned note on permits, a
//! question among operators on minors. All of it is fictional and holds no personal data.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

use super::markdown::render;
use super::model::PostState;
use crate::entity::{
    forum_categories, forum_posts, forum_thread_tags, forum_threads, forum_watches, users,
};

struct DemoThread {
    category: &'static str,
    title: &'static str,
    tags: &'static [&'static str],
    pinned: bool,
    /// (author e-mail, Markdown), the first being the question.
    posts: &'static [(&'static str, &'static str)],
    /// The reply (index in `posts`) the asker accepted.
    accepted: Option<usize>,
}

const THREADS: &[DemoThread] = &[
    DemoThread {
        category: "indicatori",
        title: "Quali indicatori cercare durante un controllo in un cantiere?",
        tags: &["labour_construction", "TO"],
        pinned: false,
        posts: &[
            (
                "partner@anello.test",
                "Durante i controlli congiunti con l'Ispettorato troviamo spesso lavoratori che non parlano italiano e non sanno dire chi li paga. \
                 Quali indicatori conviene annotare subito, prima di segnalare alla rete?",
            ),
            (
                "formatrice@anello.test",
                "Tre gruppi di indicatori, dalla scheda della rete:\n\n\
                 - **documenti**: trattenuti dal datore o da un intermediario;\n\
                 - **debito**: viaggio o alloggio da ripagare con il lavoro;\n\
                 - **alloggio**: dormono sul posto di lavoro o in alloggi forniti da chi li impiega.\n\n\
                 Annotate ciò che vedete, non ciò che supponete, e chiamate il numero verde 800 290 290 per la valutazione.",
            ),
            (
                "partner@anello.test",
                "Grazie @laura.ferrero, la useremo nella prossima ispezione.",
            ),
        ],
        accepted: Some(1),
    },
    DemoThread {
        category: "normativa-permessi",
        title: "Conversione del permesso art. 18 in permesso per lavoro: i documenti richiesti",
        tags: &[],
        pinned: true,
        posts: &[
            (
                "coordinatrice@anello.test",
                "Riepilogo dei documenti che le Questure del Piemonte chiedono per la conversione:\n\n\
                 1. contratto di lavoro o iscrizione a un corso di studi;\n\
                 2. relazione dell'ente attuatore sul percorso;\n\
                 3. passaporto o documento equivalente.\n\n\
                 Se una Questura chiede altro, scrivetelo qui sotto.",
            ),
            (
                "operatrice@anello.test",
                "A Torino ci hanno chiesto anche la dichiarazione di ospitalità aggiornata.",
            ),
        ],
        accepted: None,
    },
    DemoThread {
        category: "sfruttamento-lavorativo",
        title: "Stagione della raccolta nel Saluzzese: come vi organizzate?",
        tags: &["labour_agriculture", "CN"],
        pinned: false,
        posts: &[
            (
                "strada@anello.test",
                "Con l'inizio della raccolta aumentano i contatti nei luoghi di aggregazione. \
                 Qualcuno ha esperienza di uscite congiunte con i sindacati?",
            ),
            (
                "operatrice.cuneo@anello.test",
                "Sì, l'anno scorso abbiamo fatto uscite serali una volta a settimana con un mediatore. Funziona meglio del presidio fisso.",
            ),
        ],
        accepted: None,
    },
    DemoThread {
        category: "minori",
        title: "Accertamento dell'età: tempi in provincia di Cuneo",
        tags: &["CN"],
        pinned: false,
        posts: &[(
            "operatrice.cuneo@anello.test",
            "Quanto tempo passa, nella vostra esperienza, tra la richiesta e l'esito dell'accertamento socio-sanitario dell'età?",
        )],
        accepted: None,
    },
];

/// Loads the demo discussions if the forum has none yet.
pub async fn load_demo_forum<C: ConnectionTrait>(conn: &C) -> Result<(), sea_orm::DbErr> {
    super::materials::ssr::load_demo_materials(conn)
        .await
        .map_err(|error| sea_orm::DbErr::Custom(format!("{error:?}")))?;
    if forum_threads::Entity::find().count(conn).await? > 0 {
        return Ok(());
    }
    let start = Utc::now() - Duration::days(20);
    for (index, demo) in THREADS.iter().enumerate() {
        let Some(category) = forum_categories::Entity::find()
            .filter(forum_categories::Column::Code.eq(demo.category))
            .one(conn)
            .await?
        else {
            continue;
        };
        // Without the demo users there is no demo forum.
        let Some(authors) = demo_authors(conn, demo).await? else {
            return Ok(());
        };
        let opened = start + Duration::days(index as i64 * 3);
        insert_demo_thread(conn, demo, category.id, &authors, opened).await?;
    }
    Ok(())
}

/// The user id of each post's author, in order; `None` if one of them is missing.
async fn demo_authors<C: ConnectionTrait>(
    conn: &C,
    demo: &DemoThread,
) -> Result<Option<Vec<i32>>, sea_orm::DbErr> {
    let mut authors = Vec::new();
    for (email, _) in demo.posts {
        match users::Entity::find()
            .filter(users::Column::Email.eq(*email))
            .one(conn)
            .await?
        {
            Some(user) => authors.push(user.id),
            None => return Ok(None),
        }
    }
    Ok(Some(authors))
}

/// One demo thread, published on `opened`: its tags, its posts five hours apart, its
/// authors watching it and the accepted answer.
async fn insert_demo_thread<C: ConnectionTrait>(
    conn: &C,
    demo: &DemoThread,
    category_id: i32,
    authors: &[i32],
    opened: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    let last = opened + Duration::hours(5 * (demo.posts.len() as i64 - 1));
    let thread = forum_threads::ActiveModel {
        category_id: Set(category_id),
        author_id: Set(authors[0]),
        title: Set(demo.title.to_string()),
        state: Set(PostState::Published.code().to_string()),
        pinned: Set(demo.pinned),
        locked: Set(false),
        accepted_post_id: Set(None),
        reply_count: Set(demo.posts.len() as i32 - 1),
        created_at: Set(opened),
        last_post_at: Set(last),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    for tag in demo.tags {
        forum_thread_tags::ActiveModel {
            thread_id: Set(thread.id),
            tag: Set(tag.to_string()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    let post_ids = insert_demo_posts(conn, demo, thread.id, authors, opened).await?;
    let mut watchers = authors.to_vec();
    watchers.sort_unstable();
    watchers.dedup();
    for user_id in watchers {
        forum_watches::ActiveModel {
            user_id: Set(user_id),
            thread_id: Set(thread.id),
            created_at: Set(opened),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    if let Some(accepted) = demo.accepted.and_then(|index| post_ids.get(index)) {
        forum_threads::ActiveModel {
            id: Set(thread.id),
            accepted_post_id: Set(Some(*accepted)),
            ..Default::default()
        }
        .update(conn)
        .await?;
    }
    Ok(())
}

/// The posts of a demo thread, published and indexed for search; returns their ids.
async fn insert_demo_posts<C: ConnectionTrait>(
    conn: &C,
    demo: &DemoThread,
    thread_id: i32,
    authors: &[i32],
    opened: DateTime<Utc>,
) -> Result<Vec<i32>, sea_orm::DbErr> {
    let mut post_ids = Vec::new();
    for (position, ((_, body), author)) in demo.posts.iter().zip(authors).enumerate() {
        let post = forum_posts::ActiveModel {
            thread_id: Set(thread_id),
            author_id: Set(*author),
            opening: Set(position == 0),
            body: Set(body.to_string()),
            body_html: Set(render(body)),
            pending_body: Set(None),
            state: Set(PostState::Published.code().to_string()),
            hidden: Set(false),
            hidden_by: Set(None),
            created_at: Set(opened + Duration::hours(5 * position as i64)),
            edited_at: Set(None),
            edited_by: Set(None),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        // The opening post is found by its thread's title too.
        let text = if position == 0 {
            format!("{}\n{body}", demo.title)
        } else {
            body.to_string()
        };
        super::search::index_post(conn, post.id, &text)
            .await
            .map_err(|error| sea_orm::DbErr::Custom(format!("{error:?}")))?;
        post_ids.push(post.id);
    }
    Ok(post_ids)
}
