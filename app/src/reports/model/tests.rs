//! Tests of the report's model: periods, requests, rows and the suppression of small counts.

use super::*;

/// Every assignment of the hidden cells that agrees with what is shown ("<3" means
/// 0..=2, withheld means at least 3, up to `bound`) and with every line's total.
fn solutions(shown: &[Vec<Count>], kinds: &[ColumnKind], bound: i64) -> Vec<Vec<Vec<i64>>> {
    let rows = shown.len();
    let columns = shown[0].len();
    let hidden: Vec<(usize, usize)> = (0..rows)
        .flat_map(|r| (0..columns).map(move |c| (r, c)))
        .filter(|&(r, c)| !matches!(shown[r][c], Count::Exact(_)))
        .collect();
    let mut lines: Vec<Vec<(usize, usize)>> = (0..rows)
        .map(|r| (0..columns).map(|c| (r, c)).collect())
        .collect();
    lines.extend((0..columns).map(|c| (0..rows).map(|r| (r, c)).collect()));
    // Each line is checked as soon as its last hidden cell has a value.
    let last_hidden = |line: &Vec<(usize, usize)>| {
        line.iter()
            .filter_map(|cell| hidden.iter().position(|h| h == cell))
            .max()
    };
    let checks: Vec<Vec<usize>> = (0..hidden.len())
        .map(|i| {
            (0..lines.len())
                .filter(|&l| last_hidden(&lines[l]) == Some(i))
                .collect()
        })
        .collect();
    let mut grid: Vec<Vec<i64>> = shown
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Count::Exact(v) => *v,
                    _ => 0,
                })
                .collect()
        })
        .collect();
    let adds_up = |grid: &Vec<Vec<i64>>, line: &Vec<(usize, usize)>| {
        let (total, parts) = line.split_last().unwrap();
        parts.iter().map(|&(r, c)| grid[r][c]).sum::<i64>() == grid[total.0][total.1]
    };
    let mut found = Vec::new();
    let mut stack: Vec<i64> = Vec::new();
    // Depth-first over the hidden cells, pruning a line as soon as it is complete.
    let range = |cell: (usize, usize)| match shown[cell.0][cell.1] {
        Count::Below(t) => (0, t - 1),
        _ if kinds[cell.1] == ColumnKind::People => (DEFAULT_MIN_COUNT, bound),
        _ => (0, bound),
    };
    if hidden.is_empty() {
        return vec![grid];
    }
    stack.push(range(hidden[0]).0);
    while let Some(&value) = stack.last() {
        let index = stack.len() - 1;
        let cell = hidden[index];
        if value > range(cell).1 {
            stack.pop();
            if let Some(previous) = stack.last_mut() {
                *previous += 1;
            }
            continue;
        }
        grid[cell.0][cell.1] = value;
        let fits = checks[index].iter().all(|&l| adds_up(&grid, &lines[l]));
        if fits && index + 1 == hidden.len() {
            found.push(grid.clone());
        }
        if fits && index + 1 < hidden.len() {
            stack.push(range(hidden[index + 1]).0);
        } else {
            *stack.last_mut().unwrap() += 1;
        }
    }
    found
}

/// Rows and columns with their sums appended.
fn with_totals(parts: &[Vec<i64>]) -> Vec<Vec<i64>> {
    let mut table: Vec<Vec<i64>> = parts
        .iter()
        .map(|row| {
            let mut row = row.clone();
            row.push(row.iter().sum());
            row
        })
        .collect();
    let columns = table[0].len();
    let totals = (0..columns)
        .map(|c| table.iter().map(|r| r[c]).sum())
        .collect();
    table.push(totals);
    table
}

/// The differencing attack: no cell shown as "<3" has only one value compatible with
/// everything the table shows.
fn assert_not_recoverable(values: &[Vec<i64>]) {
    assert_not_recoverable_with(values, &vec![ColumnKind::People; values[0].len()]);
}

/// The same, when some columns count no one (beds): those are never "<3", and the
/// reader cannot assume a withheld one is large.
fn assert_not_recoverable_with(values: &[Vec<i64>], kinds: &[ColumnKind]) {
    let shown = suppress(values, true, true, kinds, DEFAULT_MIN_COUNT);
    for (r, row) in shown.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if kinds[c] == ColumnKind::Public {
                assert_eq!(*cell, Count::Exact(values[r][c]), "public ({r},{c})");
            }
        }
    }
    // The reader does not know the largest figure when it is withheld: a bound well
    // above it, or the search itself would give the tables' largest cell away.
    let bound = 2 * values.iter().flatten().copied().max().unwrap_or(0) + DEFAULT_MIN_COUNT;
    let all = solutions(&shown, kinds, bound);
    assert!(!all.is_empty(), "the true table must be a solution");
    for (r, row) in shown.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Count::Exact(v) => assert_eq!(*v, values[r][c]),
                Count::Withheld => {}
                Count::Below(_) => {
                    let first = all[0][r][c];
                    assert!(
                        all.iter().any(|s| s[r][c] != first),
                        "cell ({r},{c}) = {} recoverable from {shown:?}",
                        values[r][c]
                    );
                }
            }
        }
    }
}

