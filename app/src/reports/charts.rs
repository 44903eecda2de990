//! The dashboards' charts: SVG drawn by the app from a table's figures, as plain markup
//! (it prints, and needs no script). Never colour alone: each series has its own fill
//! (solid, stripes, cross-hatch, dots, lines, empty) named in a legend, every bar and
//! point carries its number or "<3" / "n.d.", and the table beside the chart has them all.
//! The figures are those of the table as the reader may see them: a count hidden by
//! suppression is never drawn.

use super::model::Count;

/// Width of every chart in SVG units; the page scales it to its column.
const WIDTH: f64 = 640.0;
/// Room for the row labels, left of the bars: as wide as the longest label needs, within
/// these bounds (longer names are cut with "…"; the table gives them whole).
const LABEL_MIN: f64 = 110.0;
const LABEL_MAX: f64 = 300.0;
const LABEL_CHARS: usize = 38;
/// About how wide a character of the labels is, in SVG units.
const CHAR_WIDTH: f64 = 7.4;
/// Room for the number after the longest bar.
const VALUE_WIDTH: f64 = 64.0;
const INK: &str = "#17324d";
const PAPER: &str = "#ffffff";
/// Fills by series, in the order the charts hand them out.
pub const FILL_COUNT: usize = 7;

/// How the series of a bar chart share a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Parts of one whole (beds: occupied, held, out of service, free).
    Stacked,
    /// Side by side (steps of the path).
    Grouped,
}

/// Words the charts need, in the reader's language.
#[derive(Clone, Debug)]
pub struct ChartWords {
    /// Said of a chart before its figures ("Figures in the table beside the chart").
    pub description: String,
    /// What "n.d." stands for.
    pub withheld: String,
    /// Under a stacked chart when some parts are hidden and not drawn.
    pub hidden_parts: String,
}

pub struct BarChart {
    /// Unique on the page: the fills' ids hang from it.
    pub id: String,
    pub title: String,
    pub layout: Layout,
    /// Row labels, top to bottom.
    pub rows: Vec<String>,
    /// Each series: its name, its fill (index below `FILL_COUNT`) and one count per row.
    pub series: Vec<(String, usize, Vec<Count>)>,
    /// Stacked: the number written after each bar (the row's total).
    pub row_totals: Vec<Count>,
}

pub struct LineChart {
    pub id: String,
    pub title: String,
    /// Each point: its label on the x axis and its value in tenths of a percent (None:
    /// hidden, drawn as a gap).
    pub points: Vec<(String, Option<i64>)>,
    /// How a value is written ("87,5 %").
    pub value_text: fn(i64) -> String,
}

/// Text for the SVG: the labels come from the records (organisation and structure names).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A row label short enough for the chart.
fn short_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn label_width(rows: &[String]) -> f64 {
    let longest = rows
        .iter()
        .map(|r| short_label(r).chars().count())
        .max()
        .unwrap_or(0);
    (longest as f64 * CHAR_WIDTH + 14.0).clamp(LABEL_MIN, LABEL_MAX)
}

fn count_text(count: Count, words: &ChartWords) -> String {
    match count {
        Count::Exact(value) => value.to_string(),
        Count::Below(threshold) => format!("&lt;{threshold}"),
        Count::Withheld => escape(&words.withheld),
    }
}

