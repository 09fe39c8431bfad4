//! A chart made interactive in place: the canvas takes the static picture's box (same
//! width class, so the same aspect ratio and the same marks), draws the catalogue's plan
//! through `talent_charts`, and answers the pointer, touch and keyboard with tooltips
//! that a live region reads out.

use crate::state::{AppState, PageState};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters_canvas::CanvasBackend;
use send_wrapper::SendWrapper;
use talent_charts::draw::{scene, Reading};
use talent_charts::{paint, Palette};
use talent_core::catalog::{Chart, Focus};
use talent_core::layout::width::WidthClass;
use talent_core::{copy, Dataset};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement};

/// The width class the page's picture uses now: the first of its light sources whose
/// `media` matches (the browser's own choice), else the narrowest.
fn picture_class(plot: &HtmlElement) -> WidthClass {
    let Ok(sources) = plot.query_selector_all("picture[data-l=en] source") else {
        return WidthClass::Narrow;
    };
    let window = gloo_utils::window();
    for i in 0..sources.length() {
        let Some(source) = sources
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let media = source.get_attribute("media").unwrap_or_default();
        if media.contains("prefers-color-scheme") {
            continue;
        }
        let srcset = source.get_attribute("srcset").unwrap_or_default();
        let matches = window
            .match_media(&media)
            .ok()
            .flatten()
            .is_some_and(|q| q.matches());
        if matches {
            return class_of_file(&srcset);
        }
    }
    WidthClass::Narrow
}

/// The class in a picture's file name: `charts/origin/en-w-light.svg` is Wide.
fn class_of_file(file: &str) -> WidthClass {
    file.rsplit('/')
        .next()
        .and_then(|name| name.split('-').nth(1))
        .and_then(WidthClass::from_code)
        .unwrap_or(WidthClass::Narrow)
}

/// Marks the end of a chart's draw on the performance timeline (`chart-drawn:<id>`), for
/// the benchmark and for anyone profiling the page.
fn mark_drawn(id: &str) {
    if let Some(performance) = gloo_utils::window().performance() {
        let _ = performance.mark(&format!("chart-drawn:{id}"));
    }
}

