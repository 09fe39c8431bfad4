//! The frame every chart sits in: title, what is counted, the chart or its table,
//! caveat and source line.

use crate::canvas::{flatten, ExportRatio};
use crate::download::{save_data_url, save_text};
use crate::i18n::Msg;
use crate::state::use_app_state;
use leptos::context::Provider;
use leptos::html::Div;
use leptos::prelude::*;
use talent_core::link::export::{csv, file_name};
use wasm_bindgen::JsCast;

/// Exported images are drawn at this many pixels per CSS pixel, or the screen's if higher.
const EXPORT_RATIO: f64 = 2.0;

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
    /// Extra lines for the CSV header, such as scenario parameters.
    #[prop(optional, into)]
    notes: Option<Signal<Vec<String>>>,
    /// The chart itself.
    children: Children,
) -> impl IntoView {
    let state = use_app_state();
    let show_table = RwSignal::new(false);
    let export_ratio = RwSignal::new(None::<f64>);
    let body = NodeRef::<Div>::new();
    let lang_code = move || crate::state::lang_tag(state.lang.get_untracked());
    let on_csv = move |_| {
        let table = table.get_untracked();
        let link = gloo_utils::window().location().href().unwrap_or_default();
        let mut comments = vec![title.get_untracked(), subtitle.get_untracked()];
        if let Some(caveat) = caveat {
            comments.push(caveat.get_untracked());
        }
        comments.push(format!(
            "{}: {}",
            Msg::Source.text(state.lang.get_untracked()),
            source.get_untracked()
        ));
        comments.extend(notes.map(|n| n.get_untracked()).unwrap_or_default());
        comments.push(format!(
            "{} {link}",
            Msg::ExportedFrom.text(state.lang.get_untracked())
        ));
        let comments: Vec<&str> = comments.iter().map(String::as_str).collect();
        let text = csv(&comments, &table.headers, &table.rows);
        save_text(
            &text,
            &file_name(&["ai-talent", id, lang_code()], "csv"),
            "text/csv;charset=utf-8",
        );
    };
    let on_png = move |_| {
        // The chart's canvas, under it the axes layer of a line chart.
        let find = |selector: &str| {
            body.get_untracked()?
                .query_selector(selector)
                .ok()??
                .dyn_into::<web_sys::HtmlCanvasElement>()
                .ok()
        };
        let layers: Vec<_> = ["canvas.chart-axes", "canvas[role=img]"]
            .into_iter()
            .filter_map(find)
            .collect();
        let Some(first) = layers.first() else {
            return;
        };
        let ratio = gloo_utils::window().device_pixel_ratio().max(EXPORT_RATIO);
        let target = (f64::from(first.client_width()) * ratio).round() as u32;
        export_ratio.set(Some(ratio));
        leptos::task::spawn_local(async move {
            // Effects redraw asynchronously: wait (briefly) for the canvases to be resized.
            for _ in 0..50 {
                if layers.iter().all(|layer| layer.width() == target) {
                    break;
                }
                gloo_timers::future::TimeoutFuture::new(10).await;
            }
            if let Some(Ok(url)) = flatten(&layers).map(|image| image.to_data_url()) {
                save_data_url(&url, &file_name(&["ai-talent", id, lang_code()], "png"));
            }
            export_ratio.set(None);
        });
    };
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
                <div class="chart-actions">
                    <button
                        class="toggle"
                        data-testid=format!("{id}-table-toggle")
                        aria-pressed=move || show_table.get().to_string()
                        on:click=move |_| show_table.update(|shown| *shown = !*shown)
                    >
                        {move || t(Msg::Table)}
                    </button>
                    <button
                        data-testid=format!("{id}-csv")
                        aria-label=move || format!("{} ({})", t(Msg::DownloadCsv), title.get())
                        on:click=on_csv
                    >"CSV"</button>
                    <button
                        data-testid=format!("{id}-png")
                        aria-label=move || format!("{} ({})", t(Msg::DownloadPng), title.get())
                        on:click=on_png
                    >"PNG"</button>
                </div>
            </header>
            <div class="chart-body" class:hidden=move || show_table.get() node_ref=body>
                // A Provider scopes the ratio to this frame's chart (components share owners).
                <Provider value=ExportRatio(export_ratio)>{children()}</Provider>
            </div>
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