/// The fills, as patterns of ink on paper.
fn fills(id: &str) -> String {
    let pattern = |n: usize, size: u32, body: String| {
        format!(
            r#"<pattern id="{id}-fill-{n}" patternUnits="userSpaceOnUse" width="{size}" height="{size}"><rect width="{size}" height="{size}" fill="{PAPER}"/>{body}</pattern>"#
        )
    };
    let mut defs = String::from("<defs>");
    defs.push_str(&pattern(
        0,
        8,
        format!(r#"<rect width="8" height="8" fill="{INK}"/>"#),
    ));
    defs.push_str(&pattern(
        1,
        8,
        format!(
            r#"<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="{INK}" stroke-width="2.2"/>"#
        ),
    ));
    defs.push_str(&pattern(
        2,
        8,
        format!(r#"<path d="M0,0 l8,8 M8,0 l-8,8" stroke="{INK}" stroke-width="1.4"/>"#),
    ));
    defs.push_str(&pattern(
        3,
        6,
        format!(r#"<circle cx="3" cy="3" r="1.6" fill="{INK}"/>"#),
    ));
    defs.push_str(&pattern(
        4,
        6,
        format!(r#"<path d="M0,3 h6" stroke="{INK}" stroke-width="2"/>"#),
    ));
    defs.push_str(&pattern(
        5,
        6,
        format!(r#"<path d="M3,0 v6" stroke="{INK}" stroke-width="2"/>"#),
    ));
    defs.push_str(&pattern(6, 8, String::new()));
    defs.push_str("</defs>");
    defs
}

fn open_svg(id: &str, title: &str, height: f64, words: &ChartWords) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {height}" aria-labelledby="{id}-title" aria-describedby="{id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>{}"#,
        escape(title),
        escape(&words.description),
        fills(id),
    )
}

/// The legend: a swatch with its fill and the series' name, three to a line.
fn legend(id: &str, series: &[(String, usize)]) -> (String, f64) {
    let mut out = String::new();
    for (i, (name, fill)) in series.iter().enumerate() {
        let x = (i % 3) as f64 * 210.0;
        let y = (i / 3) as f64 * 24.0;
        out.push_str(&format!(
            r#"<rect x="{x}" y="{}" width="16" height="16" fill="url(#{id}-fill-{fill})" stroke="{INK}"/><text x="{}" y="{}">{}</text>"#,
            y + 2.0,
            x + 22.0,
            y + 15.0,
            escape(name)
        ));
    }
    let lines = series.len().div_ceil(3) as f64;
    (out, lines * 24.0 + 8.0)
}

/// Horizontal bars, one row per label; a hidden count is written, never drawn.
pub fn bar_chart(chart: &BarChart, words: &ChartWords) -> String {
    let id = &chart.id;
    let (legend_svg, legend_height) = legend(
        id,
        &chart
            .series
            .iter()
            .map(|(name, fill, _)| (name.clone(), *fill))
            .collect::<Vec<_>>(),
    );
    let label_width = label_width(&chart.rows);
    let bars = BarGeometry {
        label_width,
        span: WIDTH - label_width - VALUE_WIDTH,
        largest: largest_row(chart),
        bar: 18.0,
    };
    let row_height = match chart.layout {
        Layout::Stacked => bars.bar + 12.0,
        Layout::Grouped => chart.series.len() as f64 * (bars.bar - 4.0) + 14.0,
    };
    let top = legend_height + 4.0;
    let mut hidden_parts = false;
    let mut body = String::new();
    for (r, label) in chart.rows.iter().enumerate() {
        let y = top + r as f64 * row_height;
        body.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="end">{}</text>"#,
            label_width - 8.0,
            y + row_height / 2.0,
            escape(&short_label(label))
        ));
        match chart.layout {
            Layout::Stacked => {
                hidden_parts |= stacked_row(chart, r, y, &bars, words, &mut body);
            }
            Layout::Grouped => grouped_row(chart, r, y, &bars, words, &mut body),
        }
    }
    let mut height = top + chart.rows.len() as f64 * row_height + 8.0;
    if hidden_parts {
        body.push_str(&format!(
            r#"<text x="0" y="{}" class="chart-small">{}</text>"#,
            height + 10.0,
            escape(&words.hidden_parts)
        ));
        height += 22.0;
    }
    let mut svg = open_svg(id, &chart.title, height, words);
    svg.push_str(&legend_svg);
    svg.push_str(&format!(
        r#"<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{}" stroke="{INK}"/>"#,
        top + chart.rows.len() as f64 * row_height
    ));
    svg.push_str(&body);
    svg.push_str("</svg>");
    svg
}

/// Where the bars of a chart go: they start after the labels, and the largest row fills
/// the span.
struct BarGeometry {
    label_width: f64,
    span: f64,
    /// The largest row's figure (at least 1): a stacked row's sum, a grouped row's largest.
    largest: f64,
    /// The thickness of a bar.
    bar: f64,
}

/// A figure as long as its bar: hidden counts are not drawn.
fn drawn_value(count: &Count) -> i64 {
    match count {
        Count::Exact(value) => *value,
        _ => 0,
    }
}

/// The figure of the largest row, which sets the scale of the bars.
fn largest_row(chart: &BarChart) -> f64 {
    (0..chart.rows.len())
        .map(|r| match chart.layout {
            Layout::Stacked => chart.series.iter().map(|s| drawn_value(&s.2[r])).sum(),
            Layout::Grouped => chart
                .series
                .iter()
                .map(|s| drawn_value(&s.2[r]))
                .max()
                .unwrap_or(0),
        })
        .max()
        .unwrap_or(0)
        .max(1) as f64
}

/// Row `r` of a stacked chart at height `y`: the parts end to end, then the row's total.
/// Says whether some part was hidden (and so not drawn).
fn stacked_row(
    chart: &BarChart,
    r: usize,
    y: f64,
    bars: &BarGeometry,
    words: &ChartWords,
    body: &mut String,
) -> bool {
    let (id, bar) = (&chart.id, bars.bar);
    let mut hidden_parts = false;
    let mut x = bars.label_width;
    for (_, fill, counts) in &chart.series {
        match counts[r] {
            Count::Exact(value) if value > 0 => {
                let width = value as f64 / bars.largest * bars.span;
                body.push_str(&format!(
                    r#"<rect x="{x:.1}" y="{y}" width="{width:.1}" height="{bar}" fill="url(#{id}-fill-{fill})" stroke="{INK}"/>"#
                ));
                x += width;
            }
            Count::Exact(_) => {}
            _ => hidden_parts = true,
        }
    }
    if let Some(total) = chart.row_totals.get(r) {
        body.push_str(&format!(
            r#"<text x="{:.1}" y="{}">{}</text>"#,
            x + 6.0,
            y + bar - 4.0,
            count_text(*total, words)
        ));
    }
    hidden_parts
}

/// Row `r` of a grouped chart from height `y`: one thin bar per series, each with its
/// number (a hidden one is written, not drawn).
fn grouped_row(
    chart: &BarChart,
    r: usize,
    y: f64,
    bars: &BarGeometry,
    words: &ChartWords,
    body: &mut String,
) {
    let (id, bar, label_width) = (&chart.id, bars.bar, bars.label_width);
    for (s, (_, fill, counts)) in chart.series.iter().enumerate() {
        let y = y + s as f64 * (bar - 4.0);
        let width = drawn_value(&counts[r]) as f64 / bars.largest * bars.span;
        if width > 0.0 {
            body.push_str(&format!(
                r#"<rect x="{label_width}" y="{y}" width="{width:.1}" height="{}" fill="url(#{id}-fill-{fill})" stroke="{INK}"/>"#,
                bar - 6.0
            ));
        }
        body.push_str(&format!(
            r#"<text x="{:.1}" y="{}" class="chart-small">{}</text>"#,
            label_width + width + 5.0,
            y + bar - 7.0,
            count_text(counts[r], words)
        ));
    }
}

/// A line over time with a marker and its value at each point, in percent from 0 up; a
/// hidden point breaks the line.
pub fn line_chart(chart: &LineChart, words: &ChartWords) -> String {
    let id = &chart.id;
    // Room on the right for the last value's label.
    let (left, right, top, bottom) = (56.0, WIDTH - 36.0, 20.0, 236.0);
    let highest = chart
        .points
        .iter()
        .filter_map(|(_, value)| *value)
        .max()
        .unwrap_or(0);
    // Up to 100 %, or the next quarter above a higher value (more people than beds).
    let ceiling = (highest.max(1000) + 249) / 250 * 250;
    let count = chart.points.len().max(1);
    let step = if count > 1 {
        (right - left) / (count - 1) as f64
    } else {
        0.0
    };
    let x_of = |i: usize| {
        if count > 1 {
            left + i as f64 * step
        } else {
            (left + right) / 2.0
        }
    };
    let y_of = |permille: i64| bottom - permille as f64 / ceiling as f64 * (bottom - top);
    let mut svg = open_svg(id, &chart.title, bottom + 40.0, words);
    let mut grid = 0;
    while grid <= ceiling {
        let y = y_of(grid);
        svg.push_str(&format!(
            r#"<line x1="{left}" y1="{y:.1}" x2="{right}" y2="{y:.1}" stroke="{INK}" stroke-opacity="{}"/><text x="{}" y="{:.1}" text-anchor="end" class="chart-small">{} %</text>"#,
            if grid == 0 { "1" } else { "0.25" },
            left - 6.0,
            y + 4.0,
            grid / 10
        ));
        grid += 250;
    }
    // At most twelve labels on the axis; every value is in the table.
    let every = count.div_ceil(12);
    let mut segment: Vec<String> = Vec::new();
    let mut lines = String::new();
    let mut marks = String::new();
    let close = |segment: &mut Vec<String>, lines: &mut String| {
        if segment.len() > 1 {
            lines.push_str(&format!(
                r#"<polyline points="{}" fill="none" stroke="{INK}" stroke-width="2.5"/>"#,
                segment.join(" ")
            ));
        }
        segment.clear();
    };
    for (i, (label, value)) in chart.points.iter().enumerate() {
        let x = x_of(i);
        if i % every == 0 {
            marks.push_str(&format!(
                r#"<text x="{x:.1}" y="{}" text-anchor="middle" class="chart-small">{}</text>"#,
                bottom + 18.0,
                escape(label)
            ));
        }
        match value {
            Some(permille) => {
                let y = y_of(*permille);
                segment.push(format!("{x:.1},{y:.1}"));
                marks.push_str(&format!(
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="4.5" fill="{INK}" stroke="{PAPER}" stroke-width="1.5"/>"#
                ));
                if count <= 12 {
                    marks.push_str(&format!(
                        r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle" class="chart-small">{}</text>"#,
                        y - 9.0,
                        escape(&(chart.value_text)(*permille))
                    ));
                }
            }
            None => {
                close(&mut segment, &mut lines);
                marks.push_str(&format!(
                    r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle" class="chart-small">{}</text>"#,
                    bottom - 6.0,
                    escape(&words.withheld)
                ));
            }
        }
    }
    close(&mut segment, &mut lines);
    svg.push_str(&lines);
    svg.push_str(&marks);
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ChartWords {
        ChartWords {
            description: "Numbers in the table".into(),
            withheld: "n.d.".into(),
            hidden_parts: "Hidden parts are not drawn".into(),
        }
    }

    #[test]
    fn names_from_the_records_are_escaped() {
        let chart = BarChart {
            id: "c".into(),
            title: "Beds <today>".into(),
            layout: Layout::Stacked,
            rows: vec!["Casa \"Aurora\" & <script>".into()],
            series: vec![("Occupied".into(), 0, vec![Count::Exact(3)])],
            row_totals: vec![Count::Exact(3)],
        };
        let svg = bar_chart(&chart, &words());
        assert!(svg.contains("Casa &quot;Aurora&quot; &amp; &lt;script&gt;"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("<title id=\"c-title\">Beds &lt;today&gt;</title>"));
    }

    #[test]
    fn hidden_counts_are_written_not_drawn() {
        let chart = BarChart {
            id: "flow".into(),
            title: "Path".into(),
            layout: Layout::Grouped,
            rows: vec!["Torino".into()],
            series: vec![
                ("Contact".into(), 0, vec![Count::Exact(12)]),
                ("Proposal".into(), 1, vec![Count::Below(3)]),
                ("Exit".into(), 2, vec![Count::Withheld]),
            ],
            row_totals: Vec::new(),
        };
        let svg = bar_chart(&chart, &words());
        // One bar (the exact one), three numbers, a legend with each fill.
        assert_eq!(svg.matches("<rect x=\"110\"").count(), 1);
        assert!(svg.contains(">12<") && svg.contains(">&lt;3<") && svg.contains(">n.d.<"));
        for fill in 0..3 {
            assert!(svg.contains(&format!("fill=\"url(#flow-fill-{fill})\" stroke")));
        }
        let stacked = BarChart {
            layout: Layout::Stacked,
            row_totals: vec![Count::Exact(20)],
            ..chart
        };
        assert!(bar_chart(&stacked, &words()).contains("Hidden parts are not drawn"));
    }

    #[test]
    fn long_names_are_cut_and_the_labels_take_the_room_they_need() {
        let long = "Associazione per l'accoglienza delle donne vittime di tratta";
        assert!(short_label(long).chars().count() <= LABEL_CHARS);
        assert!(short_label(long).ends_with('…'));
        assert_eq!(short_label("Torino"), "Torino");
        assert_eq!(label_width(&["Asti".into()]), LABEL_MIN);
        // A cut name takes no more room than any name of the longest length kept.
        let widest = label_width(&["x".repeat(LABEL_CHARS)]);
        assert!(label_width(&[long.into()]) <= widest);
        assert!(widest <= LABEL_MAX);
    }

    #[test]
    fn a_hidden_month_breaks_the_line() {
        let chart = LineChart {
            id: "months".into(),
            title: "Occupancy".into(),
            points: vec![
                ("01/26".into(), Some(800)),
                ("02/26".into(), Some(900)),
                ("03/26".into(), None),
                ("04/26".into(), Some(1100)),
                ("05/26".into(), Some(700)),
            ],
            value_text: |permille| format!("{} %", permille / 10),
        };
        let svg = line_chart(&chart, &words());
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert_eq!(
            svg.matches("r=\"4.5\"").count(),
            4,
            "a marker per value shown"
        );
        // Above 100 %, the axis goes on to the next quarter.
        assert!(svg.contains(">125 %<"));
        assert!(svg.contains(">110 %<") && svg.contains(">n.d.<"));
    }
}