/// The interactive chart that replaces `plot`'s picture.
#[component]
pub fn ChartIsland(
    /// The chart.
    chart: Chart,
    /// The plot element the island lives in (it holds the picture).
    plot: HtmlElement,
    /// App state (the island writes the highlight and the pin there).
    state: AppState,
    /// What the island reads of the state.
    page: PageState,
) -> impl IntoView {
    // The highlight and the pin are part of the link; the highlight is shared by the
    // page's charts.
    let highlight = Memo::new(move |_| page.url.with(|u| u.highlight.clone()));
    let pinned = Memo::new(move |_| page.url.with(|u| u.pin.clone()));
    let data = Dataset::embedded();
    let canvas = NodeRef::<Canvas>::new();
    let wrap = NodeRef::<Div>::new();
    let class = RwSignal::new(picture_class(&plot));
    let frame_width = RwSignal::new(f64::from(plot.client_width()));
    let focus = RwSignal::new(None::<Focus>);
    let touch = RwSignal::new(false);
    let plan = Memo::new(move |_| {
        let lang = page.lang.get();
        page.url
            .with(|url| chart.plan(data, url, lang, class.get()))
    });

    // Follow the picture's width class and the frame's width, in the next animation frame
    // rather than in the observer's delivery: a new width class gives the frame another
    // aspect ratio, so another height, which the observer would otherwise have to report
    // again within the same delivery (a "ResizeObserver loop" error). The frame may be
    // gone by then: its signals are only tried.
    let observe = {
        let plot = plot.clone();
        Closure::<dyn Fn()>::new(move || {
            let plot = plot.clone();
            let update = Closure::once_into_js(move || {
                class.try_set(picture_class(&plot));
                let width = f64::from(plot.client_width());
                if frame_width
                    .try_get_untracked()
                    .is_some_and(|w| (width - w).abs() >= 0.5)
                {
                    frame_width.try_set(width);
                }
            });
            let _ = gloo_utils::window().request_animation_frame(update.unchecked_ref());
        })
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(observe.as_ref().unchecked_ref()) {
        observer.observe(&plot);
        let observer = SendWrapper::new(observer);
        on_cleanup(move || observer.disconnect());
    }
    // The observer's callback lives as long as the island.
    let observe = SendWrapper::new(observe);
    on_cleanup(move || drop(observe));

    // The box: the picture's aspect ratio, set before the canvas shows.
    Effect::new({
        let plot = plot.clone();
        move |_| {
            if let Ok(p) = plan.get() {
                let (w, h) = p.size();
                let _ = plot
                    .style()
                    .set_property("aspect-ratio", &format!("{w} / {h}"));
            }
        }
    });

    // Draw whenever the plan, the theme, the focus or the highlight changes.
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        let width = frame_width.get();
        let theme = page.theme.get();
        let reading = Reading {
            focus: focus.get(),
            highlight: highlight.get(),
            pinned: pinned.get(),
        };
        plan.with(|p| {
            let Ok(p) = p else { return };
            let ratio = gloo_utils::window().device_pixel_ratio().max(1.0);
            let (w, h) = p.size();
            let device_w = (width * ratio).round().max(1.0) as u32;
            let device_h = (width * ratio * h / w).round().max(1.0) as u32;
            if element.width() != device_w || element.height() != device_h {
                element.set_width(device_w);
                element.set_height(device_h);
            }
            let canvas: &HtmlCanvasElement = &element;
            if let Some(mut backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
                let picture = scene(p, Palette::of(theme), &reading);
                if paint(&mut backend, &picture, f64::from(device_w) / w).is_ok() {
                    mark_drawn(chart.code());
                }
            }
        });
    });

    // Once drawn, the picture steps aside (same box, so nothing moves).
    Effect::new({
        let plot = plot.clone();
        move |_| {
            if canvas.get().is_some() && plan.with(Result::is_ok) {
                let _ = plot.class_list().add_1("live");
            }
        }
    });
    on_cleanup({
        let plot = plot.clone();
        move || {
            let _ = plot.class_list().remove_1("live");
        }
    });

    let design = move |ev: &web_sys::MouseEvent| {
        let scale = plan.with_untracked(|p| p.as_ref().map_or(1.0, |p| p.size().0))
            / frame_width.get_untracked().max(1.0);
        (
            f64::from(ev.offset_x()) * scale,
            f64::from(ev.offset_y()) * scale,
        )
    };
    let pick = move |ev: web_sys::PointerEvent| {
        touch.set(ev.pointer_type() == "touch");
        let (x, y) = design(&ev);
        let is_touch = touch.get_untracked();
        focus.set(plan.with_untracked(|p| p.as_ref().ok().and_then(|p| p.hit(x, y, is_touch))));
    };
    // Choosing a mark highlights its category in every chart of the page, or pins a
    // Sankey's node or link; choosing it again clears that.
    let choose = move |f: Focus| {
        let Some((k, pins)) =
            plan.with_untracked(|p| p.as_ref().ok().and_then(|p| Some((p.key(f)?, p.pins()))))
        else {
            return;
        };
        state.url.update(|u| {
            let slot = if pins { &mut u.pin } else { &mut u.highlight };
            *slot = if slot.as_deref() == Some(k.as_str()) {
                None
            } else {
                Some(k)
            };
        });
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let current = focus.get_untracked();
        let next = match (ev.key().as_str(), current) {
            ("Enter" | " ", Some(f)) => {
                choose(f);
                Some(f)
            }
            (k, _) => {
                match plan.with_untracked(|p| p.as_ref().ok().and_then(|p| p.step(current, k))) {
                    Some(next) => next,
                    None => return,
                }
            }
        };
        ev.prevent_default();
        focus.set(next);
    };
    let tip = move || {
        let f = focus.get()?;
        let scale = frame_width.get() / plan.with(|p| p.as_ref().map_or(1.0, |p| p.size().0));
        plan.with(|p| {
            let (tip, (x, y)) = p.as_ref().ok()?.tip(f)?;
            Some((tip.clone(), x * scale, y * scale))
        })
    };
    // The canvas is named by the figure's title (in the page, in both languages) and
    // described by its values in the reader's language.
    let description = move || {
        let lang = page.lang.get();
        let values: Vec<String> = plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.tips()
                        .iter()
                        .map(|t| format!("{}: {}", t.heading, t.value))
                        .collect()
                })
                .unwrap_or_default()
        });
        format!(
            "{}. {}",
            values.join(copy::LIST_SEPARATOR.get(lang)),
            copy::CHART_KEYBOARD_HINT.get(lang)
        )
    };
    let title_id = format!("{}-title", chart.code());
    let description_id = format!("{}-description", chart.code());
    let failed = move || {
        plan.with(|p| {
            p.as_ref()
                .err()
                .map(|_| copy::APP_FAILED.get(page.lang.get()))
        })
    };
    view! {
        <div class="island" node_ref=wrap>
            <canvas
                node_ref=canvas
                tabindex="0"
                role="img"
                aria-labelledby=title_id
                aria-describedby=description_id.clone()
                data-chart-canvas=chart.code()
                on:pointermove=pick
                on:pointerdown=pick
                on:pointerleave=move |ev: web_sys::PointerEvent| {
                    if ev.pointer_type() == "mouse" { focus.set(None) }
                }
                on:click=move |ev: web_sys::MouseEvent| {
                    let (x, y) = design(&ev);
                    let is_touch = touch.get_untracked();
                    if let Some(f) = plan.with_untracked(|p| p.as_ref().ok().and_then(|p| p.hit(x, y, is_touch))) {
                        choose(f);
                    }
                }
                on:keydown=on_key
                on:blur=move |_| focus.set(None)
            ></canvas>
            {move || tip().map(|(tip, x, y)| view! {
                <div class="tooltip" role="tooltip" style:left=format!("{x}px") style:top=format!("{y}px")>
                    <strong>{tip.heading}</strong>
                    <span>{tip.value}</span>
                    <span class="tooltip-detail">{tip.detail}</span>
                </div>
            })}
            <p class="visually-hidden" id=description_id>{description}</p>
            <p class="visually-hidden" aria-live="polite">
                {move || tip().map(|(t, _, _)| t.announcement()).unwrap_or_default()}
            </p>
            {move || failed().map(|text| view! { <p class="chart-failed" role="alert">{text}</p> })}
        </div>
    }
}
