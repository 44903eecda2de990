//! The fictional network of one test organisation, from which every figure of the
//! report and of the dashboards is written out by hand in the tests beside it.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set};

use super::{d, Fixture};
use crate::helpers::*;

/// The dataset; returns the fixture and the codes of B, C and D (the new take-ins of the
/// first period).
pub(super) async fn fictional_network(app: &TestApp) -> (Fixture, Vec<String>) {
    use app::entity::*;
    let mut f = Fixture::new(app).await;
    // A: a woman in charge since 2024, in both periods; a work grant in March, her
    //    permit converted to work in November.
    let (a, _) = f
        .person(
            app,
            "female",
            "1990-05-01",
            "sexual_street",
            None,
            &[("contact", "2024-10-01"), ("taken_in_charge", "2024-11-10")],
        )
        .await;
    // B: a man taken in charge in February, exited in May: only the first period.
    let (b, b_code) = f
        .person(
            app,
            "male",
            "1985-02-01",
            "labour_agriculture",
            None,
            &[
                ("contact", "2025-01-15"),
                ("placed", "2025-02-15"),
                ("exited", "2025-05-20"),
            ],
        )
        .await;
    // C: a transgender woman placed in June: new in the first, continuing in the second.
    let (c, c_code) = f
        .person(
            app,
            "transgender",
            "1995-08-01",
            "sexual_indoor",
            None,
            &[("placed", "2025-06-10")],
        )
        .await;
    // D: a girl taken in charge at 17 in February who turns 18 in April 2025.
    let (d_id, d_code) = f
        .person(
            app,
            "female",
            "2007-04-01",
            "begging",
            None,
            &[("taken_in_charge", "2025-02-01")],
        )
        .await;
    // E: a mother taken in charge in August with her two children.
    let (e, _) = f
        .person(
            app,
            "female",
            "1992-01-01",
            "labour_catering",
            None,
            &[("placed", "2025-08-05")],
        )
        .await;
    f.person(
        app,
        "female",
        "2020-03-01",
        "",
        Some(e),
        &[("placed", "2025-08-05")],
    )
    .await;
    f.person(
        app,
        "male",
        "2022-06-01",
        "",
        Some(e),
        &[("placed", "2025-08-05")],
    )
    .await;
    // F: exited before either period.
    f.person(
        app,
        "female",
        "1980-01-01",
        "sexual_street",
        None,
        &[("taken_in_charge", "2024-03-01"), ("exited", "2024-12-15")],
    )
    .await;
    // G: evaluated, indicators found, never taken in charge.
    let (g, _) = f
        .person(
            app,
            "female",
            "1998-03-01",
            "labour_domestic_care",
            None,
            &[("screening", "2025-02-10")],
        )
        .await;
    // H: a girl of 16 evaluated twice in the second period.
    let (h, _) = f
        .person(
            app,
            "female",
            "2009-01-01",
            "forced_marriage",
            None,
            &[("proposal", "2025-09-10")],
        )
        .await;

    f.screening(app, g, "2025-02-10", "indicators_found").await;
    f.screening(app, b, "2025-02-01", "proposal").await;
    f.screening(app, c, "2025-05-05", "commission_referral")
        .await;
    f.screening(app, d_id, "2025-01-20", "indicators_found")
        .await;
    f.screening(app, h, "2025-09-10", "proposal").await;
    f.screening(app, h, "2025-10-01", "open").await;
    // Outside both periods: not counted.
    f.screening(app, g, "2024-12-31", "indicators_found").await;

    // The Territorial Commission. D (17) referred in March and accompanied to her
    // hearing; C referred the day after her screening said so (counted once), her
    // hearing not accompanied; A referred before both periods, accompanied to her
    // hearing in July; H (16) asked for by the Commission in September.
    f.commission_referral(app, d_id, "2025-03-01", "2025-03-20", true)
        .await;
    f.commission_referral(app, c, "2025-05-06", "2025-08-01", false)
        .await;
    f.commission_referral(app, a, "2024-12-01", "2025-07-15", true)
        .await;
    f.commission_request(app, h, "2025-09-20").await;

    // Support spending. A: her permit's fee and a ticket in March; D (17): school books
    //    in April and a fee on 30 June; C: two monthly passes in the second period; E: a
    //    ticket on 31 December; H: pocket money never approved (not counted).
    f.expense(app, a, ("papers", 3046), "2025-03-05", true)
        .await;
    f.expense(app, a, ("health", 3640), "2025-03-20", true)
        .await;
    f.expense(app, d_id, ("school", 12000), "2025-04-10", true)
        .await;
    f.expense(app, d_id, ("papers", 1600), "2025-06-30", true)
        .await;
    f.expense(app, c, ("transport", 3500), "2025-08-01", true)
        .await;
    f.expense(app, c, ("transport", 3500), "2025-09-01", true)
        .await;
    f.expense(app, e, ("health", 1049), "2025-12-31", true)
        .await;
    f.expense(app, h, ("pocket_money", 2000), "2025-09-15", false)
        .await;

    // Transfers. B came from the national toll-free number in February; D (17) left for
    //    another project for her safety in March and again in May (counted once); E came
    //    from another project in August; C left in October, not for safety; A's transfer
    //    is planned for years to come (not counted).
    f.transfer(app, b, ("incoming", Some("toll_free"), false), "2025-02-10")
        .await;
    f.transfer(app, d_id, ("outgoing", None, true), "2025-03-15")
        .await;
    f.transfer(app, d_id, ("outgoing", None, true), "2025-05-01")
        .await;
    f.transfer(
        app,
        e,
        ("incoming", Some("anti_trafficking_project"), false),
        "2025-08-01",
    )
    .await;
    f.transfer(app, c, ("outgoing", None, false), "2025-10-01")
        .await;
    f.transfer(app, a, ("outgoing", None, false), "2099-01-01")
        .await;

    f.contact(app, "2025-03-03", "street_unit", false, 4).await;
    f.contact(app, "2025-04-04", "help_desk", true, 1).await;
    f.contact(app, "2025-07-07", "street_unit", false, 2).await;
    f.contact(app, "2025-08-08", "police", false, 1).await;
    f.contact(app, "2025-12-31", "indoor_unit", true, 1).await;
    f.contact(app, "2026-01-01", "street_unit", false, 9).await;

    let plan_a = f.plan(app, a).await;
    let plan_c = f.plan(app, c).await;
    let plan_e = f.plan(app, e).await;
    f.work(app, plan_a, "work_grant", "2025-03-10").await;
    f.work(app, plan_e, "internship", "2025-09-01").await;
    f.work(app, plan_c, "internship", "2025-10-01").await;
    f.permit_converted(app, plan_a, "2025-11-20").await;

    let structure = structures::ActiveModel {
        organisation_id: Set(f.organisation),
        name: Set("Casa di prova".into()),
        kind: Set("second_reception".into()),
        province: Set("AL".into()),
        secret: Set(false),
        address: Set(Some("Via di prova 1".into())),
        target_groups: Set("women".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let mut beds = Vec::new();
    for position in 1..=2 {
        beds.push(
            beds::ActiveModel {
                structure_id: Set(structure.id),
                room_id: Set(None),
                label: Set(format!("Letto {position}")),
                out_of_service_reason: Set(None),
                position: Set(position),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap()
            .id,
        );
    }
    for (person, bed, start, end) in [
        (b, beds[1], "2025-02-15", Some("2025-05-20")),
        (c, beds[0], "2025-06-10", None),
        (e, beds[1], "2025-08-05", None),
    ] {
        placements::ActiveModel {
            person_id: Set(person),
            bed_id: Set(bed),
            structure_id: Set(structure.id),
            started_on: Set(d(start)),
            planned_exit_on: Set(None),
            ended_on: Set(end.map(d)),
            end_reason: Set(end.map(|_| "autonomy".to_string())),
            created_by: Set(f.user),
            created_at: Set(Utc::now()),
            ended_by: Set(end.map(|_| f.user)),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    (f, vec![b_code, c_code, d_code])
}
