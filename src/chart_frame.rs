//! The frame every chart sits in: title, what is counted, the chart or its table,
//! caveat and source line.

use crate::i18n::Msg;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The numbers of a chart as a table: the same values the chart plots.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TableData {
    /// Column headings.
    pub headers: Vec<String>,
    /// Cells, row by row.
    pub rows: Vec<Vec<String>>,
}

/// A titled chart with a Table toggle, a caveat and a source line.
#[component]
pub fn ChartFrame(
    /// Stable id, used for the element ids and tests.
    id: &'static str,
    /// Title.
    title: Signal<String>,
    /// One line: what is counted and the sample size.
    subtitle: Signal<String>,
    /// Caveat a reader must know, if any.
    #[prop(optional, into)]
    caveat: Option<Signal<String>>,
    /// Short source line.
    source: Signal<String>,
    /// The plotted numbers.
    table: Signal<TableData>,
    /// The chart itself.
    children: Children,
) -> impl IntoView {
    let state = use_app_state();
    let show_table = RwSignal::new(false);
    let t = move |msg: Msg| msg.text(state.lang.get());
    let title_id = format!("{id}-title");
    let subtitle_id = format!("{id}-subtitle");
    let (labelled_by, described_by) = (title_id.clone(), subtitle_id.clone());
    view! {
        <figure class="chart-frame" data-testid=id aria-labelledby=labelled_by aria-describedby=described_by>
            <header class="chart-head">
                <div>
                    <h2 id=title_id>{move || title.get()}</h2>
                    <p class="subtitle" id=subtitle_id>{move || subtitle.get()}</p>
                </div>
                <button
                    class="toggle"
                    data-testid=format!("{id}-table-toggle")
                    aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|shown| *shown = !*shown)
                >
                    {move || if show_table.get() { t(Msg::Chart) } else { t(Msg::Table) }}
                </button>
            </header>
            <div class="chart-body" class:hidden=move || show_table.get()>{children()}</div>
            <Show when=move || show_table.get()>
                <DataTable table=table />
            </Show>
            <figcaption>
                {caveat.map(|c| view! { <p class="caveat">{move || c.get()}</p> })}
                <p class="source">
                    {move || t(Msg::Source)} ": " {move || source.get()} " · "
                    <a href="?v=1&view=sources">{move || t(Msg::SourcesLink)}</a>
                </p>
            </figcaption>
        </figure>
    }
}

/// An HTML table of a chart's numbers.
#[component]
fn DataTable(table: Signal<TableData>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table data-testid="chart-table">
                <thead>
                    <tr>{move || table.get().headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {move || {
                        table.get().rows.into_iter().map(|row| {
                            let mut cells = row.into_iter();
                            let head = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{head}</th>
                                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
