//! The What-if page: the sliders of the model with their values, the chart of the
//! projected work shares with their band (which stays in view above the sliders on a
//! phone), the sentence with ranges, the figures at the horizon, presets that list what
//! they set, a baseline to pin, which lever matters, and the back-test. Everything is
//! baked for the default scenario; the app enables the controls and rewrites the texts
//! from the same functions (`talent_core::series::whatif`).

use crate::figure::{figure, figure_parts, write_pictures, Style};
use crate::html::{bi, each};
use crate::layout::{MAIN, WHATIF};
use crate::Site;
use maud::{html, Markup};
use talent_core::catalog::Chart;
use talent_core::copy;
use talent_core::link::url_state::View;
use talent_core::model::projection::{Model, Param, Preset};
use talent_core::series::whatif;
use talent_core::Lang;

/// A text the app rewrites, in both languages, under `data-text=<key>`.
fn live(key: &str, f: impl Fn(Lang) -> String) -> Markup {
    html! { span data-text=(key) { (each(f)) } }
}

fn slider(site: &Site, model: &Model, param: Param) -> Markup {
    let scenario = model.defaults();
    let key = param.key();
    let (min, max, step) = whatif::slider_range(param);
    let id = format!("slider-{key}");
    let hint_en = whatif::hint(param, site.data, Lang::En);
    html! {
        div.whatif-slider {
            div.whatif-slider-head {
                label for=(id) { (each(|l| param.label(l).to_string())) }
                output for=(id) data-param-value=(key) { (live(&format!("value-{key}"), |l| whatif::value_text(param, scenario, l))) }
            }
            input type="range" id=(id) data-param=(key) min=(min) max=(max) step=(step)
                value=(whatif::slider_value(param, scenario)) disabled
                aria-describedby=[hint_en.as_ref().map(|_| format!("{id}-hint"))];
            @if hint_en.is_some() {
                p.whatif-hint id={ (id) "-hint" } { (each(|l| whatif::hint(param, site.data, l).unwrap_or_default())) }
            }
        }
    }
}

