//! The search's stemming, snippets and windows over the index, on both databases.

use super::*;

#[test]
fn italian_words_meet_at_their_stem_whatever_the_accents() {
    assert_eq!(stem("sfruttamento"), stem("sfruttate"));
    assert_eq!(stems("Città"), stems("citta"));
    assert_eq!(stems("perché"), stems("perche"));
}

#[test]
fn snippets_highlight_the_matching_words() {
    let text = "Nel Saluzzese molte persone sfruttate nei campi raccontano debiti di viaggio.";
    let pieces = snippet(text, "sfruttamento", 6);
    let marked: Vec<&str> = pieces
        .iter()
        .filter(|(_, marked)| *marked)
        .map(|(text, _)| text.as_str())
        .collect();
    assert_eq!(marked, ["sfruttate"]);
    let whole: String = pieces.iter().map(|(text, _)| text.as_str()).collect();
    assert_eq!(whole, "… molte persone sfruttate nei campi raccontano …");
}

mod on_databases {
    use super::*;
    use crate::entity::{forum_categories, forum_posts, forum_threads, users};
    use crate::testing::databases;
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};

    /// A published thread in `category` with one post per text; the posts' ids, indexed.
    async fn thread_with_posts<C: ConnectionTrait>(
        conn: &C,
        category: i32,
        author: i32,
        texts: &[String],
    ) -> Vec<i32> {
        let now = chrono::Utc::now();
        let thread = forum_threads::ActiveModel {
            category_id: Set(category),
            author_id: Set(author),
            title: Set("Prova".to_string()),
            state: Set("published".to_string()),
            pinned: Set(false),
            locked: Set(false),
            accepted_post_id: Set(None),
            reply_count: Set(0),
            created_at: Set(now),
            last_post_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await
        .unwrap();
        let mut ids = Vec::new();
        for (position, text) in texts.iter().enumerate() {
            let post = forum_posts::ActiveModel {
                thread_id: Set(thread.id),
                author_id: Set(author),
                opening: Set(position == 0),
                body: Set(text.clone()),
                body_html: Set(text.clone()),
                pending_body: Set(None),
                state: Set("published".to_string()),
                hidden: Set(false),
                hidden_by: Set(None),
                created_at: Set(now),
                edited_at: Set(None),
                edited_by: Set(None),
                ..Default::default()
            }
            .insert(conn)
            .await
            .unwrap();
            index_post(conn, post.id, text).await.unwrap();
            ids.push(post.id);
        }
        ids
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_best_matches_out_of_sight_are_passed_over_until_enough_are_found() {
        for test in databases().await {
            let categories = forum_categories::Entity::find()
                .all(&test.db)
                .await
                .unwrap();
            let (seen, unseen) = (categories[0].id, categories[1].id);
            let author = users::Entity::find()
                .one(&test.db)
                .await
                .unwrap()
                .unwrap()
                .id;
            // Out of the reader's sight and ranked best: the word again and again.
            let strong: Vec<String> = (0..7)
                .map(|n| format!("grattacielo {}", "grattacielo ".repeat(20 - n)))
                .collect();
            let hidden = thread_with_posts(&test.db, unseen, author, &strong).await;
            // In sight, each weaker than the last (fewer times the word, in long posts).
            let weak: Vec<String> = (0..3)
                .map(|n| format!("{}{}", "grattacielo ".repeat(3 - n), "parola ".repeat(27)))
                .collect();
            let shown = thread_with_posts(&test.db, seen, author, &weak).await;
            let filters = Filters {
                categories: vec![seen],
                tag: None,
                authors: None,
                from: None,
                to: None,
                with_attachments: false,
            };
            // Windows of 2, 4 and 8 matches: the first two hold only hidden posts.
            let found = best_visible(&test.db, SearchIndex::Posts, "grattacieli", &filters, 2, 2)
                .await
                .unwrap();
            assert_eq!(found, shown[..2], "{}", test.backend);
            // The same as one window over every match.
            let all = best_visible(
                &test.db,
                SearchIndex::Posts,
                "grattacieli",
                &filters,
                50,
                50,
            )
            .await
            .unwrap();
            assert_eq!(all, shown, "{}", test.backend);
            let paged = best_visible(&test.db, SearchIndex::Posts, "grattacieli", &filters, 50, 1)
                .await
                .unwrap();
            assert_eq!(paged, shown, "{}", test.backend);
            // The reader who sees both categories gets the strong ones first.
            let both = Filters {
                categories: vec![seen, unseen],
                ..filters
            };
            let found = best_visible(&test.db, SearchIndex::Posts, "grattacieli", &both, 3, 2)
                .await
                .unwrap();
            assert_eq!(found, hidden[..3], "{}", test.backend);
            test.finish().await;
        }
    }
}
