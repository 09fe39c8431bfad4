//! What-if: sliders that re-project where top-tier AI researchers would work.
//!
//! The model is `talent_core::model::projection`; this view only wires sliders to its setters
//! and shows what it returns. Every figure on the page comes from the model or the data
//! pack. Outputs follow the `input` event, so they move while a slider is dragged.

pub mod method;
mod strings;

use crate::chart_frame::{ChartFrame, TableData};
use crate::charts::lines::{share_text, Line, LineChart, LineChartData, ObservedMark};
use crate::i18n::Lang;
use crate::settle::settled;
use crate::state::use_app_state;
use crate::theme;
use leptos::prelude::*;
use strings::{SentenceValues, WhatIfMsg};
use talent_core::data::Qualifier;
use talent_core::format;
use talent_core::link::url_state::View;
use talent_core::model::projection::{
    backtest, carnegie_check, observed_points, project, Baseline, Observed, Preset, Projection,
    Region, Scenario, BASELINE_POOL, GROWTH_MAX, GROWTH_MIN, MAX_END_YEAR, MIN_END_YEAR,
    RETENTION_MAX, RETENTION_MIN, RETENTION_VIEW_YEARS,
};
use talent_core::Dataset;

/// Fact of the "US net inflow zero" preset and its check line.
const NET_FLOW_FACT: &str = "zeki25_us_net_flow";
/// Fact saying whom Zeki counts.
const ZEKI_COVERAGE_FACT: &str = "zeki25_coverage";
/// Facts giving the sizes of the MacroPolo samples, for the chart subtitle.
const SAMPLE_2019_FACT: &str = "mp19_sample_size";
const SAMPLE_2022_FACT: &str = "mp22_sample_papers";

/// Colour of each work place, in [`Region`] order, on a light and on a dark page.
const COLOURS: [[plotters::style::RGBColor; 3]; 2] = [
    [theme::SERIES_US, theme::SERIES_CHINA, theme::SERIES_REST],
    [
        theme::SERIES_US_DARK,
        theme::SERIES_CHINA,
        theme::SERIES_REST,
    ],
];

/// The What-if page.
#[component]
pub fn WhatIfView() -> impl IntoView {
    let state = use_app_state();
    let data = Dataset::embedded();
    let scenario = state.scenario;
    let lang = state.lang;
    let t = move |m: WhatIfMsg| m.text(lang.get());
    let ts = move |m: WhatIfMsg| Signal::derive(move || m.text(lang.get()).to_string());

    let projection = Memo::new(move |_| scenario.with(project));
    // The scenario once the sliders settle, for what need not follow every step of a
    // dragged slider: the presets' pressed states (checking the net-inflow preset solves
    // for a parameter with 50 projections) and the checks below the chart (three more
    // projections and a table). A preset or Reset settles it at once.
    let settled = settled(move || scenario.get());
    let observed = observed_points(data);
    let chart =
        Memo::new(move |_| projection.with(|p| chart_data(p, &observed, lang.get(), state.dark())));
    // Computed now, so that the chart's memos are the first to hear of a slider step and
    // the chart redraws before the text around it is rewritten.
    chart.with_untracked(|_| ());
    let table = Signal::derive(move || chart_table(&chart.get(), lang.get()));
    let sentence = Memo::new(move |_| {
        let lang = lang.get();
        let s = scenario.get();
        projection.with(|p| {
            let last = p.last();
            strings::sentence(
                &SentenceValues {
                    retention: s.us_retention_china,
                    retention_over: s.us_retention_china_six_years(),
                    window: RETENTION_VIEW_YEARS,
                    to_us: s.china_to_us,
                    stay: s.china_stay,
                    growth: s.cohort_growth,
                    year: last.year,
                    shares: last.work_share,
                    china_origin: last.china_origin_share_of_us,
                    crossover: p.crossover_year,
                },
                lang,
            )
        })
    });

    let subtitle = Signal::derive(move || chart_subtitle(data, &chart.get(), lang.get()));
    let source = Signal::derive(move || model_sources(data, lang.get()));

    let on_method_link = move |ev: web_sys::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        // Stay in the app so the scenario is kept, then bring the section into view.
        ev.prevent_default();
        state.view.set(View::Sources);
        request_animation_frame(method::show_projection_section);
    };

    view! {
        <section class="view whatif" data-testid="view-whatif">
            <h1>{move || t(WhatIfMsg::Heading)}</h1>
            <p class="intro">{move || t(WhatIfMsg::Intro)}</p>
            <p class="whatif-note" data-testid="whatif-note">
                <strong>{move || t(WhatIfMsg::NotForecast)}</strong> " "
                <a href="?v=1&view=sources#projection" data-testid="whatif-method-link" on:click=on_method_link>
                    {move || t(WhatIfMsg::MethodLink)}
                </a>
            </p>
            <div class="whatif-grid">
                <Controls settled=settled />
                <div class="whatif-outputs">
                    <p class="whatif-sentence" data-testid="whatif-sentence">{move || sentence.get()}</p>
                    <ChartFrame
                        id="whatif-shares"
                        title=ts(WhatIfMsg::ChartTitle)
                        subtitle=subtitle
                        caveat=ts(WhatIfMsg::ChartCaveat)
                        source=source
                        table=table
                        notes=Signal::derive(move || vec![talent_core::link::cite::scenario_line(&scenario.get(), lang.get())])
                    >
                        <LineChart id="whatif-shares" data=chart.into() />
                        <ChartKey />
                    </ChartFrame>
                    <Results projection=projection observed=observed />
                </div>
            </div>
            <Checks settled=settled />
        </section>
    }
}

