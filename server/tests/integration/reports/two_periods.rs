//! The funder report of two half-year periods, figure by figure as written by hand.

use super::dataset::fictional_network;
use super::{audit_count, cells, period, COORDINATOR};
use crate::helpers::*;
use app::reports::model::{FunderReport, TableId};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_of_two_periods_matches_the_one_written_by_hand() {
    let app = TestApp::spawn().await;
    let (fixture, _) = fictional_network(&app).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let organisation = fixture.organisation.to_string();

    // First half of 2025 (181 days).
    let first: FunderReport = app
        .call(
            "reports/funder",
            &period(&organisation, "2025-01-01", "2025-06-30"),
            Some(&coordinator),
        )
        .await;
    assert!(!first.suppressed, "the coordinator's screen is exact");
    // Columns: female, male, transgender, total. Rows: continuing, new, total.
    assert_eq!(
        cells(&first, TableId::TakeInsBySex),
        vec![vec![1, 0, 0, 1], vec![1, 1, 1, 3], vec![2, 1, 1, 4]]
    );
    // Columns: minors, adults, total. D is 17 when taken in charge.
    assert_eq!(
        cells(&first, TableId::TakeInsByAge),
        vec![vec![0, 1, 1], vec![1, 2, 3], vec![1, 3, 4]]
    );
    assert_eq!(
        cells(&first, TableId::DependentChildren),
        vec![vec![0; 4]; 3]
    );
    // Rows: contacts, proximity, evaluations, still open, identified, proposals,
    // Commission requests, referrals, hearings accompanied, unaccompanied minors before
    // their hearing (none: D, the only minor, is not recorded as unaccompanied),
    // permits converted.
    // Columns: all, minors. Requests and referrals: C (her screening and her referral,
    // once) and D, a minor; D went to her hearing with the network.
    assert_eq!(
        cells(&first, TableId::Evaluations),
        vec![
            vec![5, 1],
            vec![4, 0],
            vec![4, 1],
            vec![0, 0],
            vec![4, 1],
            vec![1, 0],
            vec![2, 1],
            vec![2, 1],
            vec![1, 1],
            vec![0, 0],
            vec![0, 0]
        ]
    );
    // Rows in the order of the exploitation list; columns: identified, in charge.
    assert_eq!(
        cells(&first, TableId::Exploitation),
        vec![
            vec![0, 1],
            vec![1, 1],
            vec![1, 1],
            vec![0, 0],
            vec![0, 0],
            vec![1, 0],
            vec![1, 1],
            vec![0, 0],
            vec![0, 0],
            vec![0, 0]
        ]
    );
    // Rows: internships, work grants. Columns: all, single mothers.
    assert_eq!(
        cells(&first, TableId::WorkInclusion),
        vec![vec![0, 0], vec![1, 0]]
    );
    // Channels in the order of the contact form, then the total; adults, minors, total.
    let mut channels = vec![vec![0, 0, 0]; 12];
    channels[0] = vec![4, 0, 4]; // street unit
    channels[2] = vec![0, 1, 1]; // help desk
    channels[11] = vec![4, 1, 5];
    assert_eq!(cells(&first, TableId::ContactChannels), channels);
    // Beds, available days (2 × 181), days of presence: B 94 nights, C 21 up to 30 June.
    assert_eq!(
        cells(&first, TableId::Presence),
        vec![vec![2, 362, 115], vec![2, 362, 115]]
    );
    // Rows: papers, health, transport, school, pocket money, all; columns: people, euros.
    // Papers: A 30,46 + D 16,00 = 46 €; health: A 36,40; school: D 120,00; all: A and D
    // once each, 202,86 € rounded to 203.
    assert_eq!(
        cells(&first, TableId::SupportSpending),
        vec![
            vec![2, 46],
            vec![1, 36],
            vec![0, 0],
            vec![1, 120],
            vec![0, 0],
            vec![2, 203]
        ]
    );
    // Rows: arrived, of whom from the toll-free number, left, of whom for safety;
    // columns: all, minors. B came through the toll-free number; D (17) left for her
    // safety twice, counted once.
    assert_eq!(
        cells(&first, TableId::Transfers),
        vec![vec![1, 0], vec![1, 0], vec![1, 1], vec![1, 1]]
    );

    // Second half of 2025 (184 days).
    let second: FunderReport = app
        .call(
            "reports/funder",
            &period(&organisation, "2025-07-01", "2025-12-31"),
            Some(&coordinator),
        )
        .await;
    // A, D (now 18) and C continue; B exited in May; E is new.
    assert_eq!(
        cells(&second, TableId::TakeInsBySex),
        vec![vec![2, 0, 1, 3], vec![1, 0, 0, 1], vec![3, 0, 1, 4]]
    );
    assert_eq!(
        cells(&second, TableId::TakeInsByAge),
        vec![vec![0, 3, 3], vec![0, 1, 1], vec![0, 4, 4]]
    );
    // E's daughter and son, beside their new mother.
    assert_eq!(
        cells(&second, TableId::DependentChildren),
        vec![vec![0, 0, 0, 0], vec![1, 1, 0, 2], vec![1, 1, 0, 2]]
    );
    assert_eq!(
        cells(&second, TableId::Evaluations),
        vec![
            vec![4, 1],
            vec![3, 1],
            vec![2, 2],
            vec![1, 1],
            vec![1, 1],
            vec![1, 1],
            vec![1, 1],
            vec![0, 0],
            vec![1, 0],
            vec![0, 0],
            vec![1, 0]
        ]
    );
    assert_eq!(
        cells(&second, TableId::Exploitation),
        vec![
            vec![0, 1],
            vec![0, 1],
            vec![0, 0],
            vec![0, 0],
            vec![0, 1],
            vec![0, 0],
            vec![0, 1],
            vec![0, 0],
            vec![1, 0],
            vec![0, 0]
        ]
    );
    // E's internship is for a single mother; C's is not.
    assert_eq!(
        cells(&second, TableId::WorkInclusion),
        vec![vec![2, 1], vec![0, 0]]
    );
    let mut channels = vec![vec![0, 0, 0]; 12];
    channels[0] = vec![2, 0, 2]; // street unit
    channels[1] = vec![0, 1, 1]; // indoor unit
    channels[5] = vec![1, 0, 1]; // police
    channels[11] = vec![3, 1, 4];
    assert_eq!(cells(&second, TableId::ContactChannels), channels);
    // C all 184 nights, E from 5 August: 149.
    assert_eq!(
        cells(&second, TableId::Presence),
        vec![vec![2, 368, 333], vec![2, 368, 333]]
    );
    // C's two passes (70 €, one person), E's ticket of 31 December (10,49 → 10); H's
    // pocket money waits for approval and is not counted. All: 80,49 → 80.
    assert_eq!(
        cells(&second, TableId::SupportSpending),
        vec![
            vec![0, 0],
            vec![1, 10],
            vec![1, 70],
            vec![0, 0],
            vec![0, 0],
            vec![2, 80]
        ]
    );
    // E came from another project, C left (not for safety).
    assert_eq!(
        cells(&second, TableId::Transfers),
        vec![vec![1, 0], vec![0, 0], vec![1, 0], vec![0, 0]]
    );

    // Each view is audited, with its period and scope but no person.
    let audited = audit_count(&app, "report.view").await;
    assert!(audited >= 2, "report views audited: {audited}");
}