#[test]
fn small_cells_are_shown_as_below_the_threshold() {
    let shown = suppress(&[vec![1, 7, 12]], false, false, &[ColumnKind::People; 3], 3);
    assert_eq!(
        shown,
        vec![vec![Count::Below(3), Count::Exact(7), Count::Exact(12)]]
    );
    // Zero is below the threshold too: "nobody" in a small group is information.
    let shown = suppress(&[vec![0, 5]], false, false, &[ColumnKind::People; 2], 3);
    assert_eq!(shown[0][0], Count::Below(3));
}

#[test]
fn a_row_total_does_not_give_away_its_one_small_cell() {
    // Male 1, female 20, transgender 6, total 27: 27 - 20 - 6 would give the 1.
    let values = with_totals(&[vec![1, 20, 6], vec![4, 15, 5]]);
    let shown = suppress(&values, true, true, &[ColumnKind::People; 4], 3);
    assert_eq!(shown[0][0], Count::Below(3));
    let hidden_in_row = shown[0]
        .iter()
        .filter(|c| !matches!(c, Count::Exact(_)))
        .count();
    assert!(hidden_in_row >= 2, "{shown:?}");
    assert_not_recoverable(&values);
}

#[test]
fn a_column_total_does_not_give_away_its_one_small_cell() {
    let values = with_totals(&[vec![2, 9], vec![8, 11], vec![5, 6]]);
    let shown = suppress(&values, true, true, &[ColumnKind::People; 3], 3);
    let hidden_in_column = (0..values.len())
        .filter(|&r| !matches!(shown[r][0], Count::Exact(_)))
        .count();
    assert!(hidden_in_column >= 2, "{shown:?}");
    assert_not_recoverable(&values);
}

#[test]
fn two_small_cells_that_add_up_to_the_rest_are_not_pinned() {
    // 0 and 0 beside a 10 with total 10: the two "<3" would both be 0.
    assert_not_recoverable(&with_totals(&[vec![0, 10, 0], vec![5, 6, 7]]));
    // 2 and 2 with the rest shown: both would be 2 (their most).
    assert_not_recoverable(&with_totals(&[vec![2, 2, 9], vec![5, 6, 7]]));
}

#[test]
fn a_small_total_hides_its_whole_line() {
    let values = with_totals(&[vec![1, 0, 1], vec![5, 6, 7]]);
    let shown = suppress(&values, true, true, &[ColumnKind::People; 4], 3);
    assert!(shown[0].iter().all(|c| !matches!(c, Count::Exact(_))));
    assert_not_recoverable(&values);
}

#[test]
fn no_small_cell_of_many_tables_can_be_worked_out() {
    // A fixed pseudo-random walk over small 2×3 tables (with totals 3×4).
    let mut seed: u64 = 0x5eed_2026;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % 9) as i64
    };
    for _ in 0..150 {
        let parts: Vec<Vec<i64>> = (0..2).map(|_| (0..3).map(|_| next()).collect()).collect();
        assert_not_recoverable(&with_totals(&parts));
    }
}

#[test]
fn beds_that_add_up_do_not_give_away_the_people_in_them() {
    // Occupied (people); held, out of service, free (beds); all beds as the row
    // total, public: the reader knows them, yet the few people in beds stay hidden.
    let mut seed: u64 = 0x0cc0_2026;
    let mut next = |limit: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % limit) as i64
    };
    use ColumnKind::*;
    let kinds = [People, Other, Other, Other, Public];
    for _ in 0..60 {
        let parts: Vec<Vec<i64>> = (0..2)
            .map(|_| vec![next(7), next(3), next(3), next(6)])
            .collect();
        assert_not_recoverable_with(&with_totals(&parts), &kinds);
    }
    // One person in a province whose every other bed is known; a full province.
    for parts in [
        [vec![1, 0, 2, 4], vec![9, 3, 0, 5]],
        [vec![2, 0, 0, 0], vec![3, 1, 0, 5]],
        [vec![2, 0, 0, 0], vec![0, 0, 0, 4]],
    ] {
        let values = with_totals(&parts);
        let shown = suppress(&values, true, true, &kinds, DEFAULT_MIN_COUNT);
        assert!(shown.iter().flatten().any(|c| matches!(c, Count::Below(_))));
        assert_not_recoverable_with(&values, &kinds);
    }
}

#[test]
fn columns_that_count_no_one_stay_exact() {
    // Beds, days of presence: the beds column is never hidden.
    let values = vec![vec![2, 1], vec![6, 40], vec![8, 41]];
    let shown = suppress(
        &values,
        true,
        false,
        &[ColumnKind::Public, ColumnKind::People],
        3,
    );
    assert_eq!(shown[0][0], Count::Exact(2));
    assert_eq!(shown[0][1], Count::Below(3));
    assert!(!matches!(shown[1][1], Count::Exact(_)) || !matches!(shown[2][1], Count::Exact(_)));
}

#[test]
fn a_period_is_checked() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let request = ReportRequest {
        from: "2026-07-01".into(),
        to: "2026-06-30".into(),
        ..Default::default()
    };
    assert!(request.validate(today).is_err());
    let request = ReportRequest {
        from: "1 luglio".into(),
        ..Default::default()
    };
    assert!(request.validate(today).is_err());
    let request = ReportRequest {
        provinces: vec!["ZZ".into()],
        ..Default::default()
    };
    assert!(request.validate(today).is_err());
    let valid = ReportRequest::default().validate(today).unwrap();
    assert_eq!(valid.from, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert_eq!(valid.to, today);
}