/// Sliders, presets and Reset.
#[component]
fn Controls(
    /// The scenario once the sliders settle (see `WhatIfView`).
    settled: RwSignal<Scenario>,
) -> impl IntoView {
    let state = use_app_state();
    let data = Dataset::embedded();
    let scenario = state.scenario;
    let lang = state.lang;
    let t = move |m: WhatIfMsg| m.text(lang.get());
    let ts = move |m: WhatIfMsg| Signal::derive(move || m.text(lang.get()).to_string());
    // Memos, so that moving one slider does not rewrite the others' values and texts.
    let get = move |f: fn(&Scenario) -> f64| Signal::from(Memo::new(move |_| scenario.with(f)));
    let text = move |f: fn(&Scenario, Lang) -> String| {
        Signal::from(Memo::new(move |_| scenario.with(|s| f(s, lang.get()))))
    };
    let set =
        move |f: fn(&mut Scenario, f64)| Callback::new(move |v: f64| scenario.update(|s| f(s, v)));

    // A preset or Reset: the scenario, settled at once (no slider is being dragged).
    let choose = move |chosen: Scenario| {
        scenario.set(chosen);
        settled.set(chosen);
    };

    let presets = Preset::ALL
        .into_iter()
        .filter(|p| *p != Preset::Reset)
        .map(|preset| {
            // Pressed when applying the preset would change nothing.
            let pressed = Memo::new(move |_| settled.with(|s| same(&preset.apply_to(data, s), s)));
            view! {
                <button
                    type="button"
                    data-testid=format!("preset-{}", preset.key())
                    aria-pressed=move || pressed.get().to_string()
                    on:click=move |_| choose(scenario.with_untracked(|s| preset.apply_to(data, s)))
                >
                    {move || preset.label(data, lang.get())}
                </button>
            }
        })
        .collect_view();

    view! {
        <div class="whatif-controls" role="group" aria-labelledby="whatif-assumptions">
            <h2 id="whatif-assumptions">{move || t(WhatIfMsg::Assumptions)}</h2>
            <Slider
                id="whatif-retention"
                label=ts(WhatIfMsg::RetentionLabel)
                hint=ts(WhatIfMsg::RetentionHint)
                min=RETENTION_MIN * 100.0
                max=RETENTION_MAX * 100.0
                step=0.1
                value=get(|s| s.us_retention_china * 100.0)
                value_text=text(|s, lang| strings::retention_text(
                    s.us_retention_china,
                    s.us_retention_china_six_years(),
                    RETENTION_VIEW_YEARS,
                    lang,
                ))
                on_input=set(|s, v| s.set_us_retention_china(v / 100.0))
            />
            <div class="whatif-coupled" role="group" aria-describedby="whatif-coupled-hint">
                <Slider
                    id="whatif-to-us"
                    label=ts(WhatIfMsg::ToUsLabel)
                    min=0.0
                    max=100.0
                    step=1.0
                    value=get(|s| s.china_to_us * 100.0)
                    value_text=text(|s, lang| strings::pct(s.china_to_us, lang))
                    on_input=set(|s, v| s.set_share_china_to_us(v / 100.0))
                />
                <Slider
                    id="whatif-stay"
                    label=ts(WhatIfMsg::StayLabel)
                    min=0.0
                    max=100.0
                    step=1.0
                    value=get(|s| s.china_stay * 100.0)
                    value_text=text(|s, lang| strings::pct(s.china_stay, lang))
                    on_input=set(|s, v| s.set_share_china_stay(v / 100.0))
                />
                <p class="whatif-elsewhere">
                    <span>{move || t(WhatIfMsg::ElsewhereLabel)}</span>
                    <output data-testid="whatif-elsewhere-value">
                        {move || scenario.with(|s| strings::pct(s.china_to_rest, lang.get()))}
                    </output>
                </p>
                <p class="whatif-hint" id="whatif-coupled-hint">{move || t(WhatIfMsg::CoupledHint)}</p>
            </div>
            <Slider
                id="whatif-growth"
                label=ts(WhatIfMsg::GrowthLabel)
                hint=ts(WhatIfMsg::GrowthHint)
                min=GROWTH_MIN * 100.0
                max=GROWTH_MAX * 100.0
                step=0.5
                value=get(|s| s.cohort_growth * 100.0)
                value_text=text(|s, lang| format!(
                    "{} {}",
                    strings::growth(s.cohort_growth, lang),
                    WhatIfMsg::APerYear.text(lang)
                ))
                on_input=set(|s, v| s.set_cohort_growth(v / 100.0))
            />
            <Slider
                id="whatif-horizon"
                label=ts(WhatIfMsg::HorizonLabel)
                min=f64::from(MIN_END_YEAR)
                max=f64::from(MAX_END_YEAR)
                step=1.0
                value=get(|s| f64::from(s.end_year))
                value_text=text(|s, _| s.end_year.to_string())
                on_input=set(|s, v| s.set_end_year(v.round().clamp(0.0, f64::from(u16::MAX)) as u16))
            />
            <div class="whatif-presets" role="group" aria-labelledby="whatif-presets-heading">
                <h3 id="whatif-presets-heading">{move || t(WhatIfMsg::Presets)}</h3>
                <p class="whatif-hint">{move || t(WhatIfMsg::PresetsHint)}</p>
                <div class="whatif-preset-buttons">{presets}</div>
                <button
                    type="button"
                    class="whatif-reset"
                    data-testid="whatif-reset"
                    on:click=move |_| choose(Preset::Reset.apply(data))
                >
                    {move || Preset::Reset.label(data, lang.get())}
                </button>
            </div>
        </div>
    }
}