/// The main element of the What-if page.
pub fn body(site: &Site, prefix: &str) -> Result<Markup, String> {
    let model = Model::embedded();
    let defaults = model.defaults();
    let banded = model.banded(defaults);
    let (first_jobs, retention) = whatif::levers(model, defaults);
    let shares = write_pictures(site, Chart::WhatIfShares)?;
    let (pinned, details) = figure_parts(
        site,
        Chart::WhatIfShares,
        &shares,
        &WHATIF,
        prefix,
        Style::Pinned,
    );
    let sensitivity = write_pictures(site, Chart::WhatIfSensitivity)?;
    let n = |v: f64| talent_core::format::number(v, 0, Lang::En);
    let presets: Vec<Preset> = Preset::ALL
        .into_iter()
        .filter(|p| *p != Preset::Reset)
        .collect();
    let elsewhere = |l: Lang| whatif::pct(defaults.get(Param::ChinaToRest), l);
    Ok(html! {
        main id="main" tabindex="-1" {
            section.view.whatif data-whatif="" {
                h1 { (bi(copy::WHATIF_TITLE)) }
                p.intro { (each(|l| copy::WHATIF_LEVER_INTRO.fill(l, &[("first_jobs", &n(first_jobs)), ("retention", &n(retention))]))) }
                p.whatif-note {
                    strong { (bi(copy::WHATIF_NOT_FORECAST)) } " "
                    a href={ (prefix) "sources/#projection" } data-view="sources" { (bi(copy::WHATIF_METHOD_LINK)) }
                }
                div.whatif-layout {
                    div.whatif-output {
                        p.whatif-sentence { (live("sentence", |l| whatif::sentence(&banded, l))) }
                        (pinned)
                        p.whatif-pinned hidden data-pinned-note="" { (bi(copy::WHATIF_PINNED_NOTE)) }
                    }
                    div.whatif-controls role="group" aria-labelledby="whatif-assumptions" {
                        h2 id="whatif-assumptions" { (bi(copy::WHATIF_ASSUMPTIONS)) }
                        (slider(site, model, Param::RetentionUsChina))
                        div.whatif-coupled role="group" aria-describedby="whatif-coupled" {
                            (slider(site, model, Param::ChinaToUs))
                            (slider(site, model, Param::ChinaStay))
                            p.whatif-elsewhere {
                                span { (bi(copy::WHATIF_ELSEWHERE)) }
                                output data-param-value="cr" { (live("value-cr", elsewhere)) }
                            }
                            p.whatif-hint id="whatif-coupled" { (bi(copy::WHATIF_COUPLED)) }
                        }
                        (slider(site, model, Param::Growth))
                        (slider(site, model, Param::EndYear))
                        div.whatif-buttons {
                            button type="button" data-reset="" disabled { (bi(copy::WHATIF_RESET)) }
                            button type="button" data-pin="" aria-pressed="false" disabled { (bi(copy::WHATIF_PIN)) }
                        }
                        div.whatif-presets {
                            h3 { (bi(copy::WHATIF_PRESETS)) }
                            p.whatif-hint { (bi(copy::WHATIF_PRESETS_HINT)) }
                            @for preset in &presets {
                                div.whatif-preset {
                                    button type="button" data-preset=(preset.key()) aria-pressed="false" disabled {
                                        (each(|l| preset.label(model, l)))
                                    }
                                    ul.preset-changes data-preset-changes=(preset.key()) {
                                        @for (i, _) in whatif::preset_changes(model, *preset, defaults, Lang::En).iter().enumerate() {
                                            li { (each(|l| whatif::preset_changes(model, *preset, defaults, l).get(i).cloned().unwrap_or_default())) }
                                        }
                                    }
                                    @if let Some(m) = preset.population_mismatch() {
                                        p.mismatch { (each(|l| copy::WHATIF_MISMATCH.fill(l, &[("population", site.data.fact(m.fact).map_or("", |f| f.population(l)))]))) }
                                    }
                                }
                            }
                        }
                    }
                }
                (details)
                section.whatif-results aria-labelledby="whatif-results" {
                    h2 id="whatif-results" { (bi(copy::WHATIF_RESULTS)) }
                    dl.whatif-stats {
                        @for (i, figure) in whatif::results(site.data, &banded, Lang::En).iter().enumerate() {
                            div {
                                dt { (each(|l| whatif::results(site.data, &banded, l).get(i).map(|f| f.name.clone()).unwrap_or_default())) }
                                dd.whatif-stat { (live(&format!("result-{}", figure.key), |l| whatif::results(site.data, &banded, l).get(i).map(|f| f.value.clone()).unwrap_or_default())) }
                            }
                        }
                    }
                }
                section.whatif-compare hidden data-compare="" aria-labelledby="whatif-compare" {
                    h2 id="whatif-compare" { span data-text="compare-heading" {} }
                    div.table-wrap tabindex="0" role="region" aria-labelledby="whatif-compare" {
                        table {
                            thead { tr {
                                th scope="col" { (bi(copy::WHATIF_MEASURE)) }
                                th scope="col" { (bi(copy::WHATIF_COMPARE_SCENARIO)) }
                                th scope="col" { (bi(copy::WHATIF_COMPARE_BASELINE)) }
                                th scope="col" { (bi(copy::WHATIF_COMPARE_DIFFERENCE)) }
                            } }
                            tbody data-compare-rows="" {}
                        }
                    }
                }
                (figure(site, Chart::WhatIfSensitivity, &sensitivity, &MAIN, prefix, Style::Page))
                section.whatif-checks id="whatif-checks" aria-labelledby="whatif-checks-heading" {
                    h2 id="whatif-checks-heading" { (bi(copy::WHATIF_CHECKS)) }
                    p { (bi(copy::WHATIF_BACKTEST_INTRO)) }
                    div.table-wrap tabindex="0" role="region" aria-labelledby="whatif-checks-heading" {
                        table {
                            thead { tr {
                                th scope="col" { (bi(copy::WHATIF_MEASURE)) }
                                th scope="col" { (bi(copy::WHATIF_MODEL)) }
                                th scope="col" { (bi(copy::WHATIF_OBSERVED)) }
                                th scope="col" { (bi(copy::WHATIF_ERROR)) }
                            } }
                            tbody data-backtest-rows="" {
                                @for (i, _) in whatif::backtest_rows(model, defaults, Lang::En).iter().enumerate() {
                                    tr {
                                        @for c in 0..4 {
                                            @let cell = |l: Lang| whatif::backtest_rows(model, defaults, l)[i][c].clone();
                                            @if c == 0 { th scope="row" { (each(cell)) } } @else { td { (each(cell)) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    p data-text-block="carnegie" { (live("carnegie", |l| whatif::carnegie_line(site.data, model, defaults, l))) }
                    p.caveat { (each(|l| whatif::calibrated_line(model, l))) }
                }
            }
            (super::share::section(site, View::WhatIf, prefix))
        }
    })
}
