//! A network's board (over 30 houses) starts with its houses folded to their counts, and
//! a folded house's beds are not in the page at all: the page costs what it shows. A
//! folded house carries a link that opens it without JavaScript.

use sea_orm::EntityTrait;

use crate::helpers::*;
use crate::placement_rules::structure;
use app::entity::beds;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_networks_board_sends_the_beds_of_the_houses_it_shows_open_only() {
    let app = TestApp::spawn().await;
    // The demo network has 28 houses: three more make it a network's board.
    let mut houses = Vec::new();
    for name in ["Casa Faro", "Casa Molo", "Casa Porto"] {
        let beds = structure(&app, name, "women", 2).await;
        let house = beds::Entity::find_by_id(beds[0])
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .structure_id;
        houses.push((house, beds));
    }
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let page = |path: String| {
        let (app, cookie) = (&app, coordinator.clone());
        async move {
            let response = app.get(&path, Some(&cookie)).await;
            assert!(response.status().is_success(), "{path}");
            response.text().await.unwrap()
        }
    };
    let bed_in = |html: &str, bed: i32| html.contains(&format!("data-bed=\"{bed}\""));

    let folded = page("/posti-letto".to_string()).await;
    for (house, beds) in &houses {
        assert!(!bed_in(&folded, beds[0]) && !bed_in(&folded, beds[1]));
        assert!(folded.contains(&format!("/posti-letto?struttura={house}")));
    }
    assert!(folded.contains("2 posti liberi su 2"));
    assert!(
        !folded.contains("data-bed="),
        "no house of a network's board starts open"
    );

    // Her link opens that house, and only that one.
    let (house, beds) = &houses[1];
    let opened = page(format!("/posti-letto?struttura={house}")).await;
    assert!(bed_in(&opened, beds[0]) && bed_in(&opened, beds[1]));
    assert!(!bed_in(&opened, houses[0].1[0]) && !bed_in(&opened, houses[2].1[0]));
    // A search that keeps a few houses opens them (here by name).
    let searched = page("/posti-letto?cerca=Casa+Porto".to_string()).await;
    assert!(bed_in(&searched, houses[2].1[0]) && !bed_in(&searched, houses[0].1[0]));
}