/// A labelled native range input that shows its value as text.
#[component]
fn Slider(
    /// Element id and test id.
    id: &'static str,
    /// Visible label.
    label: Signal<String>,
    /// One line of help under the slider.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Lowest value, in slider units.
    min: f64,
    /// Highest value, in slider units.
    max: f64,
    /// Keyboard step, in slider units.
    step: f64,
    /// Current value, in slider units.
    value: Signal<f64>,
    /// Current value as text, also given to screen readers.
    value_text: Signal<String>,
    /// Called with the new value, in slider units, on every `input` event.
    on_input: Callback<f64>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    // The value is written only when it differs from the element's: while a reader drags
    // the slider they are equal, and writing it anyway costs a layout per step. Set after
    // min, max and step, so it is never clamped to the default 0..100.
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let wanted = value.get();
        if let Some(element) = input.get() {
            let current = element.value().parse::<f64>().ok();
            if current.is_none_or(|c| (c - wanted).abs() > 1e-9) {
                element.set_value(&wanted.to_string());
            }
        }
    });
    view! {
        <div class="whatif-slider">
            <div class="whatif-slider-head">
                <label for=id>{move || label.get()}</label>
                <output for=id data-testid=format!("{id}-value")>{move || value_text.get()}</output>
            </div>
            <input
                type="range"
                id=id
                data-testid=id
                min=min.to_string()
                max=max.to_string()
                step=step.to_string()
                node_ref=input
                aria-valuetext=move || value_text.get()
                aria-describedby=described
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        on_input.run(v);
                    }
                }
            />
            {hint.map(|h| view! { <p class="whatif-hint" id=hint_id>{move || h.get()}</p> })}
        </div>
    }
}

