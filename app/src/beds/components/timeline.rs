//! A structure's occupancy timeline.

use super::*;
use crate::ui::time::day;

pub(super) const DAY_WIDTH: u32 = 22;
pub(super) const LABEL_WIDTH: u32 = 90;
pub(super) const ROW_HEIGHT: u32 = 30;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let query = use_query_map();
    let key = Memo::new(move |_| {
        (
            params.read().get("id").unwrap_or_default(),
            query.read().get("mese").unwrap_or_default(),
        )
    });
    let data = Resource::new(move || key.get(), |(id, month)| fetch_timeline(id, month));
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "timeline-title")
        }) />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(timeline) => view! { <TimelineView timeline id=key.get_untracked().0 /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn TimelineView(timeline: Timeline, id: String) -> impl IntoView {
    let chart = timeline_chart(&timeline);
    let stays = stays_table(&timeline.rows);
    let previous = format!("/strutture/{id}/presenze?mese={}", timeline.previous_month);
    let next = format!("/strutture/{id}/presenze?mese={}", timeline.next_month);
    view! {
        <p><a href="/posti-letto">{move_tr!("back-to-board")}</a></p>
        <h1>{move_tr!("timeline-heading", { "structure" => timeline.structure.clone(), "month" => timeline.month.clone() })}</h1>
        <nav class="pager" aria-label=move || tr!("pager-label")>
            <a href=previous rel="prev">{move_tr!("timeline-previous")}</a>
            <a href=next rel="next">{move_tr!("timeline-next")}</a>
        </nav>
        <section class="panel">
            {chart}
            <p class="hint">{move_tr!("timeline-legend")}</p>
            {stays}
        </section>
        <section class="panel">
            <h2>{move_tr!("timeline-presence")}</h2>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{move_tr!("timeline-month")}</th>
                        <th scope="col">{move_tr!("timeline-days")}</th>
                        <th scope="col">{move_tr!("timeline-bed-days")}</th>
                        <th scope="col">{move_tr!("timeline-occupancy")}</th>
                    </tr></thead>
                    <tbody>
                        {timeline.presence.into_iter().map(|m| view! {
                            <tr>
                                <th scope="row">{m.month}</th>
                                <td>{m.days_of_presence.to_string()}</td>
                                <td>{m.bed_days.to_string()}</td>
                                <td>{format!("{} %", m.occupancy)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The month as an SVG chart: a row per bed, a bar per stay, a line on today.
fn timeline_chart(timeline: &Timeline) -> impl IntoView {
    let days = timeline.days_in_month;
    let width = LABEL_WIDTH + days * DAY_WIDTH;
    let height = ROW_HEIGHT * (timeline.rows.len() as u32 + 1);
    let x = move |day: u32| LABEL_WIDTH + (day - 1) * DAY_WIDTH;
    let header = (1..=days)
        .map(|d| view! { <text x=(x(d) + DAY_WIDTH / 2).to_string() y="20" text-anchor="middle" class="day">{d.to_string()}</text> })
        .collect_view();
    let bars = timeline
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let y = ROW_HEIGHT * (index as u32 + 1);
            let stays = row
                .stays
                .iter()
                .map(|stay| {
                    let left = x(stay.first_day);
                    let bar_width = (stay.last_day + 1 - stay.first_day) * DAY_WIDTH;
                    let class = if stay.exit_overdue { "stay overdue" } else { "stay" };
                    let label = if stay.exit_overdue { format!("{} !", stay.code) } else { stay.code.clone() };
                    view! {
                        <g>
                            <title>{stay.code.clone()}</title>
                            <rect x=left.to_string() y=(y + 4).to_string() width=bar_width.to_string() height=(ROW_HEIGHT - 8).to_string() rx="4" class=class />
                            <text x=(left + 4).to_string() y=(y + 19).to_string() class="stay-code">{label}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <text x="4" y=(y + 19).to_string() class="bed-name">{row.bed.clone()}</text>
                <line x1="0" x2=width.to_string() y1=(y + ROW_HEIGHT).to_string() y2=(y + ROW_HEIGHT).to_string() class="grid" />
                {stays}
            }
        })
        .collect_view();
    let today_line = timeline.today_day.map(|d| {
        let tx = x(d) + DAY_WIDTH / 2;
        view! { <line x1=tx.to_string() x2=tx.to_string() y1="24" y2=height.to_string() class="today" /> }
    });
    view! {
        <div class="timeline-wrap">
            <svg class="timeline" viewBox=format!("0 0 {width} {height}") width=width.to_string() height=height.to_string() role="img" aria-labelledby="timeline-caption">
                <title id="timeline-caption">{move_tr!("timeline-caption")}</title>
                {header}
                {bars}
                {today_line}
            </svg>
        </div>
    }
}

/// The month's stays as a table, bed by bed: the chart's content for screen readers.
fn stays_table(rows: &[TimelineRow]) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table>
                <caption>{move_tr!("timeline-stays")}</caption>
                <thead><tr>
                    <th scope="col">{move_tr!("field-bed-label")}</th>
                    <th scope="col">{move_tr!("field-network-code")}</th>
                    <th scope="col">{move_tr!("timeline-from")}</th>
                    <th scope="col">{move_tr!("timeline-to")}</th>
                </tr></thead>
                <tbody>
                    {rows.iter().flat_map(|row| row.stays.iter().map(move |stay| (row.bed.clone(), stay.clone()))).map(|(bed, stay)| {
                        let overdue = stay.exit_overdue;
                        view! {
                            <tr>
                                <th scope="row">{bed}</th>
                                <td><a class="code" href=format!("/persone/{}", stay.code)>{stay.code.clone()}</a></td>
                                <td>{day(stay.started_on)}</td>
                                <td>
                                    {match stay.ended_on {
                                        Some(ended) => day(ended).into_any(),
                                        None => view! { {move_tr!("timeline-ongoing")} {overdue.then(|| view! { " " <strong class="overdue">{move_tr!("bed-exit-overdue")}</strong> })} }.into_any(),
                                    }}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
