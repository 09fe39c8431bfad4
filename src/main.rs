//! Entry point: install the panic hook and mount the app.

#[cfg(feature = "bench")]
mod bench;
mod canvas;
mod chart_frame;
mod charts;
mod download;
mod i18n;
mod settle;
mod share;
mod shell;
mod state;
mod text_measure;
mod theme;
mod views;

fn main() {
    console_error_panic_hook::set_once();
    // The static summary in index.html stands in for the app until it starts.
    if let Some(summary) = gloo_utils::document().get_element_by_id("static-summary") {
        summary.remove();
    }
    leptos::mount::mount_to_body(shell::App);
}