/// The key under the chart: what a line and a diamond are.
#[component]
fn ChartKey() -> impl IntoView {
    let lang = use_app_state().lang;
    // Drawn in the text colour of the key, so the marks follow the page theme.
    view! {
        <ul class="whatif-key" aria-hidden="true">
            <li>
                <svg width="28" height="12" viewBox="0 0 28 12">
                    <line x1="1" y1="6" x2="27" y2="6" stroke="currentColor" stroke-width="2.5"></line>
                </svg>
                {move || WhatIfMsg::KeyModel.text(lang.get())}
            </li>
            <li>
                <svg width="16" height="16" viewBox="0 0 16 16">
                    <polygon points="8,1.5 14.5,8 8,14.5 1.5,8" fill="none" stroke="currentColor" stroke-width="2"></polygon>
                </svg>
                {move || WhatIfMsg::KeyObserved.text(lang.get())}
            </li>
        </ul>
    }
}

/// The figures at the horizon.
#[component]
fn Results(projection: Memo<Projection>, observed: [Observed; 2]) -> impl IntoView {
    let lang = use_app_state().lang;
    let t = move |m: WhatIfMsg| m.text(lang.get());
    let at_end =
        move |f: fn(&Projection, Lang) -> String| move || projection.with(|p| f(p, lang.get()));
    let observed_origin = move || {
        let lang = lang.get();
        let parts: Vec<String> = observed
            .iter()
            .map(|o| {
                let share = share_text(o.china_origin_share_of_us, lang);
                match lang {
                    Lang::En => format!("{share} ({})", o.year),
                    Lang::Zh => format!("{share}（{}年）", o.year),
                }
            })
            .collect();
        match lang {
            Lang::En => format!("{}: {}", WhatIfMsg::Observed.text(lang), parts.join(", ")),
            Lang::Zh => format!("{}：{}", WhatIfMsg::Observed.text(lang), parts.join("、")),
        }
    };
    let by_year = move || {
        let year = projection.with(|p| p.last().year);
        match lang.get() {
            Lang::En => format!("by {year}"),
            Lang::Zh => format!("至{year}年"),
        }
    };
    let per_pool = move || {
        let start = projection.with(|p| p.points[0].year);
        strings::per_pool(BASELINE_POOL, start, lang.get())
    };
    view! {
        <section class="whatif-results" aria-labelledby="whatif-results-heading">
            <h2 id="whatif-results-heading" class="visually-hidden">{move || t(WhatIfMsg::Results)}</h2>
            <dl class="whatif-stats">
                <div>
                    <dt>{move || t(WhatIfMsg::ChinaOriginShare)}</dt>
                    <dd class="whatif-stat" data-testid="whatif-china-origin">
                        {at_end(|p, lang| strings::pct1(p.last().china_origin_share_of_us, lang))}
                    </dd>
                    <dd class="whatif-sub">{by_year} " · " {observed_origin}</dd>
                </div>
                <div>
                    <dt>{move || t(WhatIfMsg::Returnees)}</dt>
                    <dd class="whatif-stat" data-testid="whatif-returnees">
                        {at_end(|p, lang| format::number(p.last().returnees_to_china, 1, lang))}
                    </dd>
                    <dd class="whatif-sub">{by_year} " · " {per_pool}</dd>
                </div>
                <div>
                    <dt>{move || t(WhatIfMsg::Crossover)}</dt>
                    <dd class="whatif-stat" data-testid="whatif-crossover">
                        {at_end(|p, lang| strings::crossover_text(p.crossover_year, p.last().year, lang))}
                    </dd>
                </div>
                <div>
                    <dt>{move || t(WhatIfMsg::PoolSize)}</dt>
                    <dd class="whatif-stat" data-testid="whatif-pool">
                        {at_end(|p, lang| format::number(p.last().total, 0, lang))}
                    </dd>
                    <dd class="whatif-sub">{by_year} " · " {per_pool}</dd>
                </div>
            </dl>
        </section>
    }
}

/// The back-test against MacroPolo 2022, the Carnegie cohort and Zeki's net inflow,
/// all for the scenario on the sliders once they settle.
#[component]
fn Checks(
    /// The scenario once the sliders settle (see `WhatIfView`).
    settled: RwSignal<Scenario>,
) -> impl IntoView {
    let state = use_app_state();
    let data = Dataset::embedded();
    let scenario = settled;
    let lang = state.lang;
    let t = move |m: WhatIfMsg| m.text(lang.get());
    let test = Memo::new(move |_| scenario.with(|s| backtest(data, s)));
    let carnegie = Memo::new(move |_| scenario.with(|s| carnegie_check(data, s)));
    let net_fact = data.fact(NET_FLOW_FACT);
    let net_year = net_fact.map(|f| f.year);
    let net = Memo::new(move |_| {
        let year = net_year?;
        let mut s = scenario.get();
        s.set_end_year(year);
        project(&s).at(year).map(|p| p.us_net_inflow)
    });

    let rows = move || {
        let lang = lang.get();
        let b = test.get();
        let cells = |f: &dyn Fn(usize) -> String| Region::ALL.map(|r| f(r.index()));
        let (model, observed) = match lang {
            Lang::En => (
                format!("Model, {}", b.year),
                format!("Observed, MacroPolo {}", b.year),
            ),
            Lang::Zh => (
                format!("模型，{}年", b.year),
                format!("观测值，MacroPolo {}年", b.year),
            ),
        };
        [
            (model, cells(&|i| strings::pct1(b.model[i], lang))),
            (observed, cells(&|i| share_text(b.observed[i], lang))),
            (
                WhatIfMsg::Error.text(lang).to_string(),
                cells(&|i| format::point_change((b.error_pp[i] * 10.0).round() / 10.0, lang)),
            ),
        ]
        .into_iter()
        .map(|(head, cells)| {
            view! {
                <tr>
                    <th scope="row">{head}</th>
                    {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view()
    };
    let mean = move || {
        let lang = lang.get();
        let b = test.get();
        let e = format::number(b.mean_abs_error_pp, 1, lang);
        match lang {
            Lang::En => format!("Mean absolute error over the US and China: {e} pp."),
            Lang::Zh => format!("美国和中国的平均绝对误差：{e}个百分点。"),
        }
    };
    let carnegie_line = move || {
        let c = carnegie.get();
        let start = data.fact("cg25_cohort_size").map_or(0, |f| f.year);
        strings::carnegie_text(
            c.cohort,
            start,
            c.years,
            c.in_us,
            c.in_china,
            c.elsewhere,
            [c.observed_in_us, c.observed_in_china, c.observed_elsewhere],
            lang.get(),
        )
    };
    let net_line = move || {
        let lang = lang.get();
        let (fact, year, model) = (net_fact?, net_year?, net.get()?);
        let value = format::number(fact.number()?, 0, lang);
        let zeki = if matches!(fact.qualifier, Some(Qualifier::Approx)) {
            match lang {
                Lang::En => format!("about {value}"),
                Lang::Zh => format!("约为{value}"),
            }
        } else {
            value
        };
        let pool = strings::per_pool(BASELINE_POOL, Baseline::embedded().year, lang);
        Some(strings::net_inflow_text(year, model, &zeki, &pool, lang))
    };
    let zeki_note = move || {
        let fact = data.fact(ZEKI_COVERAGE_FACT)?;
        Some(strings::zeki_note(
            fact.related("individuals").or_else(|| fact.number())?,
            fact.related("countries")?,
            lang.get(),
        ))
    };

    view! {
        <section class="whatif-checks" data-testid="whatif-backtest" aria-labelledby="whatif-checks-heading">
            <h2 id="whatif-checks-heading">{move || t(WhatIfMsg::Checks)}</h2>
            <p>{move || t(WhatIfMsg::BacktestIntro)}</p>
            <div class="table-wrap">
                <table data-testid="whatif-backtest-table">
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">{move || t(WhatIfMsg::Year)}</span></th>
                            {Region::ALL.map(|r| view! { <th scope="col">{move || r.label(lang.get())}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p data-testid="whatif-backtest-mean">{mean}</p>
            <p class="caveat">{move || t(WhatIfMsg::BacktestCaveat)}</p>
            <p data-testid="whatif-carnegie">{carnegie_line}</p>
            <p data-testid="whatif-net-inflow">{net_line}</p>
            <p class="caveat">{zeki_note}</p>
        </section>
    }
}

/// The three lines and the observed MacroPolo points.
fn chart_data(p: &Projection, observed: &[Observed; 2], lang: Lang, dark: bool) -> LineChartData {
    let colours = COLOURS[usize::from(dark)];
    LineChartData {
        start_year: p.points.first().map_or(0, |pt| pt.year),
        lines: Region::ALL
            .into_iter()
            .map(|r| Line {
                label: r.label(lang).to_string(),
                colour: colours[r.index()],
                values: p.points.iter().map(|pt| pt.share(r)).collect(),
            })
            .collect(),
        observed: observed
            .iter()
            .flat_map(|o| {
                Region::ALL.map(|r| ObservedMark {
                    year: o.year,
                    line: r.index(),
                    value: o.work_share[r.index()],
                })
            })
            .collect(),
        observed_source: "MacroPolo".to_string(),
    }
}

/// Exactly the plotted numbers: one row per year, and the observed points.
fn chart_table(chart: &LineChartData, lang: Lang) -> TableData {
    let mut headers = vec![WhatIfMsg::Year.text(lang).to_string()];
    headers.extend(chart.lines.iter().map(|l| l.label.clone()));
    let years = usize::from(chart.end_year() - chart.start_year) + 1;
    let mut rows = Vec::with_capacity(years + chart.observed.len());
    for i in 0..years {
        let year = chart.start_year + i as u16;
        let mut row = vec![year.to_string()];
        row.extend(chart.lines.iter().map(|l| {
            l.values
                .get(i)
                .map_or_else(String::new, |v| share_text(*v, lang))
        }));
        rows.push(row);
        let marks: Vec<&ObservedMark> = chart
            .visible_observed()
            .filter(|m| m.year == year)
            .collect();
        if !marks.is_empty() {
            let head = match lang {
                Lang::En => format!("{year} ({})", WhatIfMsg::ObservedRow.text(lang)),
                Lang::Zh => format!("{year}年（{}）", WhatIfMsg::ObservedRow.text(lang)),
            };
            let mut row = vec![head];
            row.extend((0..chart.lines.len()).map(|line| {
                marks
                    .iter()
                    .find(|m| m.line == line)
                    .map_or_else(String::new, |m| share_text(m.value, lang))
            }));
            rows.push(row);
        }
    }
    TableData { headers, rows }
}

/// What is counted, the years, and the sample sizes from the data pack.
fn chart_subtitle(data: &Dataset, chart: &LineChartData, lang: Lang) -> String {
    let (start, end) = (chart.start_year, chart.end_year());
    let n19 = data
        .number(SAMPLE_2019_FACT)
        .map(|v| format::number(v, 0, lang))
        .unwrap_or_default();
    let n22 = data
        .fact(SAMPLE_2022_FACT)
        .and_then(|f| f.related("authors"))
        .map(|v| format::number(v, 0, lang))
        .unwrap_or_default();
    let y22 = data.fact(SAMPLE_2022_FACT).map_or(0, |f| f.year);
    match lang {
        Lang::En => format!(
            "Share of top-tier AI researchers (authors of accepted NeurIPS papers) by their employer's country, {start}–{end}. The model starts from MacroPolo's {start} sample (n = {n19}); diamonds: observed in {start} (n = {n19}) and {y22} (n = {n22} authors)."
        ),
        Lang::Zh => format!(
            "顶尖AI研究人员（NeurIPS 录用论文作者）按雇主所在国的占比，{start}—{end}年。模型以 MacroPolo {start} 年样本（n = {n19}）为起点；菱形为观测值：{start} 年（n = {n19}）和 {y22} 年（n = {n22} 名作者）。"
        ),
    }
}

/// The reports the defaults come from, named by the data pack.
fn model_sources(data: &Dataset, lang: Lang) -> String {
    let mut ids: Vec<&str> = Baseline::sources();
    ids.extend(Scenario::sources().into_iter().map(|(_, id)| id));
    let mut names: Vec<&str> = Vec::new();
    for id in ids {
        if let Some(info) = data.fact(id).and_then(|f| data.dataset_of(f)) {
            if !names.contains(&info.name.as_str()) {
                names.push(&info.name);
            }
        }
    }
    let model = match lang {
        Lang::En => "the app's stock-flow model",
        Lang::Zh => "本应用的存量—流量模型",
    };
    format!("{}; {model}", names.join("; "))
}

/// Every number of a scenario, to compare two of them.
fn numbers(s: &Scenario) -> [f64; 18] {
    [
        f64::from(s.end_year),
        s.cohort_growth,
        s.first_cohort,
        s.origin_us,
        s.origin_china,
        s.origin_rest,
        s.china_to_us,
        s.china_stay,
        s.china_to_rest,
        s.us_stay,
        s.us_to_china,
        s.us_to_rest,
        s.rest_to_us,
        s.rest_to_china,
        s.rest_stay,
        s.us_retention_china,
        s.other_retention,
        s.return_home_share,
    ]
}

/// Equal up to rounding (a preset found by bisection is not bit-exact).
fn same(a: &Scenario, b: &Scenario) -> bool {
    numbers(a)
        .iter()
        .zip(numbers(b))
        .all(|(x, y)| (x - y).abs() <= 1e-9)
}
